//! The statements in the outbox are valid for a real LRS: Ralph's strict xAPI model accepts
//! each of them, and a Ralph server on loopback stores each exactly once, even when the same
//! batch is sent twice. Ralph comes from PyPI through `scripts/lrs-venv.sh`.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use base64::Engine;
use dlis::Manifest;
use dlis::manifest::{Activity, Answer};
use dlis::quiz::Response;
use dlis::store::{Event, Store};
use serde_json::Value;

use crate::support::*;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Python of the venv holding Ralph, made (once, then cached) by the project's script.
fn ralph_python() -> PathBuf {
    let output = Command::new("bash")
        .arg(root().join("scripts/lrs-venv.sh"))
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    assert!(output.status.success(), "scripts/lrs-venv.sh failed");
    let venv = String::from_utf8(output.stdout).unwrap().lines().last().unwrap().trim().to_owned();
    PathBuf::from(venv).join("bin/python")
}

/// A learner's whole session in the sample module that uses every question type, answering
/// every question (right or wrong) and submitting; returns the outbox.
fn session_statements(dir: &Path) -> Vec<String> {
    let source = std::fs::read(root().join("modules/faire-avec/module.json")).unwrap();
    let module = Manifest::parse(&source).unwrap();
    let mut store = Store::open(&dir.join("progress.db")).unwrap();
    let learner = store.create_learner("Session", "fr", None).unwrap();
    for activity in &module.activities {
        match activity {
            Activity::Lesson(lesson) => {
                store
                    .record(&learner.id, &module, &Event::LessonOpened { activity: lesson.id.clone() })
                    .unwrap();
                store
                    .record(
                        &learner.id,
                        &module,
                        &Event::LessonTime { activity: lesson.id.clone(), seconds: 130.5 },
                    )
                    .unwrap();
                store
                    .record(&learner.id, &module, &Event::LessonRead { activity: lesson.id.clone() })
                    .unwrap();
            }
            Activity::Video(video) => {
                let end = video.duration_seconds;
                let event = Event::VideoWatched {
                    activity: video.id.clone(),
                    from: 0.0,
                    to: end,
                    subtitle_language: Some("fr".into()),
                };
                store.record(&learner.id, &module, &event).unwrap();
            }
            Activity::Quiz(quiz) => {
                let attempt = store.start_quiz(&learner.id, &module, &quiz.id).unwrap();
                for question in &quiz.questions {
                    let response = match &question.answer {
                        Answer::SingleChoice { correct, .. } => Response::SingleChoice(correct.clone()),
                        Answer::MultipleChoice { correct, .. } => {
                            Response::MultipleChoice(correct.iter().take(1).cloned().collect())
                        }
                        Answer::TrueFalse { correct } => Response::TrueFalse(!correct),
                        Answer::Ordering { items } => {
                            Response::Ordering(items.iter().map(|i| i.id.clone()).collect())
                        }
                        Answer::Matching { pairs, .. } => {
                            Response::Matching(pairs.iter().map(|p| (p.id.clone(), p.id.clone())).collect())
                        }
                        Answer::ShortText { accepted, .. } => {
                            Response::ShortText(format!(" {} ", accepted["fr"][0].to_uppercase()))
                        }
                    };
                    store.answer(&learner.id, &module, attempt.attempt_id, &question.id, &response).unwrap();
                }
                store.submit_quiz(&learner.id, &module, attempt.attempt_id).unwrap();
            }
        }
    }
    store.outbox().unwrap()
}

#[test]
fn ralphs_strict_model_accepts_every_statement() {
    let dir = temp();
    let statements = session_statements(dir.path());
    assert!(statements.len() > 20, "{} statements", statements.len());
    let mut validator = Command::new(ralph_python())
        .arg(root().join("scripts/xapi_validate.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = validator.stdin.take().unwrap();
    for statement in &statements {
        writeln!(stdin, "{statement}").unwrap();
    }
    drop(stdin);
    let output = validator.wait_with_output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "Ralph's model refused statements:\n{report}");
    assert!(report.contains(&format!("{} valid, 0 invalid", statements.len())), "{report}");
}

/// A Ralph LRS on a free loopback port, stopped when dropped.
struct Lrs {
    child: Child,
    url: String,
    auth: String,
}

impl Lrs {
    fn start(dir: &Path) -> Lrs {
        let mut child = Command::new(ralph_python())
            .arg(root().join("scripts/ralph_server.py"))
            .args(["--port", "0", "--user", "dlis", "--password", "s3cret", "--dir"])
            .arg(dir)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url = line
            .trim()
            .strip_prefix("READY ")
            .unwrap_or_else(|| panic!("Ralph did not start: {line:?}"))
            .to_owned();
        let auth = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("dlis:s3cret"));
        Lrs { child, url, auth }
    }

    fn post(&self, body: &str) -> u16 {
        let response = ureq::post(format!("{}/xAPI/statements", self.url))
            .header("Authorization", &self.auth)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json")
            .config()
            .http_status_as_error(false)
            .build()
            .send(body)
            .unwrap();
        response.status().as_u16()
    }

    fn stored_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        let mut next = "/xAPI/statements?limit=100".to_owned();
        loop {
            let mut response = ureq::get(format!("{}{next}", self.url))
                .header("Authorization", &self.auth)
                .header("X-Experience-API-Version", "1.0.3")
                .call()
                .unwrap();
            let page: Value = serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
            let statements = page["statements"].as_array().unwrap();
            ids.extend(statements.iter().map(|s| s["id"].as_str().unwrap().to_owned()));
            match page["more"].as_str() {
                Some(more) if !more.is_empty() && !statements.is_empty() => next = more.to_owned(),
                _ => return ids,
            }
        }
    }
}

impl Drop for Lrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_real_lrs_stores_each_statement_exactly_once() {
    let dir = temp();
    let statements = session_statements(dir.path());
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let batch = format!("[{}]", statements.join(","));
    assert_eq!(lrs.post(&batch), 200);
    // The same bytes again, as a retry after a lost acknowledgement would send them.
    assert!(matches!(lrs.post(&batch), 200 | 204));
    let mut stored = lrs.stored_ids();
    stored.sort();
    let mut sent: Vec<String> = statements
        .iter()
        .map(|s| serde_json::from_str::<Value>(s).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    sent.sort();
    assert_eq!(stored, sent);
}
