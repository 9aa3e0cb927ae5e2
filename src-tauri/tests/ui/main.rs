//! End-to-end tests of the desktop app: the real binary in a real WebKitGTK window (Xvfb when
//! there is no display), driven through WebDriver (`tauri-driver` + Debian's
//! `WebKitWebDriver`), the way a learner uses it.

mod attestation;
mod driver;
mod languages;
mod licenses;
mod lms_export;
mod notes;
mod package;
mod privacy;
#[path = "../../../tests/integration/ralph.rs"]
#[allow(dead_code)]
mod ralph;
mod records;
mod search;
#[path = "../../../tests/integration/study.rs"]
mod study;
mod survey;
mod themes;
#[path = "../../../tests/integration/tree.rs"]
mod tree;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dlis::Manifest;
use dlis::manifest::{Activity, Answer, Choice, Question};
use dlis::store::{ActivityProgress, Store};
use serde_json::{Value, json};

use driver::{App, Display, within};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use tempfile::TempDir;
use tree::copy_dir;

/// One window at a time: the sessions share the X display and the machine's two cores.
static WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The sample modules of `modules/`, packed as the app ships them.
fn sample_bundles(dir: &Path) -> PathBuf {
    let out = dir.join("samples");
    std::fs::create_dir_all(&out).unwrap();
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules");
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique", "agilite-numerique"] {
        dlis::bundle::pack::pack(
            &modules.join(name),
            &out.join(format!("{name}.zip")),
            &dlis::bundle::Limits::default(),
            &dlis::progress::Silent,
        )
        .unwrap_or_else(|e| panic!("cannot pack {name}: {e}"));
    }
    out
}

fn temp() -> TempDir {
    tempfile::Builder::new().prefix("dlis-ui-").tempdir().unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn first_start_installs_the_sample_modules_and_opens_on_the_profile_picker() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();

    let app = App::start(&display, &data, &samples).await;
    app.find("[data-testid=new-profile-form]").await;
    app.check_accessibility("first start").await;
    app.close().await;

    // The samples were installed by the first start, each verified as a whole.
    let (installed, problems) = dlis::Library::new(&data).list().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let mut ids: Vec<String> = installed.iter().map(|m| m.manifest.id.clone()).collect();
    ids.sort();
    assert_eq!(
        ids,
        ["dlis.agilite-numerique", "dlis.ethique-mediation", "dlis.exclusion-numerique", "dlis.faire-avec"]
    );
}

fn faire_avec() -> Manifest {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules/faire-avec/module.json");
    Manifest::parse(&std::fs::read(path).unwrap()).unwrap()
}

/// The trainer PIN the tests' trainer chooses.
pub(crate) const TRAINER_PIN: &str = "246810";

/// Types `text` into the field with this `data-testid`.
async fn type_into(app: &App, testid: &str, text: &str) {
    let input = app.find(&format!("[data-testid={testid}]")).await;
    within("typing", input.send_keys(text)).await.unwrap();
}

/// Creates a profile on the profile picker, the way a trainee does on first start.
async fn create_profile(app: &App, name: &str) {
    app.find("[data-testid=new-profile-form]").await;
    app.screenshot("profiles").await;
    app.check_accessibility("profile picker").await;
    create_profile_in(app, name, "fr").await;
}

/// Creates a profile whose language is `language` on the profile picker.
/// The app on the four samples with a profile created: where many tests begin. The window
/// is theirs alone until this is dropped.
pub(crate) struct Started {
    pub app: App,
    pub dir: TempDir,
    pub data: PathBuf,
    _display: driver::Display,
    _window: tokio::sync::MutexGuard<'static, ()>,
}

pub(crate) async fn start_with_profile(name: &str, language: &str) -> Started {
    let window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = driver::Display::get();
    let app = App::start(&display, &data, &samples).await;
    create_profile_in(&app, name, language).await;
    Started { app, dir, data, _display: display, _window: window }
}

async fn create_profile_in(app: &App, name: &str, language: &str) {
    app.find("[data-testid=new-profile-form]").await;
    let field = app.find("[data-testid=new-profile-name]").await;
    within("typing", field.send_keys(name)).await.unwrap();
    app.select("[data-testid=new-profile-language]", language).await;
    app.click("[data-testid=new-profile-create]").await;
    app.find("[data-testid=module-list]").await;
}

/// Plays the capsule on the screen from the loopback server, then seeks near its end.
async fn play_and_seek(app: &App) {
    let played = within(
        "a script on the capsule",
        app.client.execute_async(
            "const done = arguments[arguments.length - 1];
             const v = document.querySelector('[data-testid=video]');
             v.muted = true;
             const deadline = Date.now() + 20000;
             v.play().catch(e => done('play failed: ' + e));
             (function wait() {
               if (v.currentTime > 2) { v.pause(); done(v.currentTime); }
               else if (v.error) done('media error ' + v.error.code);
               else if (Date.now() > deadline) done('no progress, readyState ' + v.readyState);
               else setTimeout(wait, 100);
             })();",
            Vec::new(),
        ),
    )
    .await
    .unwrap();
    assert!(played.as_f64().is_some(), "the capsule did not play: {played}");
    let seeked = within(
        "a script on the capsule",
        app.client.execute_async(
            "const done = arguments[arguments.length - 1];
             const v = document.querySelector('[data-testid=video]');
             v.addEventListener('seeked', () => { v.pause(); done(v.currentTime); }, { once: true });
             v.currentTime = v.duration - 5;",
            Vec::new(),
        ),
    )
    .await
    .unwrap();
    assert!(seeked.as_f64().is_some_and(|t| t > 60.0), "seeking failed: {seeked}");
}

/// The question of the sample quiz on the screen, with its answers from the module.
async fn question_on_screen<'m>(app: &App, module: &'m Manifest) -> &'m Question {
    let Some(Activity::Quiz(quiz)) = module.activities.iter().find(|a| matches!(a, Activity::Quiz(_))) else {
        unreachable!()
    };
    let form = app.find("[data-testid=question]").await;
    let id = form.attr("data-question").await.unwrap().unwrap();
    quiz.questions.iter().find(|q| q.id == id).unwrap()
}

/// The first item of an ordering question, in the right order, that is below its place on
/// the screen: the one to move up next.
async fn out_of_place<'i>(app: &App, items: &'i [Choice]) -> Option<&'i str> {
    let order = app
        .js("return [...document.querySelectorAll('[data-testid^=order-item-]')]
                .map(e => e.dataset.testid.slice('order-item-'.length));")
        .await;
    let order = order.as_array().unwrap();
    items.iter().zip(order).find(|(item, shown)| *shown != &json!(item.id)).map(|(item, _)| item.id.as_str())
}

/// Checks that the answer just confirmed was judged right.
async fn feedback_says_right(app: &App, question: &str) {
    let feedback = app.find("[data-testid=feedback]").await;
    assert_eq!(feedback.attr("data-correct").await.unwrap().as_deref(), Some("true"), "question {question}");
}

/// Answers the question on the screen rightly, from the module's own answers.
async fn answer_rightly(app: &App, module: &Manifest) {
    answer_rightly_in(app, module, "fr").await;
}

/// Answers the question on the screen rightly, typing a short answer in `language`.
async fn answer_rightly_in(app: &App, module: &Manifest, language: &str) {
    let question = question_on_screen(app, module).await;
    match &question.answer {
        Answer::SingleChoice { correct, .. } => app.click(&format!("[data-testid='option-{correct}']")).await,
        Answer::MultipleChoice { correct, .. } => {
            for option in correct {
                app.click(&format!("[data-testid='option-{option}']")).await;
            }
        }
        Answer::TrueFalse { correct } => app.click(&format!("[data-testid='option-{correct}']")).await,
        Answer::Ordering { items } => {
            // Moved up with the buttons a keyboard user has.
            while let Some(id) = out_of_place(app, items).await {
                app.click(&format!("[data-testid='move-up-{id}']")).await;
            }
        }
        Answer::Matching { pairs, .. } => {
            for pair in pairs {
                app.select(&format!("[data-testid='match-{}']", pair.id), &pair.id).await;
            }
        }
        Answer::ShortText { accepted, .. } => {
            let text = &accepted[language][0];
            let field = app.find("[data-testid=short-text]").await;
            within("typing", field.send_keys(text)).await.unwrap();
        }
    }
    app.click("[data-testid=quiz-answer]").await;
    let Some(Activity::Quiz(quiz)) = module.activities.iter().find(|a| matches!(a, Activity::Quiz(_))) else {
        unreachable!()
    };
    if quiz.feedback == dlis::manifest::FeedbackTiming::Immediate {
        feedback_says_right(app, &question.id).await;
    } else {
        // Feedback at the end: the next question, or the review before submitting, comes at once.
        let moved_on = format!(
            "const q = document.querySelector('[data-testid=question]');
             return !!document.querySelector('[data-testid=quiz-submit]') || (!!q && q.dataset.question !== {});",
            json!(question.id)
        );
        for _ in 0..100 {
            if app.js(&moved_on).await == json!(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the quiz did not move on after question {}", question.id);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_learner_studies_a_module_and_finds_everything_again_after_a_restart() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let module = faire_avec();

    let app = App::start(&display, &data, &samples).await;
    create_profile(&app, "Amina").await;
    assert_eq!(
        app.js("return document.querySelectorAll('[data-testid^=module-card-]').length").await,
        json!(4)
    );
    app.screenshot("catalogue").await;
    app.check_accessibility("catalogue").await;

    app.click("[data-testid='open-module-dlis.faire-avec']").await;
    app.find("[data-testid=activity-list]").await;
    app.screenshot("module").await;
    app.check_accessibility("module").await;

    // A lesson, read and marked as read.
    app.click("[data-testid='open-activity-why-faire-avec']").await;
    app.find("[data-testid=lesson-content] h1, [data-testid=lesson-content] h2").await;
    app.screenshot("lesson").await;
    app.check_accessibility("lesson").await;
    app.click("[data-testid=mark-as-read]").await;
    app.find("[data-testid=lesson-read-state]").await;
    app.click("[data-testid=back-to-module]").await;

    // The capsule: played from the loopback server, then seeked near the end.
    app.click("[data-testid='open-activity-capsule']").await;
    app.find("[data-testid=video]").await;
    app.screenshot("capsule").await;
    app.check_accessibility("capsule").await;
    play_and_seek(&app).await;
    app.click("[data-testid=back-to-module]").await;

    // The quiz, answered rightly and passed.
    app.click("[data-testid='open-activity-check']").await;
    app.click("[data-testid=quiz-start]").await;
    app.screenshot("quiz").await;
    app.check_accessibility("quiz").await;
    for n in 0..10 {
        answer_rightly(&app, &module).await;
        if n < 9 {
            app.click("[data-testid=quiz-next]").await;
        }
    }
    app.click("[data-testid=quiz-to-submit]").await;
    app.click("[data-testid=quiz-submit]").await;
    let result = app.find("[data-testid=quiz-result]").await;
    assert_eq!(result.attr("data-passed").await.unwrap().as_deref(), Some("true"));
    app.screenshot("quiz-result").await;
    app.check_accessibility("quiz result").await;
    app.close().await;

    // Reopened: the same learner, with the progress kept.
    let app = App::start(&display, &data, &samples).await;
    let progress = app.find("[data-testid='module-progress-dlis.faire-avec']").await;
    let done: u32 = progress.attr("value").await.unwrap().unwrap().parse().unwrap();
    assert!(done >= 2, "lesson and quiz done, {done} shown");

    // Records: an institution whose LRS cannot be reached; the app says so and keeps them.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    app.click("[data-testid=nav-settings]").await;
    for (field, value) in [
        ("institution-name", "IRTS Hauts-de-France".to_owned()),
        ("institution-home", "https://irts-hdf.example".to_owned()),
        ("institution-endpoint", format!("http://127.0.0.1:{closed}/xAPI/")),
        ("institution-user", "dlis".to_owned()),
        ("institution-password", "s3cret".to_owned()),
    ] {
        let input = app.find(&format!("[data-testid={field}]")).await;
        within("typing", input.send_keys(&value)).await.unwrap();
    }
    app.click("[data-testid=institution-save]").await;
    // First use: the trainer chooses the trainer PIN, which guards these settings from now on.
    app.find("[data-testid=trainer-pin-dialog]").await;
    app.check_accessibility("trainer PIN chosen on first use").await;
    type_into(&app, "trainer-pin-input", TRAINER_PIN).await;
    type_into(&app, "trainer-pin-confirm", TRAINER_PIN).await;
    app.click("[data-testid=trainer-pin-ok]").await;
    app.wait_text("[data-testid=institution-status]", "Enregistré").await;
    app.click("[data-testid=sync-now]").await;
    app.find("[data-testid=sync-last-error]").await;
    // Said in the learner's language, from the error's kind, not the core's English words.
    app.wait_text("[data-testid=sync-now-status]", "n'a pas pu être joint").await;
    app.wait_text("[data-testid=sync-last-error]", "n'a pas pu être joint").await;
    let pending: u64 = app.text_of("[data-testid=sync-pending]").await.trim().parse().unwrap();
    assert!(pending > 0, "statements wait for the LRS");
    app.screenshot("settings").await;
    app.check_accessibility("settings").await;

    // Once the LRS answers (a real Ralph on loopback), "Send now" sends every one of them.
    // The settings are locked again (as after signing out): the trainer PIN is asked for, and
    // a new address needs the password typed again, since a saved one never goes elsewhere.
    app.click("[data-testid=trainer-lock]").await;
    let lrs = ralph::Lrs::start(&dir.path().join("lrs"));
    let endpoint = app.find("[data-testid=institution-endpoint]").await;
    within("clearing a field", endpoint.clear()).await.unwrap();
    within("typing", endpoint.send_keys(&format!("{}/xAPI/", lrs.url))).await.unwrap();
    app.click("[data-testid=institution-save]").await;
    type_into(&app, "trainer-pin-input", "000000").await;
    app.click("[data-testid=trainer-pin-ok]").await;
    app.wait_text("[data-testid=trainer-pin-error]", "PIN").await;
    type_into(&app, "trainer-pin-input", TRAINER_PIN).await;
    app.click("[data-testid=trainer-pin-ok]").await;
    app.wait_text("[data-testid=institution-password-error]", "mot de passe").await;
    app.screenshot("settings-password-needed").await;
    app.check_accessibility("settings, password needed").await;
    type_into(&app, "institution-password", "s3cret").await;
    app.click("[data-testid=institution-save]").await;
    app.wait_text("[data-testid=institution-status]", "Enregistré").await;
    app.click("[data-testid=sync-now]").await;
    app.wait_text("[data-testid=sync-now-status]", "Tout a été envoyé").await;
    assert_eq!(app.text_of("[data-testid=sync-pending]").await.trim(), "0");
    let sent: u64 = app.text_of("[data-testid=sync-sent]").await.trim().parse().unwrap();
    assert_eq!(sent, pending, "what waited was sent");
    app.close().await;

    let store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let learner = store.current_learner().unwrap().expect("the profile is still open");
    assert_eq!(learner.display_name, "Amina");
    let saved = store.module_progress(&learner.id, &module).unwrap();
    for activity in &saved.activities {
        match activity {
            ActivityProgress::Lesson { id, read, .. } if id == "why-faire-avec" => assert!(read),
            ActivityProgress::Video { watched_percent, position, .. } => {
                assert!(
                    *watched_percent > 0.0 && *watched_percent < 50.0,
                    "seeking is not watching: {watched_percent}"
                );
                assert!(*position > 60.0, "the resume position is kept: {position}");
            }
            ActivityProgress::Quiz(quiz) => assert!(quiz.passed),
            _ => {}
        }
    }
    assert_eq!(store.sync_status().unwrap().pending, 0);
    let mut ours: Vec<String> = store
        .outbox()
        .unwrap()
        .iter()
        .map(|s| serde_json::from_str::<Value>(s).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    let mut theirs = lrs.stored_ids();
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs, "the LRS holds each statement of the outbox, once");
}

/// A bundle made from a sample module, with a lesson edited by `edit`.
fn edited_bundle(dir: &Path, edit: impl FnOnce(&mut String)) -> PathBuf {
    let source = dir.join("edited");
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules/faire-avec");
    copy_dir(&modules, &source);
    let lesson = source.join("lessons/why-faire-avec.fr.md");
    let mut text = std::fs::read_to_string(&lesson).unwrap();
    edit(&mut text);
    std::fs::write(&lesson, text).unwrap();
    let out = dir.join("edited.zip");
    dlis::bundle::pack::pack(&source, &out, &dlis::bundle::Limits::default(), &dlis::progress::Silent)
        .unwrap();
    out
}

/// An ffmpeg with libx264: the one `imageio-ffmpeg` ships, in the test venv that
/// `scripts/lrs-venv.sh` makes (Debian's GStreamer has no H.264 encoder).
fn ffmpeg() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let venv = std::process::Command::new("bash").arg(root.join("scripts/lrs-venv.sh")).output().unwrap();
    assert!(venv.status.success(), "scripts/lrs-venv.sh failed");
    let venv = String::from_utf8(venv.stdout).unwrap().lines().last().unwrap().trim().to_owned();
    let exe = std::process::Command::new(Path::new(&venv).join("bin/python"))
        .args(["-c", "import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())"])
        .output()
        .unwrap();
    assert!(exe.status.success(), "imageio-ffmpeg is not in the test venv");
    PathBuf::from(String::from_utf8(exe.stdout).unwrap().trim())
}

/// The sample module under another id, its capsule re-encoded as MP4 (H.264 and AAC).
fn mp4_bundle(dir: &Path) -> PathBuf {
    let source = dir.join("mp4");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules/faire-avec"), &source);
    let status = std::process::Command::new(ffmpeg())
        .args(["-hide_banner", "-loglevel", "error", "-y", "-i"])
        .arg(source.join("capsule/capsule.webm"))
        .args(["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac"])
        .args(["-movflags", "+faststart"])
        .arg(source.join("capsule/capsule.mp4"))
        .status()
        .unwrap();
    assert!(status.success(), "ffmpeg could not make the MP4 capsule");
    std::fs::remove_file(source.join("capsule/capsule.webm")).unwrap();
    let path = source.join("module.json");
    let mut module: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    module["id"] = json!("dlis.faire-avec-mp4");
    for activity in module["activities"].as_array_mut().unwrap() {
        if activity["kind"] == "video" {
            activity["source"] = json!({ "path": "capsule/capsule.mp4", "media_type": "video/mp4" });
        }
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&module).unwrap()).unwrap();
    let out = dir.join("mp4.zip");
    dlis::bundle::pack::pack(&source, &out, &dlis::bundle::Limits::default(), &dlis::progress::Silent)
        .unwrap();
    out
}

#[tokio::test(flavor = "current_thread")]
async fn an_mp4_capsule_plays_and_seeks_like_a_webm_one() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let bundle = mp4_bundle(dir.path());

    // A trainer installs it from the install screen, choosing the trainer PIN on first use.
    let app = App::start(&display, &data, &samples).await;
    create_profile(&app, "Ioana").await;
    app.js(&format!("location.hash = '#/install/' + encodeURIComponent({});", json!(bundle))).await;
    app.wait_text("[data-testid=install-signature]", "Non signé").await;
    app.click("[data-testid=install-confirm]").await;
    type_into(&app, "trainer-pin-input", TRAINER_PIN).await;
    type_into(&app, "trainer-pin-confirm", TRAINER_PIN).await;
    app.click("[data-testid=trainer-pin-ok]").await;
    let done = app.find("[data-testid=install-success]").await;
    assert_eq!(done.attr("data-outcome").await.unwrap().as_deref(), Some("installed"));
    app.click("[data-testid=install-open-module]").await;
    app.find("[data-testid=module-title]").await;
    app.js("location.hash = '#/video/dlis.faire-avec-mp4/capsule';").await;
    let source = app.find("[data-testid=video] source").await;
    assert_eq!(source.attr("type").await.unwrap().as_deref(), Some("video/mp4"));
    play_and_seek(&app).await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn hostile_bundles_are_refused_and_lesson_html_never_runs() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();

    // A lesson carrying scripts, an event handler and a javascript: link.
    let xss = edited_bundle(dir.path(), |text| {
        text.push_str(
            "\n\n<script>window.__xss = 1</script>\n\n<img src=\"x\" onerror=\"window.__xss = 2\">\n\n\
             [piège](javascript:window.__xss=3)\n",
        );
    });
    // The same bundle, truncated on its way through a USB stick.
    let bytes = std::fs::read(&xss).unwrap();
    let truncated = dir.path().join("truncated.zip");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();

    let app = App::start(&display, &data, &samples).await;
    create_profile(&app, "Luc").await;
    let before: Vec<String> =
        dlis::Library::new(&data).list().unwrap().0.iter().map(|m| m.manifest.version.to_string()).collect();

    // Dropped on the window: refused, with the problem in plain words, nothing installed.
    app.js(&format!(
        "window.__TAURI__.event.emit('tauri://drag-drop', {{ paths: [{}], position: {{ x: 10, y: 10 }} }});",
        Value::String(truncated.display().to_string())
    ))
    .await;
    app.find("[data-testid=install-invalid], [data-testid=install-error]").await;
    app.screenshot("install-refused").await;
    app.check_accessibility("install refused").await;
    let after: Vec<String> =
        dlis::Library::new(&data).list().unwrap().0.iter().map(|m| m.manifest.version.to_string()).collect();
    assert_eq!(before, after);

    // A learner at the laptop: installing asks for the trainer PIN, which the learner does not
    // know; and no command acts on another learner's profile, whatever the page asks.
    Store::open(&data.join(dlis::store::FILE_NAME)).unwrap().set_trainer_pin(None, TRAINER_PIN).unwrap();
    app.js(&format!(
        "window.__TAURI__.event.emit('tauri://drag-drop', {{ paths: [{}], position: {{ x: 10, y: 10 }} }});",
        Value::String(xss.display().to_string())
    ))
    .await;
    app.wait_text("[data-testid=install-signature]", "Non signé").await;
    app.click("[data-testid=install-confirm]").await;
    app.find("[data-testid=trainer-pin-dialog]").await;
    app.click("[data-testid=trainer-pin-cancel]").await;
    app.wait_text("[data-testid=install-error-message]", "PIN formateur").await;
    let refused = app.invoke("install_bundle", json!({ "path": xss, "force": true })).await;
    assert_eq!(refused.unwrap_err()["kind"], json!("trainer-only"));
    let refused = app.invoke("remove_module", json!({ "id": "dlis.faire-avec" })).await;
    assert_eq!(refused.unwrap_err()["kind"], json!("trainer-only"));
    let refused = app
        .invoke(
            "set_institution",
            json!({ "name": "x", "homePage": "https://x.example", "endpoint":
            "https://evil.example/xAPI/", "username": "dlis", "password": "" }),
        )
        .await;
    assert_eq!(refused.unwrap_err()["kind"], json!("trainer-only"));
    let unchanged: Vec<String> =
        dlis::Library::new(&data).list().unwrap().0.iter().map(|m| m.manifest.version.to_string()).collect();
    assert_eq!(before, unchanged);

    let other =
        Store::open(&data.join(dlis::store::FILE_NAME)).unwrap().create_learner("Zoé", "fr", None).unwrap();
    for (command, args) in [
        ("rename_learner", json!({ "id": other.id, "name": "pris" })),
        ("set_learner_language", json!({ "id": other.id, "language": "en" })),
        ("set_learner_pin", json!({ "id": other.id, "pin": "1234" })),
        ("delete_learner", json!({ "id": other.id })),
    ] {
        let answer = app.invoke(command, args).await;
        assert!(answer.is_err(), "{command} acted on another learner's profile: {answer:?}");
    }
    assert_eq!(Store::open(&data.join(dlis::store::FILE_NAME)).unwrap().learner(&other.id).unwrap(), other);

    // The media server gives the page the module's content and nothing else: not module.json,
    // which holds the quiz answers, nor the signature.
    let view = app.invoke("module", json!({ "id": "dlis.faire-avec" })).await.unwrap();
    let base = view["asset_base"].as_str().unwrap().to_owned();
    let status_of = |path: &str| {
        ureq::get(format!("{base}/{path}"))
            .config()
            .http_status_as_error(false)
            .build()
            .call()
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(status_of("lessons/why-faire-avec.fr.md"), 200);
    assert_eq!(status_of("module.json"), 404);
    assert_eq!(status_of("signature.json"), 404);

    // And the page takes media and images from the media server only, not from any program
    // listening on another local port.
    let other_program = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let elsewhere = format!("http://127.0.0.1:{}/poster.png", other_program.local_addr().unwrap().port());
    let blocked = app
        .js_async(
            "document.addEventListener('securitypolicyviolation', (e) => done(e.blockedURI), { once: true });
             const img = document.createElement('img');
             img.alt = '';
             img.src = arguments[0];
             document.body.append(img);
             setTimeout(() => done('not blocked'), 3000);",
            vec![json!(elsewhere)],
        )
        .await;
    assert_eq!(blocked, json!(elsewhere), "the CSP let another local port in");

    // The XSS lesson, installed by a trainer, renders as text and runs nothing.
    dlis::Library::new(&data).install(&xss, true, &dlis::progress::Silent).unwrap();
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    app.find("[data-testid=lesson-content]").await;
    app.wait_text("[data-testid=lesson-content]", "piège").await;
    app.click("[data-testid=lesson-content] a:last-of-type").await;
    // Whatever the click queued (a `javascript:` navigation is a task of its own) runs before
    // a task queued after it.
    let after = app.js_async("setTimeout(() => done(typeof window.__xss), 0);", vec![]).await;
    assert_eq!(after, json!("undefined"));
    let html = app.js("return document.querySelector('[data-testid=lesson-content]').innerHTML").await;
    let html = html.as_str().unwrap();
    assert!(
        !html.contains("<script") && !html.contains("onerror") && !html.contains("javascript:"),
        "{html}"
    );
    app.close().await;
}

/// Presses one key on whatever has the focus, as the keyboard does.
async fn press(app: &App, key: impl Into<char>) {
    let key = key.into();
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    within("pressing a key", app.client.perform_actions(keys)).await.unwrap();
}

/// Types `text` into the focused field.
async fn type_text(app: &App, text: &str) {
    let field = within("finding the focus", app.client.active_element()).await.unwrap();
    within("typing", field.send_keys(text)).await.unwrap();
}

async fn focused_is(app: &App, css: &str) -> bool {
    let script =
        format!("return !!document.activeElement && document.activeElement.matches({});", json!(css));
    app.js(&script).await == json!(true)
}

/// Presses Tab until the focus is on `css`, the way a keyboard user reaches a control, and
/// checks that the focus can be seen there (WCAG 2.4.7).
async fn tab_to(app: &App, css: &str) {
    for _ in 0..150 {
        if focused_is(app, css).await {
            let outline = app.js("return getComputedStyle(document.activeElement).outlineStyle;").await;
            assert_ne!(outline, json!("none"), "the focus on {css} cannot be seen");
            return;
        }
        press(app, Key::Tab).await;
    }
    panic!("{css} cannot be reached with the Tab key");
}

/// Tabs to `css` and presses Enter on it.
async fn activate(app: &App, css: &str) {
    tab_to(app, css).await;
    press(app, Key::Enter).await;
}

/// Moves through the options of the focused control (a select, a radio group) with the arrow
/// keys until its value is `value`.
async fn arrow_to(app: &App, css: &str, value: &str) {
    let script = format!("return document.querySelector({}).value;", json!(css));
    for _ in 0..20 {
        if app.js(&script).await == json!(value) {
            return;
        }
        press(app, Key::Down).await;
    }
    panic!("{value} cannot be chosen in {css} with the arrow keys");
}

/// Waits until the router shows the route ending with `suffix`.
async fn wait_route(app: &App, suffix: &str) {
    let script = format!("return location.hash.endsWith({});", json!(suffix));
    for _ in 0..300 {
        if app.js(&script).await == json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the app never showed {suffix}");
}

/// Answers the question on the screen rightly with the keyboard alone.
async fn answer_with_the_keyboard(app: &App, module: &Manifest) {
    let question = question_on_screen(app, module).await;
    let option = |id: &str| format!("[data-testid='option-{id}']");
    match &question.answer {
        Answer::SingleChoice { correct, .. } => {
            // Tab enters the radio group; the arrows move the choice within it.
            tab_to(app, "[data-testid=question] input[type=radio]").await;
            press(app, Key::Space).await;
            for _ in 0..10 {
                if focused_is(app, &format!("{}:checked", option(correct))).await {
                    break;
                }
                press(app, Key::Down).await;
            }
        }
        Answer::TrueFalse { correct } => {
            tab_to(app, "[data-testid=question] input[type=radio]").await;
            press(app, Key::Space).await;
            if !focused_is(app, &format!("{}:checked", option(&correct.to_string()))).await {
                press(app, Key::Down).await;
            }
        }
        Answer::MultipleChoice { correct, .. } => {
            for id in correct {
                tab_to(app, &option(id)).await;
                press(app, Key::Space).await;
            }
        }
        Answer::Ordering { items } => {
            while let Some(id) = out_of_place(app, items).await {
                activate(app, &format!("[data-testid='move-up-{id}']")).await;
            }
        }
        Answer::Matching { pairs, .. } => {
            for pair in pairs {
                let select = format!("[data-testid='match-{}']", pair.id);
                tab_to(app, &select).await;
                arrow_to(app, &select, &pair.id).await;
            }
        }
        Answer::ShortText { accepted, .. } => {
            tab_to(app, "[data-testid=short-text]").await;
            type_text(app, &accepted["fr"][0]).await;
        }
    }
    activate(app, "[data-testid=quiz-answer]").await;
    feedback_says_right(app, &question.id).await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_learner_completes_a_module_with_the_keyboard_alone() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let module = faire_avec();

    let app = App::start(&display, &data, &samples).await;
    app.find("[data-testid=new-profile-form]").await;
    tab_to(&app, "[data-testid=new-profile-name]").await;
    type_text(&app, "Nadia").await;
    tab_to(&app, "[data-testid=new-profile-language]").await;
    press(&app, Key::Home).await;
    arrow_to(&app, "[data-testid=new-profile-language]", "fr").await;
    activate(&app, "[data-testid=new-profile-create]").await;
    app.find("[data-testid=module-list]").await;

    // "Start" on the module's card, then each activity in turn with "Next".
    activate(&app, "[data-testid='resume-dlis.faire-avec']").await;
    for activity in &module.activities {
        wait_route(&app, &format!("/{}", activity.id())).await;
        match activity {
            Activity::Lesson(_) => {
                app.find("[data-testid=lesson-content]").await;
                // Short lessons are read as soon as their end is on screen; the others are
                // marked read with the button on the way to "Next".
                tab_to(&app, "[data-testid=mark-as-read], [data-testid=next-activity]").await;
                if focused_is(&app, "[data-testid=mark-as-read]").await {
                    press(&app, Key::Enter).await;
                    app.find("[data-testid=lesson-read-state]").await;
                }
                activate(&app, "[data-testid=next-activity]").await;
            }
            Activity::Video(_) => {
                app.find("[data-testid=video]").await;
                activate(&app, "[data-testid=video-play]").await;
                // The player's own keys: muted (M), then the fastest speed (>).
                press(&app, 'm').await;
                for _ in 0..4 {
                    press(&app, '>').await;
                }
                let rate = app.js("return document.querySelector('[data-testid=video]').playbackRate;").await;
                assert_eq!(rate.as_f64(), Some(2.0), "the > key speeds the capsule up");
                // Played to its end at double speed: under a minute on a quiet machine, longer
                // on a busy one; the wait lasts as long as the capsule moves on.
                let (mut ended, mut furthest, mut still) = (Value::Null, -1.0, 0);
                while still < 60 {
                    ended = app
                        .js("const v = document.querySelector('[data-testid=video]');
                             return v.ended || (v.error ? 'media error ' + v.error.code : v.currentTime);")
                        .await;
                    match ended.as_f64() {
                        Some(time) if time > furthest => (furthest, still) = (time, 0),
                        Some(_) => still += 1,
                        None => break,
                    }
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                if ended != json!(true) {
                    let state = app
                        .js("const v = document.querySelector('[data-testid=video]');
                             return { time: v.currentTime, paused: v.paused, ready: v.readyState,
                                      network: v.networkState, rate: v.playbackRate,
                                      buffered: v.buffered.length ? v.buffered.end(v.buffered.length - 1) : null };")
                        .await;
                    panic!("the capsule did not play to its end: {ended} ({state})");
                }
                let restarts = app
                    .js("return document.querySelector('[data-testid=video]').dataset.restarts || '0';")
                    .await;
                eprintln!("the player restarted the capsule {restarts} time(s) on the way");
                app.find("[data-testid=video-watched]").await;
                activate(&app, "[data-testid=next-activity]").await;
            }
            Activity::Quiz(_) => {
                activate(&app, "[data-testid=quiz-start]").await;
                for n in 0..10 {
                    answer_with_the_keyboard(&app, &module).await;
                    activate(
                        &app,
                        if n < 9 { "[data-testid=quiz-next]" } else { "[data-testid=quiz-to-submit]" },
                    )
                    .await;
                }
                activate(&app, "[data-testid=quiz-submit]").await;
                let result = app.find("[data-testid=quiz-result]").await;
                assert_eq!(result.attr("data-passed").await.unwrap().as_deref(), Some("true"));
                activate(&app, "[data-testid=back-to-module]").await;
            }
            Activity::Survey(_) => unreachable!("faire-avec has no survey"),
        }
    }
    app.find("[data-testid=module-completed-at]").await;
    app.close().await;

    let store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let learner = store.current_learner().unwrap().expect("the profile is open");
    assert_eq!(learner.display_name, "Nadia");
    assert_eq!(learner.language, "fr");
    let saved = store.module_progress(&learner.id, &module).unwrap();
    assert!(saved.completed_at.is_some(), "the module is complete: {saved:?}");
}

/// The text of an element, hidden parts included (closed `<details>`).
async fn text_content(app: &App, css: &str) -> String {
    app.find(css).await;
    let script = format!("return document.querySelector({}).textContent;", json!(css));
    app.js(&script).await.as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "current_thread")]
async fn the_about_section_shows_the_version_the_data_and_every_licence() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let samples = sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();

    // Before any profile: Settings is open to everyone, About included.
    let app = App::start(&display, &data, &samples).await;
    app.find("[data-testid=new-profile-form]").await;
    app.click("[data-testid=nav-settings]").await;
    assert_eq!(app.text_of("[data-testid=about-version]").await, env!("CARGO_PKG_VERSION"));
    assert_eq!(app.text_of("[data-testid=about-data-dir]").await, data.display().to_string());
    assert_eq!(app.js("return document.querySelector('[data-testid=about-portable]')").await, Value::Null);
    // No institution yet: whom to tell is said without inventing an address.
    let report = app.text_of("[data-testid=about-report]").await;
    assert!(!report.contains("http") && !report.contains('@'), "{report}");
    assert!(app.text_of("[data-testid=about-app-licence]").await.contains("EUPL-1.2"));
    assert!(
        text_content(&app, "[data-testid=about-app-licence-text]")
            .await
            .contains("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    );

    // The third-party components, under their licence with its full text.
    app.click("[data-testid=about-third-party-toggle]").await;
    app.click("[data-testid='licence-MIT-toggle']").await;
    let mit = app.text_of("[data-testid='licence-MIT']").await;
    for shown in [
        format!("rusqlite {}", licenses::locked_version("rusqlite")),
        format!("tauri {} (Apache-2.0 OR MIT)", licenses::locked_version("tauri")),
    ] {
        assert!(mit.contains(&shown), "{shown:?} is not under MIT: {mit}");
    }
    assert!(
        text_content(&app, "[data-testid='licence-MIT']")
            .await
            .contains("Permission is hereby granted, free of charge")
    );
    app.click("[data-testid='licence-Apache-2.0-toggle']").await;
    let apache = app.text_of("[data-testid='licence-Apache-2.0']").await;
    assert!(
        apache.contains("@fluent/bundle 0.19.1 (JavaScript)"),
        "Fluent is not under Apache-2.0: {apache}"
    );
    assert!(
        text_content(&app, "[data-testid='licence-Apache-2.0']")
            .await
            .contains("TERMS AND CONDITIONS FOR USE")
    );
    app.check_accessibility("about").await;
    app.js("document.querySelector('[data-testid=settings-about]').scrollIntoView();").await;
    app.screenshot("about").await;

    // Once an institution is set up, it is the one to tell (with the address it gave).
    let store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    store
        .set_institution(&dlis::sync::Institution {
            name: "IRTS Hauts-de-France".into(),
            home_page: "https://irts-hdf.example".into(),
            lrs: dlis::sync::LrsAccess {
                endpoint: "https://lrs.irts-hdf.example/xAPI/".into(),
                username: "dlis".into(),
                password: "s3cret".into(),
            },
            learner_identifier: None,
        })
        .unwrap();
    drop(store);
    app.js("location.hash = '#/profiles';").await;
    app.find("[data-testid=new-profile-form]").await;
    app.click("[data-testid=nav-settings]").await;
    app.wait_text("[data-testid=about-report]", "IRTS Hauts-de-France (https://irts-hdf.example)").await;
    app.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_portable_copy_keeps_its_data_beside_the_program_and_says_so() {
    let _window = WINDOW.lock().await;
    let dir = temp();
    let display = Display::get();
    // A copy of the program with `portable.txt` beside it, as on a trainer's USB stick.
    let stick = dir.path().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let program = stick.join("dlis-learn");
    std::fs::copy(env!("CARGO_BIN_EXE_dlis-learn"), &program).unwrap();
    std::fs::write(stick.join(dlis::library::PORTABLE_MARKER), "").unwrap();

    // No DLIS_DATA_DIR (empty is unset), whatever the test's environment.
    let app = App::start_program(&display, &program, &[("DLIS_DATA_DIR", Path::new(""))]).await;
    app.find("[data-testid=new-profile-form]").await;
    app.click("[data-testid=nav-settings]").await;
    let data = stick.join(dlis::library::PORTABLE_DATA);
    assert_eq!(app.text_of("[data-testid=about-data-dir]").await, data.display().to_string());
    app.find("[data-testid=about-portable]").await;
    app.check_accessibility("about, portable copy").await;
    app.close().await;
    assert!(data.join(dlis::store::FILE_NAME).is_file(), "the progress store is in the portable data folder");
}
