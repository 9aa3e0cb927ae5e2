#!/usr/bin/env bash
# The Windows packages, tried as far as this machine can: makes them (scripts/package.sh
# windows), then scripts/windows-package-test.py installs, checks and uninstalls them under Wine
# and reads their version resources. The app's window is not started: WebView2 does not run
# under Wine.
#   DLIS_PACKAGE_PROFILE   release (default for packages) or debug (what the test command uses)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
source scripts/windows-env.sh
need_debian_packages windows-package-test python3-pefile # (sourced by windows-env.sh)
dist=$(bash scripts/package.sh windows | tail -n 1)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -n 1)
suffix=""
[ -z "${DLIS_NO_SAMPLES:-}" ] || suffix="-no-samples"
echo "== Windows packages: install, check and uninstall under Wine" >&2
/usr/bin/python3 scripts/windows-package-test.py \
  "$dist/DLIS-Learn_${version}_windows-x64-setup$suffix.exe" \
  "$dist/DLIS-Learn_${version}_windows-x64-portable$suffix.zip" \
  "$version" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
