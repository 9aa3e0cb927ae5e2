#!/usr/bin/env bash
# Builds DLIS Learn's packages on this Debian machine, offline:
#   DLIS-Learn_<version>_windows-x64-setup.exe   NSIS installer, per user, no administrator rights
#   DLIS-Learn_<version>_windows-x64-portable.zip  runs from a folder or a USB stick
#   dlis-learn_<version>_amd64.deb               Debian/Ubuntu package (tauri-cli's bundler)
# each with the sample modules of modules/ (packed by `dlis pack`). Written to
# "$CARGO_TARGET_DIR/dist" (default target/dist; target/dist-debug for debug builds), whose
# path is printed last.
#   scripts/package.sh            all three
#   scripts/package.sh windows    the installer and the portable zip
#   scripts/package.sh deb        the .deb
#   DLIS_NO_SAMPLES=1             without the sample modules (to measure the app alone)
#   DLIS_PACKAGE_PROFILE=debug    package the debug build (the tests do, to reuse the build of
#                                 the UI tests instead of compiling Tauri once more)
# Installs what it needs (mingw-w64, nsis, the Rust Windows target, tauri-cli from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
case "$what" in all | windows | deb) ;; *) echo "usage: scripts/package.sh [windows|deb]" >&2; exit 2 ;; esac
source scripts/setup.sh ""
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -n 1)
profile="${DLIS_PACKAGE_PROFILE:-release}"
case "$profile" in
  release) cargo_profile=(--release) ;;
  debug) cargo_profile=() ;;
  *) echo "package: DLIS_PACKAGE_PROFILE is release or debug" >&2; exit 2 ;;
esac
dist="$CARGO_TARGET_DIR/dist"
[ "$profile" = release ] || dist="$CARGO_TARGET_DIR/dist-$profile" # never mixed with releases
work="$CARGO_TARGET_DIR/package"
mkdir -p "$dist"

# The sample modules, packed by the native `dlis` (deterministic: the same sources give the
# same bytes on every machine).
samples="$work/modules"
rm -rf "$samples"
mkdir -p "$samples"
# The native programs. A debug package takes the builds the tests made: `cargo test` unifies
# the dev-dependencies' features, so a `cargo build` would compile Tauri once more.
if [ "$profile" = debug ]; then
  cargo test --locked --no-run --quiet
  cargo test --locked --no-run --quiet -p dlis-learn-app
else
  cargo build --locked --release -p dlis-learn --bin dlis
  [ "$what" = windows ] || cargo build --locked --release -p dlis-learn-app --bin dlis-learn
fi
if [ -z "${DLIS_NO_SAMPLES:-}" ]; then
  for src in modules/*/; do
    [ -f "$src/module.json" ] || continue
    "$CARGO_TARGET_DIR/$profile/dlis" pack "$src" -o "$samples/$(basename "$src").zip" >/dev/null
  done
fi
suffix=""
[ -z "${DLIS_NO_SAMPLES:-}" ] || suffix="-no-samples"

if [ "$what" != deb ]; then
  source scripts/windows-env.sh
  echo "package: building the Windows app and dlis.exe ($profile)" >&2
  cargo build --locked "${cargo_profile[@]}" --target "$WINDOWS_TARGET" -p dlis-learn-app --bin dlis-learn -p dlis-learn --bin dlis
  built="$CARGO_TARGET_DIR/$WINDOWS_TARGET/$profile"
  stage="$work/windows"
  rm -rf "$stage"
  mkdir -p "$stage/modules"
  cp "$built/dlis-learn.exe" "$built/dlis.exe" "$stage/"
  # The WebView2 loader: linked statically with MSVC, a DLL beside the program with mingw.
  loader=$(find "$built/build" -path '*webview2-com-sys*/x64/WebView2Loader.dll' 2>/dev/null | head -n 1)
  if [ -n "$loader" ]; then
    cp "$loader" "$stage/"
    cp src-tauri/windows/WebView2Loader-LICENSE.txt "$stage/"
  fi
  cp "$samples"/*.zip "$stage/modules/" 2>/dev/null || true
  cp src-tauri/windows/README.txt "$stage/README.txt"
  cp LICENSE "$stage/LICENSE.txt"

  setup="$dist/DLIS-Learn_${version}_windows-x64-setup$suffix.exe"
  makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$setup" \
    -DICON="$PWD/src-tauri/icons/icon.ico" src-tauri/windows/installer.nsi >&2

  # The portable copy: the same files and the marker that keeps the data beside them.
  portable="$dist/DLIS-Learn_${version}_windows-x64-portable$suffix.zip"
  cp src-tauri/windows/portable.txt "$stage/portable.txt"
  rm -f "$portable"
  (cd "$work" && rm -rf "DLIS Learn" && mv windows "DLIS Learn" &&
    python3 - "$portable" "DLIS Learn" <<'EOF'
import os, sys, zipfile
# Sorted entries and a fixed date: the same files make the same zip.
out, root = sys.argv[1], sys.argv[2]
paths = sorted(os.path.join(d, f) for d, _, files in os.walk(root) for f in files)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for path in paths:
        info = zipfile.ZipInfo(path.replace(os.sep, "/"), date_time=(2026, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        kind = zipfile.ZIP_STORED if path.endswith(".zip") else zipfile.ZIP_DEFLATED
        with open(path, "rb") as f:
            z.writestr(info, f.read(), compress_type=kind)
EOF
  )
  rm -rf "$work/DLIS Learn"
  echo "package: $setup" >&2
  echo "package: $portable" >&2
fi

if [ "$what" != windows ]; then
  echo "package: the .deb of the Linux app ($profile)" >&2
  bash scripts/deb.sh "$CARGO_TARGET_DIR/$profile/dlis-learn" "$samples" "$dist" "$suffix"
fi
echo "$dist"
