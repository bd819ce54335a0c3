"""`gainsight-okta emulate`: serve an emulated org on 127.0.0.1 until interrupted; stdout's first line is its URL."""

from __future__ import annotations

import contextlib
import sys
import threading

from .seeds import SEEDS
from .server import EmulatorServer


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
