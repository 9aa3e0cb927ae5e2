//! Progress-event writes: `Store::record` (event, summaries, completion check and xAPI
//! statement in one durable transaction) against a bare rusqlite insert of the same event row
//! with the same durability settings (WAL, `synchronous = FULL`), measured in the same run.
//!
//! `cargo bench --bench progress` (events per contender: `DLIS_BENCH_EVENTS`, default 8000).

use std::time::{Duration, Instant};

use dlis::Manifest;
use dlis::store::{Event, Store};
use rusqlite::Connection;

const MODULE: &str = include_str!("../modules/faire-avec/module.json");

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

struct Summary {
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

fn measure(count: usize, mut write: impl FnMut(usize)) -> Summary {
    let mut latencies = Vec::with_capacity(count);
    let start = Instant::now();
    for i in 0..count {
        let t = Instant::now();
        write(i);
        latencies.push(t.elapsed());
    }
    let total = start.elapsed();
    latencies.sort();
    Summary {
        per_second: count as f64 / total.as_secs_f64(),
        p50: percentile(&latencies, 0.5),
        p99: percentile(&latencies, 0.99),
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let count: usize = std::env::var("DLIS_BENCH_EVENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(8000);
    let dir = tempfile::Builder::new().prefix("dlis-bench-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let module = Manifest::parse(MODULE.as_bytes()).unwrap();

    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let learner = store.create_learner("Bench", "fr", None).unwrap();
    let event = |i: usize| Event::VideoWatched {
        activity: "capsule".into(),
        from: (i % 90) as f64,
        to: (i % 90) as f64 + 0.5,
        subtitle_language: Some("fr".into()),
    };

    let bare = Connection::open(dir.path().join("bare.db")).unwrap();
    bare.pragma_update(None, "journal_mode", "WAL").unwrap();
    bare.pragma_update(None, "synchronous", "FULL").unwrap();
    bare.execute_batch(
        "CREATE TABLE event (seq INTEGER PRIMARY KEY, learner_id TEXT NOT NULL, module_id TEXT NOT NULL,
         module_version TEXT NOT NULL, activity_id TEXT, kind TEXT NOT NULL, payload TEXT NOT NULL, at TEXT NOT NULL) STRICT",
    )
    .unwrap();
    let version = module.version.to_string();

    // Alternate rounds so that both contenders see the same disk and load conditions, after a
    // round that is not counted: the first writes grow each WAL file to its working size,
    // which costs more than reusing it, and would favour whichever contender runs second.
    let rounds = 4;
    let (mut ours, mut baseline) = (Vec::new(), Vec::new());
    for round in 0..=rounds {
        let bare_round = measure(count / rounds, |i| {
            let payload = serde_json::to_string(&event(i)).unwrap();
            bare.execute(
                "INSERT INTO event (learner_id, module_id, module_version, activity_id, kind, payload, at)
                 VALUES (?1, ?2, ?3, ?4, 'video_watched', ?5, ?6)",
                (&learner.id, &module.id, &version, "capsule", payload, "2026-11-23T10:00:00.000Z"),
            )
            .unwrap();
        });
        let our_round = measure(count / rounds, |i| store.record(&learner.id, &module, &event(i)).unwrap());
        if round > 0 {
            baseline.push(bare_round);
            ours.push(our_round);
        }
    }
    let merge = |runs: &[Summary]| Summary {
        per_second: runs.iter().map(|s| s.per_second).sum::<f64>() / runs.len() as f64,
        p50: runs.iter().map(|s| s.p50).max().unwrap(),
        p99: runs.iter().map(|s| s.p99).max().unwrap(),
    };
    let per_round: Vec<String> =
        baseline.iter().zip(&ours).map(|(b, o)| format!("{:.2}x", b.per_second / o.per_second)).collect();
    let (ours, baseline) = (merge(&ours), merge(&baseline));
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    println!(
        "\n{count} events per contender, WAL + synchronous=FULL, in {rounds} alternating rounds after one \
         to warm up; ours / bare per round: {}.\n",
        per_round.join(", ")
    );
    println!("| writer | events/s | p50 | p99 |");
    println!("|---|---|---|---|");
    println!(
        "| bare rusqlite insert of the event row | {:.0} | {} | {} |",
        baseline.per_second,
        ms(baseline.p50),
        ms(baseline.p99)
    );
    println!(
        "| `Store::record` (event + summary + statement) | {:.0} | {} | {} |",
        ours.per_second,
        ms(ours.p50),
        ms(ours.p99)
    );
    println!(
        "| ratio (ours / bare) | {:.2}x slower | {:.2}x | {:.2}x |",
        baseline.per_second / ours.per_second,
        ours.p50.as_secs_f64() / baseline.p50.as_secs_f64(),
        ours.p99.as_secs_f64() / baseline.p99.as_secs_f64()
    );
}
