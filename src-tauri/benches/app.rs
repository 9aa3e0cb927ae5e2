//! The desktop app's costs, each next to a floor measured in the same run:
//! - start-up: process start to the catalogue on display (the page tells the shell), for a
//!   learner who already has the sample modules; page cache dropped first when we may (root);
//! - memory: PSS summed over the app's process tree (the app, WebKit's web and network
//!   processes) against an empty Tauri window on the same WebKitGTK, measured the same way:
//!   spawned directly (DLIS Learn on its catalogue), and under WebDriver (the capsule playing);
//! - size of the release binary.
//!
//! `cargo bench -p dlis-learn-app --bench app` (`DLIS_BENCH_RUNS`, default 5).

#[allow(dead_code)] // each benchmark uses part of it
mod common;
#[path = "../tests/ui/driver.rs"]
#[allow(dead_code)]
mod driver;
#[path = "../../benches/support/fleet.rs"]
mod fleet;

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::median;
use common::prepared_data_dir;
use driver::{App, Display};

fn runs() -> usize {
    std::env::var("DLIS_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5)
}

fn drop_page_cache() -> bool {
    let _ = Command::new("sync").status();
    std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

/// Runs `binary` in its own process group; the group is killed on drop.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", self.0.id())]).status();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.0.id())]).status();
        let _ = self.0.wait();
    }
}

fn spawn(binary: &Path, display: &str, data: &Path) -> Running {
    let child = Command::new(binary)
        .env("DISPLAY", display)
        .env("DLIS_DATA_DIR", data)
        .env("DLIS_STARTUP_TRACE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    Running(child)
}

/// Process start to the first screen on display (the catalogue for DLIS Learn, the loaded
/// blank page for the empty window).
fn start_time(binary: &Path, display: &str, data: &Path) -> Duration {
    let start = Instant::now();
    let mut app = spawn(binary, display, data);
    let stderr = BufReader::new(app.0.stderr.take().unwrap());
    for line in stderr.lines() {
        if line.unwrap().contains("first screen shown") {
            return start.elapsed();
        }
    }
    panic!("the app never showed its first screen");
}

/// PSS in MB of `pid` and all its descendants, from `/proc/*/smaps_rollup`; each process's
/// share goes to stderr under `label`, to show where the memory is.
fn tree_pss_mb(pid: u32, label: &str) -> f64 {
    let mut children: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // The parent pid is the second field after the parenthesised command name.
        let Some(after) = stat.rsplit_once(')').map(|(_, rest)| rest) else { continue };
        if let Some(parent) = after.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
            children.entry(parent).or_default().push(child);
        }
    }
    let (mut total, mut parts, mut stack) = (0, Vec::new(), vec![pid]);
    while let Some(pid) = stack.pop() {
        if let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) {
            let pss = rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .unwrap_or(0);
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            parts.push(format!("{} {} MB", name.trim(), pss / 1024));
            total += pss;
        }
        stack.extend(children.get(&pid).into_iter().flatten());
    }
    eprintln!("{label}: {} MB ({})", total / 1024, parts.join(", "));
    total as f64 / 1024.0
}

fn pid_of(name: &str) -> Option<u32> {
    let output = Command::new("pgrep").args(["-n", "-x", name]).output().ok()?;
    String::from_utf8_lossy(&output.stdout).trim().parse().ok()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let dir =
        tempfile::Builder::new().prefix("dlis-app-bench-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let (data, samples) = prepared_data_dir(dir.path());
    let display = Display::get();
    let runs = runs();

    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "-p", "dlis-learn-app", "--example", "empty_window"])
        .status()
        .unwrap();
    assert!(status.success(), "cannot build the empty window");
    let app = PathBuf::from(env!("CARGO_BIN_EXE_dlis-learn"));
    let empty = app.parent().unwrap().join("examples/empty_window");

    // A data dir with 200 modules installed (the samples under other ids), for the start-up
    // of a trainer's laptop that carries many.
    let modules = std::env::var("DLIS_BENCH_MODULES").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let (many, _) = prepared_data_dir(&dir.path().join("many"));
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules");
    fleet::install_modules(&sources, &dir.path().join("fleet"), &many, modules);

    // Start-up, after a warm-up run that also lets the app settle its data dir; the three
    // alternate, each with the page cache dropped first when we may.
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for data in [&data, &many] {
        let _ = start_time(&app, &display.name, data);
    }
    let _ = start_time(&empty, &display.name, &data);
    let mut cold = true;
    let (mut starts, mut starts_many, mut empty_starts) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        cold &= drop_page_cache();
        starts.push(ms(start_time(&app, &display.name, &data)));
        cold &= drop_page_cache();
        starts_many.push(ms(start_time(&app, &display.name, &many)));
        cold &= drop_page_cache();
        empty_starts.push(ms(start_time(&empty, &display.name, &data)));
    }

    // Memory, each figure next to an empty window measured the same way. Spawned directly:
    // the empty window, and DLIS Learn on its catalogue.
    let mut empties = Vec::new();
    let mut catalogues = Vec::new();
    for _ in 0..runs.min(3) {
        let running = spawn(&empty, &display.name, &data);
        std::thread::sleep(Duration::from_secs(4));
        empties.push(tree_pss_mb(running.0.id(), "empty window, spawned"));
        drop(running);
        let running = spawn(&app, &display.name, &data);
        std::thread::sleep(Duration::from_secs(4));
        catalogues.push(tree_pss_mb(running.0.id(), "DLIS Learn, catalogue, spawned"));
    }

    // Under WebDriver, which playing the capsule like a learner needs (WebKit's automation
    // adds its own memory to both): the empty window, and DLIS Learn with the capsule playing.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut driven_empties = Vec::new();
    let mut playing = Vec::new();
    for _ in 0..runs.min(3) {
        let pss = runtime.block_on(async {
            let window = App::start_program(&display, &empty, &[]).await;
            tokio::time::sleep(Duration::from_secs(4)).await;
            let pid = pid_of("empty_window").expect("the empty window's pid");
            let pss = tree_pss_mb(pid, "empty window, WebDriver");
            window.close().await;
            pss
        });
        driven_empties.push(pss);
        let pss = runtime.block_on(async {
            let app = App::start(&display, &data, &samples).await;
            app.find("[data-testid=module-list]").await;
            app.js("location.hash = '#/video/dlis.faire-avec/capsule';").await;
            app.find("[data-testid=video]").await;
            app.js("const v = document.querySelector('[data-testid=video]'); v.muted = true; v.play();")
                .await;
            tokio::time::sleep(Duration::from_secs(5)).await;
            let pid = pid_of("dlis-learn").expect("the app's pid");
            let pss = tree_pss_mb(pid, "DLIS Learn, capsule playing, WebDriver");
            app.close().await;
            pss
        });
        playing.push(pss);
    }

    let size = std::fs::metadata(&app).unwrap().len() as f64 / (1024.0 * 1024.0);
    let start = median(starts);
    let (start_many, start_empty) = (median(starts_many), median(empty_starts));
    let (floor, catalogue) = (median(empties), median(catalogues));
    let (driven_floor, ours) = (median(driven_empties), median(playing));
    println!("\nDLIS Learn desktop app, release build, Xvfb 1280x800, median of {runs} run(s).\n");
    println!("| measure | DLIS Learn | floor measured in the same run | ratio | target |");
    println!("|---|---|---|---|---|");
    let cache = if cold { "cold page cache" } else { "warm page cache" };
    println!(
        "| start to catalogue shown, 3 modules ({cache}) | {start:.0} ms | empty Tauri window, start to its page loaded: {start_empty:.0} ms | {:.2}x | within 1.5x, under 1500 ms |",
        start / start_empty
    );
    println!(
        "| start to catalogue shown, {modules} modules ({cache}) | {start_many:.0} ms | 3 modules: {start:.0} ms | {:.2}x | |",
        start_many / start
    );
    println!(
        "| memory (PSS, process tree), catalogue shown | {catalogue:.0} MB | empty Tauri window: {floor:.0} MB | {:.2}x | |",
        catalogue / floor
    );
    println!(
        "| memory (PSS, process tree), capsule playing, both under WebDriver | {ours:.0} MB | empty Tauri window: {driven_floor:.0} MB | {:.2}x | within 1.3x |",
        ours / driven_floor
    );
    println!("| release binary size | {size:.1} MB | | | under 15 MB |");
}
