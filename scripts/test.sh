#!/usr/bin/env bash
# Runs every check of the project: formatting, lints, unit and integration tests.
# Installs what the tests need first (see scripts/setup.sh). Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh test

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --all-targets --locked
