#!/usr/bin/env bash
# Regenerates ui/licenses/third-party.json, the licences the app's About section shows (Settings,
# "About DLIS Learn"): the app's own (EUPL-1.2) and those of every third-party component that
# ships in it, grouped by licence, each distinct licence text once with the components under it.
#
# - Rust crates: those compiled into the `dlis-learn` binary (crate dlis-learn-app) for each
#   target in TARGETS, normal dependencies only (no dev- or build-only ones), found and matched
#   to their licence files by cargo-about (crates.io, EmbarkStudios), installed on first use into
#   ${DLIS_TOOLS:-~/.cache/dlis-learn/tools} (about 2.5 min to build on 2 cores). A crate under
#   a choice of licences ("MIT OR Apache-2.0") is listed under the first of ACCEPTED it allows.
# - JavaScript: every folder of ui/vendor/ (its LICENSE file; name and version from the heading
#   of ui/vendor/README.md that names the folder).
# - Fonts: assets/fonts/ (DejaVu Sans, in the attestations).
# - The app's own licence: LICENSE at the root if there is one, else the SPDX text of EUPL-1.2
#   (from the `spdx` crate the core already depends on).
#
# The file also lists the crates of Cargo.lock that the app reaches but does not ship
# (`not_shipped`: dev, build-only, other platforms), so that a cheap test
# (src-tauri/tests/ui/licenses.rs, `cargo test -p dlis-learn-app --test ui -- licenses`) can tell,
# from Cargo.lock alone, that the file is stale. Run this script whenever that test says so.
# Needs python3 (3.11+, for tomllib) and, once, the network (cargo-about, crates of other targets).
set -euo pipefail
cd "$(dirname "$0")/.."

ABOUT_VERSION=0.9.3
# The platforms the app is built for: Linux, and Windows (cross-built with mingw, see
# scripts/windows-env.sh).
TARGETS=(x86_64-unknown-linux-gnu x86_64-pc-windows-gnu)
# Licences we accept, in order of preference when a crate offers a choice.
ACCEPTED=(MIT Apache-2.0 "Apache-2.0 WITH LLVM-exception" BSD-3-Clause BSD-2-Clause ISC Zlib
  Unicode-3.0 Unicode-DFS-2016 MPL-2.0 CC0-1.0 BSL-1.0 0BSD Unlicense CDLA-Permissive-2.0 MIT-0)
OUT=ui/licenses/third-party.json

tools="${DLIS_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dlis-learn/tools}"
about="$tools/bin/cargo-about"
if [ "$("$about" --version 2>/dev/null)" != "cargo-about $ABOUT_VERSION" ]; then
  echo "licenses: installing cargo-about $ABOUT_VERSION into $tools (a few minutes, once)" >&2
  cargo install cargo-about --locked --version "$ABOUT_VERSION" --features cli --root "$tools" --quiet
fi
command -v python3 >/dev/null || { echo "licenses: python3 is needed" >&2; exit 1; }

# The crates of every platform, not only this one's, must be in the local registry.
cargo fetch --locked --quiet

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  printf 'accepted = ['
  printf '"%s", ' "${ACCEPTED[@]}"
  printf ']\n'
  cat <<'EOF'
ignore-build-dependencies = true
ignore-dev-dependencies = true
# Only the licence files at a crate's root: deeper files are mostly source headers.
max-depth = 1
# The workspace's own crates (the app and its core) are the app, under EUPL-1.2.
private = { ignore = true }
workarounds = ["ring", "rustls"]
EOF
} >"$tmp/about.toml"

for target in "${TARGETS[@]}"; do
  echo "licenses: crates of $target" >&2
  "$about" generate --frozen --fail --format json --config "$tmp/about.toml" \
    --manifest-path src-tauri/Cargo.toml --target "$target" --output-file "$tmp/$target.json"
done
cargo metadata --locked --offline --format-version 1 >"$tmp/metadata.json"

python3 - "$tmp" "$OUT" "$ABOUT_VERSION" "${TARGETS[@]}" <<'PY'
import json, os, re, sys, tomllib

tmp, out, about_version, *targets = sys.argv[1:]
PLATFORMS = {"x86_64-unknown-linux-gnu": "linux", "x86_64-pc-windows-gnu": "windows"}

def key_of(text):
    """Two licence texts that differ only in spacing are the same text."""
    return " ".join(text.split())

def tidy(text):
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"

groups = {}      # licence id -> {"name", "texts": {key -> {"text", "components": set}}}
components = {}  # "name version" -> component

def add_text(license_id, license_name, text, component):
    group = groups.setdefault(license_id, {"name": license_name, "texts": {}})
    entry = group["texts"].setdefault(key_of(text), {"text": tidy(text), "components": set()})
    entry["components"].add(component)

# Rust crates, target by target.
for target in targets:
    with open(os.path.join(tmp, f"{target}.json")) as f:
        report = json.load(f)
    for krate in report["crates"]:
        package = krate["package"]
        component = f'{package["name"]} {package["version"]}'
        entry = components.setdefault(component, {
            "name": package["name"], "version": package["version"], "kind": "crate",
            "license": krate["license"], "platforms": [],
            "source": f'https://crates.io/crates/{package["name"]}/{package["version"]}',
        })
        platform = PLATFORMS.get(target, target)
        if platform not in entry["platforms"]:
            entry["platforms"].append(platform)
    for licence in report["licenses"]:
        for used in licence["used_by"]:
            component = f'{used["crate"]["name"]} {used["crate"]["version"]}'
            add_text(licence["id"], licence["name"], licence["text"], component)
every_platform = [PLATFORMS.get(t, t) for t in targets]
for entry in components.values():
    entry["platforms"] = sorted(entry["platforms"])
    if entry["platforms"] == sorted(every_platform):
        del entry["platforms"]  # the usual case: said only when a crate is for one platform

# Vendored JavaScript: ui/vendor/<folder>/LICENSE, named in ui/vendor/README.md.
with open("ui/vendor/README.md") as f:
    readme = f.read()
def detect(text):
    flat = key_of(text)
    if "Apache License Version 2.0" in flat:
        return "Apache-2.0", "Apache License 2.0"
    if "Permission is hereby granted, free of charge" in flat:
        return "MIT", "MIT License"
    if "Mozilla Public License Version 2.0" in flat:
        return "MPL-2.0", "Mozilla Public License 2.0"
    sys.exit(f"licenses: cannot tell the licence of {text[:80]!r}: add it to scripts/licenses.sh")
for folder in sorted(os.listdir("ui/vendor")):
    path = os.path.join("ui/vendor", folder)
    if not os.path.isdir(path):
        continue
    heading = re.search(rf"^## `{re.escape(folder)}/` — .*`([^`]+)` ([0-9][^ \n]*)$", readme, re.M)
    if not heading:
        sys.exit(f"licenses: ui/vendor/README.md has no heading \"## `{folder}/` — ... `name` version\"")
    with open(os.path.join(path, "LICENSE")) as f:
        text = f.read()
    license_id, license_name = detect(text)
    name, version = heading.group(1), heading.group(2)
    component = f"{name} {version}"
    components[component] = {"name": name, "version": version, "kind": "javascript",
                             "license": license_id, "path": path}
    add_text(license_id, license_name, text, component)

# Fonts built into the program (the attestations' letters): assets/fonts, from Debian's
# fonts-dejavu-core (scripts/fonts.sh), its copyright file as LICENSE.
with open("assets/fonts/LICENSE") as f:
    font_text = f.read()
components["DejaVu Sans 2.37"] = {"name": "DejaVu Sans", "version": "2.37", "kind": "font",
                                  "license": "Bitstream-Vera", "path": "assets/fonts"}
add_text("Bitstream-Vera", "Bitstream Vera Fonts Copyright", font_text, "DejaVu Sans 2.37")

# The app's own licence.
with open("Cargo.toml", "rb") as f:
    app_license = tomllib.load(f)["package"]["license"]
if os.path.exists("LICENSE"):
    with open("LICENSE") as f:
        app_text = f.read()
else:
    with open(os.path.join(tmp, "metadata.json")) as f:
        metadata = json.load(f)
    spdx = [p for p in metadata["packages"] if p["name"] == "spdx"]
    if not spdx:
        sys.exit("licenses: no LICENSE file and no `spdx` crate to take the licence text from")
    source = os.path.join(os.path.dirname(spdx[0]["manifest_path"]), "src/text/licenses", app_license)
    with open(source) as f:
        app_text = f.read()
    app_text = app_text.removeprefix('r#"').removesuffix("\n").removesuffix('"#')

# What Cargo.lock reaches from the app without shipping it, for the staleness test.
with open("Cargo.lock", "rb") as f:
    lock = tomllib.load(f)["package"]
by_name = {}
for package in lock:
    by_name.setdefault(package["name"], []).append(package)
def resolve(dependency):
    name, *rest = dependency.split(" ")
    candidates = by_name[name]
    if rest:
        candidates = [p for p in candidates if p["version"] == rest[0]]
    assert len(candidates) == 1, dependency
    return candidates[0]
reached, todo = set(), [p for p in lock if p["name"] == "dlis-learn-app"]
while todo:
    package = todo.pop()
    key = f'{package["name"]} {package["version"]}'
    if key in reached:
        continue
    reached.add(key)
    todo.extend(resolve(d) for d in package.get("dependencies", []))
workspace = {f'{p["name"]} {p["version"]}' for p in lock if "source" not in p}
crates = {k for k, c in components.items() if c["kind"] == "crate"}
missing = crates - reached
if missing:
    sys.exit(f"licenses: shipped but not in Cargo.lock: {sorted(missing)}")
not_shipped = sorted(reached - crates - workspace)

def order(component):
    name, version = component.split(" ", 1)
    return (name.lower(), version)
result = {
    "generated_by": f"scripts/licenses.sh (cargo-about {about_version}); do not edit, run it again",
    "targets": targets,
    "app": {"license": app_license, "text": tidy(app_text)},
    "licenses": [
        {
            "id": license_id,
            "name": group["name"],
            "components": sorted(set().union(*(t["components"] for t in group["texts"].values())), key=order),
            "texts": sorted(
                ({"text": t["text"], "components": sorted(t["components"], key=order)}
                 for t in group["texts"].values()),
                key=lambda t: order(t["components"][0])),
        }
        for license_id, group in sorted(groups.items(),
                                        key=lambda g: (-sum(len(t["components"]) for t in g[1]["texts"].values()), g[0]))
    ],
    "components": [components[k] for k in sorted(components, key=order)],
    "not_shipped": sorted(not_shipped, key=order),
}
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w") as f:
    json.dump(result, f, ensure_ascii=False, indent=1)
    f.write("\n")
texts = sum(len(g["texts"]) for g in groups.values())
print(f"licenses: {out}: {len(components)} components, {len(groups)} licences, {texts} texts", file=sys.stderr)
PY
