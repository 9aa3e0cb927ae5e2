#!/usr/bin/env bash
# Makes the .deb with tauri-cli's bundler (scripts/tauri-cli.sh):
#   scripts/deb.sh APP_BINARY SAMPLES_DIR DIST_DIR [NAME_SUFFIX]
# APP_BINARY is a build of dlis-learn; `dlis`, built already, is taken from the same folder. The sample
# bundles go to /usr/share/dlis-learn/modules, where the app looks for them (state.rs).
# tauri.conf.json sits at the repository root, whose package is the core, so the app's binary
# is named with `mainBinaryName`.
set -euo pipefail
cd "$(dirname "$0")/.."
app="$1" samples="$2" dist="$3" suffix="${4:-}"
release="$(cd "$(dirname "$app")" && pwd)"
config=$(python3 - "$release" "$samples" <<'PY'
import json, os, sys
release, samples = sys.argv[1], sys.argv[2]
files = {"/usr/bin/dlis": os.path.join(release, "dlis"), "/usr/share/doc/dlis-learn/LICENSE": os.path.abspath("LICENSE")}
for name in sorted(os.listdir(samples)):
    if name.endswith(".zip"):
        files["/usr/share/dlis-learn/modules/" + name] = os.path.join(samples, name)
print(json.dumps({"mainBinaryName": "dlis-learn", "bundle": {"active": True, "linux": {"deb": {"files": files}}}}))
PY
)
bundle_dir="$release/bundle/deb"
rm -rf "$bundle_dir"
debug=()
[ "$(basename "$release")" != debug ] || debug=(--debug)
bash scripts/tauri-cli.sh bundle --ci "${debug[@]}" --bundles deb --config "$config" >&2
deb=$(find "$bundle_dir" -name '*.deb' | head -n 1)
version=$(dpkg-deb -f "$deb" Version)
out="$dist/dlis-learn_${version}_amd64$suffix.deb"
cp "$deb" "$out"
echo "package: $out" >&2
