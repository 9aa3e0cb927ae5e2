//! WebVTT subtitles cut into cue texts; the header, cue identifiers, timings and notes are the
//! skeleton a translation keeps.

use std::ops::Range;

/// The byte ranges of the cue texts of `text`, in order.
pub(super) fn cues(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Blocks are runs of non-blank lines; a cue is a block with a timing line ("-->") as its
    // first or second line, and its text is every line after the timing.
    let mut block: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            push_cue(&block, &mut out);
            block.clear();
        } else {
            block.push((at, content));
        }
        at += line.len();
    }
    push_cue(&block, &mut out);
    out
}

/// Each cue's start, in seconds, and its text (lines joined by a space): what search indexes
/// of subtitles. Cues whose timing cannot be read are left out.
pub(crate) fn timed_cues(text: &str) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    for range in cues(text) {
        // The timing line is the one just before the cue's text.
        let before = text[..range.start].trim_end_matches(['\n', '\r']);
        let timing = before.rsplit(['\n', '\r']).next().unwrap_or("");
        let Some(start) = timing.split("-->").next().and_then(|s| seconds(s.trim())) else { continue };
        let words = text[range].lines().map(str::trim).collect::<Vec<_>>().join(" ");
        out.push((start, words));
    }
    out
}

/// `HH:MM:SS.mmm` or `MM:SS.mmm` in seconds.
fn seconds(timestamp: &str) -> Option<f64> {
    let mut total = 0.0;
    for part in timestamp.split(':') {
        total = total * 60.0 + part.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)?;
    }
    Some(total)
}

fn push_cue(block: &[(usize, &str)], out: &mut Vec<Range<usize>>) {
    let timing = block.iter().take(2).position(|(_, line)| line.contains("-->"));
    let Some(timing) = timing else { return };
    let payload = &block[timing + 1..];
    if let (Some((start, _)), Some((last, line))) = (payload.first(), payload.last()) {
        out.push(*start..last + line.len());
    }
}

/// Why `translation` cannot be a cue's text, if it cannot.
pub(super) fn breaks_cue(translation: &str) -> Option<String> {
    if translation.lines().any(|line| line.trim().is_empty()) {
        return Some("it contains a blank line, which would end the cue".into());
    }
    if translation.contains("-->") {
        return Some("it contains `-->`, which WebVTT reserves for timings".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_texts_are_found_and_the_rest_is_kept() {
        let vtt = "WEBVTT\n\nNOTE à ne pas traduire\n\n1\n00:00.000 --> 00:02.000\nBonjour,\nmadame.\n\n\
                   00:02.000 --> 00:04.000 align:start\nAu revoir.\n";
        let texts: Vec<&str> = cues(vtt).into_iter().map(|r| &vtt[r]).collect();
        assert_eq!(texts, ["Bonjour,\nmadame.", "Au revoir."]);
        assert!(breaks_cue("Bună ziua\n\ndoamnă").is_some());
        assert!(breaks_cue("a --> b").is_some());
        assert_eq!(breaks_cue("Bună ziua,\ndoamnă."), None);
    }
}
