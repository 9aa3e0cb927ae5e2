//! A module as a package for an institution's LMS (Moodle and others): SCORM 1.2 and cmi5.
//!
//! Work in progress (issue 12): the package description and the learner's state between
//! sessions are here; the package writer and the web player that shares the app's pages and
//! the core's rules (`player/rules`) are not yet. Pure: the player builds it for WebAssembly.

pub mod scorm12;
pub mod suspend;

/// Escapes text for an XML element or a double-quoted attribute.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Module texts refuse control characters; a stray one must not make the file invalid.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
