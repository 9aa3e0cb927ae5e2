#!/usr/bin/env bash
# The core on Windows, tested on this Linux machine: cross-builds `dlis.exe` (and the crash
# test's writer) for x86_64-pc-windows-gnu with Debian's mingw-w64, runs the core's unit tests
# under Wine, then runs the integration tests natively with every `dlis` they start being
# `dlis.exe` under Wine (tests/integration/support.rs: `program`). Ralph and the fault proxy run
# natively on loopback, which the Windows program reaches.
# Installs what it needs (rustup target, mingw-w64, wine64), idempotently. Used by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/windows-env.sh

# One Wine session for the whole run: without a persistent wineserver, every `dlis.exe` that
# starts after the previous one ended boots Wine's services again (about 9 s each).
/usr/lib/wine/wineserver -p 2>/dev/null || true # (exit 2: one is running already)
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true' EXIT
# Boot the session's services now, detached: started by the first test's dlis.exe, they would
# inherit its output pipe and keep it open, and the test would wait for its end forever.
"$DLIS_TEST_WINE" wineboot </dev/null >/dev/null 2>&1 || true

echo "== Windows: cross-build (x86_64-pc-windows-gnu)"
cargo build --locked --target "$WINDOWS_TARGET" --bin dlis --example event_writer
build="$CARGO_TARGET_DIR/$WINDOWS_TARGET/debug"

echo "== Windows: core unit tests under Wine"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$DLIS_TEST_WINE" cargo test --locked --target "$WINDOWS_TARGET" --lib

echo "== Windows: integration tests against dlis.exe under Wine"
DLIS_TEST_WINDOWS_BUILD="$build" cargo test --locked --test integration -- --test-threads 2
