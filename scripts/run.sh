#!/usr/bin/env bash
# Installs what is missing, builds DLIS Learn, packs the sample modules of modules/ and starts
# the desktop app, which installs them on its first start.
#   DLIS_DATA_DIR   another data directory than the platform's default
#   DLIS_NO_APP=1   stop after packing (pack, install and list the samples with the `dlis` tool)
# The build uses the same (debug, dependencies optimised) profile as the tests, so that the
# machine compiles Tauri once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

target="${CARGO_TARGET_DIR:-target}"
cargo build --locked --bin dlis
out="$target/modules"
mkdir -p "$out"
for src in modules/*/; do
  [ -f "$src/module.json" ] || continue
  "$target/debug/dlis" pack "$src" -o "$out/$(basename "$src").zip" >/dev/null
done
echo "sample modules packed in $out"

if [ -n "${DLIS_NO_APP:-}" ]; then
  for bundle in "$out"/*.zip; do "$target/debug/dlis" install "$bundle"; done
  "$target/debug/dlis" list
  exit 0
fi

cargo build --locked -p dlis-learn-app
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display; starting the app under a virtual X server (xvfb-run)" >&2
  exec env DLIS_SAMPLE_MODULES="$out" xvfb-run -a -s "-screen 0 1280x800x24" "$target/debug/dlis-learn"
fi
exec env DLIS_SAMPLE_MODULES="$out" "$target/debug/dlis-learn"
