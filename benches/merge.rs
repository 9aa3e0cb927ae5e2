//! `dlis merge` throughput: `report::merge_files` over 100 export files holding 1,000,000
//! statements in all, against two baselines measured in the same run on the same threads:
//! only reading and checking the files (`export::read_lines`: unzip, size, SHA-256, UTF-8,
//! line count, each line streamed), and that plus a bare JSON parse of every line (`serde_json`
//! to `IgnoredAny`).
//! The merge also runs on one thread, to show what the second core brings.
//!
//! The statements are real ones: a learner's whole session in the sample module
//! `modules/faire-avec`, recorded by the store (the tests' `learner_session`), used as templates whose ids, learners,
//! modules and timestamps vary. Five of the files are copies of others (the same export
//! carried on two sticks), so 5% of the statements are duplicates.
//!
//! `cargo bench --bench merge` (`DLIS_BENCH_STATEMENTS`, default 1000000; `DLIS_BENCH_FILES`,
//! default 100; `DLIS_BENCH_RUNS`, default 5).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dlis::export::{self, ExportManifest};
use dlis::report::{self, Merged};
use serde::de::IgnoredAny;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

/// The learner's session: the tests' own, so the templates are real statements.
#[path = "../tests/integration/ralph.rs"]
#[allow(dead_code)]
mod ralph;

const MODULE_ID: &str = "dlis.faire-avec";
const MODULES: [&str; 3] = ["dlis.faire-avec", "dlis.ethique-mediation", "dlis.exclusion-numerique"];

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A statement with its id, learner, module and timestamp cut out, to be filled in again.
struct Template(Vec<String>);

const HOLE: char = '\u{1}';

impl Template {
    fn new(statement: &str) -> Template {
        let value: serde_json::Value = serde_json::from_str(statement).unwrap();
        let field = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
        let text = statement
            .replace(&field(&value["id"]), &format!("{HOLE}id{HOLE}"))
            .replace(&field(&value["actor"]["account"]["name"]), &format!("{HOLE}learner{HOLE}"))
            .replace(&field(&value["timestamp"]), &format!("{HOLE}at{HOLE}"))
            .replace(&format!("/modules/{MODULE_ID}/"), &format!("/modules/{HOLE}module{HOLE}/"));
        Template(text.split(HOLE).map(str::to_owned).collect())
    }

    fn fill(&self, out: &mut String, id: &str, learner: &str, module: &str, at: &str) {
        for (i, part) in self.0.iter().enumerate() {
            out.push_str(match (i % 2, part.as_str()) {
                (0, text) => text,
                (_, "id") => id,
                (_, "learner") => learner,
                (_, "module") => module,
                (_, "at") => at,
                (_, other) => panic!("unknown hole {other}"),
            });
        }
        out.push('\n');
    }
}

/// Writes an export file holding `body`, its manifest computed as `dlis export` does.
fn write_export(path: &Path, body: &str, learners: Vec<String>, first: &str, last: &str) {
    let manifest = ExportManifest {
        format: 1,
        kind: "dlis-learn-export".into(),
        generator: "DLIS Learn benchmark".into(),
        created_at: last.to_owned(),
        statements: body.lines().count() as u64,
        learners,
        first_timestamp: Some(first.to_owned()),
        last_timestamp: Some(last.to_owned()),
        size: body.len() as u64,
        sha256: Sha256::digest(body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect(),
    };
    let mut zip = zip::ZipWriter::new(BufWriter::new(File::create(path).unwrap()));
    let options = SimpleFileOptions::default().compression_level(Some(6));
    zip.start_file(export::MANIFEST, options).unwrap();
    zip.write_all(&serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    zip.start_file(export::STATEMENTS, options).unwrap();
    zip.write_all(body.as_bytes()).unwrap();
    zip.finish().unwrap().flush().unwrap();
}

/// `files` export files, `statements` statements in all; the last 5% of the files are copies
/// of the first ones.
fn generate(dir: &Path, templates: &[Template], statements: usize, files: usize) -> Vec<PathBuf> {
    let copies = files / 20;
    let originals = files - copies;
    let per_file = statements / files;
    let sessions_per_file = per_file.div_ceil(templates.len());
    let start = time::macros::datetime!(2026-09-01 08:00 UTC);
    let mut paths = Vec::new();
    for f in 0..originals {
        let mut body = String::with_capacity(per_file * 900);
        let mut learners = Vec::new();
        let (mut first, mut last) = (String::new(), String::new());
        let mut n = 0;
        'sessions: for s in 0..sessions_per_file {
            // Each learner of this laptop follows the three modules, one session each.
            let learner = uuid::Uuid::from_u128(
                0x5eed_0000_0000_4000_8000_0000_0000_0000 | ((f * 1_000_000 + s / 3) as u128),
            )
            .to_string();
            if learners.last() != Some(&learner) {
                learners.push(learner.clone());
            }
            let module = MODULES[s % 3];
            for template in templates {
                if n == per_file {
                    break 'sessions;
                }
                let serial = (f * per_file + n) as u128;
                let id =
                    uuid::Uuid::from_u128(0x0199_0000_0000_7000_8000_0000_0000_0000 | (serial << 16) | 0x42)
                        .to_string();
                let at = dlis::xapi::timestamp(
                    start + Duration::from_millis(((f as u64) << 24) + (n as u64) * 1500),
                );
                if n == 0 {
                    first = at.clone();
                }
                last = at.clone();
                template.fill(&mut body, &id, &learner, module, &at);
                n += 1;
            }
        }
        learners.sort();
        let path = dir.join(format!("laptop-{f:03}.zip"));
        write_export(&path, &body, learners, &first, &last);
        paths.push(path);
    }
    for c in 0..copies {
        let path = dir.join(format!("stick-copy-{c:03}.zip"));
        std::fs::copy(&paths[c], &path).unwrap();
        paths.push(path);
    }
    paths
}

/// Runs `work` on every file, on as many threads as `merge_files` uses.
fn on_threads(paths: &[PathBuf], work: impl Fn(&Path) + Sync) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(paths.len());
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(path) = paths.get(next.fetch_add(1, Ordering::Relaxed)) {
                    work(path);
                }
            });
        }
    });
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let statements = env_number("DLIS_BENCH_STATEMENTS", 1_000_000);
    let files = env_number("DLIS_BENCH_FILES", 100).max(1);
    let runs = env_number("DLIS_BENCH_RUNS", 5).max(1);
    let dir = tempfile::Builder::new().prefix("dlis-bench-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();

    let templates: Vec<Template> =
        ralph::session_statements(dir.path()).iter().map(|s| Template::new(s)).collect();
    let started = Instant::now();
    let paths = generate(dir.path(), &templates, statements, files);
    let total = statements / files * files;
    let bytes: u64 = paths.iter().map(|p| std::fs::metadata(p).unwrap().len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files);
    println!(
        "\n{total} statements ({} templates from a real session, {:.0} bytes each on average) in {files} export \
         files ({:.1} MB zipped), generated in {:.1} s; {threads} thread(s); median of {runs} alternating rounds.\n",
        templates.len(),
        templates.iter().map(|t| t.0.iter().map(String::len).sum::<usize>()).sum::<usize>() as f64
            / templates.len() as f64,
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let check = report::merge_files(&paths);
    assert!(check.refused.is_empty(), "{:?}", check.refused);
    assert_eq!(check.statements_read as usize, total);

    let read_only = || {
        on_threads(&paths, |path| {
            let manifest = export::read_lines(path, |line| {
                std::hint::black_box(line);
            });
            std::hint::black_box(manifest.unwrap());
        })
    };
    let read_and_parse = || {
        on_threads(&paths, |path| {
            export::read_lines(path, |line| {
                std::hint::black_box(serde_json::from_str::<IgnoredAny>(line).unwrap());
            })
            .unwrap();
        })
    };
    let one_thread = || {
        let mut merged = Merged::new();
        for path in &paths {
            merged.add(&report::read_batch(path).unwrap());
        }
        std::hint::black_box(merged.rows());
    };
    let merge = || {
        std::hint::black_box(report::merge_files(&paths));
    };
    let contenders: [&dyn Fn(); 4] = [&read_only, &read_and_parse, &one_thread, &merge];
    // Rounds alternate the contenders, so that a burst of load elsewhere hits them all alike.
    let mut times = vec![Vec::new(); contenders.len()];
    for _ in 0..runs {
        for (contender, times) in contenders.iter().zip(&mut times) {
            let t = Instant::now();
            contender();
            times.push(t.elapsed());
        }
    }
    let [read_only, read_and_parse, one_thread, merge] = [0, 1, 2, 3].map(|i| median(times[i].clone()));

    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    println!("| contender | time | statements/s |");
    println!("|---|---|---|");
    for (name, d) in [
        ("baseline: read and check the files (unzip, size, SHA-256, UTF-8, lines)", read_only),
        ("baseline: read and check, then parse every line to `IgnoredAny`", read_and_parse),
        ("`merge` on one thread (read, parse, attribute, de-duplicate, rows)", one_thread),
        ("`report::merge_files` (what `dlis merge` runs)", merge),
    ] {
        println!("| {name} | {:.3} s | {:.0} |", d.as_secs_f64(), rate(d));
    }
    println!(
        "\n`merge_files` takes {:.2}x the time of the read-and-parse baseline; {} rows, {} duplicates. \
         Target: at least 500000 statements/s.",
        merge.as_secs_f64() / read_and_parse.as_secs_f64(),
        check.rows.len(),
        check.duplicates
    );
}
