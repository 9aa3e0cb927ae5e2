//! `cmi5.xml`, the course structure of a cmi5 package: one course holding one assignable unit
//! (AU), the whole module, launched in any window. `moveOn` follows the module's completion
//! rule: `CompletedAndPassed` when it asks for its quizzes passed, `Completed` otherwise; the
//! mastery score is the quiz's pass mark. The AU's statements are in `ui/lms/cmi5.js`.

use std::fmt::Write as _;

use super::xml_escape;
use crate::manifest::{Activity, Localized, Manifest};

/// The launch page, relative to `cmi5.xml`.
pub const LAUNCH: &str = "index.html";

/// The IRI of the course and of its AU: the module's version, as the desktop app's statements
/// name it.
pub fn course_iri(module: &Manifest) -> String {
    crate::xapi::module_iri(module)
}

pub fn au_iri(module: &Manifest) -> String {
    format!("{}/au", course_iri(module))
}

/// What the LMS waits for before the learner moves on.
pub fn move_on(module: &Manifest) -> &'static str {
    if module.completion.quizzes_passed && mastery_score(module).is_some() {
        "CompletedAndPassed"
    } else {
        "Completed"
    }
}

/// The pass mark of the module's quiz, from 0 to 1; `None` without one quiz to pass.
pub fn mastery_score(module: &Manifest) -> Option<f64> {
    let mut quizzes = module.activities.iter().filter_map(|a| match a {
        Activity::Quiz(quiz) => Some(quiz),
        _ => None,
    });
    match (quizzes.next(), quizzes.next()) {
        (Some(quiz), None) => Some(f64::from(quiz.pass_mark_percent) / 100.0),
        _ => None,
    }
}

/// The `cmi5.xml` of `module`, with its title and description in every language it has.
pub fn course_xml(module: &Manifest) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">\n");
    let _ = writeln!(out, "  <course id=\"{}\">", xml_escape(&course_iri(module)));
    texts(&mut out, "    ", module);
    out.push_str("  </course>\n");
    let mastery = mastery_score(module).map(|m| format!(" masteryScore=\"{m}\"")).unwrap_or_default();
    let _ = writeln!(
        out,
        "  <au id=\"{}\" moveOn=\"{}\"{mastery} launchMethod=\"AnyWindow\">",
        xml_escape(&au_iri(module)),
        move_on(module)
    );
    texts(&mut out, "    ", module);
    let _ = writeln!(out, "    <url>{LAUNCH}</url>");
    out.push_str("  </au>\n</courseStructure>\n");
    out
}

fn texts(out: &mut String, indent: &str, module: &Manifest) {
    for (element, texts) in [("title", &module.title), ("description", &module.description)] {
        let _ = writeln!(out, "{indent}<{element}>");
        langstrings(out, &format!("{indent}  "), texts);
        let _ = writeln!(out, "{indent}</{element}>");
    }
}

fn langstrings(out: &mut String, indent: &str, texts: &Localized<String>) {
    for (language, text) in texts {
        let _ = writeln!(
            out,
            "{indent}<langstring lang=\"{}\">{}</langstring>",
            xml_escape(language),
            xml_escape(text)
        );
    }
}
