# Sourced: what cross-building for Windows and running Windows programs under Wine needs on
# Debian 12, installed if missing (idempotent, non-interactive), and the environment for it:
#   WINDOWS_TARGET     x86_64-pc-windows-gnu
#   CARGO_TARGET_DIR   shared with the native builds (default: target/)
#   DLIS_TEST_WINE     a `wine` that runs one program in this run's private prefix
#   WINEPREFIX         that prefix, made once per machine under the build cache
# The test-only ProcessPrng shim (scripts/wine/bcryptprimitives.c, see ../shared/windows-notes.md
# for why Wine 8 needs it) is built with mingw and put in the prefix's system32: it never goes
# near a package.

WINDOWS_TARGET=x86_64-pc-windows-gnu
export WINDOWS_TARGET
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

source "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
need_debian_packages windows-env mingw-w64 wine64 nsis
if ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
  echo "windows-env: adding the Rust target $WINDOWS_TARGET" >&2
  rustup target add "$WINDOWS_TARGET" >&2
fi

# One prefix per machine, made on first use (about 6 s) and reused: it holds nothing of the
# tests, which use their own temporary folders.
export WINEPREFIX="${DLIS_WINEPREFIX:-$CARGO_TARGET_DIR/wine-prefix}"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono/Gecko download prompts
DLIS_TEST_WINE=/usr/lib/wine/wine64
export DLIS_TEST_WINE
shim="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
if [ ! -f "$shim" ] || [ scripts/wine/bcryptprimitives.c -nt "$shim" ]; then
  if [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
    echo "windows-env: making the Wine prefix $WINEPREFIX" >&2
    "$DLIS_TEST_WINE" wineboot --init >/dev/null 2>&1 || true
    /usr/lib/wine/wineserver -w || true
  fi
  x86_64-w64-mingw32-gcc -shared -O2 -o "$shim" scripts/wine/bcryptprimitives.c -ladvapi32
fi
