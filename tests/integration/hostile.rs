//! The hostile and broken bundle corpus: each case is generated here from a valid bundle,
//! must be refused by `dlis validate` with an error naming the entry and the problem, and
//! must leave an installation exactly as it was when `dlis install` is tried.

use std::fs;
use std::path::{Path, PathBuf};

use dlis::bundle::{self, Limits};
use dlis::progress::Silent;
use serde_json::json;

use crate::support::*;

/// One broken bundle and what the error must say about it.
struct Case {
    name: &'static str,
    bundle: PathBuf,
    /// The entry (or field) the error must name.
    entry: &'static str,
    /// A distinctive part of the reason.
    reason: &'static str,
}

fn corpus(dir: &Path) -> Vec<Case> {
    let valid = valid_bundle(dir, "1.0.0");
    let mut cases = Vec::new();
    let mut case =
        |name: &'static str, entry: &'static str, reason: &'static str, edit: &dyn Fn(&mut Entries)| {
            let bundle = dir.join(format!("{name}.zip"));
            rewrite(&valid, &bundle, |entries| edit(entries));
            cases.push(Case { name, bundle, entry, reason });
        };
    case("traversal", "../../evil.sh", "path traversal", &|e| {
        e.push(("../../evil.sh".into(), b"rm -rf".to_vec()))
    });
    case("absolute", "/etc/cron.d/evil", "absolute path", &|e| {
        e.push(("/etc/cron.d/evil".into(), b"x".to_vec()))
    });
    case("backslash", "lessons\\evil.md", "backslash", &|e| {
        e.push(("lessons\\evil.md".into(), b"x".to_vec()))
    });
    case("drive-letter", "C:/Windows/evil.dll", "drive letter", &|e| {
        e.push(("C:/Windows/evil.dll".into(), b"x".to_vec()))
    });
    case("case-collision", "Lessons/Intro.fr.md", "only by case", &|e| {
        e.push(("Lessons/Intro.fr.md".into(), b"# other".to_vec()))
    });
    case("not-listed", "extra/notes.txt", "not listed in module.json", &|e| {
        e.push(("extra/notes.txt".into(), b"x".to_vec()))
    });
    case("file-missing", "lessons/intro.en.md", "missing from the bundle", &|e| {
        e.retain(|(n, _)| n != "lessons/intro.en.md")
    });
    case("hash-mismatch", "capsule/capsule.fr.vtt", "does not match its SHA-256", &|e| {
        let (_, data) = e.iter_mut().find(|(n, _)| n == "capsule/capsule.fr.vtt").unwrap();
        let last = data.len() - 2;
        data[last] ^= 0x20; // same size, different content
    });
    case("size-mismatch", "capsule/capsule.en.vtt", "module.json says", &|e| {
        let (_, data) = e.iter_mut().find(|(n, _)| n == "capsule/capsule.en.vtt").unwrap();
        data.extend_from_slice(b"\nmore\n");
    });
    case("no-manifest", "module.json", "missing at the root", &|e| e.retain(|(n, _)| n != "module.json"));
    case("malformed-manifest", "module.json", "not valid JSON", &|e| {
        e.iter_mut().find(|(n, _)| n == "module.json").unwrap().1 = b"{\"format\": 1, \"id\": ".to_vec()
    });
    case("unknown-format", "module.json", "format 7", &|e| edit_manifest(e, |m| m["format"] = json!(7)));
    case("control-in-title", "module.json: title.fr", "control character U+001B", &|e| {
        edit_manifest(e, |m| m["title"]["fr"] = json!("Faire avec\u{1b}[2J"))
    });
    case("lesson-missing-image", "lessons/intro.fr.md", "../images/missing.png", &|e| {
        // The lesson is changed *and* re-listed with its new hash, so only the link is wrong.
        let text = b"# Intro\n\n![Lost](../images/missing.png)\n".to_vec();
        relist(e, "lessons/intro.fr.md", text);
    });
    case("quiz-missing-image", "activities[2].questions[1].image", "not in the bundle", &|e| {
        edit_manifest(e, |m| m["activities"][2]["questions"][1]["image"] = json!("images/gone.png"))
    });
    case("not-a-video", "capsule/capsule.webm", "is not a video/webm file", &|e| {
        relist(e, "capsule/capsule.webm", b"<html>not a video</html>".to_vec())
    });
    cases.push(bad_field(dir, &valid));
    cases.extend(byte_level_cases(dir, &valid));
    cases
}

/// Replaces a file and updates its listed size and hash, so that the file list stays right.
fn relist(entries: &mut [(String, Vec<u8>)], name: &str, content: Vec<u8>) {
    use sha2::{Digest, Sha256};
    let sha = Sha256::digest(&content).iter().map(|b| format!("{b:02x}")).collect::<String>();
    let size = content.len();
    entries.iter_mut().find(|(n, _)| n == name).unwrap().1 = content;
    edit_manifest(entries, |m| {
        let files = m["files"].as_array_mut().unwrap();
        let file = files.iter_mut().find(|f| f["path"] == name).unwrap();
        file["size"] = json!(size);
        file["sha256"] = json!(sha);
    });
}

fn bad_field(dir: &Path, valid: &Path) -> Case {
    let bundle = dir.join("bad-field.zip");
    rewrite(valid, &bundle, |e| {
        edit_manifest(e, |m| m["activities"][2]["questions"][1]["answer"]["correct"] = json!("z"))
    });
    Case {
        name: "bad-answer",
        bundle,
        entry: "activities[2].questions[1].answer.correct",
        reason: "\"z\" is not the id",
    }
}

/// Cases no zip writer produces on purpose: made by editing bytes or by special entries.
fn byte_level_cases(dir: &Path, valid: &Path) -> Vec<Case> {
    let mut cases = Vec::new();

    let bundle = dir.join("duplicate.zip");
    let mut entries = read_entries(valid);
    entries.push(("lessons/intro.fr.mX".into(), b"# evil twin".to_vec()));
    write_entries(&bundle, &entries);
    let mut bytes = fs::read(&bundle).unwrap();
    assert_eq!(patch_all(&mut bytes, b"lessons/intro.fr.mX", b"lessons/intro.fr.md"), 2);
    fs::write(&bundle, bytes).unwrap();
    cases.push(Case {
        name: "duplicate",
        bundle,
        entry: "lessons/intro.fr.md",
        reason: "appears more than once",
    });

    let bundle = dir.join("not-utf8-name.zip");
    let mut entries = read_entries(valid);
    entries.push(("extra/aX.txt".into(), b"x".to_vec()));
    write_entries(&bundle, &entries);
    let mut bytes = fs::read(&bundle).unwrap();
    assert_eq!(patch_all(&mut bytes, b"extra/aX.txt", b"extra/a\xff.txt"), 2);
    fs::write(&bundle, bytes).unwrap();
    cases.push(Case {
        name: "not-utf8-name",
        bundle,
        entry: "extra/a\u{fffd}.txt",
        reason: "not valid UTF-8",
    });

    let bundle = dir.join("encrypted.zip");
    fs::copy(valid, &bundle).unwrap();
    let mut bytes = fs::read(&bundle).unwrap();
    set_encrypted_flag(&mut bytes, "capsule/transcript.en.md");
    fs::write(&bundle, bytes).unwrap();
    cases.push(Case {
        name: "encrypted",
        bundle,
        entry: "capsule/transcript.en.md",
        reason: "encrypted entry",
    });

    let bundle = dir.join("symlink.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&bundle).unwrap());
    for (name, data) in read_entries(valid) {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, &data).unwrap();
    }
    zip.add_symlink("images/link.png", "/etc/shadow", zip::write::SimpleFileOptions::default()).unwrap();
    zip.finish().unwrap();
    cases.push(Case { name: "symlink", bundle, entry: "images/link.png", reason: "symbolic link" });

    let bundle = dir.join("bomb.zip");
    rewrite(valid, &bundle, |e| e.push(("capsule/zeros.bin".into(), vec![0u8; 64 << 20])));
    cases.push(Case { name: "ratio-bomb", bundle, entry: "capsule/zeros.bin", reason: "likely zip bomb" });

    let bundle = dir.join("truncated.zip");
    let bytes = fs::read(valid).unwrap();
    fs::write(&bundle, &bytes[..bytes.len() / 2]).unwrap();
    cases.push(Case {
        name: "truncated",
        bundle,
        entry: "truncated.zip",
        reason: "not a zip file, or it is truncated",
    });

    let bundle = dir.join("not-a-zip.zip");
    fs::write(&bundle, "Dear trainer, please find the module attached.\n").unwrap();
    cases.push(Case { name: "not-a-zip", bundle, entry: "not-a-zip.zip", reason: "not a zip file" });

    let bundle = dir.join("bad-signature.zip");
    let key = dir.join("org");
    dlis(&dir.join("unused-data"))
        .args(["keygen", "--organisation", "KEPSIPI", "-o"])
        .arg(&key)
        .assert()
        .success();
    dlis(&dir.join("unused-data"))
        .arg("sign")
        .arg(valid)
        .arg("--key")
        .arg(key.with_extension("key"))
        .arg("-o")
        .arg(&bundle)
        .assert()
        .success();
    let signed = bundle.clone();
    rewrite(&signed, &bundle, |e| edit_manifest(e, |m| m["title"]["en"] = json!("A forged title")));
    cases.push(Case {
        name: "bad-signature",
        bundle,
        entry: "signature.json",
        reason: "changed after it was signed",
    });
    cases
}

#[test]
fn every_hostile_bundle_is_refused_with_an_error_naming_the_entry() {
    let dir = temp();
    for case in corpus(dir.path()) {
        let output = dlis(&dir.path().join("data")).arg("validate").arg(&case.bundle).output().unwrap();
        let text =
            String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{}: validate accepted it:\n{text}", case.name);
        if std::env::var_os("SHOW_CORPUS").is_some() {
            eprintln!("== {}\n{text}", case.name);
        }
        let line = text.lines().find(|l| l.contains(case.entry) && l.contains(case.reason));
        assert!(
            line.is_some(),
            "{}: no line names {:?} with {:?}:\n{text}",
            case.name,
            case.entry,
            case.reason
        );
    }
}

#[test]
fn validate_reports_every_problem_not_only_the_first() {
    let dir = temp();
    let valid = valid_bundle(dir.path(), "1.0.0");
    let bundle = dir.path().join("many.zip");
    rewrite(&valid, &bundle, |e| {
        e.retain(|(n, _)| n != "capsule/capsule.en.vtt");
        e.push(("../escape.txt".into(), b"x".to_vec()));
        edit_manifest(e, |m| m["license"] = json!("Not-A-License"));
    });
    let output = dlis(dir.path()).args(["validate", "--json"]).arg(&bundle).output().unwrap();
    assert!(!output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    for expected in ["capsule/capsule.en.vtt", "../escape.txt", "module.json: license"] {
        assert!(paths.contains(&expected), "{expected} not in {paths:?}");
    }
}

#[test]
fn a_failed_install_leaves_the_installation_exactly_as_it_was() {
    let dir = temp();
    let data = dir.path().join("data");
    let installed = valid_bundle(dir.path(), "0.9.0");
    dlis(&data).arg("install").arg(&installed).assert().success();
    let before = snapshot(&data);
    for case in corpus(dir.path()) {
        let output = dlis(&data).arg("install").arg(&case.bundle).output().unwrap();
        assert!(!output.status.success(), "{}: install accepted it", case.name);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("nothing was installed") || stderr.contains("not a zip"),
            "{}: {stderr}",
            case.name
        );
        assert_eq!(snapshot(&data), before, "{}: the data directory changed", case.name);
    }
}

#[test]
fn a_failed_first_install_creates_no_data_directory() {
    let dir = temp();
    let data = dir.path().join("fresh-data");
    let bundle = dir.path().join("junk.zip");
    fs::write(&bundle, b"junk").unwrap();
    dlis(&data).arg("install").arg(&bundle).assert().failure();
    assert!(!data.exists(), "a failed install left {}", data.display());
}

#[test]
fn entry_count_and_total_size_caps_apply() {
    let dir = temp();
    let valid = valid_bundle(dir.path(), "1.0.0");
    let few_entries = Limits { max_entries: 3, ..Limits::default() };
    let report = bundle::validate(&valid, &few_entries, &Silent);
    assert!(
        report.diagnostics.iter().any(|d| d.message.contains("more than the 3")),
        "{:?}",
        report.diagnostics
    );

    let small_total = Limits { max_total_size: 100, ..Limits::default() };
    let report = bundle::validate(&valid, &small_total, &Silent);
    assert!(
        report.diagnostics.iter().any(|d| d.message.contains("likely zip bomb")),
        "{:?}",
        report.diagnostics
    );
    assert!(report.manifest.is_none(), "nothing may be read from a bundle over the cap");
}

#[test]
fn nothing_a_bundle_holds_reaches_the_terminal_raw() {
    let dir = temp();
    let valid = valid_bundle(dir.path(), "1.0.0");
    let bundle = dir.path().join("escapes.zip");
    rewrite(&valid, &bundle, |e| {
        e.push(("lessons/\u{1b}[2J\u{1b}[31mred.md".into(), b"x".to_vec()));
        e.push(("lessons/invoice\u{202e}dm.exe".into(), b"x".to_vec()));
        edit_manifest(e, |m| m["title"]["en"] = json!("Title\u{1b}]0;pwned\u{7}"));
    });
    let output = dlis(&dir.path().join("data")).arg("validate").arg(&bundle).output().unwrap();
    assert!(!output.status.success());
    let printed = [output.stdout, output.stderr].concat();
    let text = String::from_utf8_lossy(&printed);
    assert!(!printed.contains(&0x1b) && !printed.contains(&0x07), "raw escapes printed:\n{text}");
    assert!(!text.contains('\u{202e}'), "a raw bidi override printed:\n{text}");
    assert!(text.contains("lessons/\\u{1b}[2J") && text.contains("invoice\\u{202e}dm.exe"), "{text}");
}
