"""`gainsight-okta emulate`: serve an emulated org on 127.0.0.1 until interrupted; stdout's first line is its URL."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading

from components.emulator.hostile import HOSTILE_MODES
from components.emulator.seeds import SEEDS
from components.emulator.server import EmulatorServer
from components.errors import InputError


def serve(
    port: int, seed: str, token: str | None, stop: threading.Event | None = None, hostile: dict[str, str] | None = None
) -> int:
    """Serve until interrupted (or `stop` is set); raises OSError when the port cannot be had. `hostile`: path
    prefix -> a mode of components.emulator.hostile."""
    org = SEEDS[seed]()
    org.token = token
    org.hostile = dict(hostile or {})
    server = EmulatorServer(org, port)
    with server as url:
        print(url, flush=True)
        accepted = "the --token given" if token else "any non-empty SSWS token"
        print(f"emulating an Okta org ({seed}) at {url}; API token: {accepted}; Ctrl-C stops", file=sys.stderr)
        with contextlib.suppress(KeyboardInterrupt):
            (stop or threading.Event()).wait()
    return 0


def run_emulate(args: argparse.Namespace) -> int:
    """`emulate`: an Okta org on 127.0.0.1 for trials and tests (components.emulator)."""
    if not 0 <= args.port <= 65535:
        raise InputError("emulate", "--port", f"{args.port} is not a port (0 to 65535; 0 picks a free one)")
    if args.token is not None and not args.token.strip():
        raise InputError("emulate", "--token", "must not be empty")
    hostile = {}
    for given in args.hostile:
        path, _, mode = given.partition("=")
        if not path.startswith("/") or mode not in HOSTILE_MODES:
            raise InputError(
                "emulate", "--hostile", f"{given!r} must be PATH=MODE, MODE one of {', '.join(HOSTILE_MODES)}"
            )
        hostile[path] = mode
    try:
        return serve(args.port, args.seed, args.token, hostile=hostile)
    except OSError as error:
        raise InputError("emulate", "--port", f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}") from None
