//! The rules of DLIS Learn for the LMS player: the core's quiz engine, attempt and completion
//! rules, page views and suspend-data encoding, compiled to WebAssembly and shrunk by
//! binaryen's `wasm-opt` (`scripts/player-rules.sh`), so that the web player runs the very
//! code the desktop app runs, and keeps no second, hand-written copy that could drift from it.
//!
//! One entry point: [`rules_call`] takes a JSON request from the module's memory and leaves a
//! JSON answer there. [`answer`] is the same function for Rust callers and tests.

use std::collections::BTreeMap;

use dlis::Manifest;
use dlis::completion::{self, ActivityProgress, Event, ModuleProgress, Status};
use dlis::lms::scorm12::{self, Interaction, Report};
use dlis::lms::session::{Change, Session};
use dlis::lms::suspend::{Shape, Suspended};
use dlis::manifest::{Activity, CompletionRule, Question, Quiz};
use dlis::quiz::{self, AttemptView, Response, Scored, Total};
use dlis::views::{self, ManifestView, QuizView};
use serde::{Deserialize, Serialize};

/// What the player asks.
#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// The order of an attempt's questions and options (seeded: the same seed, the same order).
    Layout {
        quiz: Box<Quiz>,
        seed: u64,
    },
    /// One answer scored, in the learner's language (for short texts).
    Score {
        question: Box<Question>,
        response: Response,
        language: String,
    },
    /// An attempt's total and whether it passes.
    Total {
        quiz: Box<Quiz>,
        scores: BTreeMap<String, Scored>,
    },
    /// What the learner may do with a quiz after `submitted` submitted attempts, with one
    /// `open` or not: start another, how many are left, change an answer given.
    Attempts {
        quiz: Box<Quiz>,
        submitted: u32,
        open: bool,
    },
    /// An attempt as the page shows it, in the learner's language: questions and options in
    /// the attempt's order, feedback only once it may be seen, no expected answer.
    QuizView {
        offered: Vec<String>,
        default_language: String,
        quiz: Box<Quiz>,
        attempt: Box<AttemptView>,
        language: String,
    },
    /// The learner's state as SCORM 1.2's `cmi.suspend_data`, and back.
    SuspendEncode {
        shape: Box<Shape>,
        state: Box<Suspended>,
    },
    SuspendDecode {
        shape: Box<Shape>,
        data: String,
    },
    /// A stretch of capsule played: the merged intervals and the share watched.
    Watch {
        intervals: Vec<(f64, f64)>,
        from: f64,
        to: f64,
        duration: f64,
    },
    /// Each activity's status under the module's completion rule, and whether the module is
    /// complete (every activity done).
    Progress {
        completion: CompletionRule,
        activities: Vec<ActivityProgress>,
    },
    /// The module the player plays, given once: the `session` requests act on it.
    Load {
        module: Box<Manifest>,
    },
    /// A request of the page (as the app's commands) on a learner's state: the state after it,
    /// the reply, and what the LMS is to be told.
    Session {
        /// `cmi.suspend_data`, or empty for a learner who has not started.
        data: String,
        language: String,
        /// `YYYY-MM-DD`, the completion day should the module become complete now.
        today: String,
        action: Action,
    },
}

/// What the page asks of a session: the app's commands of the same names.
#[derive(Debug, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum Action {
    Module,
    ChooseContentLanguage { language: String },
    Record { event: Event },
    VideoState { activity: String },
    Quiz { activity: String, seed: u64 },
    Answer { activity: String, question: String, response: Response },
    SubmitQuiz { activity: String },
}

/// A session's answer: the state to keep, the page's reply, what the LMS is to be told.
#[derive(Debug, Serialize)]
struct Answered {
    data: String,
    /// True when the saved state could not be read (another version of the module): the
    /// learner starts afresh, and the page says so.
    reset: bool,
    change: Change,
    report: Report,
    progress: ModuleProgress,
    /// The answer just given, as SCORM 1.2's interaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    interaction: Option<Interaction>,
    /// The attempt just submitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<Total>,
}

#[derive(Debug, Serialize)]
struct ModuleReply {
    manifest: ManifestView,
    progress: ModuleProgress,
}

#[derive(Debug, Serialize)]
struct Loaded {
    id: String,
    version: String,
    title: String,
}

#[derive(Debug, Serialize)]
struct Watched {
    intervals: Vec<(f64, f64)>,
    watched_percent: f64,
}

#[derive(Debug, Serialize)]
struct Attempts {
    may_start: bool,
    attempts_left: Option<u32>,
    may_change_answer: bool,
}

#[derive(Debug, Serialize)]
struct Progress<'a> {
    status: BTreeMap<&'a str, Status>,
    done: usize,
    complete: bool,
}

/// The answer to a request, as JSON: `{"ok": …}` or `{"error": "…"}`. Each answer is
/// serialised straight from its type (no `serde_json::Value`, whose code would weigh on the
/// player's size).
pub fn answer(request: &str) -> String {
    let result = match serde_json::from_str::<Request>(request) {
        Ok(request) => run(request),
        Err(err) => Err(Failure::from(format!("bad request: {err}"))),
    };
    match result {
        Ok(json) => format!("{{\"ok\":{json}}}"),
        Err(Failure { message, kind: None }) => format!("{{\"error\":{}}}", json(&message)),
        Err(Failure { message, kind: Some(kind) }) => {
            format!("{{\"error\":{},\"kind\":{}}}", json(&message), json(&kind))
        }
    }
}

fn run(request: Request) -> Result<String, Failure> {
    Ok(match request {
        Request::Layout { quiz, seed } => json(&quiz::layout(&quiz, seed)),
        Request::Score { question, response, language } => {
            json(&quiz::score(&question, &response, &language).map_err(|e| e.to_string())?)
        }
        Request::Total { quiz, scores } => json(&quiz::total(&quiz, &scores)),
        Request::Attempts { quiz, submitted, open } => json(&Attempts {
            may_start: quiz::may_start(&quiz, submitted),
            attempts_left: quiz::attempts_left(&quiz, submitted, open),
            may_change_answer: quiz::may_change_answer(&quiz),
        }),
        Request::QuizView { offered, default_language, quiz, attempt, language } => {
            json(&views::quiz_view_in(&offered, &default_language, &quiz, &attempt, &language))
        }
        Request::SuspendEncode { shape, state } => json(&state.encode(&shape).map_err(|e| e.to_string())?),
        Request::SuspendDecode { shape, data } => {
            json(&Suspended::decode(&data, &shape).map_err(|e| e.to_string())?)
        }
        Request::Watch { mut intervals, from, to, duration } => {
            if from.is_finite() && to.is_finite() && from >= 0.0 && to > from {
                completion::merge_interval(&mut intervals, from, to);
            }
            let watched_percent = completion::watched_percent(&intervals, duration);
            json(&Watched { intervals, watched_percent })
        }
        Request::Progress { completion, activities } => {
            let status: BTreeMap<&str, Status> =
                activities.iter().map(|a| (a.id(), a.status_under(&completion))).collect();
            let done = status.values().filter(|s| **s == Status::Done).count();
            json(&Progress { status, done, complete: done == activities.len() })
        }
        Request::Load { module } => {
            let loaded = Loaded {
                id: module.id.clone(),
                version: module.version.to_string(),
                title: module.title_in(&module.default_language).to_owned(),
            };
            // SAFETY: WebAssembly runs this module on one thread; nothing else holds MODULE.
            unsafe { *std::ptr::addr_of_mut!(MODULE) = Some(*module) };
            json(&loaded)
        }
        Request::Session { data, language, today, action } => {
            // SAFETY: as in `Load`.
            let module = unsafe { (*std::ptr::addr_of!(MODULE)).as_ref() }.ok_or("no module loaded")?;
            session(module, &data, language, &today, action)?
        }
    })
}

fn session(
    module: &Manifest,
    data: &str,
    language: String,
    today: &str,
    action: Action,
) -> Result<String, Failure> {
    let shape = Shape::of(module);
    let (state, reset) = match data {
        "" => (Suspended::fresh(&shape), false),
        data => match Suspended::decode(data, &shape) {
            Ok(state) => (state, false),
            Err(_) => (Suspended::fresh(&shape), true),
        },
    };
    let mut session = Session::new(module, state, language).map_err(|e| e.to_string())?;
    let err = |e: dlis::lms::session::SessionError| match e.kind() {
        Some(kind) => format!("{}\u{0}{e}", kind.as_str()),
        None => e.to_string(),
    };
    let mut interaction = None;
    let mut total = None;
    let (reply, change) = match action {
        Action::Module => {
            let content = session.content_language();
            let manifest = ManifestView::for_learner(module, content);
            (json(&ModuleReply { manifest, progress: session.progress() }), Change::default())
        }
        Action::ChooseContentLanguage { language } => {
            session.choose_language(&language).map_err(err)?;
            ("null".to_owned(), Change::default())
        }
        Action::Record { event } => {
            let change = session.record(&event, today).map_err(err)?;
            (json(&session.progress()), change)
        }
        Action::VideoState { activity } => {
            (json(&session.video_state(&activity).map_err(err)?), Change::default())
        }
        Action::Quiz { activity, seed } => {
            let (view, change) = session.start_quiz(&activity, seed, today).map_err(err)?;
            (json(&quiz_view(&session, &activity, &view)), change)
        }
        Action::Answer { activity, question, response } => {
            let (view, scored, change) =
                session.answer(&activity, &question, &response, today).map_err(err)?;
            let language = session.content_language().language;
            if let Some(Activity::Quiz(quiz)) = module.activities.iter().find(|a| a.id() == activity)
                && let Some(q) = quiz.questions.iter().find(|q| q.id == question)
            {
                interaction = scorm12::interaction(&quiz.id, q, &response, &scored, &language);
            }
            (json(&quiz_view(&session, &activity, &view)), change)
        }
        Action::SubmitQuiz { activity } => {
            let (view, sum, change) = session.submit(&activity, today).map_err(err)?;
            total = Some(sum);
            (json(&quiz_view(&session, &activity, &view)), change)
        }
    };
    let progress = session.progress();
    let answered = Answered {
        data: session.state.encode(&shape).map_err(|e| e.to_string())?,
        reset,
        change,
        report: scorm12::report(module, &progress),
        progress,
        interaction,
        total,
    };
    // The reply is JSON already: put in front of the rest as it is.
    let rest = json(&answered);
    Ok(format!("{{\"reply\":{reply},{}", &rest[1..]))
}

fn quiz_view(session: &Session, activity: &str, attempt: &AttemptView) -> Option<QuizView> {
    let language = session.content_language().language;
    session.module.activities.iter().find_map(|a| match a {
        Activity::Quiz(quiz) if quiz.id == activity => {
            Some(views::quiz_view(session.module, quiz, attempt, &language))
        }
        _ => None,
    })
}

/// A request that failed: its message and, for the errors the page explains in its own
/// words, their kind (as the app's `CommandError`).
struct Failure {
    message: String,
    kind: Option<&'static str>,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure { message, kind: None }
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure { message: message.to_owned(), kind: None }
    }
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// The answer of the last call, kept until the next one so that JavaScript can read it.
static mut LAST: Vec<u8> = Vec::new();
/// The module given by the last `load` request.
static mut MODULE: Option<Manifest> = None;

/// Reserves `len` bytes in the module's memory for a request; JavaScript writes it there.
#[unsafe(no_mangle)]
pub extern "C" fn rules_alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Answers the request of `len` bytes at `ptr` (reserved by [`rules_alloc`], freed here).
/// The answer's address is returned; its length is [`rules_answer_len`].
///
/// # Safety
/// `ptr` must come from `rules_alloc(len)` and hold `len` bytes written by the caller.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rules_call(ptr: *mut u8, len: usize) -> *const u8 {
    // SAFETY: the caller passes back the buffer `rules_alloc(len)` gave, filled.
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let reply = match std::str::from_utf8(&bytes) {
        Ok(request) => answer(request),
        Err(_) => r#"{"error":"the request is not UTF-8"}"#.to_owned(),
    };
    // SAFETY: WebAssembly runs this module on one thread; nothing else holds LAST.
    unsafe {
        let last = &mut *std::ptr::addr_of_mut!(LAST);
        *last = reply.into_bytes();
        last.as_ptr()
    }
}

/// The length of the last answer.
#[unsafe(no_mangle)]
pub extern "C" fn rules_answer_len() -> usize {
    // SAFETY: as in `rules_call`.
    unsafe { (*std::ptr::addr_of!(LAST)).len() }
}
