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
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    source "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
    need_debian_packages tauri-cli nodejs npm
  fi
  echo "tauri-cli: installing @tauri-apps/cli $version (npm)" >&2
  mkdir -p "$dir"
  # --prefix: npm would otherwise install into any parent folder holding a package.json.
  npm install --prefix "$dir" --silent --no-audit --no-fund --no-save --no-package-lock \
    "@tauri-apps/cli@$version" >&2
  [ -x "$bin" ] || { echo "tauri-cli: npm finished but $bin is missing" >&2; exit 1; }
  echo "$version" >"$dir/.version"
fi
exec "$bin" "$@"
