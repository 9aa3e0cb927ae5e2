//! A learner's private notes, through `dlis notes`: written on a lesson and at a time of a
//! capsule, behind the profile's PIN, exported only by the learner as Markdown, never in the
//! records an institution receives, gone with the profile.

use std::path::Path;

use serde_json::Value;

use crate::support::{dlis, temp, valid_bundle};

const PIN: &str = "2468\n";

fn notes_json(data: &Path, learner: &str) -> Value {
    let out = dlis(data)
        .args(["notes", "list", "--json", "--pin-stdin", "--learner", learner])
        .write_stdin(PIN)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_learner_keeps_private_notes_and_exports_them_alone() {
    let dir = temp();
    let data = dir.path().join("data");
    dlis(&data).arg("install").arg(valid_bundle(dir.path(), "1.0.0")).assert().success();
    let out = dlis(&data)
        .args(["learner", "create", "Ioana", "--language", "en", "--pin-stdin"])
        .write_stdin(PIN)
        .output()
        .unwrap();
    let ioana = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let add = |args: &[&str]| {
        dlis(&data)
            .args(["notes", "add", "--learner", &ioana, "--module", "test.module", "--pin-stdin"])
            .args(args)
            .write_stdin(PIN)
            .output()
            .unwrap()
    };

    // On the lesson, and at 0:07 of the capsule.
    let out = add(&["--activity", "intro", "Ask Mrs K. which letter she received"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = add(&[
        "--activity",
        "capsule",
        "--at",
        "7.4",
        "The four postures:\nwith, for, letting do, referring",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("capsule at 0:07"), "{out:?}");

    // Nowhere a note cannot be, nor empty, nor past the capsule's end.
    for (args, error) in [
        (&["--activity", "check", "a quiz note"][..], "no lesson or capsule \"check\""),
        (&["--activity", "intro", "--at", "3", "a lesson has no time"][..], "no lesson or capsule \"intro\""),
        (&["--activity", "capsule", "--at", "99", "too late"][..], "within the capsule (0 to 12.5 s)"),
        (&["--activity", "intro", "   "][..], "cannot be empty"),
        (&["--activity", "intro", "bell \u{7}"][..], "control characters"),
    ] {
        let out = add(args);
        assert!(!out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(error),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    // Behind the PIN: without it or with a wrong one, nothing is shown.
    let out = dlis(&data).args(["notes", "list", "--learner", &ioana]).output().unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--pin-stdin"));
    let out = dlis(&data)
        .args(["notes", "list", "--pin-stdin", "--learner", &ioana])
        .write_stdin("1111\n")
        .output()
        .unwrap();
    assert!(!out.status.success() && !String::from_utf8_lossy(&out.stdout).contains("Mrs K."));
    let notes = notes_json(&data, &ioana);
    assert_eq!(notes.as_array().unwrap().len(), 2);
    assert_eq!(notes[1]["at_seconds"], 7.4);

    // The learner's export: Markdown, by module and activity, with the capsule's time.
    let file = dir.path().join("my notes.md");
    let out = dlis(&data)
        .args(["notes", "export", "--pin-stdin", "--learner", &ioana, "-o"])
        .arg(&file)
        .write_stdin(PIN)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let markdown = std::fs::read_to_string(&file).unwrap();
    assert!(markdown.starts_with("# Notes of Ioana\n"), "{markdown}");
    let order: Vec<usize> = ["## ", "### Intro", "Ask Mrs K.", "### Capsule", "**0:07** The four postures"]
        .iter()
        .map(|s| markdown.find(s).unwrap_or_else(|| panic!("{s:?} missing from\n{markdown}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{markdown}");

    // The institution's export file holds her records, never her notes.
    {
        let (installed, _) = dlis::Library::new(&data).list().unwrap();
        let mut store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
        let read = dlis::store::Event::LessonRead { activity: "intro".into() };
        store.record(&ioana, &installed[0].manifest, &read).unwrap();
        assert!(!store.outbox().unwrap().is_empty(), "there are records to export");
    }
    let records = dir.path().join("records.zip");
    dlis(&data).arg("export").arg("-o").arg(&records).assert().success();
    let bytes = std::fs::read(&records).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
        assert!(
            !text.contains("Mrs K.") && !text.contains("four postures"),
            "a note reached {:?}",
            entry.name()
        );
    }

    // Gone with the profile.
    dlis(&data).args(["learner", "delete", &ioana, "--yes"]).assert().success();
    let store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let left: i64 = store.connection().query_row("SELECT count(*) FROM note", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 0, "deleting the profile deletes its notes");
}
