//! `dlis merge`, as an institution uses it: trainers bring back the exports of several
//! laptops on USB sticks (one export on two sticks, one copy damaged on the way) and merge
//! them into a report per learner and module, as CSV, XLSX or HTML.

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use dlis::Manifest;
use dlis::export::ExportManifest;
use dlis::manifest::{Activity, Answer};
use dlis::quiz::Response;
use dlis::store::{Event, Store};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use crate::support::*;

/// A laptop of the training centre: its data directory and its progress store, used through
/// the sample module `modules/faire-avec` (four lessons, a 99-second capsule, a quiz).
struct Laptop {
    data: PathBuf,
    store: Store,
    module: Manifest,
}

impl Laptop {
    fn new(root: &Path, name: &str) -> Laptop {
        let data = root.join(name);
        fs::create_dir_all(&data).unwrap();
        let module = sample_manifest("faire-avec");
        let store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
        Laptop { data, store, module }
    }

    fn learner(&mut self, name: &str) -> String {
        self.store.create_learner(name, "fr", None).unwrap().id
    }

    fn lessons(&self) -> Vec<String> {
        let lessons = self.module.activities.iter().filter(|a| matches!(a, Activity::Lesson(_)));
        lessons.map(|a| a.id().to_owned()).collect()
    }

    /// Reads the first `count` lessons, spending `seconds` on each before reaching its end.
    fn read_lessons(&mut self, learner: &str, count: usize, seconds: f64) {
        for activity in self.lessons().into_iter().take(count) {
            let events = [
                Event::LessonOpened { activity: activity.clone() },
                Event::LessonTime { activity: activity.clone(), seconds },
                Event::LessonRead { activity },
            ];
            for event in &events {
                self.store.record(learner, &self.module, event).unwrap();
            }
        }
    }

    fn watch_capsule(&mut self, learner: &str) {
        let event =
            Event::VideoWatched { activity: "capsule".into(), from: 0.0, to: 99.0, subtitle_language: None };
        self.store.record(learner, &self.module, &event).unwrap();
    }

    /// One attempt at the quiz: every answer right, or nothing answered (a score of zero).
    fn take_quiz(&mut self, learner: &str, right: bool) {
        let module = self.module.clone();
        let Some(Activity::Quiz(quiz)) = module.activities.iter().find(|a| a.id() == "check") else {
            panic!("the sample module has a quiz named check");
        };
        let attempt = self.store.start_quiz(learner, &module, &quiz.id).unwrap();
        let answered = if right { quiz.questions.as_slice() } else { &[] };
        for question in answered {
            let response = match &question.answer {
                Answer::SingleChoice { correct, .. } => Response::SingleChoice(correct.clone()),
                Answer::MultipleChoice { correct, .. } => {
                    Response::MultipleChoice(correct.iter().cloned().collect())
                }
                Answer::TrueFalse { correct } => Response::TrueFalse(*correct),
                Answer::Ordering { items } => {
                    Response::Ordering(items.iter().map(|i| i.id.clone()).collect())
                }
                Answer::Matching { pairs, .. } => {
                    Response::Matching(pairs.iter().map(|p| (p.id.clone(), p.id.clone())).collect())
                }
                Answer::ShortText { accepted, .. } => Response::ShortText(accepted["fr"][0].clone()),
            };
            self.store.answer(learner, &module, attempt.attempt_id, &question.id, &response).unwrap();
        }
        let total = self.store.submit_quiz(learner, &module, attempt.attempt_id).unwrap();
        assert_eq!(total.passed, right);
    }

    /// Writes the laptop's export with `dlis export`, as a trainer does.
    fn export(self, out: &Path) -> PathBuf {
        drop(self.store);
        dlis(&self.data).args(["export", "-o"]).arg(out).assert().success();
        out.to_owned()
    }
}

/// The exports a trainer brings back, and who did what.
struct Fleet {
    /// Laptop A (Amina completed the module; Bruno read a lesson, failed the quiz then passed).
    a: PathBuf,
    /// The same export of laptop A, carried on a second stick.
    a_copy: PathBuf,
    /// Laptop B (Chloé read two lessons and watched the capsule).
    b: PathBuf,
    /// Laptop C's export (Dan read a lesson), truncated on the way.
    c_broken: PathBuf,
    amina: String,
    bruno: String,
    chloe: String,
    dan: String,
}

fn fleet(root: &Path) -> Fleet {
    let sticks = root.join("sticks");
    fs::create_dir_all(&sticks).unwrap();

    let mut laptop = Laptop::new(root, "laptop-a");
    let amina = laptop.learner("Amina");
    laptop.read_lessons(&amina, 4, 120.0);
    laptop.watch_capsule(&amina);
    laptop.take_quiz(&amina, true);
    let bruno = laptop.learner("Bruno");
    laptop.read_lessons(&bruno, 1, 60.0);
    laptop.take_quiz(&bruno, false);
    laptop.take_quiz(&bruno, true);
    let a = laptop.export(&sticks.join("laptop-a.zip"));
    let a_copy = sticks.join("laptop-a (copy).zip");
    fs::copy(&a, &a_copy).unwrap();

    let mut laptop = Laptop::new(root, "laptop-b");
    let chloe = laptop.learner("Chloé");
    laptop.read_lessons(&chloe, 2, 30.0);
    laptop.watch_capsule(&chloe);
    let b = laptop.export(&sticks.join("laptop-b.zip"));

    let mut laptop = Laptop::new(root, "laptop-c");
    let dan = laptop.learner("Dan");
    laptop.read_lessons(&dan, 1, 10.0);
    let c = laptop.export(&root.join("laptop-c.zip"));
    let bytes = fs::read(&c).unwrap();
    let c_broken = sticks.join("laptop-c.zip");
    fs::write(&c_broken, &bytes[..bytes.len() * 2 / 3]).unwrap();

    Fleet { a, a_copy, b, c_broken, amina, bruno, chloe, dan }
}

/// The statements of an export, as JSON.
fn statements(export: &Path) -> Vec<Value> {
    let export = dlis::export::read(export).unwrap();
    export.statements.iter().map(|s| serde_json::from_str(s).unwrap()).collect()
}

fn statements_of(export: &Path, learner: &str) -> usize {
    statements(export).iter().filter(|s| s["actor"]["account"]["name"] == learner).count()
}

/// Writes an export file holding these lines, with a correct manifest: what a foreign tool
/// (or a hostile one) could put on a stick.
fn craft_export(path: &Path, lines: &[String]) {
    let mut body = String::new();
    for line in lines {
        body.push_str(line);
        body.push('\n');
    }
    let manifest = ExportManifest {
        format: 1,
        kind: "dlis-learn-export".into(),
        generator: "a test".into(),
        created_at: "2026-01-02T10:00:00.000Z".into(),
        statements: lines.len() as u64,
        learners: Vec::new(),
        first_timestamp: None,
        last_timestamp: None,
        size: body.len() as u64,
        sha256: Sha256::digest(body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect(),
    };
    let entries = vec![
        ("manifest.json".to_owned(), serde_json::to_vec(&manifest).unwrap()),
        ("statements.jsonl".to_owned(), body.into_bytes()),
    ];
    write_entries(path, &entries);
}

/// The CSV report as one map per row, keyed by column, with the header.
fn read_csv(path: &Path) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect())
        .collect();
    (header, rows)
}

fn row<'a>(rows: &'a [HashMap<String, String>], learner: &str) -> &'a HashMap<String, String> {
    let mut found = rows.iter().filter(|r| r["learner_id"] == learner);
    let row = found.next().unwrap_or_else(|| panic!("no row for {learner}"));
    assert!(found.next().is_none(), "one row per learner and module");
    row
}

#[test]
fn exports_of_two_laptops_merge_into_one_row_per_learner_and_module() {
    let dir = temp();
    let fleet = fleet(dir.path());
    let out = dir.path().join("report.csv");
    let output = dlis(&dir.path().join("unused"))
        .arg("merge")
        .args([&fleet.a, &fleet.a_copy, &fleet.b, &fleet.c_broken])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));

    // The damaged copy is named and refused; the others are merged all the same.
    assert_eq!(output.status.code(), Some(3), "{stdout}\n{stderr}");
    assert!(stderr.contains(&format!("{} is damaged", fleet.c_broken.display())), "{stderr}");
    assert!(stdout.contains("export files merged: 3 of 4"), "{stdout}");
    let a = statements(&fleet.a).len();
    let b = statements(&fleet.b).len();
    assert!(stdout.contains(&format!("statements read: {}", 2 * a + b)), "{stdout}");
    assert!(stdout.contains(&format!("duplicates (same statement id, counted once): {a}")), "{stdout}");
    assert!(stdout.contains("not attributed to a learner and a module: 0"), "{stdout}");
    assert!(stdout.contains("rows (learner and module): 3"), "{stdout}");

    let (header, rows) = read_csv(&out);
    assert_eq!(&header[..2], ["learner_id", "module_id"]);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["learner_id"] != fleet.dan), "Dan's file was refused");
    let version = Laptop::new(dir.path(), "laptop-z").module.version.to_string();
    assert!(rows.iter().all(|r| r["module_id"] == "dlis.faire-avec" && r["module_version"] == version));
    let mut sorted: Vec<&String> = rows.iter().map(|r| &r["learner_id"]).collect();
    sorted.sort();
    assert_eq!(sorted, rows.iter().map(|r| &r["learner_id"]).collect::<Vec<_>>(), "rows sorted by learner");

    let amina = row(&rows, &fleet.amina);
    assert_eq!(amina["completed"], "true");
    assert!(amina["completed_at"].ends_with('Z'), "{amina:?}");
    assert_eq!(amina["best_score_percent"], "100");
    assert_eq!((amina["quiz_attempts"].as_str(), amina["quiz_passed"].as_str()), ("1", "true"));
    assert_eq!((amina["lessons_completed"].as_str(), amina["capsules_completed"].as_str()), ("4", "1"));
    // Four lessons of two minutes, the capsule's 99 seconds, and the quiz attempt (seconds).
    let seconds: f64 = amina["time_spent_seconds"].parse().unwrap();
    assert!((579.0..590.0).contains(&seconds), "{seconds}");
    assert!(amina["first_activity_at"] <= amina["last_activity_at"]);
    assert_eq!(amina["statements"], statements_of(&fleet.a, &fleet.amina).to_string());

    let bruno = row(&rows, &fleet.bruno);
    assert_eq!((bruno["completed"].as_str(), bruno["completed_at"].as_str()), ("false", ""));
    assert_eq!(bruno["best_score_percent"], "100", "the best attempt counts");
    assert_eq!((bruno["quiz_attempts"].as_str(), bruno["quiz_passed"].as_str()), ("2", "true"));
    assert_eq!((bruno["lessons_completed"].as_str(), bruno["capsules_completed"].as_str()), ("1", "0"));

    let chloe = row(&rows, &fleet.chloe);
    assert_eq!(chloe["completed"], "false");
    assert_eq!((chloe["best_score_percent"].as_str(), chloe["quiz_attempts"].as_str()), ("", "0"));
    assert_eq!((chloe["lessons_completed"].as_str(), chloe["capsules_completed"].as_str()), ("2", "1"));
    assert_eq!(chloe["time_spent_seconds"], "159");

    // The counts that do not fit a row per learner travel beside the CSV.
    let summary = fs::read_to_string(dir.path().join("report.summary.txt")).unwrap();
    assert!(summary.contains(&format!("refused: {} is damaged", fleet.c_broken.display())), "{summary}");
    assert!(summary.contains(&format!("duplicates (same statement id, counted once): {a}")), "{summary}");
}

#[test]
fn the_report_does_not_depend_on_the_order_of_files() {
    let dir = temp();
    let fleet = fleet(dir.path());
    let merge = |files: &[&PathBuf], out: &str| {
        let out = dir.path().join(out);
        dlis(&dir.path().join("unused")).arg("merge").args(files).arg("-o").arg(&out).assert().success();
        fs::read(out).unwrap()
    };
    let first = merge(&[&fleet.a, &fleet.b], "first.csv");
    assert_eq!(first, merge(&[&fleet.b, &fleet.a_copy, &fleet.a], "second.csv"));
    // The HTML page lists the files in the order given; with the same order, the same bytes.
    let files = [&fleet.a, &fleet.b, &fleet.a_copy];
    assert_eq!(merge(&files, "first.html"), merge(&files, "second.html"));
}

#[test]
fn the_xlsx_report_has_the_rows_and_a_summary_sheet() {
    let dir = temp();
    let fleet = fleet(dir.path());
    let out = dir.path().join("report.xlsx");
    dlis(&dir.path().join("unused"))
        .arg("merge")
        .args([&fleet.a, &fleet.a_copy, &fleet.b, &fleet.c_broken])
        .arg("-o")
        .arg(&out)
        .assert()
        .code(3);
    assert!(!dir.path().join("report.summary.txt").exists(), "only a CSV report needs a summary beside it");

    let mut zip = ZipArchive::new(fs::File::open(&out).unwrap()).unwrap();
    let mut entry = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the workbook"))
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = entry("xl/workbook.xml");
    assert!(workbook.contains("name=\"Report\"") && workbook.contains("name=\"Summary\""), "{workbook}");
    let report = entry("xl/worksheets/sheet1.xml");
    assert!(report.contains("<autoFilter ref=\"A1:Q4\""), "{report}");
    // One sheet per module, named by its title (from the statements: no module is installed).
    assert!(workbook.contains("name=\"Doing with supporting people wi\""), "{workbook}");
    assert!(report.contains("state=\"frozen\""), "{report}");
    entry("xl/worksheets/sheet2.xml");
    let strings = entry("xl/sharedStrings.xml");
    for id in
        [&fleet.amina, &fleet.bruno, &fleet.chloe, &"learner_id".to_owned(), &"dlis.faire-avec".to_owned()]
    {
        assert!(strings.contains(id.as_str()), "{id} in the shared strings");
    }
    assert!(!strings.contains(&fleet.dan), "Dan's file was refused");
    assert!(strings.contains("refused file") && strings.contains("laptop-c.zip is damaged"), "{strings}");
    assert!(strings.contains("duplicates (same statement id, counted once)"));
}

#[test]
fn the_html_report_opens_offline_and_shows_hostile_ids_as_text() {
    let dir = temp();
    let fleet = fleet(dir.path());
    // A stick from a hostile tool: real statements, with markup for ids.
    let hostile_learner = "<script>alert(\"learner\")</script>";
    let hostile_module = "<img src=x onerror=alert(1)>";
    let lines: Vec<String> = statements(&fleet.b)
        .into_iter()
        .map(|mut s| {
            s["id"] = json!(uuid::Uuid::new_v4().to_string());
            s["actor"]["account"]["name"] = json!(hostile_learner);
            serde_json::to_string(&s)
                .unwrap()
                .replace("/modules/dlis.faire-avec/", &format!("/modules/{hostile_module}/"))
        })
        .collect();
    let hostile = dir.path().join("hostile.zip");
    craft_export(&hostile, &lines);

    let out = dir.path().join("report.html");
    dlis(&dir.path().join("unused"))
        .arg("merge")
        .args([&fleet.a, &hostile])
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let page = fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(!page.contains("<script") && !page.contains("<img"), "markup from statements must stay text");
    assert!(page.contains("&lt;script&gt;alert(&quot;learner&quot;)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // Nothing remote: the only URL is the SVG namespace.
    let urls: Vec<&str> =
        page.match_indices("://").map(|(i, _)| page[i - 4..].split('"').next().unwrap()).collect();
    assert!(urls.iter().all(|u| *u == "http://www.w3.org/2000/svg"), "{urls:?}");
    // Charts with text alternatives and visible numbers, and tables with headers.
    assert_eq!(page.matches("<svg role=\"img\"").count(), 2);
    assert!(page.contains("<title id=\"completion-title\">") && page.contains("<desc id=\"scores-desc\">"));
    assert!(page.contains("1 of 2 (50%)"), "Amina completed, Bruno did not");
    assert!(page.contains("<th scope=\"col\">Learner</th>") && page.contains("<caption>"));
    assert!(page.contains(&fleet.amina) && page.contains(&fleet.bruno));
}

#[test]
fn formulas_in_ids_stay_text_in_the_csv() {
    let dir = temp();
    let fleet = fleet(dir.path());
    let lines: Vec<String> = statements(&fleet.b)
        .into_iter()
        .map(|mut s| {
            s["id"] = json!(uuid::Uuid::new_v4().to_string());
            s["actor"]["account"]["name"] = json!("=HYPERLINK(\"http://evil.example\",\"click\")");
            serde_json::to_string(&s).unwrap()
        })
        .collect();
    let hostile = dir.path().join("hostile.zip");
    craft_export(&hostile, &lines);
    let out = dir.path().join("report.csv");
    dlis(&dir.path().join("unused")).arg("merge").arg(&hostile).arg("-o").arg(&out).assert().success();
    let (_, rows) = read_csv(&out);
    assert_eq!(rows[0]["learner_id"], "'=HYPERLINK(\"http://evil.example\",\"click\")");
}

#[test]
fn statements_that_cannot_be_attributed_are_counted_by_reason() {
    let dir = temp();
    let fleet = fleet(dir.path());
    let real = statements(&fleet.b).remove(0);
    let edit = |change: &dyn Fn(&mut Value)| {
        let mut s = real.clone();
        s["id"] = json!(uuid::Uuid::new_v4().to_string());
        change(&mut s);
        s.to_string()
    };
    let lines = vec![
        edit(&|_| {}),
        edit(&|s| s["object"]["id"] = json!("https://lms.example.org/courses/42")),
        edit(&|s| s["object"]["id"] = json!("https://lms.example.org/courses/43")),
        edit(&|s| s["actor"] = json!({"mbox": "mailto:someone@example.org"})),
        edit(&|s| s["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/voided")),
        edit(&|s| {
            s.as_object_mut().unwrap().remove("id");
        }),
        "this line is not JSON".to_owned(),
    ];
    let foreign = dir.path().join("foreign.zip");
    craft_export(&foreign, &lines);

    let out = dir.path().join("report.csv");
    let output =
        dlis(&dir.path().join("unused")).arg("merge").arg(&foreign).arg("-o").arg(&out).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stderr.contains("warning: 6 statement(s) could not be attributed"), "{stderr}");
    for expected in [
        "not attributed to a learner and a module: 6",
        "  2: object is not a DLIS Learn activity",
        "  1: no learner account",
        "  1: voiding statement (not applied)",
        "  1: no statement id",
        "  1: line is not valid JSON",
        "rows (learner and module): 1",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in\n{stdout}");
    }
    // Each reason names where it was met first, so that a trainer can look at that line.
    let named = format!("line is not valid JSON (first: {} line 7)", foreign.display());
    assert!(stdout.contains(&named), "{named:?} in\n{stdout}");
    let named = format!("object is not a DLIS Learn activity (first: {} line 2)", foreign.display());
    assert!(stdout.contains(&named), "{named:?} in\n{stdout}");
    let summary = fs::read_to_string(dir.path().join("report.summary.txt")).unwrap();
    assert!(summary.contains("  2: object is not a DLIS Learn activity"), "{summary}");
    let (_, rows) = read_csv(&out);
    assert_eq!(
        (rows.len(), rows[0]["learner_id"].as_str(), rows[0]["statements"].as_str()),
        (1, fleet.chloe.as_str(), "1")
    );
}

#[test]
fn an_unknown_report_extension_is_refused_before_anything_is_written() {
    let dir = temp();
    let fleet = fleet(dir.path());
    let before = snapshot(dir.path());
    let output = dlis(&dir.path().join("unused"))
        .arg("merge")
        .arg(&fleet.a)
        .arg("-o")
        .arg(dir.path().join("report.pdf"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains("report.pdf: unknown report format; name the report file .csv, .xlsx or .html"),
        "{stderr}"
    );
    assert_eq!(snapshot(dir.path()), before, "nothing written");
}

#[test]
fn a_file_that_is_not_an_export_is_named_and_refused() {
    let dir = temp();
    let fleet = fleet(dir.path());
    let notes = dir.path().join("notes.zip");
    let mut file = fs::File::create(&notes).unwrap();
    file.write_all(b"not a zip at all").unwrap();
    let missing = dir.path().join("missing.zip");
    let out = dir.path().join("report.csv");
    let output = dlis(&dir.path().join("unused"))
        .arg("merge")
        .args([&notes, &fleet.b, &missing])
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr.contains(&format!("error: {} is damaged", notes.display())), "{stderr}");
    assert!(stderr.contains(&format!("error: cannot read {}", missing.display())), "{stderr}");
    assert!(stderr.contains("2 of 3 export file(s) refused"), "{stderr}");
    assert_eq!(read_csv(&out).1.len(), 1, "Chloé's row, from the one good file");
}
