//! `dlis pack`: a source folder becomes a deterministic bundle with media STORED.

use std::fs;

use dlis::bundle::{self, Limits};
use dlis::progress::Silent;
use predicates::prelude::PredicateBooleanExt;
use zip::{CompressionMethod, ZipArchive};

use crate::support::*;

#[test]
fn packing_twice_gives_byte_identical_bundles() {
    let dir = temp();
    let src = write_source(dir.path(), "1.0.0");
    let (a, b) = (dir.path().join("a.zip"), dir.path().join("b.zip"));
    dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&a).assert().success();
    // Touch every file: timestamps must not leak into the bundle.
    for entry in fs::read_dir(src.join("lessons")).unwrap() {
        let file = fs::File::options().append(true).open(entry.unwrap().path()).unwrap();
        file.set_modified(std::time::SystemTime::now()).unwrap();
    }
    dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&b).assert().success();
    assert_eq!(fs::read(&a).unwrap(), fs::read(&b).unwrap());
}

#[test]
fn media_is_stored_and_text_is_deflated() {
    let dir = temp();
    let bundle = valid_bundle(dir.path(), "1.0.0");
    let mut zip = ZipArchive::new(fs::File::open(&bundle).unwrap()).unwrap();
    let method = |zip: &mut ZipArchive<fs::File>, name: &str| zip.by_name(name).unwrap().compression();
    assert_eq!(method(&mut zip, "capsule/capsule.webm"), CompressionMethod::Stored);
    assert_eq!(method(&mut zip, "images/poster.png"), CompressionMethod::Stored);
    assert_eq!(method(&mut zip, "lessons/intro.fr.md"), CompressionMethod::Deflated);
    assert_eq!(zip.by_index(0).unwrap().name().unwrap(), "module.json");
}

#[test]
fn a_packed_bundle_lists_every_file_with_size_and_hash_and_validates() {
    let dir = temp();
    let bundle = valid_bundle(dir.path(), "1.0.0");
    let report = bundle::validate(&bundle, &Limits::default(), &Silent);
    assert!(report.is_valid(), "{:?}", report.diagnostics);
    let manifest = report.manifest.unwrap();
    let listed: Vec<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(listed.len(), 8, "{listed:?}");
    let webm = manifest.files.iter().find(|f| f.path == "capsule/capsule.webm").unwrap();
    assert_eq!(webm.size, FAKE_WEBM.len() as u64);
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(FAKE_WEBM).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(webm.sha256, expected);
}

#[test]
fn a_broken_source_reports_every_problem_and_writes_nothing() {
    let dir = temp();
    let src = write_source(dir.path(), "1.0.0");
    fs::remove_file(src.join("capsule/capsule.en.vtt")).unwrap();
    fs::write(src.join("lessons/intro.en.md"), "# Intro\n\n![x](../images/nope.png)\n").unwrap();
    // Making a symbolic link on Windows needs a privilege most accounts lack; Wine shows a Unix
    // link to a Windows program as the file it points to.
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/passwd", src.join("images/link.png")).unwrap();
    let link_refused =
        (cfg!(unix) && windows_build().is_none()).then_some("images/link.png: is a symbolic link");
    let out = dir.path().join("out.zip");
    let assert = dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&out).assert().failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for expected in ["capsule/capsule.en.vtt", "../images/nope.png", "nothing was written"]
        .into_iter()
        .chain(link_refused)
    {
        assert!(stderr.contains(expected), "{expected:?} missing from:\n{stderr}");
    }
    assert!(!out.exists());
}

#[test]
fn hidden_files_are_left_out_and_the_output_may_live_in_the_source() {
    let dir = temp();
    let src = write_source(dir.path(), "1.0.0");
    fs::write(src.join(".DS_Store"), "junk").unwrap();
    let out = src.join("bundle.zip");
    dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&out).assert().success();
    dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&out).assert().success();
    let names: Vec<String> = read_entries(&out).into_iter().map(|(n, _)| n).collect();
    assert!(!names.iter().any(|n| n.contains("DS_Store") || n.ends_with("bundle.zip")), "{names:?}");
}

#[test]
fn a_source_that_would_make_a_zip_bomb_is_refused_at_pack_time() {
    let dir = temp();
    let src = write_source(dir.path(), "1.0.0");
    // A 3 MB lesson of one repeated line deflates far beyond the 100:1 ratio a reader accepts.
    let text = "# Intro\n\n".to_string() + &"la même ligne\n".repeat(3 << 16);
    fs::write(src.join("lessons/intro.fr.md"), text).unwrap();
    let out = dir.path().join("out.zip");
    dlis(dir.path())
        .arg("pack")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("lessons/intro.fr.md: expands"));
    assert!(!out.exists());
}

#[test]
fn mail_autolinks_in_lessons_are_not_taken_for_files() {
    let dir = temp();
    let src = write_source(dir.path(), "1.0.0");
    fs::write(src.join("lessons/intro.en.md"), "# Intro\n\nWrite to <trainer@example.org>.\n").unwrap();
    dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(dir.path().join("out.zip")).assert().success();
}

#[test]
fn a_declared_duration_far_from_the_content_is_a_warning_not_an_error() {
    let dir = temp();
    let src = write_source(dir.path(), "1.0.0");
    let manifest_path = src.join("module.json");
    let mut manifest: serde_json::Value = serde_json::from_slice(&fs::read(&manifest_path).unwrap()).unwrap();
    manifest["estimated_minutes"] = serde_json::json!(60); // for a lesson, 12 s of video and 2 questions
    fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let out = dir.path().join("out.zip");

    let packed = dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&out).assert().success();
    let stdout = String::from_utf8_lossy(&packed.get_output().stdout).into_owned();
    assert!(stdout.contains("estimated_minutes: says 60 min, but the content takes about 2 min"), "{stdout}");
    dlis(dir.path())
        .arg("validate")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicates::str::contains("is a valid bundle").and(predicates::str::contains("says 60 min")));
    dlis(dir.path())
        .arg("inspect")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicates::str::contains("about 60 min declared; the content takes about 2 min"));

    // A declared figure close to the content's says nothing.
    manifest["estimated_minutes"] = serde_json::json!(3);
    fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let packed = dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&out).assert().success();
    assert!(!String::from_utf8_lossy(&packed.get_output().stdout).contains("warning"));
}

/// `dlis inspect … | head`: the reader goes away, and `dlis` stops quietly.
#[cfg(unix)]
#[test]
fn output_to_a_reader_that_went_away_ends_quietly() {
    let dir = temp();
    let bundle = valid_bundle(dir.path(), "1.0.0");
    let program = start(&program_file("dlis"));
    let mut argv: Vec<std::ffi::OsString> = vec![program.get_program().to_owned()];
    argv.extend(program.get_args().map(ToOwned::to_owned));
    argv.extend(["inspect".into(), bundle.into_os_string()]);
    // `true` reads nothing and exits at once; bash reports dlis's own exit status.
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"set -o pipefail; "$@" | true"#)
        .arg("bash")
        .args(&argv)
        .env("DLIS_DATA_DIR", dir.path().join("data"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Bundle format 1.1: a module may carry a language in part, which `validate` reports as a
/// warning with its coverage, while a language declared complete must be complete.
#[test]
fn a_partial_translation_is_format_1_1_and_reported_with_its_coverage() {
    let dir = temp();
    let src = write_source(dir.path(), "1.0.0");
    let manifest_path = src.join("module.json");
    let mut manifest: serde_json::Value = serde_json::from_slice(&fs::read(&manifest_path).unwrap()).unwrap();
    manifest["partial_languages"] = serde_json::json!(["ro"]);
    manifest["title"]["ro"] = serde_json::json!("Modul de test");
    manifest["activities"][0]["body"]["ro"] = serde_json::json!("lessons/intro.ro.md");
    fs::write(src.join("lessons/intro.ro.md"), "# Introducere\n\nO lecție scurtă.\n").unwrap();
    fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let out = dir.path().join("out.zip");

    // Without "format": "1.1", a partial language is an error that says what to write.
    dlis(dir.path())
        .arg("pack")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("partial translations are bundle format 1.1"));

    manifest["format"] = serde_json::json!("1.1");
    fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&out).assert().success();
    let validated = dlis(dir.path()).arg("validate").arg(&out).assert().success();
    let stdout = String::from_utf8_lossy(&validated.get_output().stdout).into_owned();
    assert!(
        stdout.contains("\"ro\" is partial") && stdout.contains("learners see them in \"en\""),
        "{stdout}"
    );
    let inspected = dlis(dir.path()).arg("inspect").arg(&out).assert().success();
    let stdout = String::from_utf8_lossy(&inspected.get_output().stdout).into_owned();
    assert!(stdout.contains("ro partial: 2 of"), "{stdout}");

    // A language declared complete that lacks a text is still an error.
    manifest["languages"] = serde_json::json!(["fr", "en", "ro"]);
    manifest["partial_languages"] = serde_json::json!([]);
    fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    dlis(dir.path())
        .arg("pack")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("missing the \"ro\" version"));

    // A newer format than this DLIS Learn reads asks for an update.
    manifest["format"] = serde_json::json!("1.3");
    fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&out).assert().failure().stderr(
        predicates::str::contains("bundle format 1.3").and(predicates::str::contains("update DLIS Learn")),
    );
}
