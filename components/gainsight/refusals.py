"""Gainsight's refusals as one error line: which endpoint, what status, what to check; server text made safe.

Gainsight documents neither its error bodies nor its rate limits. What is read here is what the standards say a
server sends: a SCIM Error's `detail` (RFC 7644 §3.12), OAuth's `error` and `error_description` (RFC 6749 §5.2),
and `Retry-After` on a 429 (RFC 6585, RFC 9110 §10.2.3).
"""

from __future__ import annotations

import email.utils
import math
from collections.abc import Callable, Iterable

import httpx

from components.errors import InputError
from components.gainsight.credentials import CLIENT_ID_VARIABLE, CLIENT_SECRET_VARIABLE
from components.http.bounded_body import error_object
from components.printable import REDACTED, printable

SOURCE = "Gainsight"
SERVER_TEXT_CHARS = 200


def as_gainsight(error: InputError) -> InputError:
    """An error of the shared readers (bounded_body), which name Okta, said of Gainsight."""
    return InputError(SOURCE, error.location, error.message)


def server_text(text: object, secrets: Iterable[str]) -> str:
    """Text from the server, cut short, with the exact secrets this client sent replaced (a server may echo any
    of them, in a form no credential pattern recognises) and then shown as every server text is."""
    value = str(text)
    for secret in secrets:
        value = value.replace(secret, REDACTED) if secret else value
    return printable(value[:SERVER_TEXT_CHARS])


def _detail(body: bytes, where: str, secrets: Iterable[str]) -> str:
    error = error_object(body, where)
    detail = error.get("detail") or error.get("error_description") or error.get("error") or ""
    return server_text(detail, secrets) if isinstance(detail, str) else ""


def _redirected(response: httpx.Response, secrets: Iterable[str]) -> str:
    target = httpx.URL(response.headers.get("Location", ""))
    where = f" to {server_text(target.host, secrets)}" if target.host else ""
    return (
        f"{response.status_code}: redirected{where}; the client follows no redirect, so no credential went there: "
        "check the Gainsight address settings"
    )


def token_error(response: httpx.Response, body: bytes, where: str, secrets: Iterable[str]) -> InputError:
    """A token endpoint that did not give a token."""
    status = response.status_code
    detail = _detail(body, where, secrets)
    if 300 <= status < 400:
        return InputError(SOURCE, where, _redirected(response, secrets))
    if status in (400, 401, 403):
        return InputError(
            SOURCE,
            where,
            f"{status}: the client credentials were refused ({detail or 'no reason given'}); check "
            f"{CLIENT_ID_VARIABLE} and {CLIENT_SECRET_VARIABLE} (a Gainsight OAuth application of this tenant)",
        )
    return InputError(SOURCE, where, f"{status}: {detail or response.reason_phrase or 'no token'}")


def scim_error(response: httpx.Response, body: bytes, where: str, secrets: Iterable[str]) -> InputError:
    """A SCIM request that did not get a 200."""
    status = response.status_code
    detail = _detail(body, where, secrets)
    reason = f" ({detail})" if detail else ""
    if 300 <= status < 400:
        return InputError(SOURCE, where, _redirected(response, secrets))
    if status == 401:
        return InputError(
            SOURCE, where, f"401: the access token was refused{reason}; check that the OAuth application is of this "
            "tenant, and the SCIM URL setting",
        )  # fmt: skip
    if status == 403:
        return InputError(
            SOURCE, where, f"403: not allowed{reason}; the OAuth application's user may not read users over SCIM"
        )
    if status == 404:
        return InputError(SOURCE, where, f"404: no SCIM API here{reason}; check the SCIM URL setting")
    if status == 429:
        return InputError(SOURCE, where, "429: still rate-limited after this command's retries; try again later")
    return InputError(SOURCE, where, f"{status}: {detail or response.reason_phrase or 'failed'}")


def retry_after(response: httpx.Response, clock: Callable[[], float]) -> float:
    """Seconds a 429 asks to wait: `Retry-After` as seconds or as a date (on the server's clock when it sent
    one); 1 when it says nothing usable."""
    value = response.headers.get("Retry-After", "").strip()
    try:
        seconds = float(value)
        return seconds if math.isfinite(seconds) and seconds >= 0 else 1.0
    except ValueError:
        pass
    try:
        then = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return 1.0
    try:
        now = email.utils.parsedate_to_datetime(response.headers["Date"]).timestamp()
    except (KeyError, TypeError, ValueError, IndexError, OverflowError):
        now = clock()
    return max(then - now, 0.0)
