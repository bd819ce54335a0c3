"""Addresses on the org: which links may be followed with the credentials, and how an endpoint is named."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from components.errors import InputError

from .credentials import DEFAULT_PORTS


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


def next_page_link(response: httpx.Response, base_url: str) -> str | None:
    """The `Link: <...>; rel="next"` of an answer, only on the org at `base_url`."""
    link = response.links.get("next", {}).get("url")
    if not link:
        return None
    if not same_origin(link, base_url):
        # The credentials would go with the request: never follow a link off the org.
        raise InputError(
            "Okta", f"GET {endpoint_path(str(response.url))}", f"a next-page link points off the org: {link[:200]}"
        )
    return link
