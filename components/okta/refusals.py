"""Okta's refusals as one line that says what to change: which credential, which scope, which id."""

from __future__ import annotations

import datetime
import email.utils
import math
from collections.abc import Callable

import httpx

from components.errors import InputError
from components.http.addresses import endpoint_path
from components.http.bounded_body import error_object
from components.okta.credentials import READ_SCOPES

# Which scope a 403 most likely lacks, by path.
_SCOPE_FOR_PATH = (
    ("/api/v1/meta/schemas/", "okta.schemas.read"),
    ("/api/v1/mappings", "okta.profileMappings.read"),
    ("/api/v1/groups", "okta.groups.read"),
    ("/api/v1/apps", "okta.apps.read"),
    ("/api/v1/users", "okta.users.read"),
    ("/api/v1/logs", "okta.logs.read"),
)


def response_error(response: httpx.Response, body: bytes, method: str, credential: str) -> InputError:
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
        return f"until X-Rate-Limit-Reset {reset:.3g}"


def rate_limit_wait(response: httpx.Response, clock: Callable[[], float]) -> tuple[float, float | None]:
    """Seconds until the bucket resets, on Okta's clock: `X-Rate-Limit-Reset - Date + 1`, as Okta's own SDK
    waits (a skewed local clock would burn the retries at once or wait far too long); the local clock only
    when the response has no usable Date. Also the reset itself, when the header holds one."""
    try:
        reset = float(response.headers.get("X-Rate-Limit-Reset", ""))
    except ValueError:
        return 1.0, None
    if not math.isfinite(reset):
        return 1.0, None
    try:
        now = email.utils.parsedate_to_datetime(response.headers["Date"]).timestamp()
    except (KeyError, TypeError, ValueError, IndexError, OverflowError):
        now = clock() - 1  # no Okta clock: the local one, with the same second of margin
    return max(reset - now + 1, 0.0), reset
