//! A translator's round trip: `dlis translate export` writes a module's texts as XLIFF 2.0,
//! translate-toolkit (the Python library behind Pootle and Weblate, standing for the
//! translator's tool) reads it and fills in the translations, `dlis translate import` writes
//! them back into the module's files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::ralph::{ralph_python, root};
use crate::support::{copy_dir, dlis, snapshot, temp};

/// A copy of a sample module's source folder in `dir`.
fn sample(dir: &Path, name: &str) -> PathBuf {
    let src = dir.join(name);
    copy_dir(&root().join("modules").join(name), &src);
    src
}

fn export(src: &Path, language: &str, out: &Path) -> String {
    let output = dlis(src)
        .args(["translate", "export"])
        .arg(src)
        .args(["--language", language, "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn import(src: &Path, xliff: &Path) -> std::process::Output {
    dlis(src).args(["translate", "import"]).arg(src).arg(xliff).output().unwrap()
}

/// What translate-toolkit does to an XLIFF file, as a translation tool would: `script` is
/// Python run with `store` (the parsed file) and `units` (its translation units with their
/// file id as `unit.file_id`); the store is saved to `out` afterwards. Prints what the
/// script prints.
fn with_translate_toolkit(xliff: &Path, out: &Path, script: &str) -> String {
    let program = format!(
        r#"
import sys
from translate.storage.xliff2 import Xliff2File
store = Xliff2File.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
for u in units:
    u.file_id = u.xmlelement.getparent().getparent().get("id")
{script}
with open(sys.argv[2], "wb") as f:
    f.write(bytes(store))
"#
    );
    let output = Command::new(ralph_python()).arg("-c").arg(program).arg(xliff).arg(out).output().unwrap();
    assert!(output.status.success(), "translate-toolkit: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// A "translation" that keeps every unit's markup: each line marked as German.
const TRANSLATE_ALL: &str = r#"
for u in units:
    u.target = "\n".join("DE· " + line for line in u.source.split("\n"))
print(len(units))
"#;

fn manifest(src: &Path) -> Value {
    serde_json::from_slice(&fs::read(src.join("module.json")).unwrap()).unwrap()
}

#[test]
fn importing_an_unchanged_export_changes_no_byte() {
    let dir = temp();
    for name in ["faire-avec", "exclusion-numerique", "ethique-mediation"] {
        let src = sample(dir.path(), name);
        let before = snapshot(&src);
        // English has every text already, Greek none: both come back as they were.
        for language in ["en", "el"] {
            let xliff = dir.path().join(format!("{name}-{language}.xliff"));
            export(&src, language, &xliff);
            let output = import(&src, &xliff);
            assert!(
                output.status.success(),
                "{name} {language}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(String::from_utf8_lossy(&output.stdout).contains("nothing to change"));
            assert!(
                snapshot(&src) == before,
                "{name}: the import of an unchanged {language} export changed files"
            );
        }
    }
}

#[test]
fn a_translator_translates_a_module_in_their_tool_and_it_plays_in_that_language() {
    let dir = temp();
    let src = sample(dir.path(), "faire-avec");
    let xliff = dir.path().join("de.xliff");
    let manifest_before = manifest(&src);
    let said = export(&src, "de", &xliff);
    assert!(said.contains("from fr to de, 0 already translated"), "{said}");

    // The translator's tool reads every unit with its French source...
    let read = with_translate_toolkit(
        &xliff,
        &dir.path().join("copy.xliff"),
        r#"
print(len(units))
print(units[0].file_id, units[0].getid(), units[0].source)
print(sum(1 for u in units if u.file_id == "activities.capsule.subtitles"))
"#,
    );
    let units: usize = said.split_whitespace().nth(2).unwrap().parse().unwrap();
    let mut lines = read.lines();
    assert_eq!(lines.next().unwrap().parse::<usize>().unwrap(), units);
    assert_eq!(lines.next().unwrap(), "module title Faire avec : accompagner les démarches en ligne");
    let cues = fs::read_to_string(src.join("capsule/capsule.fr.vtt")).unwrap().matches("-->").count();
    assert_eq!(lines.next().unwrap().parse::<usize>().unwrap(), cues, "one unit per subtitle cue");

    // ...and saves it translated; the import writes every file and declares the language.
    let translated = dir.path().join("de-translated.xliff");
    with_translate_toolkit(&xliff, &translated, TRANSLATE_ALL);
    let output = import(&src, &translated);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("de is now one of the module's complete languages"), "{stdout}");
    let module = manifest(&src);
    let mut languages = manifest_before["languages"].as_array().unwrap().clone();
    languages.push("de".into());
    assert_eq!(module["languages"], Value::Array(languages));
    assert_eq!(module["title"]["de"], "DE· Faire avec : accompagner les démarches en ligne");
    let lesson = fs::read_to_string(src.join("lessons/why-faire-avec.de.md")).unwrap();
    assert!(lesson.starts_with("# DE· "), "{lesson}");
    assert!(
        !lesson.lines().any(|l| !l.trim().is_empty()
            && !l.contains("DE· ")
            && !l.starts_with("|--")
            && !l.chars().all(|c| "|-: ".contains(c))),
        "every text line is translated:\n{lesson}"
    );
    #[cfg(unix)]
    if crate::support::windows_build().is_none() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &str| fs::metadata(src.join(path)).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode("lessons/why-faire-avec.de.md"),
            0o644,
            "a new file is readable by all, as its source"
        );
        assert_eq!(
            mode("module.json"),
            mode("lessons/why-faire-avec.fr.md"),
            "a replaced file keeps its mode"
        );
    }
    let vtt = fs::read_to_string(src.join("capsule/capsule.de.vtt")).unwrap();
    assert_eq!(vtt.matches("-->").count(), cues);
    assert!(vtt.starts_with("WEBVTT"), "the timings and header are the French file's");

    // The module packs, and its bundle reports Romanian complete.
    let bundle = dir.path().join("faire-avec.zip");
    let output = dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&bundle).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let output = dlis(dir.path()).arg("inspect").arg(&bundle).arg("--json").output().unwrap();
    let inspect: Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = inspect.to_string();
    let german =
        inspect["report"]["coverage"]["languages"].as_array().unwrap().iter().find(|l| l["language"] == "de");
    assert_eq!(german.map(|l| &l["complete"]), Some(&Value::Bool(true)), "{text}");

    // Exported again, the translation comes back with it, and an unchanged import is a no-op.
    let again = dir.path().join("de-again.xliff");
    assert!(
        export(&src, "de", &again)
            .contains(&format!("{units} texts from fr to de, {units} already translated"))
    );
    let before = snapshot(&src);
    assert!(import(&src, &again).status.success());
    assert!(snapshot(&src) == before);
}

#[test]
fn a_translation_that_breaks_the_markdown_is_refused_naming_the_paragraph() {
    let dir = temp();
    let src = sample(dir.path(), "faire-avec");
    let xliff = dir.path().join("de.xliff");
    export(&src, "de", &xliff);
    let broken = dir.path().join("broken.xliff");
    with_translate_toolkit(
        &xliff,
        &broken,
        &format!(
            "{TRANSLATE_ALL}
image = next(u for u in units if u.file_id.endswith('.body') and '![' in u.source)
image.target = 'Schema'
bold = next(u for u in units if u.file_id.endswith('.body') and u.source.count('**') == 2)
bold.target = bold.source.replace('**', '', 1)
cell = next(u for u in units if u.file_id == 'activities.why-faire-avec.body' and u.getid() == 'p20')
cell.target = 'a | b'
"
        ),
    );
    let before = snapshot(&src);
    let output = import(&src, &broken);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nothing was written, 3 problems"), "{stderr}");
    assert!(stderr.contains("images: 1 in the source, 0 in the translation"), "{stderr}");
    assert!(stderr.contains("is left unpaired and would show as it is"), "{stderr}");
    assert!(stderr.contains("lessons/why-faire-avec.de.md, table cell 20"), "{stderr}");
    assert!(snapshot(&src) == before, "a refused import writes nothing");
}

#[test]
fn a_partial_translation_installs_as_a_partial_language() {
    let dir = temp();
    let src = sample(dir.path(), "exclusion-numerique");
    let xliff = dir.path().join("de.xliff");
    export(&src, "de", &xliff);
    // Only module.json's texts and the first lesson.
    let partial = dir.path().join("partial.xliff");
    let first_lesson = manifest(&src)["activities"][0]["id"].as_str().unwrap().to_owned();
    with_translate_toolkit(
        &xliff,
        &partial,
        &format!(
            "for u in units:
    if u.file_id in ('module', 'activities.{first_lesson}.body'):
        u.target = '\\n'.join('DE· ' + line for line in u.source.split('\\n'))
"
        ),
    );
    let output = import(&src, &partial);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("de is now a partial language"), "{stdout}");
    let module = manifest(&src);
    // Partial languages need format 1.1 at least; a sample already in 1.2 stays so.
    assert!(matches!(module["format"].as_str(), Some("1.1" | "1.2")), "{}", module["format"]);
    assert_eq!(module["partial_languages"], serde_json::json!(["de"]));
    assert!(src.join(format!("lessons/{first_lesson}.de.md")).exists());
    assert!(module["activities"][1]["body"].get("de").is_none(), "an untranslated lesson is not declared");

    let bundle = dir.path().join("partial.zip");
    let output = dlis(dir.path()).arg("pack").arg(&src).arg("-o").arg(&bundle).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let data = dir.path().join("data");
    let output = dlis(&data).arg("install").arg(&bundle).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_translation_of_an_older_source_text_is_not_applied() {
    let dir = temp();
    let src = sample(dir.path(), "faire-avec");
    let xliff = dir.path().join("de.xliff");
    export(&src, "de", &xliff);
    let translated = dir.path().join("translated.xliff");
    with_translate_toolkit(&xliff, &translated, TRANSLATE_ALL);
    // The author rewrites the module's title after the export.
    let path = src.join("module.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("\"Faire avec : accompagner", "\"Faire avec : soutenir")).unwrap();
    let output = import(&src, &translated);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("module title: its source text changed since the export"), "{stderr}");
    let module = manifest(&src);
    assert!(module["title"].get("de").is_none());
    assert_eq!(module["partial_languages"], serde_json::json!(["de"]), "one text missing: partial");
}

#[test]
fn files_that_are_not_a_translation_of_this_module_get_a_clear_error() {
    let dir = temp();
    let src = sample(dir.path(), "ethique-mediation");
    let before = snapshot(&src);
    let cases: [(&str, &str, &str); 4] = [
        ("old.xliff", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file/></xliff>", "XLIFF 1.2"),
        (
            "notxml.xliff",
            "<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" srcLang=\"fr\" trgLang=\"ro\">\n<file id=\"a\"><unit",
            "line 3",
        ),
        (
            "other-source.xliff",
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"ro\"/>",
            "translates from en, but the module's source language (default_language) is fr",
        ),
        (
            "into-source.xliff",
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"fr\" trgLang=\"fr\"/>",
            "fr is the module's source language",
        ),
    ];
    for (name, content, expected) in cases {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let output = import(&src, &path);
        assert!(!output.status.success(), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(name) && stderr.contains(expected), "{name}: {stderr}");
    }
    // A module.json that sends a translation outside its folder.
    let path = src.join("module.json");
    let text = fs::read_to_string(&path).unwrap();
    let first_body = "\"body\": {\n";
    let at = text.find(first_body).unwrap() + first_body.len();
    let evil = format!("{}        \"de\": \"../../outside.de.md\",\n{}", &text[..at], &text[at..]);
    fs::write(&path, &evil).unwrap();
    let output = dlis(dir.path())
        .args(["translate", "export"])
        .arg(&src)
        .args(["--language", "de", "-o"])
        .arg(dir.path().join("x.xliff"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not a path inside the module folder"));
    fs::write(&path, text).unwrap();
    assert!(snapshot(&src) == before);
}
