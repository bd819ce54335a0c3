"""Okta's cursor pagination: `limit` and `after`, a `Link: <…>; rel="self"` and, while more remain, `rel="next"`.

Okta sends each link as a header of its own, and okta-sdk-golang (which the provider uses) reads one link per
`Link` header value, splitting it at `;`: a combined `<a>; rel="self", <b>; rel="next"` would break it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from components.emulator.okta_errors import invalid


def page(
    items: list[Any], query: dict[str, list[str]], base: str, path: str, *, default: int, cap: int
) -> tuple[list[Any], list[str]]:
    """One page of `items`, and the `Link` header values to send with it."""
    try:
        limit = max(1, min(int(query.get("limit", [str(default)])[0]), cap))
    except ValueError:
        raise invalid("limit", "limit: must be a whole number") from None
    try:
        start = max(0, int(query.get("after", ["0"])[0]))
    except ValueError:
        raise invalid("after", "after: not a cursor this list gave") from None
    plain = {key: values[0] for key, values in query.items() if key not in ("after",)}
    links = [f'<{base}{path}{"?" + urlencode(plain) if plain else ""}>; rel="self"']
    if start + limit < len(items):
        links.append(f'<{base}{path}?{urlencode(plain | {"after": str(start + limit)})}>; rel="next"')
    return items[start : start + limit], links
