"""Okta's refusals as one line that says what to change: which credential, which scope, which id."""

from __future__ import annotations

import datetime
from typing import Any

import httpx

from components.errors import InputError

from .bounded_body import parse_json
from .credentials import READ_SCOPES
from .org_urls import endpoint_path

# Which scope a 403 most likely lacks, by path.
_SCOPE_FOR_PATH = (
    ("/api/v1/meta/schemas/", "okta.schemas.read"),
    ("/api/v1/mappings", "okta.profileMappings.read"),
    ("/api/v1/groups", "okta.groups.read"),
    ("/api/v1/apps", "okta.apps.read"),
)


def error_object(body: bytes, where: str) -> dict[str, Any]:
    """An error answer's JSON object (Okta's `errorSummary`, OAuth's `error`), or {} when it has none."""
    try:
        value = parse_json(body, where)
    except InputError:
        return {}
    return value if isinstance(value, dict) else {}


def answer_error(response: httpx.Response, body: bytes, method: str, credential: str) -> InputError:
    """The error for a refused request; `credential` names what was sent (OKTA_API_TOKEN, an access token)."""
    path = endpoint_path(str(response.url))
    where = f"{method} {path}"
    summary = str(error_object(body, where).get("errorSummary") or "")[:200]
    status = response.status_code
    if status == 401:
        return InputError("Okta", where, f"401: {credential} was refused (invalid, expired or for another org)")
    if status == 403:
        scope = next((s for prefix, s in _SCOPE_FOR_PATH if path.startswith(prefix)), READ_SCOPES[0])
        if method != "GET":
            scope = scope.replace(".read", ".manage")
        return InputError(
            "Okta", where, f"403: not allowed; the credential needs the {scope} scope (or a read-only admin role)"
        )
    if status == 404:
        return InputError("Okta", where, f"404: not found; check the id ({summary or 'no such object'})")
    if status == 429:
        return InputError("Okta", where, "429: still rate-limited after this command's retries; try again later")
    if 300 <= status < 400:
        return InputError("Okta", where, f"{status}: redirected; the client follows no redirect (check --okta-url)")
    return InputError("Okta", where, f"{status}: {summary or response.reason_phrase or 'failed'}")


def rate_limited_until(reset: float | None) -> str:
    """When a rate-limit bucket refills, for people: a time, or the header as it came."""
    if reset is None:
        return "for an unknown time"
    try:
        return "until " + datetime.datetime.fromtimestamp(reset, datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):
        return f"until X-Rate-Limit-Reset {reset:.0f}"
