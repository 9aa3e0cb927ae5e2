#!/usr/bin/env bash
# Runs Tauri's command-line tool (`tauri icon`, `tauri bundle`), installing it first if needed:
# the npm package @tauri-apps/cli, which ships tauri-cli prebuilt for Linux (the same program
# as the crates.io `tauri-cli`, without 10 minutes of compiling it on two cores). Idempotent;
# the install lives outside the repository, in the cache folder:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/tauri-cli
set -euo pipefail
version=2.12.5 # the version of the tauri crates in Cargo.lock
dir="${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/tauri-cli"
bin="$dir/node_modules/.bin/tauri"
if [ ! -x "$bin" ] || [ "$(cat "$dir/.version" 2>/dev/null)" != "$version" ]; then
  echo "tauri-cli: installing @tauri-apps/cli $version (npm)" >&2
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund --no-save "@tauri-apps/cli@$version" >&2)
  echo "$version" >"$dir/.version"
fi
exec "$bin" "$@"
