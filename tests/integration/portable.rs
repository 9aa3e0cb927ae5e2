//! A trainer's USB stick: a copy of DLIS Learn with `portable.txt` beside it keeps the modules
//! and the learners' records beside itself, whoever's laptop it runs on.

use std::fs;

use crate::support::*;

#[test]
fn a_portable_copy_keeps_its_data_beside_itself() {
    let dir = temp();
    let bundle = valid_bundle(dir.path(), "1.0.0");
    // A stick whose name is not ASCII, as a French or Romanian trainer names it.
    let stick = dir.path().join("Clé USB Ștefan");
    fs::create_dir_all(&stick).unwrap();
    let exe = stick.join(program_file("dlis").file_name().unwrap());
    fs::copy(program_file("dlis"), &exe).unwrap();
    fs::write(stick.join("portable.txt"), "DLIS Learn keeps its data in the data folder beside this file.\n")
        .unwrap();
    let home = dir.path().join("home");
    fs::create_dir_all(&home).unwrap();
    let dlis_on_stick = || {
        let mut command = assert_cmd::Command::from_std(start(&exe));
        command
            .env_remove("DLIS_DATA_DIR")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"));
        command
    };

    dlis_on_stick().arg("install").arg(&bundle).assert().success();
    assert!(stick.join("data/modules/test.module.zip").is_file(), "the module is on the stick");
    if windows_build().is_none() {
        // (under Wine the user's folders are in the Wine prefix, not in HOME)
        assert_eq!(fs::read_dir(&home).unwrap().count(), 0, "nothing written in the user's home");
    }
    let listed = dlis_on_stick().args(["list", "--json"]).output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("test.module"));

    // Without the marker, the same copy uses the user's own data directory.
    fs::remove_file(stick.join("portable.txt")).unwrap();
    let listed = dlis_on_stick().args(["list", "--json"]).output().unwrap();
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    assert!(!String::from_utf8_lossy(&listed.stdout).contains("test.module"));
}

#[test]
fn a_data_directory_deep_in_a_non_ascii_path_holds_modules_and_learners() {
    let dir = temp();
    let bundle = valid_bundle(dir.path(), "1.0.0");
    // Past Windows' old 260-character limit, through folders named in French, Romanian and Greek.
    let mut data = dir.path().to_path_buf();
    for _ in 0..6 {
        data.push("Formation numérique Ștefan Ελληνικά έγγραφα");
    }
    assert!(data.to_string_lossy().chars().count() > 260, "{}", data.display());

    dlis(&data).arg("install").arg(&bundle).assert().success();
    dlis(&data).args(["learner", "create", "Zoé Ανδρέου"]).assert().success();
    let learners = dlis(&data).args(["learners", "--json"]).output().unwrap();
    assert!(learners.status.success(), "{}", String::from_utf8_lossy(&learners.stderr));
    assert!(String::from_utf8_lossy(&learners.stdout).contains("Zoé Ανδρέου"));
    assert!(data.join("modules/test.module.zip").is_file());
    assert!(data.join("progress.db").is_file());
}
