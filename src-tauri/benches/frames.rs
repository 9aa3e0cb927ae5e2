//! Does the window stay responsive while a trainer installs a large module from the install
//! screen? Two figures, each next to the same figure with the app idle, measured in the same
//! run and the same window:
//! - the longest gap between two animation frames of the page (`requestAnimationFrame`);
//! - the longest answer time of a trivial command (`trainer_state`) called in a loop, which
//!   waits whenever the shell's main thread is busy.
//!
//! The busy part: the bundle's path goes to the install screen (inspected, then offered),
//! "Install" is pressed, and the measure ends when the screen says it is installed.
//!
//! `cargo bench -p dlis-learn-app --bench frames` (`DLIS_BENCH_MB`, default 500;
//! `DLIS_BENCH_RUNS`, default 3). Target: under 100 ms during the install.

#[allow(dead_code)] // each benchmark uses part of it
mod common;
#[path = "../tests/ui/driver.rs"]
#[allow(dead_code)]
mod driver;

use std::time::{Duration, Instant};

use common::median;
use driver::{App, Display};
use serde_json::json;

const TRAINER_PIN: &str = "246810";

/// Starts measuring in the page: frame gaps, and the answer time of a command in a loop.
const PROBE: &str = "
    window.__probe = { gap: 0, call: 0, on: true, frames: 0 };
    let last = performance.now();
    const frame = (t) => {
        if (!window.__probe.on) return;
        window.__probe.gap = Math.max(window.__probe.gap, t - last);
        window.__probe.frames += 1;
        last = t;
        requestAnimationFrame(frame);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(frame); });
    (async () => {
        while (window.__probe.on) {
            const start = performance.now();
            await window.__TAURI__.core.invoke('trainer_state');
            window.__probe.call = Math.max(window.__probe.call, performance.now() - start);
            await new Promise((r) => setTimeout(r, 20));
        }
    })();";

/// Stops the probe; returns (longest frame gap, longest command answer, frames) in ms.
async fn stop_probe(app: &App) -> (f64, f64, u64) {
    let probe = app.js("window.__probe.on = false; return window.__probe;").await;
    (probe["gap"].as_f64().unwrap(), probe["call"].as_f64().unwrap(), probe["frames"].as_u64().unwrap())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let number =
        |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let (megabytes, runs) = (number("DLIS_BENCH_MB", 500), number("DLIS_BENCH_RUNS", 3).max(1));
    let dir = tempfile::Builder::new()
        .prefix("dlis-frames-bench-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    let (data, samples) = common::prepared_data_dir(dir.path());
    dlis::store::Store::open(&data.join(dlis::store::FILE_NAME))
        .unwrap()
        .set_trainer_pin(None, TRAINER_PIN)
        .unwrap();
    let bundle = dir.path().join("large.zip");
    common::large_bundle(&dir.path().join("large"), megabytes, &bundle);
    let display = Display::get();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();

    let (mut idle, mut busy) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let measured = runtime.block_on(async {
            let app = App::start(&display, &data, &samples).await;
            app.find("[data-testid=module-list]").await;
            app.invoke("unlock_trainer", json!({ "pin": TRAINER_PIN })).await.unwrap();
            app.js("location.hash = '#/install';").await;
            app.find("[data-testid=install-drop-zone]").await;

            app.js(PROBE).await;
            tokio::time::sleep(Duration::from_secs(3)).await;
            let quiet = stop_probe(&app).await;

            app.js(PROBE).await;
            let start = Instant::now();
            let route = format!("location.hash = '#/install/' + encodeURIComponent({});", json!(bundle));
            app.js(&route).await;
            app.click("[data-testid=install-confirm]").await;
            let outcome = "const done = document.querySelector('[data-testid=install-success]');
                 const error = document.querySelector('[data-testid=install-error-message]');
                 return done ? 'installed' : error ? error.textContent : null;";
            let deadline = Instant::now() + Duration::from_secs(600);
            let said = loop {
                let said = app.js(outcome).await;
                if !said.is_null() || Instant::now() > deadline {
                    break said;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            };
            assert_eq!(said, json!("installed"), "the install did not succeed");
            let took = start.elapsed();
            let during = stop_probe(&app).await;
            app.close().await;
            // The next run installs it again from scratch.
            dlis::Library::new(&data).remove("bench.large").unwrap();
            eprintln!(
                "run {run}: idle gap {:.0} ms, call {:.0} ms; install {:.1} s: gap {:.0} ms, call {:.0} ms, {} frames",
                quiet.0,
                quiet.1,
                took.as_secs_f64(),
                during.0,
                during.1,
                during.2
            );
            (quiet, during, took)
        });
        idle.push(measured.0);
        busy.push((measured.1, measured.2));
    }
    let idle_gap = median(idle.iter().map(|m| m.0).collect());
    let idle_call = median(idle.iter().map(|m| m.1).collect());
    let busy_gap = median(busy.iter().map(|m| m.0.0).collect());
    let busy_call = median(busy.iter().map(|m| m.0.1).collect());
    let took = median(busy.iter().map(|m| m.1.as_secs_f64()).collect());
    println!("\nThe window while a {megabytes} MB bundle is inspected and installed from the install screen");
    println!("({took:.1} s), release build, Xvfb, median of {runs} run(s).\n");
    println!("| measure | installing | app idle, same run | target |");
    println!("|---|---|---|---|");
    println!("| longest gap between animation frames | {busy_gap:.0} ms | {idle_gap:.0} ms | under 100 ms |");
    println!("| longest answer of a trivial command | {busy_call:.0} ms | {idle_call:.0} ms | |");
}
