//! Exporting a module for an LMS (`dlis lms-export`), against copying its bundle (`cp`, and
//! `cp` + `sha256sum`, since an export checks the whole bundle first), measured in the same
//! run: the three samples, and a module with a large capsule. Also the size of the player's
//! code in a package (target: under 300 KB, video aside).
//!
//! `cargo bench --bench lms_export` (capsule size: `DLIS_BENCH_MB`, default 500; runs:
//! `DLIS_BENCH_RUNS`, default 5). Prints medians and ratios as Markdown tables for the README.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

#[path = "support/large.rs"]
mod large;
#[path = "support/timing.rs"]
mod timing;

use timing::{env_number, median, sh, timed};

use dlis::bundle::{Limits, pack};
use dlis::lms::package::{Format, export};
use dlis::progress::Silent;

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn ratio(a: Duration, b: Duration) -> String {
    format!("{:.2}x", a.as_secs_f64() / b.as_secs_f64())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks benches to list their tests; there are none
    }
    let megabytes = env_number("DLIS_BENCH_MB", 500);
    let runs = env_number("DLIS_BENCH_RUNS", 5);
    let dir = tempfile::Builder::new().prefix("dlis-bench-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let limits = Limits::default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bundles = Vec::new();
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let bundle = dir.path().join(format!("{name}.zip"));
        pack::pack(&root.join("modules").join(name), &bundle, &limits, &Silent).unwrap();
        bundles.push((name.to_owned(), bundle));
    }
    let src = dir.path().join("large");
    large::write_source(&src, megabytes);
    let large_bundle = dir.path().join("large.zip");
    pack::pack(&src, &large_bundle, &limits, &Silent).unwrap();
    fs::remove_dir_all(&src).unwrap();
    bundles.push((format!("a {megabytes} MB capsule"), large_bundle));

    println!("\n{runs} runs each, medians, page cache warm.\n");
    println!(
        "| module | bundle | `cp` | `cp` + `sha256sum` | SCORM 1.2 export | cmi5 export | export / `cp` | export / `cp` + `sha256sum` |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let copy = dir.path().join("copy.zip");
    let out = dir.path().join("out.zip");
    for (name, bundle) in &bundles {
        sh("cat", &[bundle]); // the page cache warm for every contender alike
        let size = fs::metadata(bundle).unwrap().len();
        let cp = median(runs, || {
            let _ = fs::remove_file(&copy);
            timed(|| sh("cp", &[bundle, &copy]))
        });
        let cp_hash = median(runs, || {
            let _ = fs::remove_file(&copy);
            timed(|| {
                sh("cp", &[bundle, &copy]);
                sh("sha256sum", &[&copy]);
            })
        });
        let run = |format: Format| {
            median(runs, || {
                let _ = fs::remove_file(&out);
                timed(|| {
                    export(bundle, format, &out, None, &limits, &Silent).unwrap();
                })
            })
        };
        let (scorm, cmi5) = (run(Format::Scorm12), run(Format::Cmi5));
        println!(
            "| {name} | {:.1} MB | {} | {} | {} | {} | {} | {} |",
            size as f64 / 1e6,
            ms(cp),
            ms(cp_hash),
            ms(scorm),
            ms(cmi5),
            ratio(scorm, cp),
            ratio(scorm, cp_hash)
        );
    }

    // The player's code in a package: every file but the module's content and the descriptor.
    let (name, bundle) = &bundles[0];
    let exported = export(bundle, Format::Scorm12, &out, None, &limits, &Silent).unwrap();
    let mut zip = zip::ZipArchive::new(fs::File::open(&out).unwrap()).unwrap();
    let (mut files, mut compressed, mut wasm, mut wasm_compressed) = (0, 0, 0, 0);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let path = entry.name().unwrap().to_string();
        if path.starts_with("content/") || path == "imsmanifest.xml" {
            continue;
        }
        files += 1;
        compressed += entry.compressed_size();
        if path.ends_with(".wasm") {
            (wasm, wasm_compressed) = (entry.size(), entry.compressed_size());
        }
        let mut sink = Vec::new();
        entry.read_to_end(&mut sink).unwrap();
    }
    println!("\nThe player's code in the package of {name}: {files} files.\n");
    println!("| | as written | as stored in the zip |");
    println!("|---|---|---|");
    println!(
        "| all of it (scripts, styles, 6 interface languages, rules) | {:.0} KB | {:.0} KB |",
        exported.player_size as f64 / 1e3,
        compressed as f64 / 1e3
    );
    println!(
        "| the rules (`rules.wasm`) | {:.0} KB | {:.0} KB |",
        wasm as f64 / 1e3,
        wasm_compressed as f64 / 1e3
    );
}
