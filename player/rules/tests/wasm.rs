//! The rules built for WebAssembly answer exactly as the native core: every request a learner's
//! session in the three samples makes (each question answered rightly and wrongly, attempt
//! layouts, totals, capsule intervals, completion) is asked of the `.wasm` file the LMS player
//! ships, run by Node.js, and of this crate natively, and the answers must be the same bytes.
//!
//! The `.wasm` comes from `scripts/player-rules.sh`, which sets `DLIS_PLAYER_RULES_WASM`;
//! without it the test builds nothing and says so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use dlis::Manifest;
use dlis::completion::ModuleProgress;
use dlis::manifest::{Activity, Answer};
use dlis::quiz::{self, Response};
use serde_json::{Value, json};

fn samples() -> Vec<Manifest> {
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../modules");
    ["faire-avec", "ethique-mediation", "exclusion-numerique"]
        .iter()
        .map(|name| Manifest::parse(&std::fs::read(modules.join(name).join("module.json")).unwrap()).unwrap())
        .collect()
}

/// The right response to a question, and a wrong one.
fn responses(answer: &Answer, language: &str) -> Vec<Response> {
    match answer {
        Answer::SingleChoice { options, correct } => {
            let wrong = options.iter().find(|o| &o.id != correct).unwrap().id.clone();
            vec![Response::SingleChoice(correct.clone()), Response::SingleChoice(wrong)]
        }
        Answer::MultipleChoice { correct, options, .. } => {
            let mut some = correct.clone();
            some.pop();
            some.push(options.iter().find(|o| !correct.contains(&o.id)).unwrap().id.clone());
            vec![
                Response::MultipleChoice(correct.iter().cloned().collect()),
                Response::MultipleChoice(some.into_iter().collect()),
            ]
        }
        Answer::TrueFalse { correct } => vec![Response::TrueFalse(*correct), Response::TrueFalse(!correct)],
        Answer::Ordering { items } => {
            let order: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
            let mut reversed = order.clone();
            reversed.reverse();
            vec![Response::Ordering(order), Response::Ordering(reversed)]
        }
        Answer::Matching { pairs, .. } => {
            let right: BTreeMap<String, String> =
                pairs.iter().map(|p| (p.id.clone(), p.id.clone())).collect();
            let mut shifted = right.clone();
            let ids: Vec<String> = pairs.iter().map(|p| p.id.clone()).collect();
            for (i, id) in ids.iter().enumerate() {
                shifted.insert(id.clone(), ids[(i + 1) % ids.len()].clone());
            }
            vec![Response::Matching(right), Response::Matching(shifted)]
        }
        Answer::ShortText { accepted, .. } => {
            let first = accepted.get(language).and_then(|a| a.first()).cloned().unwrap_or_default();
            // Typed as people type: capitals, no accents, a final full stop, extra spaces.
            let sloppy = format!("  {}. ", first.to_uppercase());
            // Decomposed accents and a compatibility ligature, which the normal forms fold.
            let decomposed: String = first
                .chars()
                .flat_map(|c| match c {
                    'é' => vec!['e', '\u{301}'],
                    'ă' => vec!['a', '\u{306}'],
                    'ί' => vec!['ι', '\u{301}'],
                    c => vec![c],
                })
                .collect();
            vec![
                Response::ShortText(first),
                Response::ShortText(sloppy),
                Response::ShortText(decomposed),
                Response::ShortText("ﬁn".into()),
                Response::ShortText("non".into()),
            ]
        }
    }
}

/// A learner's whole session in `module` as the web player asks it, each request carrying the
/// state the one before left: the native answers give the chain, which the `.wasm` must follow.
fn session(module: &Manifest, out: &mut Vec<Value>) {
    let load = json!({ "op": "load", "module": module });
    dlis_player_rules::answer(&load.to_string());
    out.push(load);
    let mut chain = Chain { data: String::new(), completed: false };
    let mut ask = |out: &mut Vec<Value>, action: Value| chain.ask(out, action);
    assert_eq!(ask(out, json!({ "do": "module" }))["ok"]["report"]["lesson_status"], "incomplete");
    ask(out, json!({ "do": "choose_content_language", "language": "en" }));
    ask(out, json!({ "do": "choose_content_language", "language": "xx" }));
    for activity in &module.activities {
        let id = activity.id();
        match activity {
            Activity::Lesson(_) => {
                for event in [
                    json!({ "kind": "lesson_opened" }),
                    json!({ "kind": "lesson_time", "seconds": 31.4 }),
                    json!({ "kind": "lesson_read" }),
                ] {
                    let mut event = event;
                    event["activity"] = json!(id);
                    ask(out, json!({ "do": "record", "event": event }));
                }
            }
            Activity::Video(video) => {
                ask(
                    out,
                    json!({ "do": "record", "event": { "kind": "video_watched", "activity": id, "from": 0.0, "to": video.duration_seconds / 2.0, "subtitle_language": "ro" } }),
                );
                ask(
                    out,
                    json!({ "do": "record", "event": { "kind": "video_position", "activity": id, "position": 12.5 } }),
                );
                ask(
                    out,
                    json!({ "do": "record", "event": { "kind": "video_watched", "activity": id, "from": video.duration_seconds / 2.0, "to": video.duration_seconds + 9.0, "subtitle_language": null } }),
                );
                ask(out, json!({ "do": "video_state", "activity": id }));
                ask(out, json!({ "do": "record", "event": { "kind": "lesson_read", "activity": id } }));
            }
            Activity::Quiz(quiz) => {
                // A failed attempt, then a passed one; then nothing left to answer.
                for (seed, pick) in [(42u64, 1usize), (43, 0)] {
                    let started = ask(out, json!({ "do": "quiz", "activity": id, "seed": seed }));
                    assert!(started.get("ok").is_some(), "{started}");
                    for question in &quiz.questions {
                        let response = responses(&question.answer, "en").remove(pick);
                        let answered = ask(
                            out,
                            json!({ "do": "answer", "activity": id, "question": question.id, "response": response }),
                        );
                        assert!(answered["ok"]["interaction"]["id"].is_string(), "{answered}");
                    }
                    let submitted = ask(out, json!({ "do": "submit_quiz", "activity": id }));
                    assert_eq!(submitted["ok"]["total"]["passed"], json!(pick == 0), "{submitted}");
                }
                let question = &quiz.questions[0].id;
                ask(
                    out,
                    json!({ "do": "answer", "activity": id, "question": question, "response": { "type": "true_false", "value": true } }),
                );
            }
            Activity::Survey(_) => unreachable!("an LMS package holds no survey"),
        }
    }
    ask(out, json!({ "do": "record", "event": { "kind": "lesson_opened", "activity": "no-such-thing" } }));
    let last = ask(out, json!({ "do": "module" }));
    assert!(chain.completed, "the module became complete along the way");
    assert_eq!(last["ok"]["report"]["lesson_status"], "passed", "{last}");
    assert_eq!(last["ok"]["progress"]["completed_at"], "2026-12-02");
    chain.data = "1~damaged".into();
    assert_eq!(chain.ask(out, json!({ "do": "module" }))["ok"]["reset"], json!(true));
}

/// Requests that follow one another, each with the state the one before left.
struct Chain {
    data: String,
    completed: bool,
}

impl Chain {
    fn ask(&mut self, out: &mut Vec<Value>, action: Value) -> Value {
        let request = json!({ "op": "session", "data": self.data, "language": "ro", "today": "2026-12-02", "action": action });
        let answer: Value = serde_json::from_str(&dlis_player_rules::answer(&request.to_string())).unwrap();
        if let Some(next) = answer["ok"]["data"].as_str() {
            self.data = next.to_owned();
        }
        self.completed |= answer["ok"]["change"]["module_completed"] == json!(true);
        out.push(request);
        answer
    }
}

fn requests() -> Vec<Value> {
    let mut out = Vec::new();
    for module in samples() {
        session(&module, &mut out);
        let mut activities = ModuleProgress::fresh(&module).activities;
        out.push(json!({ "op": "progress", "completion": module.completion, "activities": activities }));
        // The longest state between sessions, both ways, and damaged data.
        let worst = dlis::lms::suspend::worst_case(&module);
        let shape = dlis::lms::suspend::Shape::of(&module);
        let data = worst.encode(&shape).unwrap();
        out.push(json!({ "op": "suspend_encode", "shape": shape, "state": worst }));
        out.push(json!({ "op": "suspend_decode", "shape": shape, "data": data }));
        out.push(json!({ "op": "suspend_decode", "shape": shape, "data": &data[..data.len() / 2] }));
        for activity in &module.activities {
            let Activity::Quiz(quiz) = activity else { continue };
            for (submitted, open) in [(0, false), (0, true), (2, true), (3, false), (5, false)] {
                out.push(json!({ "op": "attempts", "quiz": quiz, "submitted": submitted, "open": open }));
            }
            for seed in [0u64, 7, 1 << 40] {
                out.push(json!({ "op": "layout", "quiz": quiz, "seed": seed }));
            }
            let mut scores = BTreeMap::new();
            for question in &quiz.questions {
                for language in &module.languages {
                    for response in responses(&question.answer, language) {
                        out.push(json!({ "op": "score", "question": question, "response": response, "language": language }));
                        if let Ok(scored) = quiz::score(question, &response, language) {
                            scores.entry(question.id.clone()).or_insert(scored);
                        }
                    }
                }
            }
            out.push(json!({ "op": "total", "quiz": quiz, "scores": scores }));
            // The attempt as the page shows it, open then submitted, in every language.
            let mut attempt = quiz::AttemptView {
                attempt_id: 1,
                number: 1,
                layout: quiz::layout(quiz, 11),
                answers: quiz
                    .questions
                    .iter()
                    .take(3)
                    .filter_map(|q| {
                        let response = responses(&q.answer, &module.default_language).remove(0);
                        quiz::score(q, &response, &module.default_language)
                            .ok()
                            .map(|s| (q.id.clone(), (response, s)))
                    })
                    .collect(),
                total: None,
                attempts_left: Some(2),
            };
            let offered: Vec<String> =
                module.languages.iter().chain(&module.partial_languages).cloned().collect();
            for submitted in [false, true] {
                if submitted {
                    attempt.total = Some(quiz::total(quiz, &scores));
                }
                for language in offered.iter().map(String::as_str).chain(["de"]) {
                    out.push(json!({ "op": "quiz_view", "offered": offered, "default_language": module.default_language,
                                     "quiz": quiz, "attempt": attempt, "language": language }));
                }
            }
        }
        // Every activity done: the module is complete.
        for progress in &mut activities {
            *progress = match progress.clone() {
                dlis::completion::ActivityProgress::Lesson { id, seconds, .. } => {
                    dlis::completion::ActivityProgress::Lesson { id, opened: true, read: true, seconds }
                }
                dlis::completion::ActivityProgress::Video { id, .. } => {
                    dlis::completion::ActivityProgress::Video {
                        id,
                        watched_percent: 95.0,
                        position: 90.0,
                        completed: true,
                    }
                }
                dlis::completion::ActivityProgress::Survey { id, .. } => {
                    dlis::completion::ActivityProgress::Survey { id, takes: 1 }
                }
                dlis::completion::ActivityProgress::Quiz(mut quiz) => {
                    quiz.passed = true;
                    quiz.attempts = 1;
                    dlis::completion::ActivityProgress::Quiz(quiz)
                }
            };
        }
        out.push(json!({ "op": "progress", "completion": module.completion, "activities": activities }));
        // The native store's own count agrees.
        let progress = ModuleProgress::of(&module, activities, None, None, None);
        assert_eq!(progress.done, module.activities.len());
    }
    out.push(json!({ "op": "watch", "intervals": [[0.0, 10.0], [50.0, 60.0]], "from": 9.9, "to": 50.1, "duration": 120.0 }));
    out.push(json!({ "op": "watch", "intervals": [], "from": 5.0, "to": 1.0, "duration": 120.0 }));
    out.push(json!({ "op": "score", "question": "not a question" }));
    out
}

/// Node.js asks the `.wasm` each request, one JSON line each, through the player's own loader
/// (ui/lms/rules.js), and prints each answer on a line.
const HARNESS: &str = r#"
import fs from 'fs';
const [loader, wasmPath, requestsPath] = process.argv.slice(2);
const { loadRules } = await import(loader);
const ask = await loadRules(fs.readFileSync(wasmPath));
for (const line of fs.readFileSync(requestsPath, 'utf8').split('\n')) {
  if (line) process.stdout.write(ask(line) + '\n');
}
"#;

#[test]
fn the_webassembly_rules_answer_as_the_core() {
    let Some(wasm) = std::env::var_os("DLIS_PLAYER_RULES_WASM").map(PathBuf::from) else {
        eprintln!(
            "DLIS_PLAYER_RULES_WASM is not set: run scripts/player-rules.sh to build and check the .wasm"
        );
        return;
    };
    let requests = requests();
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = requests.iter().map(Value::to_string).collect();
    let path = dir.path().join("requests.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let script = dir.path().join("harness.mjs");
    std::fs::write(&script, HARNESS).unwrap();
    let loader = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/lms/rules.js").canonicalize().unwrap();
    let loader = format!("file://{}", loader.display());
    let output = Command::new("node").arg(&script).arg(loader).arg(&wasm).arg(&path).output().unwrap();
    assert!(output.status.success(), "node: {}", String::from_utf8_lossy(&output.stderr));
    let answers: Vec<&str> = std::str::from_utf8(&output.stdout).unwrap().lines().collect();
    assert_eq!(answers.len(), lines.len());
    let mut scored_right = 0;
    for (request, from_wasm) in lines.iter().zip(answers) {
        let native = dlis_player_rules::answer(request);
        assert_eq!(from_wasm, native, "for {}", &request[..request.len().min(300)]);
        scored_right += usize::from(native.contains("\"correct\":true"));
    }
    assert!(scored_right >= 30, "the right answers score as right: {scored_right}");
    eprintln!("{} requests answered alike by the .wasm and the core", lines.len());
}
