//! What a SCORM 1.2 LMS keeps of a learner's progress between sessions: `cmi.suspend_data`,
//! which SCORM 1.2 limits to 4,096 characters. The web player resumes from it exactly where
//! the learner was: lessons opened and read, time spent, what of each capsule was watched and
//! where it stopped, quiz attempts and the open one's answers, the content language chosen.
//!
//! The encoding is positional and relies on the module: activities in the module's order,
//! answers by question and option index. It starts with the module's version, so that a state
//! saved under another version is recognised and dropped rather than misread. A capsule's
//! watched parts are a bitmap of time slots (a second each, coarser for long capsules), so
//! that seeking back and forth never makes the state grow. [`worst_case`] builds the longest
//! state a module allows; a module whose worst case does not fit cannot be exported.
//!
//! Characters used: ASCII letters, digits, `-_.:,~!` and nothing else, so that no LMS has to
//! escape anything.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::manifest::{Activity, Answer, Manifest, Question};
use crate::quiz::Response;

/// The most characters `cmi.suspend_data` holds in SCORM 1.2.
pub const LIMIT: usize = 4096;
/// The most characters of a typed (short-text) answer the player accepts and keeps.
pub const MAX_TYPED: usize = 80;
/// The most slots a capsule's watched bitmap has: longer capsules get longer slots.
const MAX_SLOTS: u32 = 1800;
const VERSION: &str = "1";
/// Fields before the activities': format version, module version, language, completion day,
/// last activity.
const HEADER: usize = 5;

/// A learner's progress in one module, as the LMS keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suspended {
    /// The content language the learner chose among the module's, if they chose one.
    pub language: Option<String>,
    /// The day the module was complete (`YYYY-MM-DD`), which the module page shows.
    pub completed_on: Option<String>,
    /// The index of the activity the learner was last in, to offer to go on from there.
    pub last: Option<u32>,
    /// One per activity of the module, in its order.
    pub activities: Vec<ActivityState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivityState {
    Lesson {
        opened: bool,
        read: bool,
        seconds: u32,
    },
    Video {
        /// Watched parts, in seconds, as [`crate::completion::merge_interval`] keeps them.
        intervals: Vec<(f64, f64)>,
        position: u32,
        subtitles: Option<String>,
    },
    Quiz {
        submitted: u32,
        /// Best score of a submitted attempt, from 0 to 1 (kept to the thousandth).
        best_scaled: Option<f64>,
        passed: bool,
        open: Option<OpenAttempt>,
    },
    /// An LMS package holds no survey (`dlis lms-export` refuses them); the state only says
    /// whether it was taken, so that a module's shape is complete.
    Survey {
        taken: bool,
    },
}

/// The attempt in progress: its layout comes back from its seed, its answers are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenAttempt {
    /// The layout's seed; below 2^53, so that JavaScript keeps it whole.
    pub seed: u64,
    pub answers: BTreeMap<String, Response>,
}

/// What of a module the encoding depends on: its version and, activity by activity, its kind,
/// a capsule's duration, a quiz's questions. The LMS player is given this, not a whole
/// manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    pub version: String,
    pub activities: Vec<ShapeOf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ShapeOf {
    Lesson,
    Video { duration_seconds: f64 },
    Quiz { questions: Vec<Question> },
    Survey,
}

impl ShapeOf {
    fn name(&self) -> &'static str {
        match self {
            ShapeOf::Lesson => "lesson",
            ShapeOf::Video { .. } => "capsule",
            ShapeOf::Quiz { .. } => "quiz",
            ShapeOf::Survey => "survey",
        }
    }
}

impl Shape {
    pub fn of(module: &Manifest) -> Shape {
        let activities = module
            .activities
            .iter()
            .map(|a| match a {
                Activity::Lesson(_) => ShapeOf::Lesson,
                Activity::Video(video) => ShapeOf::Video { duration_seconds: video.duration_seconds },
                Activity::Quiz(quiz) => ShapeOf::Quiz { questions: quiz.questions.clone() },
                Activity::Survey(_) => ShapeOf::Survey,
            })
            .collect();
        Shape { version: module.version.to_string(), activities }
    }
}

/// Why a state cannot be written or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SuspendError {
    #[error("the state does not match the module: {0}")]
    Mismatch(String),
    #[error("suspend data from version {found} of the module, this is {expected}")]
    OtherVersion { found: String, expected: String },
    #[error("unreadable suspend data: {0}")]
    Unreadable(String),
}

impl Suspended {
    /// A module nobody has started.
    pub fn fresh(shape: &Shape) -> Suspended {
        let activities = shape
            .activities
            .iter()
            .map(|a| match a {
                ShapeOf::Lesson => ActivityState::Lesson { opened: false, read: false, seconds: 0 },
                ShapeOf::Video { .. } => {
                    ActivityState::Video { intervals: Vec::new(), position: 0, subtitles: None }
                }
                ShapeOf::Quiz { .. } => {
                    ActivityState::Quiz { submitted: 0, best_scaled: None, passed: false, open: None }
                }
                ShapeOf::Survey => ActivityState::Survey { taken: false },
            })
            .collect();
        Suspended { language: None, completed_on: None, last: None, activities }
    }

    /// The state as `cmi.suspend_data`.
    pub fn encode(&self, module: &Shape) -> Result<String, SuspendError> {
        if self.activities.len() != module.activities.len() {
            return Err(SuspendError::Mismatch(format!(
                "{} activities, the module has {}",
                self.activities.len(),
                module.activities.len()
            )));
        }
        let mut fields = vec![
            VERSION.to_owned(),
            word(&module.version),
            self.language.as_deref().map(word).unwrap_or_default(),
            match &self.completed_on {
                Some(day) => day_code(day)?,
                None => String::new(),
            },
            self.last.map(|i| base36(u64::from(i))).unwrap_or_default(),
        ];
        for (state, activity) in self.activities.iter().zip(&module.activities) {
            fields.push(match (state, activity) {
                (ActivityState::Lesson { opened, read, seconds }, ShapeOf::Lesson) => {
                    format!("{}{}", u8::from(*opened) + 2 * u8::from(*read), base36(u64::from(*seconds)))
                }
                (
                    ActivityState::Video { intervals, position, subtitles },
                    ShapeOf::Video { duration_seconds },
                ) => format!(
                    "{}.{}.{}",
                    base36(u64::from(*position)),
                    subtitles.as_deref().map(word).unwrap_or_default(),
                    bitmap(intervals, *duration_seconds)
                ),
                (
                    ActivityState::Quiz { submitted, best_scaled, passed, open },
                    ShapeOf::Quiz { questions },
                ) => {
                    let best = best_scaled
                        .map(|b| base36((b.clamp(0.0, 1.0) * 1000.0).round() as u64))
                        .unwrap_or_default();
                    let open = match open {
                        None => String::new(),
                        Some(attempt) => {
                            let mut answers = Vec::new();
                            for (index, question) in questions.iter().enumerate() {
                                if let Some(response) = attempt.answers.get(&question.id) {
                                    answers.push(format!(
                                        "{}:{}",
                                        base36(index as u64),
                                        response_code(question, response)?
                                    ));
                                }
                            }
                            format!("{}!{}", base36(attempt.seed), answers.join(","))
                        }
                    };
                    format!("{}.{best}.{}.{open}", base36(u64::from(*submitted)), u8::from(*passed))
                }
                (ActivityState::Survey { taken }, ShapeOf::Survey) => u8::from(*taken).to_string(),
                (_, kind) => {
                    return Err(SuspendError::Mismatch(format!("an activity is not a {}", kind.name())));
                }
            });
        }
        Ok(fields.join("~"))
    }

    /// Reads `cmi.suspend_data` written by [`Suspended::encode`] for this module.
    pub fn decode(data: &str, module: &Shape) -> Result<Suspended, SuspendError> {
        let bad = |what: &str| SuspendError::Unreadable(what.to_owned());
        // Written in ASCII only: anything else was changed by someone else (and would not cut
        // on character boundaries below).
        if !data.is_ascii() {
            return Err(bad("characters DLIS never writes"));
        }
        let fields: Vec<&str> = data.split('~').collect();
        if fields.first() != Some(&VERSION) || fields.len() != HEADER + module.activities.len() {
            return Err(bad("not DLIS suspend data of this shape"));
        }
        let version = unword(fields[1]).ok_or_else(|| bad("version"))?;
        if version != module.version {
            return Err(SuspendError::OtherVersion { found: version, expected: module.version.clone() });
        }
        let language =
            if fields[2].is_empty() { None } else { Some(unword(fields[2]).ok_or_else(|| bad("language"))?) };
        let completed_on = match fields[3] {
            "" => None,
            code => Some(day_of(code).ok_or_else(|| bad("completion date"))?),
        };
        let last = match fields[4] {
            "" => None,
            code => Some(
                unbase36(code)
                    .and_then(|i| u32::try_from(i).ok())
                    .filter(|i| (*i as usize) < module.activities.len())
                    .ok_or_else(|| bad("last activity"))?,
            ),
        };
        let mut activities = Vec::new();
        for (field, activity) in fields[HEADER..].iter().zip(&module.activities) {
            activities.push(match activity {
                ShapeOf::Lesson => {
                    let flags = field.get(..1).and_then(|f| f.parse::<u8>().ok()).filter(|f| *f < 4);
                    let flags = flags.ok_or_else(|| bad("lesson"))?;
                    let seconds = unbase36(&field[1..])
                        .and_then(|s| u32::try_from(s).ok())
                        .ok_or_else(|| bad("lesson time"))?;
                    ActivityState::Lesson { opened: flags & 1 == 1, read: flags & 2 == 2, seconds }
                }
                ShapeOf::Video { duration_seconds } => {
                    let parts: Vec<&str> = field.splitn(3, '.').collect();
                    let [position, subtitles, bits] = parts[..] else { return Err(bad("capsule")) };
                    ActivityState::Video {
                        intervals: intervals(bits, *duration_seconds).ok_or_else(|| bad("capsule bitmap"))?,
                        position: unbase36(position)
                            .and_then(|p| u32::try_from(p).ok())
                            .ok_or_else(|| bad("capsule position"))?,
                        subtitles: if subtitles.is_empty() {
                            None
                        } else {
                            Some(unword(subtitles).ok_or_else(|| bad("subtitles"))?)
                        },
                    }
                }
                ShapeOf::Survey => match &field[..] {
                    "0" => ActivityState::Survey { taken: false },
                    "1" => ActivityState::Survey { taken: true },
                    _ => return Err(bad("survey")),
                },
                ShapeOf::Quiz { questions } => {
                    let parts: Vec<&str> = field.splitn(4, '.').collect();
                    let [submitted, best, passed, open] = parts[..] else { return Err(bad("quiz")) };
                    let open = match open {
                        "" => None,
                        open => {
                            let (seed, answers) = open.split_once('!').ok_or_else(|| bad("attempt"))?;
                            let mut map = BTreeMap::new();
                            for answer in answers.split(',').filter(|a| !a.is_empty()) {
                                let (index, code) = answer.split_once(':').ok_or_else(|| bad("answer"))?;
                                let question = unbase36(index)
                                    .and_then(|i| questions.get(usize::try_from(i).ok()?))
                                    .ok_or_else(|| bad("question index"))?;
                                map.insert(
                                    question.id.clone(),
                                    response_of(question, code).ok_or_else(|| bad("answer"))?,
                                );
                            }
                            Some(OpenAttempt {
                                seed: unbase36(seed).ok_or_else(|| bad("seed"))?,
                                answers: map,
                            })
                        }
                    };
                    ActivityState::Quiz {
                        submitted: unbase36(submitted)
                            .and_then(|s| u32::try_from(s).ok())
                            .ok_or_else(|| bad("attempts"))?,
                        best_scaled: if best.is_empty() {
                            None
                        } else {
                            Some(unbase36(best).ok_or_else(|| bad("score"))? as f64 / 1000.0)
                        },
                        passed: match passed {
                            "0" => false,
                            "1" => true,
                            _ => return Err(bad("passed")),
                        },
                        open,
                    }
                }
            });
        }
        Ok(Suspended { language, completed_on, last, activities })
    }
}

/// The longest state `module` allows: every lesson opened and read after days of reading, every
/// capsule half watched in alternate slots and stopped at its end with the longest subtitle
/// language, every quiz at its 999th attempt with an open one whose every question has its
/// longest answer. The player refuses to export a module whose worst case does not fit.
pub fn worst_case(module: &Manifest) -> Suspended {
    let longest = |languages: &mut dyn Iterator<Item = &String>| languages.max_by_key(|l| l.len()).cloned();
    let language = longest(&mut module.languages.iter().chain(&module.partial_languages));
    let activities = module
        .activities
        .iter()
        .map(|activity| match activity {
            Activity::Lesson(_) => ActivityState::Lesson { opened: true, read: true, seconds: 999_999 },
            Activity::Video(video) => {
                let slot = slot_length(video.duration_seconds);
                let slots = slot_count(video.duration_seconds);
                let intervals = (0..slots)
                    .step_by(2)
                    .map(|i| (f64::from(i) * slot, (f64::from(i) + 1.0) * slot))
                    .collect();
                ActivityState::Video {
                    intervals,
                    position: video.duration_seconds.ceil() as u32,
                    subtitles: longest(&mut video.subtitles.keys()),
                }
            }
            Activity::Quiz(quiz) => {
                let answers = quiz.questions.iter().map(|q| (q.id.clone(), longest_response(q))).collect();
                ActivityState::Quiz {
                    submitted: 999,
                    best_scaled: Some(0.999),
                    passed: true,
                    open: Some(OpenAttempt { seed: (1 << 53) - 1, answers }),
                }
            }
            Activity::Survey(_) => ActivityState::Survey { taken: true },
        })
        .collect();
    let last = module.activities.len().checked_sub(1).map(|i| i as u32);
    Suspended { language, completed_on: Some("2026-12-31".into()), last, activities }
}

/// How long the worst case of `module` is, and whether it fits the limit.
pub fn fits(module: &Manifest) -> Result<usize, SuspendError> {
    let length = worst_case(module).encode(&Shape::of(module))?.len();
    if length > LIMIT {
        return Err(SuspendError::Mismatch(format!(
            "its longest progress takes {length} characters, more than the {LIMIT} SCORM 1.2 keeps"
        )));
    }
    Ok(length)
}

fn longest_response(question: &Question) -> Response {
    let ids = |choices: &[crate::manifest::Choice]| choices.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    match &question.answer {
        Answer::SingleChoice { options, .. } => {
            Response::SingleChoice(options.last().map(|o| o.id.clone()).unwrap_or_default())
        }
        Answer::MultipleChoice { options, .. } => {
            Response::MultipleChoice(ids(options).into_iter().collect())
        }
        Answer::TrueFalse { .. } => Response::TrueFalse(false),
        Answer::Ordering { items } => Response::Ordering(ids(items)),
        Answer::Matching { pairs, .. } => {
            Response::Matching(pairs.iter().map(|p| (p.id.clone(), p.id.clone())).collect())
        }
        // Greek letters: two bytes of UTF-8 each, the longest encoded text of that length.
        Answer::ShortText { .. } => Response::ShortText("ω".repeat(MAX_TYPED)),
    }
}

/// A response by option index: the question's own order, one or two base-36 digits each.
fn response_code(question: &Question, response: &Response) -> Result<String, SuspendError> {
    let mismatch =
        || SuspendError::Mismatch(format!("the answer to {} does not fit the question", question.id));
    let index_of = |ids: &[&str], id: &str| ids.iter().position(|i| *i == id).ok_or_else(mismatch);
    let digits = |count: usize, index: usize| {
        let width = if count > 36 { 2 } else { 1 };
        format!("{:0>width$}", base36(index as u64))
    };
    Ok(match (&question.answer, response) {
        (Answer::SingleChoice { options, .. }, Response::SingleChoice(id)) => {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            digits(ids.len(), index_of(&ids, id)?)
        }
        (Answer::MultipleChoice { options, .. }, Response::MultipleChoice(chosen)) => {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            let mut indices = chosen.iter().map(|id| index_of(&ids, id)).collect::<Result<Vec<_>, _>>()?;
            indices.sort();
            format!("m{}", indices.into_iter().map(|i| digits(ids.len(), i)).collect::<String>())
        }
        (Answer::TrueFalse { .. }, Response::TrueFalse(value)) => if *value { "t" } else { "f" }.to_owned(),
        (Answer::Ordering { items }, Response::Ordering(order)) => {
            let ids: Vec<&str> = items.iter().map(|o| o.id.as_str()).collect();
            let indices = order.iter().map(|id| index_of(&ids, id)).collect::<Result<Vec<_>, _>>()?;
            format!("o{}", indices.into_iter().map(|i| digits(ids.len(), i)).collect::<String>())
        }
        (Answer::Matching { pairs, .. }, Response::Matching(chosen)) => {
            let ids: Vec<&str> = pairs.iter().map(|p| p.id.as_str()).collect();
            // For each left side in the bundle's order, the right side chosen ('-' for none).
            let mut code = String::from("p");
            for id in &ids {
                match chosen.get(*id) {
                    Some(right) => code.push_str(&digits(ids.len(), index_of(&ids, right)?)),
                    None => code.push_str(&"-".repeat(if ids.len() > 36 { 2 } else { 1 })),
                }
            }
            code
        }
        (Answer::ShortText { .. }, Response::ShortText(text)) => {
            let kept: String = text.chars().take(MAX_TYPED).collect();
            format!("s{}", word(&kept))
        }
        _ => return Err(mismatch()),
    })
}

fn response_of(question: &Question, code: &str) -> Option<Response> {
    let (kind, rest) = code.split_at_checked(1)?;
    let take = |count: usize, text: &str| -> Option<Vec<usize>> {
        let width = if count > 36 { 2 } else { 1 };
        if !text.len().is_multiple_of(width) {
            return None;
        }
        (0..text.len() / width)
            .map(|i| {
                unbase36(&text[i * width..(i + 1) * width])
                    .and_then(|v| usize::try_from(v).ok())
                    .filter(|v| *v < count)
            })
            .collect()
    };
    Some(match &question.answer {
        Answer::SingleChoice { options, .. } => {
            let [index] = take(options.len(), code)?[..] else { return None };
            Response::SingleChoice(options.get(index)?.id.clone())
        }
        Answer::MultipleChoice { options, .. } if kind == "m" => Response::MultipleChoice(
            take(options.len(), rest)?.into_iter().map(|i| options[i].id.clone()).collect(),
        ),
        Answer::TrueFalse { .. } => match code {
            "t" => Response::TrueFalse(true),
            "f" => Response::TrueFalse(false),
            _ => return None,
        },
        Answer::Ordering { items } if kind == "o" => {
            Response::Ordering(take(items.len(), rest)?.into_iter().map(|i| items[i].id.clone()).collect())
        }
        Answer::Matching { pairs, .. } if kind == "p" => {
            let width = if pairs.len() > 36 { 2 } else { 1 };
            if rest.len() != pairs.len() * width {
                return None;
            }
            let mut chosen = BTreeMap::new();
            for (i, pair) in pairs.iter().enumerate() {
                let cell = &rest[i * width..(i + 1) * width];
                if cell.starts_with('-') {
                    continue;
                }
                let right = take(pairs.len(), cell)?;
                chosen.insert(pair.id.clone(), pairs[right[0]].id.clone());
            }
            Response::Matching(chosen)
        }
        Answer::ShortText { .. } if kind == "s" => Response::ShortText(unword(rest)?),
        _ => return None,
    })
}

/// Seconds per slot of a capsule's watched bitmap.
fn slot_length(duration: f64) -> f64 {
    (duration / f64::from(MAX_SLOTS)).ceil().max(1.0)
}

fn slot_count(duration: f64) -> u32 {
    (duration.max(0.0) / slot_length(duration)).ceil() as u32
}

/// The watched bitmap: a slot counts as watched when at least half of it was.
fn bitmap(intervals: &[(f64, f64)], duration: f64) -> String {
    let slot = slot_length(duration);
    let slots = slot_count(duration);
    let mut bits = vec![false; slots as usize];
    for (i, bit) in bits.iter_mut().enumerate() {
        let (start, end) = (i as f64 * slot, (i as f64 + 1.0) * slot);
        let covered: f64 = intervals.iter().map(|(a, b)| (b.min(end) - a.max(start)).max(0.0)).sum();
        *bit = covered * 2.0 >= slot.min(duration - start);
    }
    // Six slots per character; trailing unwatched ones are left out.
    let mut out: String = bits
        .chunks(6)
        .map(|chunk| {
            let value = chunk.iter().enumerate().fold(0u8, |v, (i, b)| v | (u8::from(*b) << i));
            ALPHABET[usize::from(value)] as char
        })
        .collect();
    while out.ends_with('A') {
        out.pop();
    }
    out
}

fn intervals(bits: &str, duration: f64) -> Option<Vec<(f64, f64)>> {
    let slot = slot_length(duration);
    let slots = slot_count(duration) as usize;
    if bits.len() * 6 > slots + 5 {
        return None;
    }
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (c, byte) in bits.bytes().enumerate() {
        let value = ALPHABET.iter().position(|a| *a == byte)?;
        for i in 0..6 {
            let index = c * 6 + i;
            if value & (1 << i) == 0 || index >= slots {
                continue;
            }
            let (start, end) = (index as f64 * slot, ((index + 1) as f64 * slot).min(duration));
            match out.last_mut() {
                Some(last) if last.1 >= start => last.1 = end,
                _ => out.push((start, end)),
            }
        }
    }
    Some(out)
}

/// Base 64 with the URL-safe alphabet.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `YYYY-MM-DD` as `YYYYMMDD`; anything else is not a day this player writes.
fn day_code(day: &str) -> Result<String, SuspendError> {
    day_of(&day.replace('-', ""))
        .filter(|d| d == day)
        .map(|_| day.replace('-', ""))
        .ok_or_else(|| SuspendError::Mismatch(format!("{day:?} is not a YYYY-MM-DD day")))
}

fn day_of(code: &str) -> Option<String> {
    if code.len() != 8 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (month, day) = (code[4..6].parse::<u8>().ok()?, code[6..].parse::<u8>().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{}-{}-{}", &code[..4], &code[4..6], &code[6..]))
}

fn base36(mut value: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn unbase36(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 12 {
        return None;
    }
    u64::from_str_radix(text, 36)
        .ok()
        .filter(|_| text.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()))
}

/// Free text (a language code, a version, a typed answer) in the safe characters: its UTF-8
/// in base 64 (URL alphabet, no padding).
fn word(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn unword(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() < 2 {
            return None;
        }
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= (ALPHABET.iter().position(|a| a == c)? as u32) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Manifest {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("modules").join(name).join("module.json");
        Manifest::parse(&std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn the_longest_progress_of_every_sample_fits_in_scorm_and_comes_back_whole() {
        for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
            let module = sample(name);
            let worst = worst_case(&module);
            let shape = Shape::of(&module);
            let data = worst.encode(&shape).unwrap();
            assert!(data.len() <= LIMIT, "{name}: {} characters", data.len());
            eprintln!("{name}: the longest suspend data takes {} of {LIMIT} characters", data.len());
            assert!(data.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:,~!".contains(&b)), "{data}");
            assert_eq!(Suspended::decode(&data, &shape).unwrap(), worst, "{name}");
            assert_eq!(fits(&module), Ok(data.len()));
            let fresh = Suspended::fresh(&shape);
            assert_eq!(Suspended::decode(&fresh.encode(&shape).unwrap(), &shape).unwrap(), fresh);
        }
    }

    #[test]
    fn a_module_whose_longest_progress_does_not_fit_is_named() {
        let mut module = sample("faire-avec");
        let Some(Activity::Quiz(quiz)) =
            module.activities.iter_mut().find(|a| matches!(a, Activity::Quiz(_)))
        else {
            panic!("faire-avec has a quiz")
        };
        let typed =
            quiz.questions.iter().find(|q| matches!(q.answer, Answer::ShortText { .. })).unwrap().clone();
        for n in 0..30 {
            let mut copy = typed.clone();
            copy.id = format!("typed-{n}");
            quiz.questions.push(copy);
        }
        let err = fits(&module).unwrap_err().to_string();
        assert!(err.contains("more than the 4096 SCORM 1.2 keeps"), "{err}");
    }

    #[test]
    fn a_learners_session_comes_back_as_it_was() {
        let module = sample("faire-avec");
        let shape = Shape::of(&module);
        let mut state = Suspended::fresh(&shape);
        state.language = Some("ro".into());
        state.completed_on = Some("2026-11-30".into());
        state.last = Some(5);
        state.activities[0] = ActivityState::Lesson { opened: true, read: true, seconds: 412 };
        state.activities[1] = ActivityState::Lesson { opened: true, read: false, seconds: 35 };
        let Activity::Video(video) = &module.activities[4] else { panic!("the capsule is fifth") };
        state.activities[4] = ActivityState::Video {
            intervals: vec![(0.0, 30.0), (60.0, video.duration_seconds)],
            position: 75,
            subtitles: Some("ro".into()),
        };
        let Activity::Quiz(quiz) = &module.activities[5] else { panic!("the quiz is last") };
        let answers: BTreeMap<String, Response> =
            quiz.questions.iter().map(|q| (q.id.clone(), longest_response(q))).collect();
        state.activities[5] = ActivityState::Quiz {
            submitted: 1,
            best_scaled: Some(0.6),
            passed: false,
            open: Some(OpenAttempt { seed: 123_456_789, answers }),
        };
        let data = state.encode(&shape).unwrap();
        let back = Suspended::decode(&data, &shape).unwrap();
        assert_eq!(back, state, "{data}");
        // What is watched stays what it was, to the slot.
        let watched = crate::completion::watched_percent(
            match &back.activities[4] {
                ActivityState::Video { intervals, .. } => intervals,
                _ => unreachable!(),
            },
            video.duration_seconds,
        );
        let expected = (30.0 + video.duration_seconds - 60.0) / video.duration_seconds * 100.0;
        assert!((watched - expected).abs() < 2.0, "{watched} against {expected}");
    }

    #[test]
    fn damaged_or_foreign_data_is_refused_not_misread() {
        let shape = Shape::of(&sample("ethique-mediation"));
        let data = Suspended::fresh(&shape).encode(&shape).unwrap();
        assert!(Suspended::decode("", &shape).is_err());
        assert!(Suspended::decode("{\"a\":1}", &shape).is_err());
        assert!(Suspended::decode(&data.replacen('~', "~~", 1), &shape).is_err());
        let mut other = shape.clone();
        other.version = "9.0.0".into();
        assert!(matches!(Suspended::decode(&data, &other), Err(SuspendError::OtherVersion { .. })));
        for cut in 1..data.len() {
            let _ = Suspended::decode(&data[..cut], &shape); // never panics
        }
        let mut done = Suspended::fresh(&shape);
        done.completed_on = Some("2026-02-30".into());
        let with_day = done.encode(&shape).unwrap();
        for (from, to) in [("20260230", "20261330"), ("20260230", "2026023"), ("~~", "~z~")] {
            let changed = with_day.replacen(from, to, 1);
            assert!(Suspended::decode(&changed, &shape).is_err(), "{from} → {to}: {changed}");
        }
        done.completed_on = Some("30/11/2026".into());
        assert!(done.encode(&shape).is_err(), "a day the player does not write");
        // An LMS keeps what it is given, but a hostile or clumsy hand may change it.
        let module = sample("faire-avec");
        let shape = Shape::of(&module);
        let data = worst_case(&module).encode(&shape).unwrap();
        // Any one character changed to any other the encoding uses: an error or a state, never a panic.
        for at in 0..data.len() {
            for c in "0az~.:,!-_Z".chars() {
                let mut changed = data.clone();
                changed.replace_range(at..at + 1, &c.to_string());
                let _ = Suspended::decode(&changed, &shape);
            }
        }
        for (from, to) in [("!0:", "!0:é"), (":3,", ":é,"), (":f,", ":zz,"), ("~3l", "~9l"), (".1.", ".7.")]
        {
            let changed = data.replacen(from, to, 1);
            assert_ne!(changed, data, "{from}");
            assert!(Suspended::decode(&changed, &shape).is_err(), "{from} → {to}");
        }
    }

    #[test]
    fn typed_text_survives_whatever_its_characters() {
        for text in ["", "a", "ab", "abc", "Ştefan ~.:,!", "ωμέγα", "neaccesare"] {
            assert_eq!(unword(&word(text)).as_deref(), Some(text));
        }
        assert_eq!(unbase36(&base36(u64::MAX >> 11)), Some(u64::MAX >> 11));
    }
}
