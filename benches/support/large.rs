//! A module whose capsule is large, for the benchmarks that install one (`install`, and the
//! app's `frames`).

use std::fs;
use std::path::Path;

use serde_json::json;

fn loc(text: &str) -> serde_json::Value {
    json!({"fr": text, "en": text})
}

/// A module whose capsule is `megabytes` of incompressible bytes behind a WebM header.
pub fn write_source(dir: &Path, megabytes: u64) {
    fs::create_dir_all(dir.join("capsule")).unwrap();
    fs::create_dir_all(dir.join("lessons")).unwrap();
    let mut video = Vec::with_capacity((megabytes << 20) as usize);
    video.extend_from_slice(b"\x1a\x45\xdf\xa3");
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    while (video.len() as u64) < megabytes << 20 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        video.extend_from_slice(&state.to_le_bytes());
    }
    fs::write(dir.join("capsule/capsule.webm"), video).unwrap();
    for lang in ["fr", "en"] {
        fs::write(dir.join(format!("lessons/a.{lang}.md")), "# Lesson\n\nText.\n").unwrap();
        fs::write(dir.join(format!("capsule/c.{lang}.vtt")), "WEBVTT\n").unwrap();
        fs::write(dir.join(format!("capsule/t.{lang}.md")), "# Transcript\n").unwrap();
    }
    let manifest = json!({
        "format": 1, "id": "bench.large", "version": "1.0.0", "languages": ["fr", "en"],
        "default_language": "fr", "title": loc("Large"), "description": loc("Large"),
        "objectives": {"fr": ["x"], "en": ["x"]}, "organisation": {"name": "Bench"},
        "authors": ["Bench"], "license": "CC-BY-SA-4.0", "estimated_minutes": 1,
        "activities": [
            {"kind": "lesson", "id": "a", "title": loc("A"), "body": {"fr": "lessons/a.fr.md", "en": "lessons/a.en.md"}},
            {"kind": "video", "id": "c", "title": loc("C"), "duration_seconds": 600.0,
             "source": {"path": "capsule/capsule.webm", "media_type": "video/webm"},
             "subtitles": {"fr": "capsule/c.fr.vtt", "en": "capsule/c.en.vtt"},
             "transcript": {"fr": "capsule/t.fr.md", "en": "capsule/t.en.md"}}
        ],
        "completion": {"all_lessons_read": true, "videos_watched_percent": 90}
    });
    fs::write(dir.join("module.json"), serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
}
