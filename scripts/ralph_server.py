#!/usr/bin/env python3
"""Runs Ralph (xAPI 1.0.3 LRS, ralph-malph 5.1.0) on loopback with a file-system store.

Run with the venv's python (see scripts/lrs-venv.sh):

    ralph_server.py --port PORT --dir DATA_DIR --user USER --password PASSWORD [--host 127.0.0.1]

Writes DATA_DIR/auth.json (one Basic-auth user, bcrypt hash, scopes ["all"]), keeps the
statements in DATA_DIR/lrs/fs_lrs.jsonl and Ralph's app dir in DATA_DIR/app, then serves
ralph.api:app with uvicorn. `--port 0` lets the system pick a free port. Once the server
accepts connections it prints `READY http://HOST:PORT` on stdout (the only stdout line);
logs go to stderr at warning level. SIGTERM or SIGINT shuts it down cleanly (exit 0).
"""

import argparse
import ipaddress
import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from pathlib import Path

_server = None  # the uvicorn.Server once it exists


def _on_signal(signum, frame):  # noqa: ARG001
    # Before uvicorn takes over the signals (and after it gives them back) a stop request
    # either ends the start-up at once or asks the server to finish.
    if _server is None:
        raise SystemExit(0)
    _server.should_exit = True


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="TCP port, 0 = any free one")
    parser.add_argument("--dir", required=True, type=Path, help="data directory (created)")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind")
    parser.add_argument(
        "--mbox", help="the user's agent mbox (default mailto:USER@example.org)"
    )
    args = parser.parse_args(argv)
    if not _is_loopback(args.host):
        parser.error(f"--host must be a loopback address, not {args.host!r}")
    if not 0 <= args.port <= 65535:
        parser.error("--port must be within 0..65535")
    return args


def _is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _write_auth_file(path, user, password, mbox):
    import bcrypt

    entry = {
        "username": user,
        "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode(),
        "scopes": ["all"],
        "agent": {"mbox": mbox},
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps([entry], indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def _announce_when_ready(server, host):
    # uvicorn sets `started` once its sockets listen; then check a real connection.
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    with socket.create_connection((host, port), timeout=5):
        pass
    shown = f"[{host}]" if ":" in host else host
    sys.stdout.write(f"READY http://{shown}:{port}\n")
    sys.stdout.flush()


def main(argv=None):
    global _server
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    args = _parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )

    data_dir = args.dir.resolve()
    (data_dir / "app").mkdir(parents=True, exist_ok=True)
    (data_dir / "lrs").mkdir(parents=True, exist_ok=True)
    auth_file = data_dir / "auth.json"
    _write_auth_file(
        auth_file, args.user, args.password, args.mbox or f"mailto:{args.user}@example.org"
    )

    # Ralph reads its settings from the environment when first imported.
    os.environ.update(
        {
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_AUTH_FILE": str(auth_file),
            "RALPH_APP_DIR": str(data_dir / "app"),
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(data_dir / "lrs"),
            "RALPH_RUNSERVER_HOST": args.host,
            "RALPH_RUNSERVER_PORT": str(args.port),
        }
    )

    # Upstream defect: the fs LRS backend writes with CREATE, so every write after the
    # first fails with 500 ("already exists and overwrite is not allowed"). APPEND turns
    # it into a single growing JSON Lines file.
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND

    import uvicorn
    from ralph.api import app

    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    _server = server
    threading.Thread(
        target=_announce_when_ready, args=(server, args.host), daemon=True
    ).start()
    server.run()  # returns after a graceful shutdown on SIGTERM/SIGINT
    return 0


if __name__ == "__main__":
    sys.exit(main())
