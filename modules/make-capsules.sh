#!/usr/bin/env bash
# Build the narrated video capsules of the sample modules.
#
#   modules/make-capsules.sh [folder ...]
#
# Reads modules/capsules/<folder>.json (see modules/FORMAT-BRIEF.md, "Capsule script") and writes
# modules/<folder>/capsule/{capsule.webm,poster.png,capsule.<lang>.vtt,transcript.<lang>.md}, then sets
# duration_seconds of the video activity in modules/<folder>/module.json.
# Without arguments every modules/capsules/*.json is built. Exit status 1 if any capsule fails (bad script,
# tool error, or capsule.webm not under CAPSULE_MAX_BYTES even with the strongest encoder setting).
# Options passed through to make_capsules.py: --keep-work (keep slides/WAV/frames in a temp dir),
# --modules-dir DIR (build from DIR/capsules/*.json into DIR/<folder>/, e.g. for tests outside the repo).
#
# Needs (installed here when missing, Debian/Ubuntu): ffmpeg, espeak-ng, fonts-dejavu-core, python3-venv,
# plus a pinned Pillow wheel from PyPI in a cache venv outside the repository
# (${XDG_CACHE_HOME:-$HOME/.cache}/dlis-capsules-venv; override with DLIS_CAPSULES_VENV).
# Environment knobs (all optional): CAPSULE_VOICE_VARIANT (espeak-ng variant, default f3), CAPSULE_RATE
# (espeak-ng words per minute, default 155), CAPSULE_MAX_BYTES (default 3000000), CAPSULE_KEEP_WORK=1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pillow_version=11.3.0
venv=${DLIS_CAPSULES_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/dlis-capsules-venv}

log() { printf 'make-capsules: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

apt_updated=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "missing packages ($*) and no apt-get: install them by hand"
    export DEBIAN_FRONTEND=noninteractive
    if [ "$apt_updated" -eq 0 ]; then
        log "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    log "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

pkg_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [ "$status" = "install ok installed" ]
}

# --- system tools -------------------------------------------------------------------------------------
missing=()
{ command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; } || missing+=(ffmpeg)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] \
    || missing+=(fonts-dejavu-core)
if command -v dpkg-query >/dev/null 2>&1; then
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    pkg_installed python3-venv || missing+=(python3-venv)
fi
if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
fi
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null)  # captured first: `| grep -q` + pipefail = SIGPIPE
case $encoders in *libvpx-vp9*) ;; *) die "this ffmpeg has no libvpx-vp9 encoder" ;; esac
case $encoders in *libopus*) ;; *) die "this ffmpeg has no libopus encoder" ;; esac

# --- Python + pinned Pillow (a wheel bundles its own FreeType, so text rendering does not depend on the host) ---
# Prefer the distribution's interpreter: it is the one python3-venv belongs to.
if [ -x /usr/bin/python3 ]; then py=/usr/bin/python3; else py=$(command -v python3); fi
stamp="$venv/.dlis-pillow-$pillow_version"
if [ ! -x "$venv/bin/python" ] || [ ! -f "$stamp" ]; then
    log "preparing $venv (Pillow $pillow_version)"
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    "$py" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        --only-binary=:all: "Pillow==$pillow_version"
    touch "$stamp"
fi

# --- build ------------------------------------------------------------------------------------------------
exec "$venv/bin/python" "$here/make_capsules.py" --modules-dir "$here" "$@"
