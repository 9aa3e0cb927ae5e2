//! What the app's benchmarks share.

use std::path::{Path, PathBuf};

#[path = "../../../benches/support/large.rs"]
mod large;

/// Sample bundles, installed in a data dir with a learner whose profile is open.
pub fn prepared_data_dir(dir: &Path) -> (PathBuf, PathBuf) {
    let samples = dir.join("samples");
    std::fs::create_dir_all(&samples).unwrap();
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules");
    let data = dir.join("data");
    let library = dlis::Library::new(&data);
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let bundle = samples.join(format!("{name}.zip"));
        dlis::bundle::pack::pack(&modules.join(name), &bundle, &Default::default(), &dlis::progress::Silent)
            .unwrap();
        library.install(&bundle, false, &dlis::progress::Silent).unwrap();
    }
    let store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let learner = store.create_learner("Bench", "fr", None).unwrap();
    store.switch_learner(&learner.id).unwrap();
    store.set_setting("app.samples_installed", "1").unwrap();
    (data, samples)
}

/// A module whose capsule is `megabytes` of incompressible bytes behind a WebM header (as
/// `benches/install.rs` makes it), packed into `out`.
pub fn large_bundle(dir: &Path, megabytes: u64, out: &Path) {
    large::write_source(dir, megabytes);
    dlis::bundle::pack::pack(dir, out, &Default::default(), &dlis::progress::Silent).unwrap();
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
