//! A large installation for the scale benchmarks: the sample modules packed again under many
//! module ids, installed into one data directory.

use std::path::Path;

use dlis::{Library, Manifest};

#[path = "../../tests/integration/tree.rs"]
mod tree;
use tree::copy_dir;

const SAMPLES: [&str; 3] = ["faire-avec", "ethique-mediation", "exclusion-numerique"];

/// Installs `count` modules into `data`, made from the samples in `samples` (the repository's
/// `modules/`; source folders copied with a new id and title); returns their manifests. The
/// sources and bundles go under `work`.
pub fn install_modules(samples: &Path, work: &Path, data: &Path, count: usize) -> Vec<Manifest> {
    let library = Library::new(data);
    (0..count)
        .map(|n| {
            let sample = SAMPLES[n % SAMPLES.len()];
            let source = work.join(format!("src-{n:04}"));
            copy_dir(&samples.join(sample), &source);
            let path = source.join("module.json");
            let mut manifest: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            manifest["id"] = format!("bench.{sample}-{n:04}").into();
            for title in manifest["title"].as_object_mut().unwrap().values_mut() {
                *title = format!("{} ({n})", title.as_str().unwrap()).into();
            }
            std::fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
            let bundle = work.join(format!("bundle-{n:04}.zip"));
            dlis::bundle::pack::pack(&source, &bundle, &Default::default(), &dlis::progress::Silent).unwrap();
            std::fs::remove_dir_all(&source).unwrap();
            let (installed, _) = library.install(&bundle, false, &dlis::progress::Silent).unwrap();
            std::fs::remove_file(&bundle).unwrap();
            (*installed.manifest).clone()
        })
        .collect()
}
