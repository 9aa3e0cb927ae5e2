#!/usr/bin/env bash
# The install benchmark (benches/install.rs) with `dlis.exe install` under Wine next to the
# Linux `dlis install` of the same 500 MB bundle, in the same run. Release builds for both.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
source scripts/windows-env.sh
cargo build --locked --release --target "$WINDOWS_TARGET" --bin dlis
/usr/lib/wine/wineserver -p 2>/dev/null || true
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true' EXIT
DLIS_BENCH_WINDOWS_EXE="$CARGO_TARGET_DIR/$WINDOWS_TARGET/release/dlis.exe" DLIS_BENCH_WINE="$DLIS_TEST_WINE" \
  cargo bench --locked --bench install
