#!/usr/bin/python3
"""The Windows packages, checked as far as this Linux machine can: run by
scripts/windows-package-test.sh with Debian's python3 (python3-pefile) after
scripts/package.sh windows.

    windows-package-test.py SETUP.exe PORTABLE.zip VERSION SHIM.dll

- The installer asks for no administrator rights (its manifest says asInvoker) and carries
  version information.
- Run silently under Wine in a fresh prefix, it installs per user: the program, dlis.exe and
  the sample modules under %LOCALAPPDATA%\\Programs\\DLIS Learn, a Start-menu shortcut, an
  "Apps & features" entry in HKCU. Both programs carry the version and the icon.
- The installed dlis.exe runs and installs a sample module into %LOCALAPPDATA%.
- A silent uninstall removes the program and keeps the learners' records; /REMOVEDATA removes
  them too.
- The portable zip holds the same files plus portable.txt, and its dlis.exe keeps its data
  beside itself.
What cannot run here (the app's window needs WebView2) is said in the README.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import pefile

WINE = os.environ.get("DLIS_TEST_WINE", "/usr/lib/wine/wine64")
WINESERVER = os.path.join(os.path.dirname(WINE), "wineserver")
SAMPLES = {"faire-avec.zip", "ethique-mediation.zip", "exclusion-numerique.zip", "agilite-numerique.zip"}
failures = []


def check(condition, what):
    print(("ok      " if condition else "FAILED  ") + what)
    if not condition:
        failures.append(what)


def version_info(path):
    """The StringFileInfo of a PE file, as a dict, and whether it has an icon."""
    pe = pefile.PE(path, fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
    strings = {}
    for info in getattr(pe, "FileInfo", []) or []:
        for entry in info:
            for table in getattr(entry, "StringTable", []):
                for key, value in table.entries.items():
                    strings[key.decode()] = value.decode()
    icons, manifest = False, b""
    resources = pe.DIRECTORY_ENTRY_RESOURCE.entries if hasattr(pe, "DIRECTORY_ENTRY_RESOURCE") else []
    for kind in resources:
        if kind.id == pefile.RESOURCE_TYPE["RT_GROUP_ICON"]:
            icons = True
        if kind.id == pefile.RESOURCE_TYPE["RT_MANIFEST"]:
            for name in kind.directory.entries:
                for lang in name.directory.entries:
                    data = lang.data.struct
                    manifest += pe.get_data(data.OffsetToData, data.Size)
    return strings, icons, manifest


def wine(prefix, *args, cwd=None):
    env = dict(os.environ, WINEPREFIX=prefix, WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
    env.pop("DLIS_DATA_DIR", None)
    return subprocess.run([WINE, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def main():
    setup, portable, version, shim = sys.argv[1:5]
    strings, _, manifest = version_info(setup)
    check(b'level="asInvoker"' in manifest, "the installer asks for no administrator rights (asInvoker)")
    check(strings.get("ProductVersion") == version, f"the installer says version {version}: {strings.get('ProductVersion')}")

    prefix = tempfile.mkdtemp(prefix="dlis-wine-")
    stick = tempfile.mkdtemp(prefix="dlis-stick-")
    try:
        wine(prefix, "wineboot", "--init")
        system32 = os.path.join(prefix, "drive_c/windows/system32")
        shutil.copy(shim, system32)  # test harness only (see scripts/wine/bcryptprimitives.c)
        user = os.environ.get("USER") or "root"
        profile = os.path.join(prefix, "drive_c/users", user)
        if not os.path.isdir(profile):
            profile = os.path.join(prefix, "drive_c/users", os.listdir(os.path.join(prefix, "drive_c/users"))[0])
        program_dir = os.path.join(profile, "AppData/Local/Programs/DLIS Learn")
        data_dir = os.path.join(profile, "AppData/Local/DLIS/dlis-learn")
        shortcut = os.path.join(profile, "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/DLIS Learn.lnk")

        def install():
            result = wine(prefix, setup, "/S")
            wine_wait(prefix)
            return result

        result = install()
        check(result.returncode == 0, f"the installer runs silently (exit {result.returncode})")
        present = set(os.listdir(program_dir)) if os.path.isdir(program_dir) else set()
        for name in ["dlis-learn.exe", "dlis.exe", "WebView2Loader.dll", "WebView2Loader-LICENSE.txt", "uninstall.exe", "README.txt", "LICENSE.txt", "modules"]:
            check(name in present, f"installed: {name}")
        modules = set(os.listdir(os.path.join(program_dir, "modules"))) if "modules" in present else set()
        check(modules == SAMPLES, f"the sample modules are installed: {sorted(modules)}")
        check("portable.txt" not in present, "an installed copy is not portable")
        check(os.path.isfile(shortcut), "a Start-menu shortcut for the user")
        with open(os.path.join(prefix, "user.reg"), encoding="utf-8", errors="replace") as reg:
            registry = reg.read()
        check("Uninstall\\\\eu.dlis-learn.app]" in registry and f'"DisplayVersion"="{version}"' in registry,
              "an Apps & features entry in HKCU with the version")
        for exe in ["dlis-learn.exe", "dlis.exe"]:
            path = os.path.join(program_dir, exe)
            if os.path.isfile(path):
                strings, icons, _ = version_info(path)
                check(strings.get("ProductVersion", "").startswith(version) or strings.get("FileVersion", "").startswith(version),
                      f"{exe} carries version {version}: {strings.get('ProductVersion')!r} {strings.get('FileVersion')!r}")
                check(icons, f"{exe} carries the app's icon")

        dlis = os.path.join(program_dir, "dlis.exe")
        result = wine(prefix, dlis, "--version")
        check(result.returncode == 0 and version in result.stdout, f"the installed dlis.exe runs: {result.stdout.strip()!r}")
        result = wine(prefix, dlis, "install", os.path.join(program_dir, "modules", "faire-avec.zip"))
        check(result.returncode == 0, f"the installed dlis.exe installs a sample module: {result.stderr.strip()!r}")
        records = os.path.join(data_dir, "data", "modules", "dlis.faire-avec.zip")
        check(os.path.isfile(records), "the module went to %LOCALAPPDATA%\\DLIS\\dlis-learn\\data")

        # An upgrade: the installer again over the installed copy keeps the records.
        result = install()
        check(result.returncode == 0 and os.path.isfile(os.path.join(program_dir, "dlis-learn.exe")),
              f"installing over an installed copy works (exit {result.returncode})")
        check(os.path.isfile(records), "installing over an installed copy keeps the records")

        uninstaller = os.path.join(program_dir, "uninstall.exe")
        # `_?=` runs the uninstaller in place, so that Wine waits for it.
        result = wine(prefix, uninstaller, "/S", "_?=" + windows_path(program_dir))
        wine_wait(prefix)
        check(result.returncode == 0, f"the uninstaller runs silently (exit {result.returncode})")
        check(not os.path.exists(os.path.join(program_dir, "dlis-learn.exe")), "uninstalling removes the program")
        check(not os.path.exists(shortcut), "uninstalling removes the shortcut")
        with open(os.path.join(prefix, "user.reg"), encoding="utf-8", errors="replace") as reg:
            check("Uninstall\\\\eu.dlis-learn.app]" not in reg.read(), "uninstalling removes the Apps & features entry")
        check(os.path.isfile(records), "uninstalling keeps the learners' records")

        install()
        result = wine(prefix, os.path.join(program_dir, "uninstall.exe"), "/S", "/REMOVEDATA", "_?=" + windows_path(program_dir))
        wine_wait(prefix)
        check(result.returncode == 0 and not os.path.exists(data_dir), "uninstalling with /REMOVEDATA removes the records too")

        # The portable copy: the same files, the marker, and the data beside them.
        with zipfile.ZipFile(portable) as z:
            names = set(z.namelist())
            z.extractall(stick)
        for name in ["dlis-learn.exe", "dlis.exe", "WebView2Loader.dll", "WebView2Loader-LICENSE.txt", "portable.txt", "README.txt", "LICENSE.txt"] + [f"modules/{s}" for s in SAMPLES]:
            check(f"DLIS Learn/{name}" in names, f"portable zip: DLIS Learn/{name}")
        root = os.path.join(stick, "DLIS Learn")
        result = wine(prefix, os.path.join(root, "dlis.exe"), "install", os.path.join(root, "modules", "faire-avec.zip"))
        check(os.path.isfile(os.path.join(root, "data", "modules", "dlis.faire-avec.zip")),
              f"the portable dlis.exe keeps its data beside itself {result.stderr.strip()!r}")
        check(not os.path.exists(data_dir), "the portable copy writes nothing to %LOCALAPPDATA%")
    finally:
        shutil.rmtree(stick, ignore_errors=True)
        subprocess.run([WINESERVER, "-k"], env=dict(os.environ, WINEPREFIX=prefix), capture_output=True)
        shutil.rmtree(prefix, ignore_errors=True)

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)


def wine_wait(prefix):
    """Waits until every program of the prefix has ended (the installer starts its pieces)."""
    subprocess.run([WINESERVER, "-w"], env=dict(os.environ, WINEPREFIX=prefix), timeout=300)


def windows_path(path):
    return "Z:" + path.replace("/", "\\")


if __name__ == "__main__":
    main()
