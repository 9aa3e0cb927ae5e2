#!/usr/bin/env bash
# Runs every check of the project: formatting, lints, unit and integration tests of the core,
# and the desktop app's tests, which drive the real window through WebDriver (under Xvfb when
# there is no display).
# Installs what the tests need first (see scripts/setup.sh). Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh test
# The xAPI tests talk to a real Ralph LRS: make (or reuse) its Python venv now.
export DLIS_LRS_VENV="${DLIS_LRS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/ralph-venv}"
bash scripts/lrs-venv.sh >/dev/null

echo "== lint GitHub workflows (actionlint, shellcheck)"
bash scripts/lint-workflows.sh
bash scripts/lint-workflows.sh --self-test

echo "== ui: JavaScript syntax (a syntax error in one module blanks the whole window)"
find ui -name '*.js' -not -path 'ui/vendor/*' -print0 | while IFS= read -r -d '' file; do
  node --input-type=module --check <"$file" || { echo "syntax error in $file" >&2; exit 1; }
done

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
# The core without `native` is what the LMS player builds for WebAssembly: it must stay clean too.
cargo clippy --locked -p dlis-learn --no-default-features --lib -- -D warnings
echo "== cargo test (core and dlis tool)"
cargo test --locked
echo "== LMS player's rules: the core built for WebAssembly answers as the native core"
bash scripts/player-rules.sh >/dev/null
# Windows: dlis.exe cross-built with mingw, the core's tests run against it under Wine.
bash scripts/wine-test.sh
echo "== cargo test (desktop app, UI in a real window)"
cargo test --locked -p dlis-learn-app
# The packages, made from the debug builds above and tried as users would: the Windows
# installer and portable zip under Wine, the .deb installed with apt-get and started.
echo "== Windows packages"
DLIS_PACKAGE_PROFILE=debug bash scripts/windows-package-test.sh
echo "== .deb"
DLIS_PACKAGE_PROFILE=debug bash scripts/deb-test.sh
