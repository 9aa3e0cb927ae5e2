//! A real LRS for the tests: Ralph (`ralph-malph` from PyPI, through `scripts/lrs-venv.sh`) on
//! a free loopback port, and a learner's real session to give it statements. The benchmarks
//! and the app's UI tests include this file too (`#[path]`), so that they use the same LRS.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use base64::Engine;
use dlis::Manifest;
use dlis::manifest::{Activity, Answer};
use dlis::quiz::Response;
use dlis::store::{Event, Store};
use serde_json::Value;

/// The Basic-auth user the LRS knows.
pub const USER: &str = "dlis";
pub const PASSWORD: &str = "s3cret";

/// The repository: the root package's directory, or the parent of the app crate's, whose UI
/// tests include this file too.
pub fn root() -> &'static Path {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.ancestors().find(|dir| dir.join("scripts/lrs-venv.sh").exists()).unwrap_or(manifest_dir)
}

/// The Python of the venv holding Ralph, made (once, then cached) by the project's script.
pub fn ralph_python() -> PathBuf {
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
pub fn session_statements(dir: &Path) -> Vec<String> {
    let mut store = Store::open(&dir.join("progress.db")).unwrap();
    learner_session(&mut store, "Session");
    store.outbox().unwrap()
}

/// A new learner's whole session in the sample module that uses every question type: every
/// lesson read, the capsule watched, the quiz answered (right or wrong) and submitted.
/// Returns the learner's id.
pub fn learner_session(store: &mut Store, name: &str) -> String {
    let source = std::fs::read(root().join("modules/faire-avec/module.json")).unwrap();
    let module = Manifest::parse(&source).unwrap();
    let learner = store.create_learner(name, "fr", None).unwrap();
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
            Activity::Survey(survey) => {
                let ratings = survey.statements().map(|(_, s)| (s.id.clone(), 3)).collect();
                store.take_survey(&learner.id, &module, &survey.id, &ratings, None).unwrap();
            }
        }
    }
    learner.id
}

/// A Ralph LRS on a free loopback port, stopped when dropped.
pub struct Lrs {
    child: Child,
    pub url: String,
    pub auth: String,
}

impl Lrs {
    pub fn start(dir: &Path) -> Lrs {
        let mut child = Command::new(ralph_python())
            .arg(root().join("scripts/ralph_server.py"))
            .args(["--port", "0", "--user", USER, "--password", PASSWORD, "--dir"])
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
        let auth = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"))
        );
        Lrs { child, url, auth }
    }

    pub fn post(&self, body: &str) -> u16 {
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

    /// Every statement the LRS holds, page after page, as the LRS returns them.
    pub fn stored(&self) -> Vec<Value> {
        let mut all = Vec::new();
        let mut next = "/xAPI/statements?limit=100".to_owned();
        loop {
            let mut response = ureq::get(format!("{}{next}", self.url))
                .header("Authorization", &self.auth)
                .header("X-Experience-API-Version", "1.0.3")
                .call()
                .unwrap();
            let page: Value = serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
            let statements = page["statements"].as_array().unwrap();
            all.extend(statements.iter().cloned());
            match page["more"].as_str() {
                Some(more) if !more.is_empty() && !statements.is_empty() => next = more.to_owned(),
                _ => return all,
            }
        }
    }

    pub fn stored_ids(&self) -> Vec<String> {
        self.stored().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect()
    }
}

impl Drop for Lrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Ralph's strict model (`scripts/xapi_validate.py`) on each statement: whether it accepts them
/// all, and its report.
pub fn strict_model(statements: &[impl std::fmt::Display]) -> (bool, String) {
    use std::io::Write as _;
    let mut validator = Command::new(ralph_python())
        .arg(root().join("scripts/xapi_validate.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = validator.stdin.take().unwrap();
    for statement in statements {
        writeln!(stdin, "{statement}").unwrap();
    }
    drop(stdin);
    let output = validator.wait_with_output().unwrap();
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned())
}
