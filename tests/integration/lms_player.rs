//! A module exported for an LMS, played as a learner plays it: in Chromium, inside a test LMS
//! page that gives the SCORM 1.2 `window.API` of scorm-again (the run-time many LMSs and
//! players use; `tests/vendor/scorm-again`) and keeps what it is told between visits, as an LMS
//! keeps it in its database. The package is served with a strict Content-Security-Policy.

use std::path::Path;

use dlis::Manifest;
use dlis::manifest::{Activity, Answer, FeedbackTiming};
use serde_json::{Value, json};

use crate::browser::{Browser, Engine, Mount, Site};
use crate::support::{dlis, temp};

/// The LMS: scorm-again's API, loaded with what it kept of the last visit, and the package
/// in an iframe. What the API holds is kept in `localStorage` at each commit.
const LMS_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.min.js"></script>
<script>
  const KEY = 'dlis-test-lms';
  const saved = JSON.parse(localStorage.getItem(KEY) || 'null');
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.API.loadFromJSON(saved || { core: { student_id: 'amina-h', student_name: 'Haddad, Amina' } });
  if (saved && saved.core && saved.core.exit === 'suspend') window.API.cmi.core.entry = 'resume';
  window.refused = [];
  const keep = () => localStorage.setItem(KEY, JSON.stringify(window.API.cmi));
  window.API.on('LMSCommit', keep);
  window.API.on('LMSFinish', keep);
</script></head>
<body><iframe id="sco" title="Module" src="/package/index.html" width="1200" height="850"></iframe></body></html>
"#;

/// What the package's server sends with each file: a policy as strict as the player allows.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'self'";

/// One browser at a time: two cores play one capsule smoothly, not two beside the builds.
pub(crate) static BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub(crate) struct Lms {
    pub site: Site,
    pub browser: Browser,
    pub module: Manifest,
}

impl Lms {
    /// A SCORM 1.2 LMS playing the sample `name`, the learner on its page.
    async fn open(name: &str, csp: bool, engine: Engine) -> (Lms, tempfile::TempDir) {
        let (lms, dir) = Lms::serve(name, "scorm12", csp, engine, |_: &crate::browser::Request| None).await;
        lms.visit().await;
        (lms, dir)
    }

    /// The sample `name` exported for `format` and served, with `handler` answering first; the
    /// browser started, on no page yet.
    pub async fn serve(
        name: &str,
        format: &str,
        csp: bool,
        engine: Engine,
        handler: impl Fn(&crate::browser::Request) -> Option<crate::browser::Reply> + Send + Sync + 'static,
    ) -> (Lms, tempfile::TempDir) {
        let dir = temp();
        let bundle = crate::support::pack_sample(dir.path(), name);
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("modules").join(name);
        let package = dir.path().join(format!("{name}-{format}.zip"));
        dlis(dir.path())
            .args(["lms-export", "--format", format])
            .arg(&bundle)
            .arg("-o")
            .arg(&package)
            .assert()
            .success();
        let unpacked = dir.path().join("package");
        zip::ZipArchive::new(std::fs::File::open(&package).unwrap()).unwrap().extract(&unpacked).unwrap();
        let lms = dir.path().join("lms");
        std::fs::create_dir_all(&lms).unwrap();
        std::fs::write(lms.join("lms.html"), LMS_PAGE).unwrap();
        let vendor = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vendor/scorm-again/scorm12.min.js");
        std::fs::copy(vendor, lms.join("scorm12.min.js")).unwrap();
        let site = Site::with_handler(
            vec![
                Mount { prefix: "/lms/", root: lms, headers: vec![] },
                Mount {
                    prefix: "/package/",
                    root: unpacked.clone(),
                    headers: if csp { vec![("Content-Security-Policy".into(), CSP.into())] } else { vec![] },
                },
            ],
            std::sync::Arc::new(handler),
        );
        let module = Manifest::parse(&std::fs::read(source.join("module.json")).unwrap()).unwrap();
        let browser = Browser::start(engine).await;
        (Lms { site, browser, module }, dir)
    }

    /// Opens (or reopens) the LMS's page and goes into the module's frame.
    async fn visit(&self) {
        self.browser.client.goto(&self.site.url("/lms/lms.html")).await.unwrap();
        self.browser.client.enter_frame(0).await.unwrap();
        self.browser.find("main h1").await;
    }

    /// What the LMS holds, read in its own page.
    async fn cmi(&self) -> Value {
        self.browser.client.enter_parent_frame().await.unwrap();
        let cmi = self.browser.js("return JSON.parse(JSON.stringify(window.API.cmi));").await;
        self.browser.client.enter_frame(0).await.unwrap();
        cmi
    }

    /// What the LMS kept when the learner left (its database, here `localStorage`).
    async fn kept(&self) -> Value {
        self.browser.client.enter_parent_frame().await.unwrap();
        let kept = self.browser.js("return JSON.parse(localStorage.getItem('dlis-test-lms'));").await;
        self.browser.client.enter_frame(0).await.unwrap();
        kept
    }

    pub async fn module_page(&self) {
        self.browser.click("[data-testid=footer-back-to-module]").await;
        self.browser.find("[data-testid=activity-list]").await;
    }

    pub async fn read_lesson(&self, id: &str) {
        self.browser.click(&format!("[data-testid='open-activity-{id}']")).await;
        self.browser.find("[data-testid=lesson-read-state]").await;
        self.browser.click("[data-testid=mark-as-read]").await;
        self.browser
            .until("return document.querySelector('[data-testid=lesson-read-state]').classList.contains('is-read')", 10, "the lesson read")
            .await;
        self.module_page().await;
    }

    pub async fn watch_capsule(&self, id: &str) {
        self.browser.click(&format!("[data-testid='open-activity-{id}']")).await;
        self.browser.find("[data-testid=video]").await;
        self.browser.find("[data-testid=transcript-body]").await;
        // WebKit's GStreamer plays muted video at twice the speed at most; Chromium at eight.
        let rate = if self.browser.engine() == Engine::WebKit { 2 } else { 8 };
        let play = format!(
            "const v = document.querySelector('[data-testid=video]'); v.muted = true; v.playbackRate = {rate}; v.play();"
        );
        self.browser.js(&play).await;
        // Played to its end, for as long as it moves on. WebKit's GStreamer may stop moving while
        // it says it plays (the app's own watchdog knows it too): a push of 0.05 s starts it
        // again (gaps under 0.25 s do not break what is watched).
        let (mut furthest, mut still) = (-1.0, 0);
        for _ in 0..900 {
            let now = self
                .browser
                .js("const v = document.querySelector('[data-testid=video]');
                     return v.error ? 'media error ' + v.error.code : v.ended ? 'ended' : v.currentTime;")
                .await;
            match now.as_f64() {
                Some(time) if time > furthest + 0.01 => (furthest, still) = (time, 0),
                Some(_) if still < 10 => still += 1,
                Some(_) => {
                    self.browser
                        .js("const v = document.querySelector('[data-testid=video]'); v.currentTime += 0.05; v.play();")
                        .await;
                    still = 0;
                }
                None if now == "ended" => break,
                None => panic!("the capsule stopped at {furthest} s: {now}"),
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
        self.browser.find("[data-testid=video-watched]").await;
        self.module_page().await;
    }

    /// Opens the quiz and starts (or continues) an attempt.
    pub async fn start_quiz(&self) {
        let quiz = quiz_of(&self.module);
        self.browser.click(&format!("[data-testid='open-activity-{}']", quiz.id)).await;
        self.browser.click("[data-testid=quiz-start]").await;
    }

    /// Answers `count` questions of the attempt on screen, rightly or not.
    pub async fn answer_questions(&self, count: usize, rightly: bool) {
        let quiz = quiz_of(&self.module);
        for _ in 0..count {
            let id = self
                .browser
                .find("[data-testid=question]")
                .await
                .attr("data-question")
                .await
                .unwrap()
                .unwrap();
            let question = quiz.questions.iter().find(|q| q.id == id).unwrap();
            self.answer(&question.answer, rightly).await;
            self.browser.click("[data-testid=quiz-answer]").await;
            if quiz.feedback == FeedbackTiming::Immediate {
                let feedback = self.browser.find("[data-testid=feedback]").await;
                let correct = feedback.attr("data-correct").await.unwrap();
                assert_eq!(correct.as_deref(), Some(if rightly { "true" } else { "false" }), "question {id}");
                self.browser.click("[data-testid=quiz-next], [data-testid=quiz-to-submit]").await;
            } else {
                let moved = format!(
                    "const q = document.querySelector('[data-testid=question]'); return !!document.querySelector('[data-testid=quiz-submit]') || (!!q && q.dataset.question !== {});",
                    json!(id)
                );
                self.browser.until(&moved, 10, "the next question").await;
            }
        }
    }

    /// Submits the attempt; whether it passed, as the result says.
    pub async fn submit_quiz(&self) -> Value {
        self.browser.click("[data-testid=quiz-submit]").await;
        let result = self.browser.find("[data-testid=quiz-result]").await;
        json!(result.attr("data-passed").await.unwrap())
    }

    /// Takes the whole quiz, answering each question rightly or not.
    pub async fn take_quiz(&self, rightly: bool) -> Value {
        self.start_quiz().await;
        self.answer_questions(quiz_of(&self.module).questions.len(), rightly).await;
        self.submit_quiz().await
    }

    async fn answer(&self, answer: &Answer, rightly: bool) {
        let b = &self.browser;
        match answer {
            Answer::SingleChoice { options, correct } => {
                let pick =
                    if rightly { correct } else { &options.iter().find(|o| &o.id != correct).unwrap().id };
                b.click(&format!("[data-testid='option-{pick}']")).await;
            }
            Answer::MultipleChoice { options, correct, .. } => {
                if rightly {
                    for option in correct {
                        b.click(&format!("[data-testid='option-{option}']")).await;
                    }
                } else {
                    let wrong = options.iter().find(|o| !correct.contains(&o.id)).unwrap();
                    b.click(&format!("[data-testid='option-{}']", wrong.id)).await;
                }
            }
            Answer::TrueFalse { correct } => {
                b.click(&format!("[data-testid='option-{}']", *correct == rightly)).await
            }
            Answer::Ordering { items } => {
                let order = || async {
                    let ids = b.js("return [...document.querySelectorAll('[data-item]')].map((li) => li.dataset.item);").await;
                    serde_json::from_value::<Vec<String>>(ids).unwrap()
                };
                let right: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
                if rightly {
                    // Moved up with the buttons a keyboard user has.
                    loop {
                        let now = order().await;
                        let Some(i) = (0..now.len()).find(|&i| now[i] != right[i]) else { break };
                        let misplaced = now.iter().position(|id| *id == right[i]).unwrap();
                        b.click(&format!("[data-testid='move-up-{}']", now[misplaced])).await;
                    }
                } else if order().await == right {
                    b.click(&format!("[data-testid='move-up-{}']", right[1])).await;
                }
            }
            Answer::Matching { pairs, .. } => {
                for (n, pair) in pairs.iter().enumerate() {
                    let chosen = if rightly { &pair.id } else { &pairs[(n + 1) % pairs.len()].id };
                    b.select(&format!("[data-testid='match-{}']", pair.id), chosen).await;
                }
            }
            Answer::ShortText { accepted, .. } => {
                let language = self.module.default_language.as_str();
                let text = if rightly { accepted[language][0].as_str() } else { "je ne sais pas" };
                b.find("[data-testid=short-text]").await.send_keys(text).await.unwrap();
            }
        }
    }
}

pub(crate) fn quiz_of(module: &Manifest) -> &dlis::manifest::Quiz {
    module
        .activities
        .iter()
        .find_map(|a| match a {
            Activity::Quiz(quiz) => Some(quiz),
            _ => None,
        })
        .unwrap()
}

#[test]
fn a_learner_completes_a_module_in_the_lms_and_comes_back_to_it() {
    completes_and_comes_back(Engine::Chromium);
}

#[test]
fn a_learner_completes_a_module_in_the_lms_in_webkit_too() {
    completes_and_comes_back(Engine::WebKit);
}

fn completes_and_comes_back(engine: Engine) {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
        let _browser = BROWSER.lock().await;
        let (lms, _dir) = Lms::open("faire-avec", true, engine).await;
        let module = lms.module.clone();
        let quiz = quiz_of(&module);
        // Nobody has started: no preview notice (an LMS is there), the LMS hears "incomplete".
        assert_eq!(
            lms.browser.js("return !!document.querySelector('[data-testid=lms-preview]')").await,
            json!(false)
        );
        assert_eq!(lms.cmi().await["core"]["lesson_status"], "incomplete");

        for activity in &module.activities {
            match activity {
                Activity::Lesson(lesson) => lms.read_lesson(&lesson.id).await,
                Activity::Video(video) => lms.watch_capsule(&video.id).await,
                Activity::Quiz(_) => {
                    assert_eq!(
                        lms.cmi().await["core"]["lesson_status"],
                        "incomplete",
                        "the quiz is still to pass"
                    );
                    assert_eq!(lms.take_quiz(true).await, json!("true"));
                }
                Activity::Survey(_) => unreachable!("an LMS package holds no survey"),
            }
        }
        let cmi = lms.cmi().await;
        assert_eq!(cmi["core"]["lesson_status"], "passed", "{cmi}");
        assert_eq!(cmi["core"]["score"]["raw"], "100");
        assert_eq!(cmi["core"]["score"]["max"], "100");
        assert_eq!(cmi["core"]["lesson_location"], json!(quiz.id));
        assert!(cmi["suspend_data"].as_str().is_some_and(|d| d.starts_with("1~")), "{cmi}");
        // One interaction per question, in the order the attempt asked them.
        let interactions: Vec<&Value> = cmi["interactions"].as_object().unwrap().values().collect();
        assert_eq!(interactions.len(), quiz.questions.len(), "{cmi}");
        for question in &quiz.questions {
            let id = json!(format!("{}_{}", quiz.id, question.id));
            let interaction =
                interactions.iter().find(|i| i["id"] == id).unwrap_or_else(|| panic!("no {id}"));
            assert_eq!(interaction["type"], json!(dlis::quiz::interaction_type(question)));
            assert_eq!(interaction["result"], "correct");
            assert_eq!(interaction["weighting"], json!(question.points.to_string()));
            let pattern = &interaction["correct_responses"]["0"]["pattern"];
            if matches!(question.answer, Answer::Matching { .. } | Answer::MultipleChoice { .. }) {
                let sorted = |v: &Value| {
                    let mut parts: Vec<String> = v.as_str().unwrap().split(',').map(String::from).collect();
                    parts.sort();
                    parts
                };
                assert_eq!(sorted(&interaction["student_response"]), sorted(pattern), "{id}");
            } else {
                assert_eq!(&interaction["student_response"], pattern, "{id}");
            }
        }

        // The learner closes the course and comes back: the LMS kept the session's time, and
        // the player opens where they were, the module complete.
        lms.visit().await;
        let kept = lms.kept().await;
        // A CMITimespan (scorm-again keeps it as HH:MM:SS.SS), and not nothing: time was spent.
        let time = kept["core"]["session_time"].as_str().unwrap_or_default().to_owned();
        let seconds: f64 =
            time.split(':').fold(0.0, |total, part| total * 60.0 + part.parse::<f64>().unwrap_or(f64::NAN));
        assert!(seconds > 5.0 && seconds < 3600.0, "session time {time:?} in {kept}");
        lms.browser.find("[data-testid=quiz-status]").await;
        lms.module_page().await;
        lms.browser.find("[data-testid=module-completed-at]").await;
        lms.browser.client.clone().close().await.unwrap();
    });
}

#[test]
fn a_learner_who_fails_is_reported_so_and_an_unfinished_attempt_resumes() {
    // Served without a Content-Security-Policy, as many LMSs serve packages.
    fails_and_resumes(Engine::Chromium, false);
}

/// The same in WebKit (Safari's engine, and the app's on Linux), with the strict policy.
#[test]
fn the_same_learner_in_webkit() {
    fails_and_resumes(Engine::WebKit, true);
}

fn fails_and_resumes(engine: Engine, csp: bool) {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
        let _browser = BROWSER.lock().await;
        let (lms, _dir) = Lms::open("ethique-mediation", csp, engine).await;
        let module = lms.module.clone();
        let quiz = quiz_of(&module);
        assert_eq!(quiz.feedback, FeedbackTiming::End, "this sample gives feedback at the end");
        let max = quiz.max_attempts.expect("this sample's quiz allows a few attempts");

        // Three answers, then the learner closes the course in the middle of the attempt.
        lms.start_quiz().await;
        lms.answer_questions(3, false).await;
        lms.visit().await;
        let kept = lms.kept().await;
        assert_eq!(kept["core"]["lesson_location"], json!(quiz.id), "{kept}");
        assert_eq!(kept["core"]["exit"], "suspend", "{kept}");
        // Back in the quiz, the attempt goes on at its fourth question, its order kept.
        lms.browser.click("[data-testid=quiz-start]").await;
        let number = lms.browser.find("[data-testid=question-number]").await.text().await.unwrap();
        assert!(number.contains('4'), "the attempt goes on at question 4: {number:?}");
        lms.answer_questions(quiz.questions.len() - 3, false).await;
        assert_eq!(lms.submit_quiz().await, json!("false"));
        assert_eq!(lms.cmi().await["core"]["lesson_status"], "incomplete", "attempts are left");
        for _ in 1..max {
            lms.browser.click("[data-testid=quiz-retry]").await;
            lms.answer_questions(quiz.questions.len(), false).await;
            assert_eq!(lms.submit_quiz().await, json!("false"));
        }
        let cmi = lms.cmi().await;
        assert_eq!(cmi["core"]["lesson_status"], "failed", "no attempt left: {cmi}");
        let raw: f64 = cmi["core"]["score"]["raw"].as_str().unwrap().parse().unwrap();
        assert!(raw < f64::from(quiz.pass_mark_percent), "{cmi}");
        let interactions: Vec<&Value> = cmi["interactions"].as_object().unwrap().values().collect();
        assert_eq!(interactions.len(), quiz.questions.len() * max as usize, "every answer of every attempt");
        assert!(interactions.iter().all(|i| i["result"] == "wrong"), "{cmi}");
        assert_eq!(
            lms.browser.js("return !!document.querySelector('[data-testid=quiz-retry]')").await,
            json!(false)
        );
        lms.browser.client.clone().close().await.unwrap();
    });
}
