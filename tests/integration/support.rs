//! Helpers shared by the integration tests: a small valid module source, the `dlis` binary,
//! zip surgery to build hostile bundles, and snapshots of a data directory.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Value, json};
use tempfile::TempDir;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The entries of a zip, in order, as (name, content).
pub type Entries = Vec<(String, Vec<u8>)>;

/// A fresh temporary folder for one test.
pub fn temp() -> TempDir {
    tempfile::Builder::new().prefix("dlis-test-").tempdir().expect("temp dir")
}

/// The folder of Windows builds (`dlis.exe`, `examples/event_writer.exe`) when the tests run
/// against them under Wine (`scripts/wine-test.sh` sets it), or `None` for the native build.
pub fn windows_build() -> Option<PathBuf> {
    std::env::var_os("DLIS_TEST_WINDOWS_BUILD").map(PathBuf::from)
}

/// The file of a program of this package: the native build, or its Windows build when the
/// tests run under Wine. `name` is `dlis` or `examples/NAME`.
pub fn program_file(name: &str) -> PathBuf {
    match windows_build() {
        Some(build) => build.join(format!("{name}.exe")),
        None if name == "dlis" => assert_cmd::cargo::cargo_bin("dlis"),
        None => {
            let deps = std::env::current_exe().expect("test binary path");
            deps.parent()
                .and_then(Path::parent)
                .expect("target dir")
                .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
        }
    }
}

/// A command that starts the program at `path`, through Wine when the tests run under it.
pub fn start(path: &Path) -> std::process::Command {
    match windows_build() {
        Some(_) => {
            let wine = std::env::var_os("DLIS_TEST_WINE").unwrap_or_else(|| "wine".into());
            let mut command = std::process::Command::new(wine);
            command.arg(path);
            command
        }
        None => std::process::Command::new(path),
    }
}

/// A program of this package (see [`program_file`]), ready to start.
pub fn program(name: &str) -> std::process::Command {
    start(&program_file(name))
}

/// The `dlis` binary, with its data directory set to `data`.
pub fn dlis(data: &Path) -> Command {
    let mut cmd = Command::from_std(program("dlis"));
    cmd.env("DLIS_DATA_DIR", data).env_remove("RUST_BACKTRACE");
    cmd
}

/// What `dlis list --json` says is installed in `data`.
pub fn installed(data: &Path) -> Value {
    let output = dlis(data).args(["list", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A tiny but real WebM header (EBML magic) followed by filler: enough for the checks.
pub const FAKE_WEBM: &[u8] = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01fake webm body for tests";

pub fn loc(fr: &str, en: &str) -> Value {
    json!({"fr": fr, "en": en})
}

/// The manifest of the test module: one lesson with an image, one capsule, one quiz.
pub fn manifest(version: &str) -> Value {
    json!({
        "format": 1,
        "id": "test.module",
        "version": version,
        "languages": ["fr", "en"],
        "default_language": "fr",
        "title": loc("Module d'essai", "Test module"),
        "description": loc("Pour les tests.", "For tests."),
        "objectives": {"fr": ["Tester"], "en": ["Test"]},
        "organisation": {"name": "HELMo"},
        "authors": ["Test author"],
        "license": "CC-BY-SA-4.0",
        "estimated_minutes": 5,
        "activities": [
            {"kind": "lesson", "id": "intro", "title": loc("Intro", "Intro"),
             "body": {"fr": "lessons/intro.fr.md", "en": "lessons/intro.en.md"}},
            {"kind": "video", "id": "capsule", "title": loc("Capsule", "Capsule"),
             "source": {"path": "capsule/capsule.webm", "media_type": "video/webm"},
             "poster": "images/poster.png", "duration_seconds": 12.5,
             "subtitles": {"fr": "capsule/capsule.fr.vtt", "en": "capsule/capsule.en.vtt"},
             "transcript": {"fr": "capsule/transcript.fr.md", "en": "capsule/transcript.en.md"}},
            {"kind": "quiz", "id": "check", "title": loc("Quiz", "Quiz"), "pass_mark_percent": 50,
             "max_attempts": 2, "feedback": "immediate",
             "questions": [
                {"id": "q1", "prompt": loc("Vrai ?", "True?"), "answer": {"type": "true_false", "correct": true}},
                {"id": "q2", "prompt": loc("Lequel ?", "Which?"), "image": "images/poster.png",
                 "answer": {"type": "single_choice", "correct": "a",
                            "options": [{"id": "a", "text": loc("A", "A")}, {"id": "b", "text": loc("B", "B")}]}}
             ]}
        ],
        "completion": {"all_lessons_read": true, "videos_watched_percent": 90, "quizzes_passed": true}
    })
}

/// Writes a valid module source folder and returns its path.
pub fn write_source(dir: &Path, version: &str) -> PathBuf {
    let src = dir.join(format!("source-{version}"));
    let files: [(&str, &[u8]); 8] = [
        (
            "lessons/intro.fr.md",
            b"# Intro\n\n![Affiche](../images/poster.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        ),
        ("lessons/intro.en.md", b"# Intro\n\n![Poster](../images/poster.png) [web](https://example.org)\n"),
        ("images/poster.png", b"\x89PNG\r\n\x1a\nnot really a png"),
        ("capsule/capsule.webm", FAKE_WEBM),
        ("capsule/capsule.fr.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n"),
        ("capsule/capsule.en.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n"),
        ("capsule/transcript.fr.md", b"# Transcription\n\nBonjour.\n"),
        ("capsule/transcript.en.md", b"# Transcript\n\nHello.\n"),
    ];
    for (path, content) in files {
        let path = src.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    fs::write(src.join("module.json"), serde_json::to_vec_pretty(&manifest(version)).unwrap()).unwrap();
    src
}

/// Packs a fresh valid test module into `dir/<name>` with `dlis pack` and returns its path.
pub fn valid_bundle(dir: &Path, version: &str) -> PathBuf {
    let src = write_source(dir, version);
    let out = dir.join(format!("test-{version}.zip"));
    dlis(&dir.join("unused-data")).args(["pack"]).arg(&src).arg("-o").arg(&out).assert().success();
    out
}

/// The entries of a zip in order, as (name, content).
pub fn read_entries(path: &Path) -> Entries {
    let mut zip = ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (file.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// Writes entries as a zip (deflated), the way a careless or hostile tool might.
pub fn write_entries(path: &Path, entries: &[(String, Vec<u8>)]) {
    let mut zip = ZipWriter::new(fs::File::create(path).unwrap());
    for (name, data) in entries {
        zip.start_file(
            name.as_str(),
            SimpleFileOptions::default().compression_method(CompressionMethod::Deflated),
        )
        .unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
}

/// Copies `bundle` to `out` with its entries passed through `edit`.
pub fn rewrite(bundle: &Path, out: &Path, edit: impl FnOnce(&mut Entries)) {
    let mut entries = read_entries(bundle);
    edit(&mut entries);
    write_entries(out, &entries);
}

/// Edits module.json (as JSON) inside an entry list.
pub fn edit_manifest(entries: &mut [(String, Vec<u8>)], edit: impl FnOnce(&mut Value)) {
    let (_, data) = entries.iter_mut().find(|(n, _)| n == "module.json").expect("module.json");
    let mut value: Value = serde_json::from_slice(data).unwrap();
    edit(&mut value);
    *data = serde_json::to_vec_pretty(&value).unwrap();
}

/// Every file under `dir` with its content: two equal snapshots mean nothing changed.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    if dir.exists() {
        for entry in walk(dir) {
            let content = if entry.is_dir() { b"<dir>".to_vec() } else { fs::read(&entry).unwrap() };
            out.insert(entry.strip_prefix(dir).unwrap().to_owned(), content);
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        out.push(path.clone());
        if path.is_dir() {
            out.extend(walk(&path));
        }
    }
    out
}

/// Replaces every occurrence of `from` by `to` (same length) in `bytes`: zip surgery for
/// cases a zip writer refuses to produce (duplicate names, encryption flags).
pub fn patch_all(bytes: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    assert_eq!(from.len(), to.len());
    let mut count = 0;
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            count += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    count
}

/// Sets the "encrypted" bit of the entry `name` in its local and central headers.
pub fn set_encrypted_flag(bytes: &mut [u8], name: &str) {
    let name = name.as_bytes();
    let mut patched = 0;
    for i in 0..bytes.len().saturating_sub(46) {
        let (flag_at, name_at) = match &bytes[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] => (i + 6, i + 30),
            [0x50, 0x4b, 0x01, 0x02] => (i + 8, i + 46),
            _ => continue,
        };
        if bytes.get(name_at..name_at + name.len()) == Some(name) {
            bytes[flag_at] |= 1;
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "expected a local and a central header for the entry");
}

pub use crate::tree::copy_dir;

/// Packs the sample module `name` (the repository's `modules/`) into `dir/NAME.zip` with
/// `dlis pack`, as a trainer would; returns the bundle.
pub fn pack_sample(dir: &Path, name: &str) -> std::path::PathBuf {
    let bundle = dir.join(format!("{name}.zip"));
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("modules").join(name);
    dlis(dir).arg("pack").arg(source).arg("-o").arg(&bundle).assert().success();
    bundle
}

/// The manifest of the sample module `name`, from its source (`modules/NAME/module.json`).
pub fn sample_manifest(name: &str) -> dlis::Manifest {
    let path = crate::ralph::root().join("modules").join(name).join("module.json");
    dlis::Manifest::parse(&fs::read(path).unwrap()).unwrap()
}

/// The module's (first) quiz.
pub fn quiz_of(module: &dlis::Manifest) -> &dlis::manifest::Quiz {
    module
        .activities
        .iter()
        .find_map(|a| match a {
            dlis::manifest::Activity::Quiz(q) => Some(q),
            _ => None,
        })
        .unwrap()
}

/// The module's (first) self-assessment survey.
pub fn survey_of(module: &dlis::Manifest) -> &dlis::manifest::Survey {
    module
        .activities
        .iter()
        .find_map(|a| match a {
            dlis::manifest::Activity::Survey(s) => Some(s),
            _ => None,
        })
        .unwrap()
}
