//! Checks that need a bundle's files: every path the manifest names exists, lessons link only
//! to files that exist, subtitles are WebVTT and videos are what their media type says.
//!
//! Shared by [`super::validate`] (files in a zip) and [`super::pack`] (files in a source
//! folder) through the [`Files`] trait, so a source that packs is a bundle that validates.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use crate::diagnostic::Diagnostic;
use crate::manifest::{Activity, MANIFEST_PATH, Manifest};
use crate::paths;

/// Read access to the files of a bundle or of a module source folder.
pub trait Files {
    /// True when the bundle holds a file at `path`.
    fn contains(&self, path: &str) -> bool;
    /// True when the file's content can be checked; false when its damage is already reported.
    fn checkable(&self, path: &str) -> bool {
        self.contains(path)
    }
    /// The whole content of a text file (lesson, subtitles, transcript), or why it can't be read.
    fn read_text(&mut self, path: &str) -> Result<Vec<u8>, String>;
    /// The first bytes of a file, to recognise its real format.
    fn head(&mut self, path: &str) -> Option<Vec<u8>>;
}

/// Runs every content check and returns all problems found.
pub fn check(manifest: &Manifest, files: &mut dyn Files) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (field, path) in manifest.referenced_paths() {
        if paths::check(path).is_ok() && !files.contains(path) {
            out.push(Diagnostic::new(
                format!("{MANIFEST_PATH}: {field}"),
                format!("refers to {path:?}, which is not in the bundle"),
            ));
        }
    }
    for activity in &manifest.activities {
        match activity {
            Activity::Lesson(lesson) => {
                for path in lesson.body.values() {
                    markdown(path, files, &mut out);
                }
            }
            Activity::Video(video) => {
                for path in video.transcript.values() {
                    markdown(path, files, &mut out);
                }
                for path in video.subtitles.values() {
                    webvtt(path, files, &mut out);
                }
                media_signature(&video.source.path, &video.source.media_type, files, &mut out);
            }
            Activity::Quiz(_) | Activity::Survey(_) => {}
        }
    }
    out
}

/// Reads a referenced text file as UTF-8; problems are recorded, `None` means skip further checks.
fn text(path: &str, files: &mut dyn Files, out: &mut Vec<Diagnostic>) -> Option<String> {
    if !files.checkable(path) {
        return None; // already reported as missing or damaged
    }
    let bytes = match files.read_text(path) {
        Ok(bytes) => bytes,
        Err(why) => {
            out.push(Diagnostic::new(path, why));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(_) => {
            out.push(Diagnostic::new(path, "is not UTF-8 text; save it as UTF-8"));
            None
        }
    }
}

/// Every relative link and image of a Markdown file must name a file of the bundle.
fn markdown(path: &str, files: &mut dyn Files, out: &mut Vec<Diagnostic>) {
    let Some(source) = text(path, files, out) else {
        return;
    };
    for event in Parser::new_ext(&source, Options::ENABLE_TABLES) {
        let (what, destination) = match &event {
            Event::Start(Tag::Image { dest_url, .. }) => ("image", dest_url.as_ref()),
            Event::Start(Tag::Link { link_type: LinkType::Email, .. }) => continue,
            Event::Start(Tag::Link { dest_url, .. }) => ("link", dest_url.as_ref()),
            _ => continue,
        };
        let Some(target) = local_target(destination) else {
            continue;
        };
        match paths::resolve_relative(path, target) {
            None => {
                out.push(Diagnostic::new(path, format!("{what} {destination:?} points outside the bundle")))
            }
            Some(resolved) if !files.contains(&resolved) => out.push(Diagnostic::new(
                path,
                format!("{what} {destination:?} points to {resolved:?}, which is not in the bundle"),
            )),
            Some(_) => {}
        }
    }
}

/// The bundle-relative part of a link, or `None` for web links, mail links and anchors.
fn local_target(destination: &str) -> Option<&str> {
    let target = destination.split(['#', '?']).next().unwrap_or("");
    let has_scheme = target.find(':').is_some_and(|colon| !target[..colon].contains('/'));
    if target.is_empty() || has_scheme || target.starts_with('/') {
        return None;
    }
    Some(target)
}

fn webvtt(path: &str, files: &mut dyn Files, out: &mut Vec<Diagnostic>) {
    let Some(source) = text(path, files, out) else {
        return;
    };
    let body = source.strip_prefix('\u{feff}').unwrap_or(&source);
    let first_line = body.lines().next().unwrap_or("");
    if first_line != "WEBVTT" && !first_line.starts_with("WEBVTT ") && !first_line.starts_with("WEBVTT\t") {
        out.push(Diagnostic::new(path, "is not a WebVTT file: the first line must be \"WEBVTT\""));
    }
}

/// A capsule must really be the container its media type says, or the player fails late.
fn media_signature(path: &str, media_type: &str, files: &mut dyn Files, out: &mut Vec<Diagnostic>) {
    if !files.checkable(path) {
        return;
    }
    let head = files.head(path).unwrap_or_default();
    let matches = match media_type {
        "video/webm" => head.starts_with(&[0x1a, 0x45, 0xdf, 0xa3]),
        "video/mp4" => head.get(4..8) == Some(b"ftyp"),
        _ => return, // an unsupported media type is reported by the manifest checks
    };
    if !matches {
        out.push(Diagnostic::new(
            path,
            format!("is not a {media_type} file (its first bytes say otherwise)"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::local_target;

    #[test]
    fn only_relative_links_are_checked() {
        assert_eq!(local_target("../images/a.svg"), Some("../images/a.svg"));
        assert_eq!(local_target("b.md#part"), Some("b.md"));
        for external in ["https://example.org/x", "mailto:a@b.c", "#top", "/abs", "javascript:alert(1)"] {
            assert_eq!(local_target(external), None, "{external}");
        }
    }
}
