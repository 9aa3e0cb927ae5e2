//! Sync throughput: `dlis sync` draining an outbox of real statements to Ralph on loopback,
//! against a bare Python `urllib` client POSTing the same batches to a fresh Ralph, measured
//! in the same run. The ratio is our own overhead (reading the outbox, recording each
//! acknowledgement durably); the LRS's cost is the same for both.
//!
//! `cargo bench --bench sync` (`DLIS_BENCH_STATEMENTS`, default 100000; `DLIS_BENCH_BATCH`,
//! default 1000; `DLIS_BENCH_ROUNDS`, default 1). Needs Python 3 (the venv holding Ralph is
//! made by `scripts/lrs-venv.sh`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dlis::Manifest;
use dlis::manifest::Activity;
use dlis::store::{Event, Store};
use dlis::sync::{Institution, LrsAccess};

#[path = "../tests/integration/ralph.rs"]
#[allow(dead_code)]
mod ralph;

use ralph::{Lrs, PASSWORD, USER, root};

const MODULE: &str = include_str!("../modules/faire-avec/module.json");

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Learners studying the sample module until the outbox holds at least `count` statements;
/// returns the outbox.
fn fill_outbox(db: &Path, count: usize) -> Vec<String> {
    let module = Manifest::parse(MODULE.as_bytes()).unwrap();
    let mut store = Store::open(db).unwrap();
    let mut learners = 1;
    let mut n = 0;
    while n < learners {
        let learner = store.create_learner(&format!("Learner {n}"), "fr", None).unwrap();
        for activity in &module.activities {
            let events = match activity {
                Activity::Lesson(lesson) => vec![
                    Event::LessonOpened { activity: lesson.id.clone() },
                    Event::LessonTime { activity: lesson.id.clone(), seconds: 95.0 },
                    Event::LessonRead { activity: lesson.id.clone() },
                ],
                Activity::Video(video) => (0..10)
                    .map(|i| {
                        let step = video.duration_seconds / 10.0;
                        Event::VideoWatched {
                            activity: video.id.clone(),
                            from: step * i as f64,
                            to: step * (i + 1) as f64,
                            subtitle_language: Some("fr".into()),
                        }
                    })
                    .collect(),
                Activity::Quiz(_) | Activity::Survey(_) => Vec::new(),
            };
            for event in events {
                store.record(&learner.id, &module, &event).unwrap();
            }
        }
        if n == 0 {
            let per_learner = store.sync_status().unwrap().pending as usize;
            learners = count.div_ceil(per_learner.max(1));
        }
        n += 1;
    }
    store.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    store.outbox().unwrap()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let count = env_or("DLIS_BENCH_STATEMENTS", 100_000);
    let batch = env_or("DLIS_BENCH_BATCH", 1000);
    let rounds = env_or("DLIS_BENCH_ROUNDS", 1);
    let dir = tempfile::Builder::new().prefix("dlis-bench-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();

    eprintln!("filling an outbox with {count} statements…");
    let template = dir.path().join("template.db");
    let statements = fill_outbox(&template, count);
    let total = statements.len();
    let batches = dir.path().join("batches.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&batches).unwrap());
    for chunk in statements.chunks(batch) {
        writeln!(out, "[{}]", chunk.join(",")).unwrap();
    }
    out.flush().unwrap();
    drop(out);

    let (mut bare, mut ours) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        // Each contender gets an empty Ralph, so that both do the same work.
        let lrs = Lrs::start(&dir.path().join(format!("lrs-bare-{round}")));
        let start = Instant::now();
        let status = Command::new(ralph::ralph_python())
            .arg(root().join("benches/bare_sync.py"))
            .args([&format!("{}/xAPI/", lrs.url), USER, PASSWORD])
            .arg(&batches)
            .status()
            .unwrap();
        assert!(status.success(), "the bare client failed");
        bare.push(start.elapsed());
        drop(lrs);

        let lrs = Lrs::start(&dir.path().join(format!("lrs-ours-{round}")));
        let data = dir.path().join(format!("data-{round}"));
        std::fs::create_dir_all(&data).unwrap();
        std::fs::copy(&template, data.join(dlis::store::FILE_NAME)).unwrap();
        let store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
        let access = LrsAccess {
            endpoint: format!("{}/xAPI/", lrs.url),
            username: USER.into(),
            password: PASSWORD.into(),
        };
        let institution = Institution {
            name: "Bench".into(),
            home_page: "https://bench.example".into(),
            lrs: access,
            learner_identifier: None,
        };
        store.set_institution(&institution).unwrap();
        drop(store);
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_dlis"))
            .env("DLIS_DATA_DIR", &data)
            .args(["sync", "--batch", &batch.to_string()])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "dlis sync failed");
        ours.push(start.elapsed());
        let left = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap().sync_status().unwrap().pending;
        assert_eq!(left, 0, "dlis sync left statements behind");
        drop(lrs);
    }

    let median = |runs: &mut Vec<Duration>| {
        runs.sort();
        runs[runs.len() / 2]
    };
    let (bare, ours) = (median(&mut bare), median(&mut ours));
    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    println!(
        "\n{total} statements in batches of {batch} to Ralph 5.1.0 (fs backend) on loopback, median of {rounds} round(s).\n"
    );
    println!("| client | time | statements/s |");
    println!("|---|---|---|");
    println!("| bare Python urllib POSTs | {:.1} s | {:.0} |", bare.as_secs_f64(), rate(bare));
    println!("| `dlis sync` | {:.1} s | {:.0} |", ours.as_secs_f64(), rate(ours));
    println!("| ratio (ours / bare) | {:.2}x | |", ours.as_secs_f64() / bare.as_secs_f64());
}
