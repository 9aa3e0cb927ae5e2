//! `imsmanifest.xml` of a SCORM 1.2 package (ADL SCORM 1.2 content aggregation, IMS Content
//! Packaging 1.1.2): one organisation holding one item, one SCO that is the whole module.
//!
//! No `adlcp:masteryscore`: with one, an LMS sets "passed" or "failed" from the score alone,
//! while a module's completion rule also asks for lessons read and capsules watched. The SCO
//! reports `cmi.core.lesson_status` itself, by the module's own rule.

use std::fmt::Write as _;

use serde::Serialize;

use super::xml_escape;
use crate::completion::{ActivityProgress, ModuleProgress};
use crate::manifest::{Answer, Manifest, Question, localized};
use crate::paths::percent_encode_path;
use crate::quiz::{self, Response, Scored};

/// The launch page of the package, the SCO's entry point.
pub const LAUNCH: &str = "index.html";

/// The `imsmanifest.xml` for `module`, titled in `language` (or its fallback), listing
/// `files` (paths inside the package, `/`-separated, the launch page among them).
pub fn manifest_xml(module: &Manifest, language: &str, files: &[String]) -> String {
    let title = xml_escape(localized(&module.title, language, &module.default_language));
    let identifier = identifier(&format!("{}-{}", module.id, module.version));
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{identifier}" version="{version}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="dlis">
    <organization identifier="dlis">
      <title>{title}</title>
      <item identifier="module" identifierref="sco" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="{launch}">
"#,
        version = xml_escape(&module.version.to_string()),
        launch = LAUNCH,
    );
    let mut files: Vec<&String> = files.iter().collect();
    files.sort();
    files.dedup();
    for file in files {
        let _ = writeln!(out, "      <file href=\"{}\"/>", xml_escape(&percent_encode_path(file)));
    }
    out.push_str("    </resource>\n  </resources>\n</manifest>\n");
    out
}

/// What the SCO reports of a module's progress: `cmi.core.lesson_status` by the module's
/// completion rule and `cmi.core.score.raw` (out of 100).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub lesson_status: &'static str,
    /// The mean of each quiz's best score, in percent; `None` before any quiz is submitted.
    pub score: Option<f64>,
}

/// `passed` (or `completed` for a module without a quiz) once the module is complete;
/// `failed` when a quiz the rule asks to pass has no attempt left; `incomplete` otherwise.
pub fn report(module: &Manifest, progress: &ModuleProgress) -> Report {
    let quizzes: Vec<_> = progress
        .activities
        .iter()
        .filter_map(|a| match a {
            ActivityProgress::Quiz(quiz) => Some(quiz),
            _ => None,
        })
        .collect();
    let complete = progress.done == progress.activities.len();
    let lost = module.completion.quizzes_passed
        && quizzes.iter().any(|q| !q.passed && !q.in_progress && q.attempts_left == Some(0));
    let lesson_status = match (complete, quizzes.is_empty()) {
        (true, true) => "completed",
        (true, false) => "passed",
        (false, _) if lost => "failed",
        (false, _) => "incomplete",
    };
    let scores: Vec<f64> = quizzes.iter().filter_map(|q| q.best_scaled).collect();
    let score = (!scores.is_empty())
        .then(|| (scores.iter().sum::<f64>() / scores.len() as f64 * 10_000.0).round() / 100.0);
    Report { lesson_status, score }
}

/// One answer as `cmi.interactions.n.*`: SCORM 1.2 names options by one character each
/// (`a`–`z`, then `0`–`9`), in the module's order of options, not the attempt's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interaction {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub student_response: String,
    pub correct_response: String,
    pub result: &'static str,
    pub weighting: f64,
}

/// The interaction for `response` to `question` of quiz `quiz_id`, scored `scored`; `None`
/// when an option has no SCORM 1.2 name (a question with more than 36 options).
pub fn interaction(
    quiz_id: &str,
    question: &Question,
    response: &Response,
    scored: &Scored,
    language: &str,
) -> Option<Interaction> {
    let (student_response, correct_response) = match (&question.answer, response) {
        (Answer::SingleChoice { options, correct }, Response::SingleChoice(id)) => {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            (letters(&ids, [id])?, letters(&ids, [correct])?)
        }
        (Answer::MultipleChoice { options, correct, .. }, Response::MultipleChoice(chosen)) => {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            (letters(&ids, chosen)?, letters(&ids, correct)?)
        }
        (Answer::TrueFalse { correct }, Response::TrueFalse(value)) => {
            (tf(*value).to_owned(), tf(*correct).to_owned())
        }
        (Answer::Ordering { items }, Response::Ordering(order)) => {
            let ids: Vec<&str> = items.iter().map(|o| o.id.as_str()).collect();
            (letters(&ids, order)?, letters(&ids, items.iter().map(|i| &i.id))?)
        }
        (Answer::Matching { pairs, .. }, Response::Matching(chosen)) => {
            let ids: Vec<&str> = pairs.iter().map(|p| p.id.as_str()).collect();
            let pair = |left: &str, right: &str| {
                Some(format!("{}.{}", letter_of(&ids, left)?, letter_of(&ids, right)?))
            };
            let student = chosen.iter().map(|(l, r)| pair(l, r)).collect::<Option<Vec<_>>>()?.join(",");
            let correct = ids.iter().map(|id| pair(id, id)).collect::<Option<Vec<_>>>()?.join(",");
            (student, correct)
        }
        (Answer::ShortText { accepted, .. }, Response::ShortText(text)) => {
            let list = accepted.get(language).or_else(|| accepted.values().next());
            let first = list.and_then(|l| l.first()).cloned().unwrap_or_default();
            (cut(text, 255), cut(&first, 255))
        }
        _ => return None,
    };
    Some(Interaction {
        id: format!("{quiz_id}_{}", question.id),
        kind: quiz::interaction_type(question),
        student_response,
        correct_response,
        result: if scored.correct { "correct" } else { "wrong" },
        weighting: question.points,
    })
}

/// The options `chosen`, named by their place among `ids`, separated by commas.
fn letters<'a>(ids: &[&str], chosen: impl IntoIterator<Item = &'a String>) -> Option<String> {
    let names =
        chosen.into_iter().map(|id| letter_of(ids, id).map(String::from)).collect::<Option<Vec<_>>>()?;
    Some(names.join(","))
}

fn letter_of(ids: &[&str], id: &str) -> Option<char> {
    letter(ids.iter().position(|i| *i == id)?)
}

fn letter(index: usize) -> Option<char> {
    let index = u8::try_from(index).ok()?;
    match index {
        0..26 => Some(char::from(b'a' + index)),
        26..36 => Some(char::from(b'0' + index - 26)),
        _ => None,
    }
}

fn tf(value: bool) -> &'static str {
    if value { "t" } else { "f" }
}

fn cut(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// An `xsd:ID`: letters, digits, `.`, `-`, `_`, starting with a letter.
fn identifier(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    if cleaned.starts_with(|c: char| c.is_ascii_alphabetic()) { cleaned } else { format!("m{cleaned}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_hrefs_are_what_the_schema_and_lms_accept() {
        assert_eq!(identifier("dlis.faire-avec-1.1.0"), "dlis.faire-avec-1.1.0");
        assert_eq!(identifier("1.x+y"), "m1.x_y");
        assert_eq!(percent_encode_path("content/images/schéma 1.svg"), "content/images/sch%C3%A9ma%201.svg");
    }
}
