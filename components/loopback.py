"""Which hosts are this machine's: the Okta emulator and the test servers live there, and only there may plain
http:// or a proxy go unremarked. Below every layer: the HTTP clients, the stack's inputs and the commands ask it."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    """A URL whose host is this machine's; False for anything that is not a URL."""
    try:
        return is_loopback(urlsplit(url.strip()).hostname or "")
    except ValueError:
        return False
