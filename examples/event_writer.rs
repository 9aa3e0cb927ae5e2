//! Writes a stream of learning events and prints `ack N` once each is committed: the
//! crash test kills it with SIGKILL mid-stream and checks that every acknowledged write
//! survived and nothing is half-written.
//!
//! Usage: `event_writer DB_PATH` (creates the learner and opens a quiz attempt itself).

use std::io::Write;

use dlis::Manifest;
use dlis::quiz::Response;
use dlis::store::{Event, Store};

fn main() {
    let path = std::env::args().nth(1).expect("usage: event_writer DB_PATH");
    let mut store = Store::open(std::path::Path::new(&path)).expect("open store");
    let module: Manifest = serde_json::from_str(MODULE).expect("module");
    let learner = store.create_learner("Crash test", "en", None).expect("learner");
    let attempt = store.start_quiz(&learner.id, &module, "quiz").expect("attempt");
    let mut out = std::io::stdout().lock();
    writeln!(out, "learner {}", learner.id).unwrap();
    for i in 0u64.. {
        match i % 3 {
            0 => {
                let from = i as f64;
                let event = Event::VideoWatched {
                    activity: "capsule".into(),
                    from,
                    to: from + 1.0,
                    subtitle_language: None,
                };
                store.record(&learner.id, &module, &event).expect("video")
            }
            1 => store
                .record(&learner.id, &module, &Event::LessonTime { activity: "lesson".into(), seconds: 1.0 })
                .expect("time"),
            _ => {
                let question = format!("q{}", (i / 3) % 4);
                store
                    .answer(
                        &learner.id,
                        &module,
                        attempt.attempt_id,
                        &question,
                        &Response::TrueFalse(i % 2 == 0),
                    )
                    .map(|_| ())
                    .expect("answer")
            }
        }
        writeln!(out, "ack {i}").unwrap();
        out.flush().unwrap();
    }
}

const MODULE: &str = r#"{
  "format": 1, "id": "crash.test", "version": "1.0.0", "languages": ["fr", "en"], "default_language": "en",
  "title": {"fr": "T", "en": "T"}, "description": {"fr": "T", "en": "T"},
  "objectives": {"fr": ["T"], "en": ["T"]}, "organisation": {"name": "T"}, "authors": ["T"],
  "license": "CC-BY-SA-4.0", "estimated_minutes": 1,
  "activities": [
    {"kind": "lesson", "id": "lesson", "title": {"fr": "L", "en": "L"}, "body": {"fr": "l.fr.md", "en": "l.en.md"}},
    {"kind": "video", "id": "capsule", "title": {"fr": "V", "en": "V"}, "duration_seconds": 1000000.0,
     "source": {"path": "v.webm", "media_type": "video/webm"},
     "subtitles": {"fr": "v.fr.vtt", "en": "v.en.vtt"}, "transcript": {"fr": "t.fr.md", "en": "t.en.md"}},
    {"kind": "quiz", "id": "quiz", "title": {"fr": "Q", "en": "Q"}, "pass_mark_percent": 50, "feedback": "end",
     "questions": [
       {"id": "q0", "prompt": {"fr": "?", "en": "?"}, "answer": {"type": "true_false", "correct": true}},
       {"id": "q1", "prompt": {"fr": "?", "en": "?"}, "answer": {"type": "true_false", "correct": true}},
       {"id": "q2", "prompt": {"fr": "?", "en": "?"}, "answer": {"type": "true_false", "correct": true}},
       {"id": "q3", "prompt": {"fr": "?", "en": "?"}, "answer": {"type": "true_false", "correct": true}}
     ]}
  ],
  "completion": {"all_lessons_read": true}
}"#;
