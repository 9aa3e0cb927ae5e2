#!/usr/bin/env bash
# Installs what DLIS Learn needs on Debian 12, idempotently and without questions.
#   scripts/setup.sh          packages to build and run (the desktop app needs WebKitGTK)
#   scripts/setup.sh test     also what the test suite needs (WebDriver for the UI tests)
set -euo pipefail

# libwebkit2gtk-4.1-dev pulls GTK 3, libsoup 3 and GStreamer; gstreamer1.0-libav plays MP4
# (H.264/AAC) capsules, the base plugins already play WebM.
# xvfb runs the app (and its tests) on a machine without a display.
want=(build-essential pkg-config libwebkit2gtk-4.1-dev gstreamer1.0-plugins-good gstreamer1.0-libav xvfb xauth)
case "${1:-}" in
  # chromium and its driver: the LMS packages are tested in a browser, inside a test LMS page;
  # poppler-utils' pdftotext reads the attestations back.
  test) want+=(webkit2gtk-driver chromium chromium-driver poppler-utils) ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [test]" >&2; exit 2 ;;
esac

source "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
need_debian_packages setup "${want[@]}"

if ! command -v cargo >/dev/null; then
  for candidate in "$HOME/.cargo/bin" /usr/local/cargo/bin; do
    [ -x "$candidate/cargo" ] && export PATH="$candidate:$PATH"
  done
fi
if ! command -v cargo >/dev/null; then
  echo "setup: Rust is not installed. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

# The UI tests drive the app through WebDriver: tauri-driver (crates.io) in front of Debian's
# WebKitWebDriver.
if [ "${1:-}" = "test" ] && ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver" >&2
  cargo install tauri-driver --locked --version 2.1.0 --quiet
fi
