#!/usr/bin/env python3
"""Writes the licences of the code built into the LMS player's rules (player/rules.wasm).

    player-licenses.py CRATES_FILE < ui/licenses/third-party.json > player/LICENSES.md

CRATES_FILE holds `cargo tree -p dlis-player-rules --target wasm32-unknown-unknown -e normal
--prefix none` (scripts/player-rules.sh makes it). Proc-macros leave no code in the .wasm and
are left out, as are DLIS Learn's own crates. The texts come from the app's licence list
(ui/licenses/third-party.json, made by scripts/licenses.sh), each with the crates it covers.
"""

import json
import sys

OWN = {"dlis-learn", "dlis-player-rules"}

crates = set()
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        words = line.split()
        if len(words) < 2 or "(proc-macro)" in line or words[0] in OWN:
            continue
        crates.add(f"{words[0]} {words[1].lstrip('v')}")

third_party = json.load(sys.stdin)
out = ["# Licences of the code in `lms/rules.wasm`", "",
       "The rules of DLIS Learn (EUPL-1.2) are built with these Rust crates, under these licences.", ""]
covered = set()
for licence in third_party["licenses"]:
    for text in licence["texts"]:
        used = sorted(crates.intersection(text["components"]))
        if not used:
            continue
        covered.update(used)
        out += [f"## {licence['name']} ({licence['id']})", "", "Crates: " + ", ".join(used) + ".", "",
                "```", text["text"].rstrip(), "```", ""]
missing = sorted(crates - covered)
if missing:
    sys.exit(f"player-licenses: no licence text for {', '.join(missing)}: run scripts/licenses.sh")
sys.stdout.write("\n".join(out))
