//! A trainer merges three laptops' exports and reads the item analysis: which quiz questions
//! learners miss at their first answer, which wrong answer they choose, and whether a question
//! tells strong learners from weak ones.

use std::path::Path;

use dlis::Manifest;
use dlis::manifest::{Answer, Quiz};
use dlis::quiz::Response;
use dlis::store::{Event, Store};

use crate::study::right_response;
use crate::support::{dlis, pack_sample, quiz_of, sample_manifest, temp};

/// A wrong response: another option, the opposite, the items reversed, pairs shifted, a word.
fn wrong_response(answer: &Answer) -> Response {
    match answer {
        Answer::SingleChoice { options, correct } => {
            Response::SingleChoice(options.iter().find(|o| &o.id != correct).unwrap().id.clone())
        }
        Answer::MultipleChoice { options, correct, .. } => Response::MultipleChoice(
            options.iter().filter(|o| !correct.contains(&o.id)).map(|o| o.id.clone()).take(1).collect(),
        ),
        Answer::TrueFalse { correct } => Response::TrueFalse(!correct),
        Answer::Ordering { items } => Response::Ordering(items.iter().rev().map(|i| i.id.clone()).collect()),
        Answer::Matching { pairs, .. } => Response::Matching(
            pairs
                .iter()
                .enumerate()
                .map(|(n, p)| (p.id.clone(), pairs[(n + 1) % pairs.len()].id.clone()))
                .collect(),
        ),
        Answer::ShortText { .. } => Response::ShortText("je ne sais pas".into()),
    }
}

/// One attempt at the quiz: the first `right` questions answered right, the others wrong.
fn attempt(store: &mut Store, learner: &str, module: &Manifest, quiz: &Quiz, right: usize) {
    let view = store.start_quiz(learner, module, &quiz.id).unwrap();
    for (n, question) in quiz.questions.iter().enumerate() {
        let response =
            if n < right { right_response(&question.answer, "fr") } else { wrong_response(&question.answer) };
        store.answer(learner, module, view.attempt_id, &question.id, &response).unwrap();
    }
    store.submit_quiz(learner, module, view.attempt_id).unwrap();
}

/// A laptop: its data directory with the module installed and two learners' attempts, each
/// `(name, questions right)`; exported to `out`.
/// Returns each learner's name and pseudonymous id.
fn laptop(
    dir: &Path,
    bundle: &Path,
    module: &Manifest,
    learners: [(&str, usize, f64); 2],
    out: &Path,
) -> Vec<(String, String)> {
    let mut ids = Vec::new();
    let data = dir.join("data");
    dlis(&data).arg("install").arg(bundle).assert().success();
    let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let quiz = quiz_of(module);
    let lesson = module.activities[0].id().to_owned();
    for (name, right, seconds) in learners {
        let id = store.create_learner(name, "fr", None).unwrap().id;
        // The first lesson, read in `seconds`.
        for event in [
            Event::LessonOpened { activity: lesson.clone() },
            Event::LessonTime { activity: lesson.clone(), seconds },
            Event::LessonRead { activity: lesson.clone() },
        ] {
            store.record(&id, module, &event).unwrap();
        }
        attempt(&mut store, &id, module, quiz, right);
        ids.push((name.to_owned(), id.clone()));
        if name == "Dimitra" {
            // She tries again and gets everything wrong: her best score stays her first's,
            // and her first answers are what the analysis judges.
            attempt(&mut store, &id, module, quiz, 0);
        }
    }
    drop(store);
    dlis(&data).arg("export").arg("-o").arg(out).assert().success();
    ids
}

#[test]
fn a_trainer_reads_the_item_analysis_of_three_laptops() {
    let dir = temp();
    let bundle = pack_sample(dir.path(), "faire-avec");
    let module = sample_manifest("faire-avec");
    let quiz = quiz_of(&module);
    let all = quiz.questions.len();
    // Six learners on three laptops, from all right to all wrong at their first attempt, who
    // read the first lesson in 1 to 3.5 minutes.
    let plan = [
        [("Amina", all, 60.0), ("Bogdan", all, 90.0)],
        [("Chloé", all / 2, 120.0), ("Dimitra", 1, 150.0)],
        [("Emil", 0, 180.0), ("Fanny", 0, 210.0)],
    ];
    let mut exports = Vec::new();
    let mut ids = Vec::new();
    for (n, learners) in plan.into_iter().enumerate() {
        let laptop_dir = dir.path().join(format!("laptop-{n}"));
        let out = dir.path().join(format!("records-{n}.zip"));
        ids.extend(laptop(&laptop_dir, &bundle, &module, learners, &out));
        exports.push(out);
    }

    let report = dir.path().join("report.csv");
    let merged = dlis(&dir.path().join("unused"))
        .arg("merge")
        .args(&exports)
        .arg("-o")
        .arg(&report)
        .assert()
        .success();
    // Time spent as quartiles over learners, per module and per activity.
    let summary = String::from_utf8_lossy(&merged.get_output().stdout).into_owned();
    assert!(summary.contains("time spent, over the learners with time recorded"), "{summary}");
    let lesson = module.activities[0].id();
    assert!(
        summary.contains(&format!("  dlis.faire-avec / {lesson}: 97.5 / 135 / 172.5 (6 learner(s))")),
        "{summary}"
    );
    let items = std::fs::read_to_string(dir.path().join("report.items.csv")).unwrap();
    let lines = items.lines().next();
    assert_eq!(
        lines.unwrap(),
        "module_id,quiz_id,question_id,learners,attempts,right_first_time_percent,most_chosen_wrong_response,most_chosen_wrong_count,discrimination"
    );
    // Responses such as `a[,]b` are quoted: read as CSV.
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(items.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows.len(), all, "one row per question:\n{items}");
    let row = |question: &str| {
        rows.iter().find(|r| r[2] == question).unwrap_or_else(|| panic!("{question}:\n{items}"))
    };

    // The first question: right for the four who got at least one right, wrong for the two
    // weakest, and wrong at Dimitra's second attempt.
    let first = &quiz.questions[0];
    let r = row(&first.id);
    assert_eq!((r[0].as_str(), r[1].as_str()), ("dlis.faire-avec", quiz.id.as_str()));
    assert_eq!(r[3], "6", "learners");
    assert_eq!(r[4], "7", "answers: Dimitra answered twice");
    assert_eq!(r[5], "66.7", "4 of 6 right at their first answer");
    if let Answer::SingleChoice { .. } | Answer::TrueFalse { .. } = first.answer {
        let wrong = dlis::quiz::Response::to_xapi(&wrong_response(&first.answer));
        assert_eq!((r[6].as_str(), r[7].as_str()), (wrong.as_str(), "3"), "{items}");
    }
    // Best third (Amina, Bogdan) all right, weakest third (Emil, Fanny) all wrong.
    assert_eq!(r[8], "1", "{items}");

    // The last question: only the best third got it right at first.
    let last = row(&quiz.questions[all - 1].id);
    assert_eq!(last[5], "33.3", "{items}");
    assert_eq!(last[8], "1");

    // The HTML report shows the same analysis; the XLSX has its sheet.
    let html = dir.path().join("report.html");
    dlis(&dir.path().join("unused")).arg("merge").args(&exports).arg("-o").arg(&html).assert().success();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<h2 id=\"items\">Item analysis</h2>"), "{page}");
    assert!(page.contains(&format!("{} / {}", quiz.id, first.id)));

    // It prints on A4: Chromium's print to PDF (Debian's chromium, as the LMS tests use),
    // read back by poppler's pdfinfo.
    let pdf = dir.path().join("report.pdf");
    let printed = std::process::Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", dir.path().join("chromium").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium (scripts/setup.sh test installs it)");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&printed.stderr));
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    assert!(info.contains("(A4)"), "{info}");
}

#[test]
fn a_roster_puts_names_beside_the_identifiers_and_a_bad_one_writes_nothing() {
    let dir = temp();
    let bundle = pack_sample(dir.path(), "faire-avec");
    let module = sample_manifest("faire-avec");
    let out = dir.path().join("records.zip");
    let ids =
        laptop(&dir.path().join("laptop"), &bundle, &module, [("Amina", 3, 60.0), ("Luc", 1, 90.0)], &out);
    // The trainer's roster names Amina only, with a comma in her name.
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, format!("identifier,name\n{},\"Benali, Amina\"\n", ids[0].1)).unwrap();
    let report = dir.path().join("report.csv");
    // Merged on the laptop where the module is installed, in Romanian: no learner completed it,
    // so only the installed bundle names the module.
    dlis(&dir.path().join("laptop").join("data"))
        .arg("merge")
        .arg(&out)
        .arg("--roster")
        .arg(&roster)
        .args(["--language", "ro"])
        .arg("-o")
        .arg(&report)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(&report).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let name = header.iter().position(|h| h == "learner_name").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row_of = |id: &str| rows.iter().find(|r| &r[0] == id).unwrap();
    assert_eq!(&row_of(&ids[0].1)[name], "Benali, Amina");
    assert_eq!(&row_of(&ids[1].1)[name], "", "Luc is not on the roster");
    let title = header.iter().position(|h| h == "module_title").unwrap();
    assert!(rows.iter().all(|r| &r[title] == module.title_in("ro")), "{rows:?}");
    let html = dir.path().join("report.html");
    dlis(&dir.path().join("unused"))
        .arg("merge")
        .arg(&out)
        .arg("--roster")
        .arg(&roster)
        .arg("-o")
        .arg(&html)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&html).unwrap().contains("Benali, Amina"));

    // A roster with a line the trainer got wrong: named, and no report written.
    std::fs::write(&roster, format!("{},Amina\n{}\n", ids[0].1, ids[1].1)).unwrap();
    let other = dir.path().join("other.csv");
    let run = dlis(&dir.path().join("unused"))
        .arg("merge")
        .arg(&out)
        .arg("--roster")
        .arg(&roster)
        .arg("-o")
        .arg(&other)
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(err.contains("roster.csv line 2: expected two fields"), "{err}");
    assert!(!other.exists());
}
