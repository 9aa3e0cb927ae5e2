//! A problem found in a bundle or a module source, located by the file it is about.
//!
//! Validation never stops at the first problem: it collects every [`Diagnostic`] so that a
//! trainer fixes a bundle in one round instead of one error at a time.

use std::fmt;

use serde::Serialize;

/// One problem: which file (or `module.json` field) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The bundle entry or source file concerned, e.g. `lessons/intro.fr.md` or
    /// `module.json: activities[2].answer.correct`.
    pub path: String,
    /// What is wrong, in plain words, with a hint about the fix where there is one.
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Formats a list of diagnostics one per line, for error messages.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("  - {d}")).collect::<Vec<_>>().join("\n")
}
