# shellcheck shell=bash
# Sourced by the scripts that need Debian packages:
#   need_debian_packages WHO PACKAGE...
# installs those of PACKAGE... that are not installed yet, with apt-get, without questions, as
# root or through sudo; WHO names the script in the message.
need_debian_packages() {
  local who="$1" pkg
  shift
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  echo "$who: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
