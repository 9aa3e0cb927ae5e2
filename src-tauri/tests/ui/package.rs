//! The `.deb` as a Linux user gets it: `scripts/deb-test.sh` installs it with apt-get, and this
//! test starts the installed program with an empty home directory. On its first start it finds
//! the sample modules the package ships and installs them into that home.

use std::path::PathBuf;

use serde_json::json;

use crate::driver::{App, Display};

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the .deb installed; scripts/deb-test.sh installs it and runs this test"]
async fn the_installed_package_starts_in_an_empty_home_with_the_sample_modules() {
    let program = std::env::var_os("DLIS_TEST_INSTALLED_APP")
        .map(PathBuf::from)
        .expect("DLIS_TEST_INSTALLED_APP names the installed program, e.g. /usr/bin/dlis-learn");
    let _window = crate::WINDOW.lock().await;
    let home = crate::temp();
    let data_home = home.path().join(".local/share");
    let display = Display::get();

    let app =
        App::start_program(&display, &program, &[("HOME", home.path()), ("XDG_DATA_HOME", &data_home)]).await;
    crate::create_profile(&app, "Amina").await;
    assert_eq!(
        app.js("return document.querySelectorAll('[data-testid^=module-card-]').length").await,
        json!(4)
    );
    app.close().await;

    let (installed, problems) = dlis::Library::new(data_home.join("dlis-learn")).list().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let mut ids: Vec<String> = installed.iter().map(|m| m.manifest.id.clone()).collect();
    ids.sort();
    assert_eq!(
        ids,
        ["dlis.agilite-numerique", "dlis.ethique-mediation", "dlis.exclusion-numerique", "dlis.faire-avec"]
    );
}
