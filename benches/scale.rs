//! DLIS Learn at scale: 200 installed modules, 50 learners, a million learning events. The
//! calls behind the app's catalogue, a module page and a learner's progress view, timed
//! (p50/p99) next to the same calls on the installation a laptop starts with (the 3 sample
//! modules, one learner, a thousand events), measured in the same run.
//!
//! `cargo bench --bench scale` (`DLIS_BENCH_MODULES`, default 200; `DLIS_BENCH_LEARNERS`, 50;
//! `DLIS_BENCH_EVENTS`, 1,000,000; `DLIS_BENCH_CALLS`, 200). Target: p99 under 50 ms.

#[path = "support/fleet.rs"]
mod fleet;

use std::path::Path;
use std::time::{Duration, Instant};

use dlis::store::{Event, Store};
use dlis::{Library, Manifest};

fn number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// An installation: `modules` installed, `learners` who wrote `events` events between them.
struct Installation {
    library: Library,
    store: Store,
    modules: Vec<Manifest>,
    learners: Vec<String>,
}

fn installation(dir: &Path, modules: usize, learners: usize, events: usize) -> Installation {
    let data = dir.join("data");
    let started = Instant::now();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("modules");
    let manifests = fleet::install_modules(&samples, dir, &data, modules);
    let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    // Filling the store is not what is measured: no fsync per event here.
    store.connection().pragma_update(None, "synchronous", "OFF").unwrap();
    let ids: Vec<String> = (0..learners)
        .map(|n| store.create_learner(&format!("Learner {n}"), "fr", None).unwrap().id)
        .collect();
    // Each learner studies a fifth of the modules (at least one), in order; events go round.
    let per_learner = (modules / 5).max(1);
    for i in 0..events {
        let learner = i % learners;
        let module = &manifests[(learner * 7 + (i / learners) % per_learner) % modules];
        // Quizzes have no events of these kinds: only lessons and capsules get them.
        let studied: Vec<&dlis::manifest::Activity> =
            module.activities.iter().filter(|a| !matches!(a, dlis::manifest::Activity::Quiz(_))).collect();
        let activity = studied[(i / (learners * per_learner)) % studied.len()];
        let event = match activity {
            dlis::manifest::Activity::Video(v) => {
                let at = (i % 90) as f64;
                Event::VideoWatched {
                    activity: v.id.clone(),
                    from: at,
                    to: at + 1.0,
                    subtitle_language: None,
                }
            }
            other if i % 10 == 0 => Event::LessonRead { activity: other.id().to_owned() },
            other => Event::LessonTime { activity: other.id().to_owned(), seconds: 5.0 },
        };
        store.record(&ids[learner], module, &event).unwrap();
    }
    store.connection().pragma_update(None, "synchronous", "FULL").unwrap();
    eprintln!(
        "installation of {modules} modules, {learners} learners, {events} events made in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Installation { library: Library::new(&data), store, modules: manifests, learners: ids }
}

/// What the app's `catalogue` command does: every installed module with the learner's progress.
fn catalogue(at: &Installation, learner: &str) -> usize {
    let (installed, _) = at.library.list().unwrap();
    let manifests: Vec<&Manifest> = installed.iter().map(|m| &*m.manifest).collect();
    at.store.progress_in_modules(learner, &manifests).unwrap().iter().map(|p| p.done).sum()
}

/// What the app's `module` command does: the module, and the learner's progress in it.
fn module_page(at: &Installation, learner: &str, id: &str) -> usize {
    let bundle = at.library.open(id).unwrap();
    at.store.module_progress(learner, bundle.manifest()).unwrap().done
}

/// What `dlis progress --learner` shows: each module the learner has records in.
fn progress_view(at: &Installation, learner: &str) -> usize {
    let installed: std::collections::HashMap<String, std::sync::Arc<Manifest>> =
        at.library.list().unwrap().0.into_iter().map(|m| (m.manifest.id.clone(), m.manifest)).collect();
    at.store
        .modules_of(learner)
        .unwrap()
        .iter()
        .filter_map(|id| installed.get(id).map(|m| &**m))
        .map(|m| at.store.module_progress(learner, m).unwrap().done)
        .sum()
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1000.0;
    (at(0.5), at(0.99))
}

fn timed(calls: usize, mut call: impl FnMut(usize) -> usize) -> (f64, f64) {
    let mut times = Vec::with_capacity(calls);
    for i in 0..calls {
        let start = Instant::now();
        std::hint::black_box(call(i));
        times.push(start.elapsed());
    }
    percentiles(times)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let (modules, learners, events, calls) = (
        number("DLIS_BENCH_MODULES", 200),
        number("DLIS_BENCH_LEARNERS", 50),
        number("DLIS_BENCH_EVENTS", 1_000_000),
        number("DLIS_BENCH_CALLS", 200),
    );
    let dir = tempfile::Builder::new().prefix("dlis-scale-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let small = installation(&dir.path().join("small"), 3, 1, 1000);
    let large = installation(&dir.path().join("large"), modules, learners, events);

    // Opening the progress store checks its integrity (`PRAGMA quick_check`), which reads it
    // whole: the app does it once at start.
    let open_store = |at: &Installation| {
        let path = at.store.path().to_owned();
        let times: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(Store::open(&path).unwrap());
                start.elapsed()
            })
            .collect();
        percentiles(times)
    };
    let (open_small, open_large) = (open_store(&small), open_store(&large));
    let size = |at: &Installation| std::fs::metadata(at.store.path()).map(|m| m.len()).unwrap_or(0) >> 20;
    let (size_small, size_large) = (size(&small), size(&large));

    let mut rows = Vec::new();
    for (name, at) in [("small", &small), ("large", &large)] {
        let learner = |i: usize| at.learners[i % at.learners.len()].as_str();
        let module = |i: usize| at.modules[(i * 7) % at.modules.len()].id.as_str();
        let figures = [
            timed(calls, |i| catalogue(at, learner(i))),
            timed(calls, |i| module_page(at, learner(i), module(i))),
            timed(calls, |i| progress_view(at, learner(i))),
        ];
        rows.push((name, figures));
    }
    let (small, large) = (&rows[0].1, &rows[1].1);
    println!(
        "\n{modules} modules, {learners} learners, {events} events, against 3 modules, 1 learner, 1000 events; \
         {calls} calls each, warm cache.\n"
    );
    println!("| call | 3 modules: p50 / p99 | {modules} modules: p50 / p99 | p99 ratio | target |");
    println!("|---|---|---|---|---|");
    for (n, what) in
        ["catalogue (list + progress of each module)", "module page", "progress view (dlis progress)"]
            .iter()
            .enumerate()
    {
        println!(
            "| {what} | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {:.1}x | p99 under 50 ms |",
            small[n].0,
            small[n].1,
            large[n].0,
            large[n].1,
            large[n].1 / small[n].1
        );
    }
    println!(
        "| open the progress store ({size_small} MB against {size_large} MB; median of 5) | {:.1} ms | {:.1} ms | {:.0}x | |",
        open_small.0,
        open_large.0,
        open_large.0 / open_small.0
    );
}
