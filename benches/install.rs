//! Installing and validating a large bundle, against the floor set by the machine itself:
//! `cp` of the same file plus `sha256sum` of the copy, measured in the same run.
//!
//! `cargo bench --bench install` (size: `DLIS_BENCH_MB`, default 500; runs: `DLIS_BENCH_RUNS`,
//! default 5). Prints medians and ratios as a Markdown table for the README. With
//! `DLIS_BENCH_WINDOWS_EXE` (`scripts/bench-windows.sh`), also `dlis.exe install` under Wine
//! next to the Linux `dlis install`.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[path = "support/large.rs"]
mod large;
#[path = "support/timing.rs"]
mod timing;

use timing::{env_number, median, sh, timed};

use dlis::Library;
use dlis::bundle::{self, Limits, pack};
use dlis::progress::Silent;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks benches to list their tests; there are none
    }
    let megabytes = env_number("DLIS_BENCH_MB", 500);
    let runs = env_number("DLIS_BENCH_RUNS", 5);
    let dir = tempfile::Builder::new().prefix("dlis-bench-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let (src, bundle) = (dir.path().join("src"), dir.path().join("large.zip"));
    large::write_source(&src, megabytes);
    let limits = Limits::default();
    let pack_time = timed(|| {
        pack::pack(&src, &bundle, &limits, &Silent).unwrap();
    });
    fs::remove_dir_all(&src).unwrap();
    let size = fs::metadata(&bundle).unwrap().len();
    let copy = dir.path().join("copy.zip");
    sh("cat", &[&bundle]); // warm the page cache for every contender alike

    let cp_hash = median(runs, || {
        let _ = fs::remove_file(&copy);
        timed(|| {
            sh("cp", &[&bundle, &copy]);
            sh("sha256sum", &[&copy]);
        })
    });
    let cp_sync_hash = median(runs, || {
        let _ = fs::remove_file(&copy);
        timed(|| {
            sh("cp", &[&bundle, &copy]);
            sh("sync", &[&copy]);
            sh("sha256sum", &[&copy]);
        })
    });
    let hash_only = median(runs, || timed(|| sh("sha256sum", &[&bundle])));
    // Debian's sha256sum does not use the CPU's SHA instructions; OpenSSL does, like the
    // sha2 crate. It is the stronger baseline, measured when openssl is installed.
    let openssl = Command::new("openssl").arg("version").output().is_ok_and(|o| o.status.success());
    let cp_openssl = openssl.then(|| {
        median(runs, || {
            let _ = fs::remove_file(&copy);
            timed(|| {
                sh("cp", &[&bundle, &copy]);
                sh("openssl", &[Path::new("dgst"), Path::new("-sha256"), &copy]);
            })
        })
    });
    let install = median(runs, || {
        let data = dir.path().join("data");
        let _ = fs::remove_dir_all(&data);
        let library = Library::new(&data);
        timed(|| {
            library.install(&bundle, false, &Silent).unwrap();
        })
    });
    let validate = median(runs, || {
        timed(|| {
            assert!(bundle::validate(&bundle, &limits, &Silent).is_valid());
        })
    });

    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let ratio = |a: Duration, b: Duration| format!("{:.2}x", a.as_secs_f64() / b.as_secs_f64());
    println!(
        "\nBundle: {:.0} MB (STORED video), {runs} runs each, medians, page cache warm.\n",
        size as f64 / 1048576.0
    );
    println!("| operation | time | ratio |");
    println!("|---|---|---|");
    println!("| baseline: `cp` + `sha256sum` of the copy | {} | 1.00x |", ms(cp_hash));
    println!(
        "| baseline: `cp` + `sync` + `sha256sum` | {} | {} |",
        ms(cp_sync_hash),
        ratio(cp_sync_hash, cp_hash)
    );
    println!(
        "| `dlis install` (copy, fsync, verify every hash, rename) | {} | {} (vs cp+sync+hash: {}) |",
        ms(install),
        ratio(install, cp_hash),
        ratio(install, cp_sync_hash)
    );
    if let Some(cp_openssl) = cp_openssl {
        println!(
            "| baseline: `cp` + `openssl dgst -sha256` (SHA instructions) | {} | {} |",
            ms(cp_openssl),
            ratio(cp_openssl, cp_hash)
        );
        println!("| `dlis install` vs `cp` + `openssl dgst -sha256` | | {} |", ratio(install, cp_openssl));
    }
    println!("| baseline: `sha256sum` of the bundle | {} | 1.00x |", ms(hash_only));
    println!(
        "| `dlis validate` (every check, every hash) | {} | {} |",
        ms(validate),
        ratio(validate, hash_only)
    );
    println!("| `dlis pack` (hash + write, for reference) | {} | |", ms(pack_time));

    if let Some(exe) = std::env::var_os("DLIS_BENCH_WINDOWS_EXE") {
        windows_next_to_linux(Path::new(&exe), &bundle, dir.path(), runs);
    }
}

/// `dlis.exe install` under Wine next to the native `dlis install` of the same bundle, both
/// started as programs in this run (`scripts/bench-windows.sh` sets the environment).
fn windows_next_to_linux(exe: &Path, bundle: &Path, dir: &Path, runs: u64) {
    let wine = std::env::var_os("DLIS_BENCH_WINE").unwrap_or_else(|| "wine".into());
    let install_with = |program: &mut dyn FnMut() -> Command| {
        median(runs, || {
            let data = dir.join("data-program");
            let _ = fs::remove_dir_all(&data);
            let mut command = program();
            command
                .arg("install")
                .arg(bundle)
                .env("DLIS_DATA_DIR", &data)
                .stdout(std::process::Stdio::null());
            timed(|| assert!(command.status().unwrap().success(), "{command:?} failed"))
        })
    };
    let linux = install_with(&mut || Command::new(env!("CARGO_BIN_EXE_dlis")));
    let windows = install_with(&mut || {
        let mut command = Command::new(&wine);
        command.arg(exe);
        command
    });
    println!("\n| program | `install` of the same bundle | ratio |");
    println!("|---|---|---|");
    println!("| `dlis` (Linux) | {:.0} ms | 1.00x |", linux.as_secs_f64() * 1000.0);
    println!(
        "| `dlis.exe` under Wine | {:.0} ms | {:.2}x |",
        windows.as_secs_f64() * 1000.0,
        windows.as_secs_f64() / linux.as_secs_f64()
    );
}
