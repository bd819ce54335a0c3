"""The emulator's HTTP server: 127.0.0.1 only, one thread a connection, Okta's JSON on every response."""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from components.emulator.dispatch import handle, record_failure
from components.emulator.hostile import HOSTILE_MODES, Wire
from components.emulator.org import EmulatedOrg
from components.emulator.request import Request

LOOPBACK = "127.0.0.1"
MAX_BODY_BYTES = 8 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    org: EmulatedOrg
    protocol_version = "HTTP/1.1"  # keep-alive, as the provider's client expects of Okta
    # Headers and body go out as two writes: with Nagle's algorithm on, the body waits for the client's delayed
    # ACK of the headers (40 ms on Linux), which made a 50,000-user read crawl.
    disable_nagle_algorithm = True

    def _serve(self) -> None:
        started = time.time()
        try:
            self._answer()
            if self.org.answered is not None:
                with self.org.lock:
                    self.org.answered.append((started, time.time()))
        except (ConnectionError, TimeoutError):
            pass  # the client hung up: not the emulator's failure
        except Exception as error:  # the emulator's own: recorded, so that the test or the e2e fails on it
            record_failure(self.org, self.command, urlsplit(self.path).path, error)
            self.close_connection = True

    def _answer(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.send_error(413)
            return
        request = Request(
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query),
            base=f"http://{self.headers.get('Host') or LOOPBACK}",
            authorization=self.headers.get("Authorization", ""),
            body=self.rfile.read(length) if length else b"",
            dpop=self.headers.get("DPoP", ""),
        )
        mode = self.org.hostile_mode(parts.path)
        if mode is not None:
            # Not Okta: raw bytes on the socket, then the connection is closed (components.emulator.hostile).
            self.close_connection = True
            with self.org.lock:
                self.org.requests.append((request.method, request.path))
            HOSTILE_MODES[mode](Wire(self.wfile, parts.path, request.authorization, request.base, self.org.closing))
            return
        response = handle(self.org, request)
        if response.payload is None:
            data = b""
        elif isinstance(response.payload, str):
            data = response.payload.encode()
        else:
            data = json.dumps(response.payload).encode()
        # send_response would add a Date of its own; the response's Date is the org's clock (the rate-limit window).
        self.send_response_only(response.status)
        names = {name.lower() for name, _ in response.headers}
        if "date" not in names:
            self.send_header("Date", self.date_time_string())
        if "content-type" not in names and response.payload is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    # Every other method reaches the same routing: a path that serves none of them is recorded as unrouted.
    def do_PATCH(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_OPTIONS(self) -> None:
        self._serve()

    def log_message(self, *args: object) -> None:
        pass  # the org records every request itself


class EmulatorError(AssertionError):
    """The emulator itself failed on a request (a handler's exception): its answer was a 500 no Okta gave."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    org: EmulatedOrg

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, (ConnectionError, TimeoutError)):
            record_failure(self.org, "?", "?", error)


class EmulatorServer:
    """`with EmulatorServer(org) as url:` serves `org` at http://127.0.0.1:<port> for the block."""

    def __init__(self, org: EmulatedOrg, port: int = 0) -> None:
        handler = type("Handler", (_Handler,), {"org": org})
        self.org = org
        self.server = _Server((LOOPBACK, port), handler)
        self.server.org = org
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.server.server_address[1]}"

    def __enter__(self) -> str:
        self.org.closing.clear()  # an org served before is served again: its hostile responses misbehave again
        self.thread.start()
        return self.url

    def __exit__(self, kind: object, *_: object) -> None:
        self.org.closing.set()  # a hostile response still under way ends too
        self.server.shutdown()
        self.server.server_close()
        if kind is None and self.org.failures:  # a test that failed already says so; one that passed must not
            raise EmulatorError(f"the emulator failed on {len(self.org.failures)} request(s): {self.org.failures[:5]}")
