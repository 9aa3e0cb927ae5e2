//! Export files from elsewhere, read by `dlis merge` and `dlis push`: a manifest that lies about
//! its size, a zip bomb, a bad line. Nothing is allocated from a claim the zip does not back,
//! and one bad file or line is named while the others go through.

use crate::ralph::*;
use crate::support::*;
use crate::sync::{export_of, sorted, stderr};

/// Rewrites the export's manifest with `edit` (its statements stay as they are).
#[cfg(target_os = "linux")]
fn edit_export_manifest(path: &std::path::Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut entries = read_entries(path);
    let (_, manifest) = entries.iter_mut().find(|(n, _)| n == "manifest.json").unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(manifest).unwrap();
    edit(&mut value);
    *manifest = serde_json::to_vec(&value).unwrap();
    write_entries(path, &entries);
}

/// An export of `count` empty lines, with a manifest true to them, written a block at a time.
#[cfg(target_os = "linux")]
fn blank_lines_export(path: &std::path::Path, count: usize) {
    use sha2::{Digest, Sha256};
    use std::io::Write;
    let block = vec![b'\n'; 1 << 20];
    let mut hasher = Sha256::new();
    for _ in 0..count / block.len() {
        hasher.update(&block);
    }
    let sha256: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let manifest = serde_json::json!({
        "format": 1, "kind": "dlis-learn-export", "generator": "test", "created_at": "2026-11-23T10:00:00.000Z",
        "statements": count, "learners": [], "first_timestamp": null, "last_timestamp": null,
        "size": count, "sha256": sha256
    });
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    zip.start_file("manifest.json", options).unwrap();
    zip.write_all(manifest.to_string().as_bytes()).unwrap();
    zip.start_file("statements.jsonl", options).unwrap();
    for _ in 0..count / block.len() {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap();
}

/// `dlis` with its address space limited to `megabytes`, as a small laptop would run it. Wine
/// reserves more address space than that before the program starts, so under Wine the limit
/// is left out and only the answer is checked.
#[cfg(target_os = "linux")] // `ulimit -v`: macOS refuses it
fn dlis_within(megabytes: u64, data: &std::path::Path, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut command = if windows_build().is_some() {
        program("dlis")
    } else {
        let mut limited = std::process::Command::new("sh");
        limited
            .arg("-c")
            .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", megabytes * 1024))
            .arg(assert_cmd::cargo::cargo_bin("dlis"));
        limited
    };
    command.args(args).env("DLIS_DATA_DIR", data);
    command.output().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn an_export_claiming_gigabytes_is_refused_without_allocating_them() {
    let dir = temp();
    let statements = session_statements(dir.path());
    let (liar, good) = (dir.path().join("liar.zip"), dir.path().join("good.zip"));
    export_of(&liar, &statements);
    export_of(&good, &statements);
    edit_export_manifest(&liar, |m| m["size"] = serde_json::json!((4u64 << 30) - 1));

    let report = dir.path().join("report.csv");
    let args = [liar.as_os_str(), good.as_os_str(), "-o".as_ref(), report.as_os_str()];
    let mut all = vec!["merge".as_ref()];
    all.extend(args);
    let output = dlis_within(512, &dir.path().join("data"), &all);
    let err = stderr(&output);
    assert!(err.contains("liar.zip") && err.contains("the manifest says 4294967295"), "{err}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("export files merged: 1 of 2"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn an_export_that_is_a_zip_bomb_is_refused_before_it_is_inflated() {
    let dir = temp();
    // 300 MB of blank lines deflate to about 300 KB; the manifest tells the truth about them.
    let bomb = dir.path().join("bomb.zip");
    blank_lines_export(&bomb, 300 << 20);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2 << 20);
    let report = dir.path().join("report.csv");
    let output = dlis_within(
        200,
        &dir.path().join("data"),
        &["merge".as_ref(), bomb.as_os_str(), "-o".as_ref(), report.as_os_str()],
    );
    assert!(stderr(&output).contains("likely zip bomb"), "{}", stderr(&output));
}

#[test]
fn push_names_a_bad_line_by_file_and_line_and_sends_the_rest() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let mut statements = session_statements(dir.path());
    let good: Vec<String> = statements.clone();
    statements.insert(2, "{\"not\": \"a statement\"}".to_owned());
    let (bad, other) = (dir.path().join("laptop-3.zip"), dir.path().join("laptop-4.zip"));
    export_of(&bad, &statements);
    export_of(&other, &good[..1]);

    let output = dlis(&dir.path().join("data"))
        .arg("push")
        .arg(&bad)
        .arg(&other)
        .args(["--lrs", &format!("{}/xAPI/", lrs.url), "--user", USER, "--password", PASSWORD])
        .output()
        .unwrap();
    assert!(!output.status.success(), "a bad line is not a success");
    assert!(
        stderr(&output).contains(&format!("{} line 3: not an xAPI statement", bad.display())),
        "{}",
        stderr(&output)
    );
    let mut ids: Vec<String> = good
        .iter()
        .map(|s| serde_json::from_str::<serde_json::Value>(s).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    assert_eq!(sorted(lrs.stored_ids()), ids, "every good statement of both files went through");
}
