//! How long a module takes, computed from its content, to check the duration its author
//! declares: a module announced as 50 minutes that holds 30 misleads the trainer who plans a
//! session with it.

use pulldown_cmark::{Event, Parser};
use serde::Serialize;

use super::content::Files;
use crate::diagnostic::Diagnostic;
use crate::manifest::{Activity, MANIFEST_PATH, Manifest};

/// Words a learner reads in a minute while studying: slower than the 238 of silent reading of
/// non-fiction (Brysbaert 2019), since a lesson is read to be learnt.
pub const WORDS_PER_MINUTE: u32 = 180;
/// A question read, answered and its feedback read.
pub const SECONDS_PER_QUESTION: u32 = 60;
/// A survey's statement is read and rated, not thought through like a question.
pub const SECONDS_PER_STATEMENT: u32 = 20;

/// What a module asks of a learner, in the module's default language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    /// Words of the lessons' text (Markdown syntax and link targets left out).
    pub words: u32,
    /// Length of every capsule, watched once.
    pub video_seconds: f64,
    /// Questions of every quiz.
    pub questions: u32,
    /// Statements of every survey.
    pub statements: u32,
    /// The time all that takes, rounded to the nearest minute (at least 1).
    pub minutes: u32,
}

/// Computes the estimate from the lessons of the default language (files that cannot be read
/// count as empty: their problem is reported by the content checks).
pub fn estimate(manifest: &Manifest, files: &mut dyn Files) -> Estimate {
    let (mut words, mut video_seconds, mut questions, mut statements) = (0u32, 0f64, 0u32, 0u32);
    for activity in &manifest.activities {
        match activity {
            Activity::Lesson(lesson) => {
                if let Some(path) = lesson.body.get(&manifest.default_language)
                    && files.checkable(path)
                    && let Ok(bytes) = files.read_text(path)
                {
                    words = words.saturating_add(count_words(&String::from_utf8_lossy(&bytes)));
                }
            }
            Activity::Video(video) => video_seconds += video.duration_seconds.max(0.0),
            Activity::Quiz(quiz) => questions = questions.saturating_add(quiz.questions.len() as u32),
            Activity::Survey(survey) => {
                statements = statements.saturating_add(survey.statements().count() as u32);
            }
        }
    }
    let seconds = f64::from(words) * 60.0 / f64::from(WORDS_PER_MINUTE)
        + video_seconds
        + f64::from(questions) * f64::from(SECONDS_PER_QUESTION)
        + f64::from(statements) * f64::from(SECONDS_PER_STATEMENT);
    let minutes = ((seconds / 60.0).round() as u32).max(1);
    Estimate { words, video_seconds, questions, statements, minutes }
}

/// Words of a Markdown text as a reader sees it.
fn count_words(markdown: &str) -> u32 {
    let mut words = 0u32;
    for event in Parser::new(markdown) {
        if let Event::Text(text) | Event::Code(text) = event {
            words = words.saturating_add(text.split_whitespace().count() as u32);
        }
    }
    words
}

/// A warning when the declared duration is far from the content's: more than 1.5 times it or
/// less than two thirds of it, and more than five minutes apart, so that short modules are
/// left alone.
pub fn check_declared(manifest: &Manifest, estimate: &Estimate) -> Option<Diagnostic> {
    let (declared, computed) = (manifest.estimated_minutes, estimate.minutes);
    let (d, c) = (u64::from(declared), u64::from(computed));
    let far = d * 2 > c * 3 || d * 3 < c * 2;
    (far && declared.abs_diff(computed) > 5).then(|| {
        Diagnostic::new(
            format!("{MANIFEST_PATH}: estimated_minutes"),
            format!(
                "says {declared} min, but the content takes about {computed} min ({} words read at {WORDS_PER_MINUTE} a minute, {:.0} min of video, {} questions); declare what a learner will spend",
                estimate.words,
                estimate.video_seconds / 60.0,
                estimate.questions
            ),
        )
    })
}
