#!/usr/bin/env bash
# Makes assets/fonts/: DejaVu Sans and DejaVu Sans Bold (Debian's fonts-dejavu-core) cut down
# to the letters DLIS Learn's languages need (Latin with its accents, Romanian's ș and ț,
# Greek, punctuation), which the attestations embed. Run by hand when a language is added;
# the result is committed. Needs fonttools (PyPI), in a venv of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian-packages.sh
need_debian_packages "the attestations' fonts" fonts-dejavu-core >&2
venv="${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/fonttools-venv"
[ -x "$venv/bin/pyftsubset" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q fonttools==4.55.3; }
# Basic Latin, Latin-1, Latin Extended-A and -B (ș ț), Greek and Coptic, Greek Extended,
# general punctuation (— … « » ’ “ ”), currency, letter-like symbols, the euro sign.
unicodes="U+0020-007E,U+00A0-024F,U+0370-03FF,U+1F00-1FFF,U+2000-206F,U+20A0-20CF,U+2100-214F"
for name in DejaVuSans DejaVuSans-Bold; do
  "$venv/bin/pyftsubset" "/usr/share/fonts/truetype/dejavu/$name.ttf" --unicodes="$unicodes" \
    --layout-features='kern,liga' --no-hinting --desubroutinize \
    --output-file="assets/fonts/$name.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright assets/fonts/LICENSE
ls -l assets/fonts
