//! Installing, upgrading, listing, removing and reading modules, as a trainer would.

use std::fs;

use dlis::Library;
use serde_json::Value;

use crate::support::*;

#[test]
fn a_trainer_installs_upgrades_and_removes_a_module() {
    let dir = temp();
    let data = dir.path().join("data");
    let v1 = valid_bundle(dir.path(), "1.0.0");
    let v2 = valid_bundle(dir.path(), "1.1.0");

    dlis(&data).arg("list").assert().success().stdout(predicates::str::contains("no module installed"));
    dlis(&data)
        .arg("install")
        .arg(&v1)
        .assert()
        .success()
        .stdout(predicates::str::contains("installed test.module 1.0.0"));
    assert_eq!(installed(&data)["modules"][0]["version"], "1.0.0");
    assert_eq!(installed(&data)["modules"][0]["verified_by"], Value::Null);

    dlis(&data)
        .arg("install")
        .arg(&v1)
        .assert()
        .success()
        .stdout(predicates::str::contains("already installed"));
    dlis(&data)
        .arg("install")
        .arg(&v2)
        .assert()
        .success()
        .stdout(predicates::str::contains("upgraded test.module from 1.0.0 to 1.1.0"));
    assert_eq!(installed(&data)["modules"].as_array().unwrap().len(), 1);
    assert_eq!(installed(&data)["modules"][0]["version"], "1.1.0");

    dlis(&data).arg("install").arg(&v1).assert().failure().stderr(predicates::str::contains("older"));
    assert_eq!(installed(&data)["modules"][0]["version"], "1.1.0");
    dlis(&data)
        .args(["install", "--force"])
        .arg(&v1)
        .assert()
        .success()
        .stdout(predicates::str::contains("replaced"));
    assert_eq!(installed(&data)["modules"][0]["version"], "1.0.0");

    dlis(&data).args(["remove", "test.module"]).assert().success();
    assert!(installed(&data)["modules"].as_array().unwrap().is_empty());
    dlis(&data)
        .args(["remove", "test.module"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("no module \"test.module\""));
}

#[test]
fn the_same_version_with_other_content_is_refused_without_force() {
    let dir = temp();
    let data = dir.path().join("data");
    let original = valid_bundle(dir.path(), "1.0.0");
    let src = write_source(&dir.path().join("other"), "1.0.0");
    fs::write(src.join("lessons/intro.en.md"), "# Intro, corrected\n").unwrap();
    let changed = dir.path().join("changed.zip");
    dlis(&data).arg("pack").arg(&src).arg("-o").arg(&changed).assert().success();
    dlis(&data).arg("install").arg(&original).assert().success();
    dlis(&data)
        .arg("install")
        .arg(&changed)
        .assert()
        .failure()
        .stderr(predicates::str::contains("already installed with different content"));
}

#[test]
fn assets_are_read_by_byte_range_straight_from_the_installed_zip() {
    let dir = temp();
    let data = dir.path().join("data");
    dlis(&data).arg("install").arg(valid_bundle(dir.path(), "1.0.0")).assert().success();
    let library = Library::new(&data);
    let module = library.open("test.module").unwrap();

    let video = module.info("capsule/capsule.webm").unwrap();
    assert!(video.offset.is_some(), "a STORED video is read at its offset");
    assert_eq!(module.read_range("capsule/capsule.webm", 4..14).unwrap(), &FAKE_WEBM[4..14]);
    assert_eq!(module.read_range("capsule/capsule.webm", 20..u64::MAX).unwrap(), &FAKE_WEBM[20..]);

    let lesson = module.read_range("lessons/intro.en.md", 2..7).unwrap();
    assert_eq!(lesson, b"Intro", "deflated text is decompressed up to the range");

    assert!(module.read_range("capsule/capsule.webm", 1000..1001).is_err());
    assert!(module.read("../module.json").is_err());
    assert!(library.open("not.installed").is_err());
    // Nothing was extracted: the data directory holds only the bundle.
    let files: Vec<_> = fs::read_dir(data.join("modules")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, ["test.module.zip"]);
}

#[test]
fn a_leftover_of_a_killed_install_is_cleaned_by_the_next_one() {
    let dir = temp();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join(".install-crashed.zip"), "half a bundle").unwrap();
    dlis(&data).arg("install").arg(valid_bundle(dir.path(), "1.0.0")).assert().success();
    assert!(!data.join(".install-crashed.zip").exists());
}

#[test]
fn only_installed_modules_can_be_opened_never_a_path() {
    let dir = temp();
    let data = dir.path().join("data");
    let bundle = valid_bundle(dir.path(), "1.0.0");
    dlis(&data).arg("install").arg(&bundle).assert().success();
    // A valid bundle lying next to the data dir, named by a path instead of a module id.
    fs::copy(&bundle, dir.path().join("outside.zip")).unwrap();
    let library = Library::new(&data);
    assert!(library.open("test.module").is_ok());
    for id in ["../../outside", "../outside", "modules/../../outside", "/tmp/x", "Test.Module"] {
        assert!(
            matches!(library.open(id), Err(dlis::library::LibraryError::NotInstalled { .. })),
            "{id} must name no module"
        );
    }
}

#[test]
fn install_errors_say_each_cause_once_and_name_the_file_the_trainer_gave() {
    let dir = temp();
    let data = dir.path().join("data");
    let missing = dir.path().join("missing.zip");
    let output = dlis(&data).arg("install").arg(&missing).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("missing.zip"), "{stderr}");
    assert_eq!(stderr.matches("(os error 2)").count(), 1, "the cause said once: {stderr}");

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "Dear trainer, the module is attached.\n").unwrap();
    let output = dlis(&data).arg("install").arg(&notes).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("notes.txt") && stderr.contains("not a zip file"), "{stderr}");
    assert!(!stderr.contains(".install-"), "the staging copy is named: {stderr}");
    assert_eq!(stderr.matches(&*notes.display().to_string()).count(), 2, "{stderr}");
}

#[test]
fn an_open_module_is_opened_afresh_once_another_process_replaced_or_removed_it() {
    let dir = temp();
    let data = dir.path().join("data");
    let app = dlis::Library::new(&data); // the app, running all along
    dlis(&data).arg("install").arg(valid_bundle(dir.path(), "1.0.0")).assert().success();
    let first = app.open("test.module").unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &app.clone().open("test.module").unwrap()), "one cache, shared");

    // A trainer upgrades with `dlis` while the app runs.
    let newer = dir.path().join("newer");
    std::fs::create_dir_all(&newer).unwrap();
    dlis(&data).arg("install").arg(valid_bundle(&newer, "1.1.0")).assert().success();
    assert_eq!(app.open("test.module").unwrap().manifest().version.to_string(), "1.1.0");

    dlis(&data).args(["remove", "test.module"]).assert().success();
    assert!(matches!(app.open("test.module"), Err(dlis::library::LibraryError::NotInstalled { .. })));
}
