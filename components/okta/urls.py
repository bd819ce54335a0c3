"""Okta's next-page links: followed only on the org the credentials are for."""

from __future__ import annotations

import httpx

from components.errors import InputError
from components.http.addresses import endpoint_path, same_origin


def next_page_link(response: httpx.Response, base_url: str) -> str | None:
    """The `Link: <...>; rel="next"` of a response, only on the org at `base_url`."""
    link = response.links.get("next", {}).get("url")
    if not link:
        return None
    if not same_origin(link, base_url):
        # The credentials would go with the request: never follow a link off the org.
        raise InputError(
            "Okta", f"GET {endpoint_path(str(response.url))}", f"a next-page link points off the org: {link[:200]}"
        )
    return link
