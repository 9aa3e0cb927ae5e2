#!/usr/bin/env bash
# The .deb, tried as a Linux user would: makes it (scripts/package.sh deb), installs it with
# apt-get, starts the installed /usr/bin/dlis-learn under Xvfb through WebDriver with an empty
# home directory (src-tauri/tests/ui/package.rs), then removes the package.
#   DLIS_PACKAGE_PROFILE   release (default for packages) or debug (what the test command uses,
#                          to package the build the UI tests made)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if dpkg-query -W -f='${Status}' dlis-learn 2>/dev/null | grep -q "install ok installed"; then
  if [ "${CI:-}" = true ]; then
    echo "deb-test: removing dlis-learn left installed by an earlier, interrupted run" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq dlis-learn >/dev/null
  else
    echo "deb-test: dlis-learn is installed on this machine already; remove it first (apt-get remove dlis-learn)" >&2
    exit 1
  fi
fi
dist=$(bash scripts/package.sh deb | tail -n 1)
deb=$(ls -t "$dist"/dlis-learn_*_amd64.deb | head -n 1)
echo "== .deb: apt-get install $deb" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
trap '$sudo apt-get remove -y -qq dlis-learn >/dev/null' EXIT
# What the package holds and asks for.
depends=$(dpkg-query -W -f='${Depends}' dlis-learn)
for want in libwebkit2gtk-4.1-0 gstreamer1.0-plugins-good gstreamer1.0-libav; do
  [[ ",$depends," == *", $want,"* || ",$depends," == *",$want,"* ]] || { echo "deb-test: Depends lacks $want: $depends" >&2; exit 1; }
done
files=$(dpkg -L dlis-learn)
for want in /usr/bin/dlis-learn /usr/bin/dlis "/usr/share/applications/DLIS Learn.desktop" /usr/share/doc/dlis-learn/LICENSE \
  /usr/share/icons/hicolor/{32x32,64x64,128x128,256x256}/apps/dlis-learn.png \
  /usr/share/dlis-learn/modules/{faire-avec,ethique-mediation,exclusion-numerique,agilite-numerique}.zip; do
  grep -qxF "$want" <<<"$files" || { echo "deb-test: the package lacks $want" >&2; exit 1; }
done
desktop="/usr/share/applications/DLIS Learn.desktop"
grep -qx "Exec=dlis-learn" "$desktop" && grep -qx "Icon=dlis-learn" "$desktop" && grep -q "^Categories=Education;" "$desktop" ||
  { echo "deb-test: unexpected desktop entry:" >&2; cat "$desktop" >&2; exit 1; }
/usr/bin/dlis --version
env -u DLIS_DATA_DIR -u DLIS_SAMPLE_MODULES DLIS_TEST_INSTALLED_APP=/usr/bin/dlis-learn \
  cargo test --locked -p dlis-learn-app --test ui -- --ignored --exact \
  package::the_installed_package_starts_in_an_empty_home_with_the_sample_modules
$sudo apt-get remove -y -qq dlis-learn >/dev/null
trap - EXIT
if [ -e /usr/bin/dlis-learn ]; then echo "deb-test: /usr/bin/dlis-learn is still there after apt-get remove" >&2; exit 1; fi
echo "deb-test: installed, started with the sample modules, removed" >&2
