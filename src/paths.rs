//! The rules for file names inside a bundle.
//!
//! Bundles arrive on USB sticks and by e-mail, so every name is checked before anything is
//! read or written: a name must be a plain relative POSIX path that stays inside the bundle.

use std::collections::HashMap;

/// Why a name is not acceptable as a bundle path. The `Display` text is shown to trainers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathProblem {
    #[error("empty file name")]
    Empty,
    #[error("absolute path (starts with '/'); bundle paths must be relative")]
    Absolute,
    #[error("Windows drive letter in path; bundle paths must be relative")]
    DriveLetter,
    #[error("backslash in path; bundle paths use '/' as separator")]
    Backslash,
    #[error("path traversal ('..' component) would write outside the bundle")]
    Traversal,
    #[error("path has an empty or '.' component; write it in normal form")]
    NotNormal,
    #[error("control character in file name")]
    ControlCharacter,
}

/// Checks that `name` is a safe, normalised, relative path with `/` separators.
///
/// A trailing `/` (a directory entry in a zip) is accepted; callers skip directories.
pub fn check(name: &str) -> Result<(), PathProblem> {
    if name.is_empty() {
        return Err(PathProblem::Empty);
    }
    if name.chars().any(char::is_control) {
        return Err(PathProblem::ControlCharacter);
    }
    if name.contains('\\') {
        return Err(PathProblem::Backslash);
    }
    if name.starts_with('/') {
        return Err(PathProblem::Absolute);
    }
    let bytes = name.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Err(PathProblem::DriveLetter);
    }
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    for component in trimmed.split('/') {
        match component {
            ".." => return Err(PathProblem::Traversal),
            "" | "." => return Err(PathProblem::NotNormal),
            _ => {}
        }
    }
    Ok(())
}

/// Resolves `target` (a relative link found in the file `from`) against `from`'s folder.
///
/// Returns `None` when the link climbs out of the bundle root.
pub fn resolve_relative(from: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop(); // the file name itself
    for component in target.split('/') {
        match component {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Finds names that differ only by case, which collide on Windows and macOS file systems.
/// Returns pairs `(first seen, colliding)`.
pub fn case_collisions<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<(&'a str, &'a str)> {
    let mut seen: HashMap<String, &'a str> = HashMap::new();
    let mut collisions = Vec::new();
    for name in names {
        match seen.get(&name.to_lowercase()) {
            Some(&first) if first != name => collisions.push((first, name)),
            Some(_) => {}
            None => {
                seen.insert(name.to_lowercase(), name);
            }
        }
    }
    collisions
}

/// A bundle path as a URI reference: every byte but unreserved characters and `/`
/// percent-encoded. The inverse of [`percent_decode`].
pub fn percent_encode_path(path: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` for a bad escape or a name that is not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_relative_paths() {
        for ok in ["module.json", "lessons/intro.fr.md", "a/b/c.webm", "images/"] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_each_hostile_shape_with_its_own_reason() {
        let cases = [
            ("", PathProblem::Empty),
            ("/etc/passwd", PathProblem::Absolute),
            ("C:/Windows/x", PathProblem::DriveLetter),
            ("c:evil", PathProblem::DriveLetter),
            ("lessons\\x.md", PathProblem::Backslash),
            ("../outside", PathProblem::Traversal),
            ("a/../../b", PathProblem::Traversal),
            ("a//b", PathProblem::NotNormal),
            ("./a", PathProblem::NotNormal),
            ("a\u{0}b", PathProblem::ControlCharacter),
        ];
        for (name, problem) in cases {
            assert_eq!(check(name), Err(problem), "{name:?}");
        }
    }

    #[test]
    fn resolves_links_relative_to_the_lesson_folder() {
        assert_eq!(resolve_relative("lessons/a.md", "../images/x.svg").as_deref(), Some("images/x.svg"));
        assert_eq!(resolve_relative("lessons/a.md", "b.md").as_deref(), Some("lessons/b.md"));
        assert_eq!(resolve_relative("a.md", "../x"), None);
    }

    #[test]
    fn finds_case_collisions() {
        let found = case_collisions(["a/Intro.md", "a/b.md", "a/intro.md"]);
        assert_eq!(found, vec![("a/Intro.md", "a/intro.md")]);
    }

    #[test]
    fn names_are_decoded_strictly() {
        assert_eq!(percent_decode("a%20b.webm").as_deref(), Some("a b.webm"));
        assert_eq!(percent_decode("%C3%A9.png").as_deref(), Some("é.png"));
        assert_eq!(percent_decode("bad%2"), None);
        assert_eq!(percent_decode("%FF"), None);
    }
}
