"""One request through the emulator: record it, the test knobs, credentials, the rate-limit bucket, the endpoint."""

from __future__ import annotations

import traceback
from email.utils import formatdate

from components.emulator.credentials import check
from components.emulator.okta_errors import OktaError, forbidden, internal_error, not_found
from components.emulator.org import EmulatedOrg
from components.emulator.rate_limits import bucket_of
from components.emulator.request import Answer, Request
from components.emulator.routes import SELF_LOCKING, route, unknown_query

CONTROL_PREFIX = "/_emulator/"


def _knob(table: dict[str, int], path: str) -> bool:
    for prefix, count in table.items():
        if path.startswith(prefix) and count > 0:
            table[prefix] = count - 1
            return True
    return False


def handle(org: EmulatedOrg, request: Request) -> Answer:
    """Okta's response to `request`; errors as Okta's error body."""
    control = request.path.startswith(CONTROL_PREFIX)
    found = route(request.method, request.path)
    template = found[0] if found else "(unknown)"
    bucket = bucket_of(request.path, request.method)
    headers: list[tuple[str, str]] = []
    if found is None or found[0] == "405":
        with org.lock:
            org.unrouted.append((request.method, request.path))
    elif unknown := unknown_query(request.method, found[0], request.query):
        with org.lock:
            org.unrouted.append((request.method, f"{request.path}?{'&'.join(unknown)}"))
    try:
        if not control:
            with org.lock:
                org.requests.append((request.method, request.path))
                org.calls[(request.method, template, bucket)] += 1
                if _knob(org.throttle, request.path):
                    raise OktaError(429, "E0000047", "API call exceeded rate limit due to too many requests.")
                if _knob(org.fail, request.path):
                    raise internal_error()
            headers = list(org.rate_limits.take(bucket).items())
        if request.path != "/oauth2/v1/token":
            check(org, request)
        if any(request.path.startswith(prefix) for prefix in org.deny):
            raise forbidden()
        if found is None:
            raise not_found(request.path)
        _, handler, params = found
        request.params = params
        if handler in SELF_LOCKING:  # they take the lock themselves, and leave it while a write is under way
            response = handler(org, request)
        else:
            with org.lock:  # every other handler reads and writes the org whole, beside the others
                response = handler(org, request)
    except OktaError as error:
        rate = error.headers or dict(headers)
        if error.status == 429 and "X-Rate-Limit-Reset" not in rate:
            # A 429 a test forces, with every header Okta sends with one: the bucket's limit, none remaining, the
            # reset and Date both on the org's clock, as Okta's are on its own.
            now = org.clock()
            rate = {
                **rate,
                "X-Rate-Limit-Limit": str(org.rate_limits.limit_of(bucket)),
                "X-Rate-Limit-Remaining": "0",
                "X-Rate-Limit-Reset": str(int(now) + 1),
                "Date": formatdate(now, usegmt=True),
            }
        return Answer(error.status, error.body(), list(rate.items()))
    except Exception as error:  # a handler that fails: Okta's 500, and a record that fails the test or the e2e
        record_failure(org, request.method, request.path, error)
        return Answer(500, internal_error().body(), headers)
    response.headers = headers + response.headers
    return response


def record_failure(org: EmulatedOrg, method: str, path: str, error: BaseException) -> None:
    """A failure of the emulator itself (not an Okta error it means to give): kept in `org.failures`, which every
    emulator test and e2e scenario checks is empty when its server stops."""
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    at = f" at {where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno}" if where else ""
    with org.lock:
        org.failures.append({"method": method, "path": path, "error": f"{type(error).__name__}: {error}{at}"})
