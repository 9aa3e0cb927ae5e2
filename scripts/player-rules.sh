#!/usr/bin/env bash
# Builds the LMS player's rules (player/rules: the core's quiz engine and completion rules) for
# WebAssembly, shrinks them with binaryen's wasm-opt, prints their size, and checks that the
# .wasm answers every request of a session in the three samples exactly as the native core
# (player/rules/tests/wasm.rs, run by Node.js). Installs what it needs once: the Rust target
# wasm32-unknown-unknown (rustup) and Debian's binaryen. Prints the .wasm's path last.
#
# `dlis lms-export` puts player/rules.wasm and player/LICENSES.md (the licences of the crates
# built into it), which are committed, into each package: this script fails when they are not
# what the sources build (as rust-analyzer's generated-code tests
# do), and `scripts/player-rules.sh --update` writes it anew.
#   CARGO_TARGET_DIR   the shared target directory (default: target)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian-packages.sh

log() { echo "player-rules: $*" >&2; }

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown >&2
need_debian_packages "the LMS player's rules" binaryen >&2

update=false
[ "${1:-}" = "--update" ] && update=true

target="${CARGO_TARGET_DIR:-target}"
# The same bytes on every machine: no home directory in the panic messages' paths.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=$PWD=/dlis"
cargo build --locked --profile player -p dlis-player-rules --target wasm32-unknown-unknown >&2
built="$target/wasm32-unknown-unknown/player/dlis_player_rules.wasm"
out="$target/player/rules.wasm"
mkdir -p "$(dirname "$out")"
# Rust's wasm32 target emits bulk-memory, sign-extension and non-trapping float-to-int
# instructions, which current browsers all run; binaryen 108 needs telling.
wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-mutable-globals --strip-debug --strip-producers "$built" -o "$out"
log "$out: $(stat -c %s "$out") bytes, $(gzip -9 -c "$out" | wc -c) compressed"
DLIS_PLAYER_RULES_WASM="$(cd "$(dirname "$out")" && pwd)/rules.wasm" \
  cargo test --locked -q -p dlis-player-rules --test wasm -- --nocapture >&2
# The licences of what is built into it, which the package carries beside it.
licenses="$target/player/LICENSES.md"
cargo tree --locked -p dlis-player-rules --target wasm32-unknown-unknown -e normal,no-proc-macro --prefix none \
  > "$target/player/crates.txt"
python3 scripts/player-licenses.py "$target/player/crates.txt" < ui/licenses/third-party.json > "$licenses"
if $update; then
  cp "$out" player/rules.wasm
  cp "$licenses" player/LICENSES.md
  log "player/rules.wasm and player/LICENSES.md written"
else
  for file in rules.wasm LICENSES.md; do
    built="$out"
    [ "$file" = LICENSES.md ] && built="$licenses"
    if ! cmp -s "$built" "player/$file"; then
      log "player/$file is not what the sources build: run scripts/player-rules.sh --update and commit it"
      exit 1
    fi
  done
fi
echo "$out"
