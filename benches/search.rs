//! Search at scale: 200 installed modules (the samples packed again under other ids, each in
//! four languages). Index build time per module against reading and cutting its texts (the
//! floor: what any index must do), and query latency, p50 and p99.
//!
//! `cargo bench --bench search` (modules: `DLIS_BENCH_MODULES`, default 200). Prints Markdown
//! tables for the README.

use std::time::{Duration, Instant};

#[path = "support/fleet.rs"]
mod fleet;

use dlis::Library;
use dlis::search::{SearchIndex, passages};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks benches to list their tests; there are none
    }
    let count = env_number("DLIS_BENCH_MODULES", 200);
    let dir = tempfile::Builder::new().prefix("dlis-bench-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("modules");
    let data = dir.path().join("data");
    let manifests = fleet::install_modules(&samples, dir.path(), &data, count);
    let library = Library::new(&data);
    // Made again from nothing, module by module, each timed against reading its texts.
    std::fs::remove_file(data.join(dlis::search::FILE_NAME)).unwrap();
    let mut index = SearchIndex::open(&data).unwrap();
    let (mut build, mut read, mut passages_total) = (Vec::new(), Vec::new(), 0);
    for manifest in &manifests {
        let bundle = library.open(&manifest.id).unwrap();
        let start = Instant::now();
        passages_total += passages(&bundle).unwrap().len();
        read.push(start.elapsed());
        let start = Instant::now();
        index.index(&bundle).unwrap();
        build.push(start.elapsed());
    }
    let size = std::fs::metadata(data.join(dlis::search::FILE_NAME)).map(|m| m.len()).unwrap_or(0);
    let sum = |times: &[Duration]| times.iter().sum::<Duration>();
    let (build_sum, read_sum) = (sum(&build), sum(&read));
    println!("\n{count} modules, {passages_total} passages, index {:.1} MB.\n", size as f64 / 1e6);
    println!(
        "| per module | reading and cutting its texts | indexing it (the same, folded, in one transaction) | ratio |"
    );
    println!("|---|---|---|---|");
    println!(
        "| median | {} | {} | {:.2}x (totals {:.2} s / {:.2} s) |",
        ms(percentile(&mut read.clone(), 0.5)),
        ms(percentile(&mut build.clone(), 0.5)),
        build_sum.as_secs_f64() / read_sum.as_secs_f64(),
        build_sum.as_secs_f64(),
        read_sum.as_secs_f64()
    );

    let queries = [
        ("démarches", "fr"),
        ("equipement", "fr"),
        ("Aidants Connect", "fr"),
        ("mot de passe", "fr"),
        ("consentement", "fr"),
        ("accompagner", "fr"),
        ("procuration", "fr"),
        ("ψηφιακη", "el"),
        ("ΚΕΠ", "el"),
        ("κωδικος", "el"),
        ("insotire", "ro"),
        ("parola", "ro"),
        ("ghiseul", "ro"),
        ("digital", "en"),
        ("password", "en"),
        ("referral", "en"),
        ("doing with", "en"),
        ("a", "en"),
        ("non-recours", "fr"),
        ("zzzz", "fr"),
    ];
    let mut times = Vec::new();
    let mut slowest = (Duration::ZERO, "");
    let mut found = 0;
    for _ in 0..10 {
        for (query, language) in queries {
            let start = Instant::now();
            found += index.search(query, Some(language), 50).unwrap().len();
            let took = start.elapsed();
            slowest = slowest.max((took, query));
            times.push(took);
        }
    }
    println!(
        "\n| queries ({} runs, 50 hits at most, {found} hits in all) | p50 | p99 | target |",
        times.len()
    );
    println!("|---|---|---|---|");
    println!(
        "| {count} modules | {} | {} | p99 under 30 ms |",
        ms(percentile(&mut times.clone(), 0.5)),
        ms(percentile(&mut times, 0.99))
    );
}
