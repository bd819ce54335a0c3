"""One request and its whole response within a command's bounds, for both services this tool reads (Okta and
Gainsight): the body read within its caps (bounded_body) while the deadline holds, and the line said when retries
cannot reach the server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from components.errors import InputError
from components.http.bounded_body import read_body
from components.http.budget import Deadline
from components.http.retry import refused
from components.limits import CHUNK_BYTES


def bounded_exchange(
    http: httpx.Client,
    method: str,
    url: str,
    where: str,
    *,
    deadline: Deadline,
    late: Callable[[], InputError],
    source: str,
    **kwargs: Any,
) -> tuple[httpx.Response, bytes]:
    def check() -> None:
        if deadline.expired:
            raise late()

    try:
        request = http.build_request(method, url, **kwargs)
    except (httpx.InvalidURL, ValueError) as error:  # a link or a header value no request can carry
        raise InputError(source, where, f"cannot be asked: {type(error).__name__}") from None
    response = http.send(request, stream=True)
    try:
        encoding = response.headers.get("Content-Encoding", "")
        return response, read_body(response.iter_raw(CHUNK_BYTES), encoding, where, check)
    finally:
        response.close()


def unreachable(
    source: str, where: str, error: httpx.HTTPError, attempts: int, request_seconds: float, address: str
) -> InputError:
    """The line once the retries are spent on network errors or requests that never completed."""
    if isinstance(error, httpx.TimeoutException):
        return InputError(
            source,
            where,
            f"no complete response in {request_seconds:g} s, {attempts} times; {source} or the network is too slow",
        )
    if refused(error):
        return InputError(
            source, where, f"cannot reach {address}: connection refused ({attempts} times): check the address"
        )
    # The error's own text is left out: it can quote the request's header values.
    return InputError(source, where, f"cannot reach {address}: {type(error).__name__} (retries spent)")
