"""Addresses: what a URL's origin is, how an endpoint is named in an error line, and what
text an HTTP header may carry. Shared by the Okta and Gainsight clients."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

DEFAULT_PORTS = {"https": 443, "http": 80}  # what a URL without a port means
HEADER_TEXT = re.compile(r"^[\x21-\x7e]{1,8192}$")  # visible ASCII: what a token may hold to go into a header


def origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) with the default port filled in and the host in lower case; None when malformed."""
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None
    if not parts.hostname or port is None or parts.username is not None or parts.password is not None:
        return None  # a user in the link would replace the credentials the client sends
    return parts.scheme.lower(), parts.hostname.lower(), port


def same_origin(url: str, base_url: str) -> bool:
    """Whether `url` is on the org at `base_url`: `https://acme.okta.com:443` and `https://acme.okta.com` are."""
    theirs = origin(url)
    return theirs is not None and theirs == origin(base_url)


def endpoint_path(url: str) -> str:
    """The path of `url`, without its query (which may hold ids and cursors, never worth a line of an error)."""
    try:
        return urlsplit(url).path or url
    except ValueError:
        return "(a malformed address)"
