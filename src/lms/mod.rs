//! A module as a package for an institution's LMS (Moodle and others): SCORM 1.2 and cmi5.
//!
//! The package description, the learner's state between sessions and the rules the web player
//! applies to it are pure: the player builds them for WebAssembly (`player/rules`).
//! `package` (native) writes the package.

pub mod cmi5;
#[cfg(feature = "native")]
pub mod package;
pub mod scorm12;
pub mod session;
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
