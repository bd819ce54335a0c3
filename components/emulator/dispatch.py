"""One request through the emulator: record it, the test knobs, credentials, the rate-limit bucket, the endpoint."""

from __future__ import annotations

from email.utils import formatdate

from components.emulator.credentials import check
from components.emulator.okta_errors import OktaError, forbidden, internal_error, not_found
from components.emulator.org import EmulatedOrg
from components.emulator.rate_limits import bucket_of
from components.emulator.request import Answer, Request
from components.emulator.routes import route

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
        response = handler(org, request)
    except OktaError as error:
        rate = error.headers or dict(headers)
        if error.status == 429 and "X-Rate-Limit-Reset" not in rate:
            # A 429 a test forces: reset and Date both on the org's clock, as Okta's are on its own.
            now = org.clock()
            rate = {**rate, "X-Rate-Limit-Reset": str(int(now) + 1), "Date": formatdate(now, usegmt=True)}
        return Answer(error.status, error.body(), list(rate.items()))
    response.headers = headers + response.headers
    return response
