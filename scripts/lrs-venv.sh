#!/usr/bin/env bash
# Makes (once) the tests' Python venv and prints its path as the last line of stdout. It holds
# Ralph, the xAPI Learning Record Store the tests talk to; imageio-ffmpeg (an ffmpeg with libx264,
# for the UI test that plays an MP4 capsule: Debian's GStreamer has no H.264 encoder); and
# translate-toolkit (a translation library that reads and writes the XLIFF of `dlis translate`). Idempotent, non-interactive, safe to run from
# several tests at once (a lock serialises them). Everything but the path goes to stderr.
#   DLIS_LRS_VENV     venv path (default ${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/ralph-venv)
#   DLIS_LRS_PYTHON   interpreter that creates it (default: python3 on PATH, then /usr/bin/python3)
set -euo pipefail

requirement='ralph-malph[cli,lrs]==5.1.0 requests imageio-ffmpeg==0.8.1 translate-toolkit==3.20.4'
venv="${DLIS_LRS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/ralph-venv}"
marker="$venv/.dlis-lrs-requirement"

log() { echo "lrs-venv: $*" >&2; }

# True when the venv runs and holds exactly what we want.
installed() {
  [ -x "$venv/bin/python" ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$requirement" ] &&
    "$venv/bin/python" - <<'EOF' 2>/dev/null
import importlib.metadata as m, sys
sys.exit(0 if m.version("ralph-malph") == "5.1.0" and m.version("requests")
         and m.version("imageio-ffmpeg") == "0.8.1"
         and m.version("translate-toolkit") == "3.20.4" else 1)
EOF
}

# True when the venv's interpreter and pip work (a venv whose base Python went away does not).
healthy() {
  [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import pip' >/dev/null 2>&1
}

mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9

if installed; then
  echo "$venv"
  exit 0
fi

if ! healthy; then
  rm -rf "$venv"
  created=""
  candidates=()
  [ -n "${DLIS_LRS_PYTHON:-}" ] && candidates+=("$DLIS_LRS_PYTHON")
  candidates+=(python3 /usr/bin/python3)
  for py in "${candidates[@]}"; do
    command -v "$py" >/dev/null 2>&1 || continue
    log "creating $venv with $py"
    if "$py" -m venv "$venv" >&2; then created=1; break; fi
    rm -rf "$venv"
  done
  if [ -z "$created" ]; then
    # Debian's own python3 lacks ensurepip until python3-venv is installed (pyenv's
    # pythons carry their own, so this only helps /usr/bin/python3).
    if dpkg-query -W -f='${Status}' python3-venv 2>/dev/null | grep -q "install ok installed"; then
      log "python3 -m venv failed although python3-venv is installed; see the errors above"
      exit 1
    fi
    log "python3 -m venv failed: installing Debian's python3-venv"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq --no-install-recommends python3-venv >&2
    /usr/bin/python3 -m venv "$venv" >&2 || { rm -rf "$venv"; exit 1; }
  fi
fi

log "installing $requirement"
rm -f "$marker"
# shellcheck disable=SC2086 # the requirement string is several words on purpose
PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
  "$venv/bin/python" -m pip install -q $requirement >&2
printf '%s' "$requirement" >"$marker"
installed || { log "install finished but $requirement is not all importable in $venv"; exit 1; }
echo "$venv"
