//! End-to-end tests of the desktop app: the real binary in a real WebKitGTK window (Xvfb when
//! there is no display), driven through WebDriver (`tauri-driver` + Debian's
//! `WebKitWebDriver`), the way a learner uses it.

mod driver;

use std::path::{Path, PathBuf};

use driver::{App, Display};
use tempfile::TempDir;

/// One window at a time: the sessions share the X display and the machine's two cores.
static WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The sample modules of `modules/`, packed as the app ships them.
fn sample_bundles(dir: &Path) -> PathBuf {
    let out = dir.join("samples");
    std::fs::create_dir_all(&out).unwrap();
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules");
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        dlis::bundle::pack::pack(
            &modules.join(name),
            &out.join(format!("{name}.zip")),
            &dlis::bundle::Limits::default(),
            &dlis::progress::Silent,
        )
        .unwrap_or_else(|e| panic!("cannot pack {name}: {e}"));
    }
    out
}

fn temp() -> TempDir {
    tempfile::Builder::new().prefix("dlis-ui-").tempdir().unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn first_start_installs_the_sample_modules_and_opens_on_the_profile_picker() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();

    let app = App::start(&display, &data, &samples).await;
    app.find("main").await;
    app.screenshot("first-start").await;
    app.check_accessibility("first start").await;
    app.close().await;

    // The samples were installed by the first start, each verified as a whole.
    let (installed, problems) = dlis::Library::new(&data).list().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let mut ids: Vec<String> = installed.iter().map(|m| m.manifest.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, ["dlis.ethique-mediation", "dlis.exclusion-numerique", "dlis.faire-avec"]);
}
