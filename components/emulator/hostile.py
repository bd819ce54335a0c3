"""Misbehaving on purpose: a server that is not Okta, or a network between that breaks, for a path a test names.

Okta itself sends none of these; proxies, captive portals, overloaded load balancers and attackers on the path do.
Each mode writes raw HTTP, so the client meets exactly the bytes it would meet in the wild: a silence, a trickle,
a body without end, a gzip bomb, JSON nested past any document, rate-limit headers from the far future, an error
that echoes the request's credentials, terminal escape sequences, a page linking to itself, a redirect off the org.
"""

from __future__ import annotations

import json
import threading
import time
import zlib
from collections.abc import Callable
from typing import BinaryIO

TRICKLE_SECONDS = 0.5
LONGEST_SECONDS = 3600.0  # a misbehaving response still ends, for a client that never hangs up
ZEROS = b"0" * 65536


class Wire:
    """The raw connection of one request: its socket's files, what it asked, and when the server is closing."""

    def __init__(self, out: BinaryIO, path: str, authorization: str, base: str, closing: threading.Event) -> None:
        self.out = out
        self.path = path
        self.authorization = authorization
        self.base = base
        self.closing = closing
        self.started = time.monotonic()

    def send(self, data: bytes) -> bool:
        """Whether the bytes went out (False: the client hung up, or the server or the response's time is over)."""
        if self.closing.is_set() or time.monotonic() - self.started > LONGEST_SECONDS:
            return False
        try:
            self.out.write(data)
            self.out.flush()
        except OSError:
            return False
        return True

    def wait(self, seconds: float) -> bool:
        return not self.closing.wait(seconds)

    def respond(self, status: str, body: bytes, headers: tuple[tuple[str, str], ...] = ()) -> None:
        head = [
            f"HTTP/1.1 {status}",
            f"Content-Length: {len(body)}",
            "Content-Type: application/json",
            "Connection: close",
        ]
        head += [f"{name}: {value}" for name, value in headers]
        self.send(("\r\n".join(head) + "\r\n\r\n").encode() + body)


def _okta_error(summary: str, code: str = "E0000001") -> bytes:
    return json.dumps({"errorCode": code, "errorSummary": summary, "errorLink": code, "errorCauses": []}).encode()


def silent(wire: Wire) -> None:
    """Accepts, reads the request, never responds."""
    while wire.wait(TRICKLE_SECONDS) and time.monotonic() - wire.started < LONGEST_SECONDS:
        pass


def trickle_headers(wire: Wire) -> None:
    """A status line, then one byte of header every half second: each byte resets a per-read timeout."""
    if wire.send(b"HTTP/1.1 200 OK\r\nX-Padding: "):
        while wire.wait(TRICKLE_SECONDS) and wire.send(b"a"):
            pass


def trickle_body(wire: Wire) -> None:
    """Headers at once, then the body one byte every half second."""
    if wire.send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n["):
        while wire.wait(TRICKLE_SECONDS) and wire.send(b" "):
            pass


def huge_body(wire: Wire) -> None:
    """A 500 MiB JSON string, sent as fast as the client reads it."""
    size = 500 * 1024 * 1024
    if wire.send(f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {size}\r\n\r\n".encode()):
        sent = 0
        while sent < size - len(ZEROS) and wire.send(ZEROS):
            sent += len(ZEROS)


def endless_chunked(wire: Wire) -> None:
    """A chunked body that never sends its last chunk."""
    chunk = f"{len(ZEROS):x}\r\n".encode() + ZEROS + b"\r\n"
    if wire.send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"):
        while wire.send(chunk):
            pass


def _bomb_blocks() -> tuple[bytes, bytes]:
    """The gzip stream's start, and a block to repeat: each ends in a full flush, which resets the compressor's
    history, so the same block is valid again and again (about 2 MiB of `0,` from 2 KiB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    start = compressor.compress(b"[") + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(b"0," * (1024 * 1024)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return start, block


def gzip_bomb(wire: Wire) -> None:
    """A gzip body that decompresses to gigabytes (about 1,000 to 1), chunked, without end."""
    start, block = _bomb_blocks()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
    if not wire.send(head + b"Transfer-Encoding: chunked\r\n\r\n" + f"{len(start):x}\r\n".encode() + start + b"\r\n"):
        return
    chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n"
    while wire.send(chunk):
        pass


def deep_json(wire: Wire) -> None:
    """Arrays nested 100,000 deep: a recursive parser's stack overflows."""
    wire.respond("200 OK", b"[" * 100_000 + b"]" * 100_000)


def far_reset(wire: Wire) -> None:
    """A 429 whose bucket resets a year from now."""
    reset = str(int(time.time()) + 365 * 24 * 3600)
    headers = (("X-Rate-Limit-Limit", "100"), ("X-Rate-Limit-Remaining", "0"), ("X-Rate-Limit-Reset", reset))
    wire.respond("429 Too Many Requests", _okta_error("API call exceeded rate limit", "E0000047"), headers)


def nan_reset(wire: Wire) -> None:
    headers = (("X-Rate-Limit-Remaining", "0"), ("X-Rate-Limit-Reset", "nan"))
    wire.respond("429 Too Many Requests", _okta_error("API call exceeded rate limit", "E0000047"), headers)


def echo_authorization(wire: Wire) -> None:
    """An error whose summary repeats the request's Authorization header, as some proxies' error pages do."""
    wire.respond("400 Bad Request", _okta_error(f"Bad request with headers Authorization: {wire.authorization}"))


def escape_sequences(wire: Wire) -> None:
    """Terminal control in an error: retitle the window, clear the screen, ring the bell."""
    wire.respond("404 Not Found", _okta_error("\x1b]0;owned\x07\x1b[2J\x1b[31mdown\x07", "E0000007"))


def self_link(wire: Wire) -> None:
    """A page whose `next` link is the page itself."""
    wire.respond("200 OK", b"[]", (("Link", f'<{wire.base}{wire.path}>; rel="next"'),))


def redirect_off_org(wire: Wire) -> None:
    wire.respond("302 Found", b"", (("Location", "http://198.51.100.7/api/v1/apps"),))


def not_json(wire: Wire) -> None:
    """A captive portal's page where JSON should be."""
    wire.respond("200 OK", b"<html><body>Sign in to the Wi-Fi</body></html>")


def nan_json(wire: Wire) -> None:
    wire.respond("200 OK", b'{"id": NaN, "label": Infinity}')


def lone_surrogate(wire: Wire) -> None:
    wire.respond("200 OK", b'[{"id": "00g1", "profile": {"name": "Admins \\ud800"}}]')


HOSTILE_MODES: dict[str, Callable[[Wire], None]] = {
    "silent": silent,
    "trickle-headers": trickle_headers,
    "trickle-body": trickle_body,
    "huge-body": huge_body,
    "endless-chunked": endless_chunked,
    "gzip-bomb": gzip_bomb,
    "deep-json": deep_json,
    "far-reset": far_reset,
    "nan-reset": nan_reset,
    "echo-authorization": echo_authorization,
    "escape-sequences": escape_sequences,
    "self-link": self_link,
    "redirect-off-org": redirect_off_org,
    "not-json": not_json,
    "nan-json": nan_json,
    "lone-surrogate": lone_surrogate,
}
