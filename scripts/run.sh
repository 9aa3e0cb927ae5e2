#!/usr/bin/env bash
# Builds DLIS Learn, packs the sample modules of modules/ and installs them, then lists them.
# (The desktop app is not there yet; until it is, this is the trainer's command-line session.)
# Set DLIS_DATA_DIR to use another data directory than the platform's default.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

cargo build --release --locked --bin dlis
dlis="${CARGO_TARGET_DIR:-target}/release/dlis"
out="${CARGO_TARGET_DIR:-target}/modules"
mkdir -p "$out"
for src in modules/*/; do
  [ -f "$src/module.json" ] || continue
  name=$(basename "$src")
  "$dlis" pack "$src" -o "$out/$name.zip"
  "$dlis" install "$out/$name.zip"
done
"$dlis" list
