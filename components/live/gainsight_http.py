"""Requests to Gainsight within the same bounds as Okta's: one deadline and one retry budget for the command
(budget.py), every socket operation cut at the request's end (deadline_transport.py), bodies and JSON capped
(bounded_body.py), no redirect followed, nothing sent off the two configured origins.

Everything sent here may be sent again (SCIM GETs, and the token request, where a second token does no harm), so
429s, 5xx and network errors are retried from the budget. Gainsight's rate-limit headers are not documented: a
429 waits for the standard `Retry-After`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from components.errors import InputError

from .bounded_exchange import bounded_exchange
from .budget import CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS, REQUEST_SECONDS, Deadline, RetryBudget
from .deadline_transport import deadline_transport
from .gainsight_answers import SOURCE, as_gainsight, retry_after
from .org_urls import endpoint_path, origin


class GainsightHttp:
    """One httpx client per origin (the token endpoint's and the SCIM API's, usually the same)."""

    def __init__(
        self,
        urls: Iterable[str],
        *,
        deadline: Deadline,
        budget: RetryBudget,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.deadline = deadline
        self.budget = budget
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        self.request_seconds = REQUEST_SECONDS
        self._clients: dict[tuple[str, str, int], httpx.Client] = {}
        for url in urls:
            key = origin(url)
            if key is None:
                raise AssertionError(f"not an address to send to: {url[:200]}")
            if key not in self._clients:
                self._clients[key] = httpx.Client(
                    timeout=httpx.Timeout(READ_TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS),
                    transport=transport or deadline_transport(url, deadline),
                    follow_redirects=False,
                    headers={"Accept-Encoding": "gzip", "User-Agent": "gainsight-okta"},
                )

    def close(self) -> None:
        for client in self._clients.values():
            client.close()

    def _late(self, where: str) -> InputError:
        return InputError(SOURCE, where, f"no complete answer within {self.deadline.described()}")

    def _unreachable(self, url: str, where: str, error: httpx.HTTPError, attempts: int) -> InputError:
        if isinstance(error, httpx.TimeoutException):
            return InputError(
                SOURCE,
                where,
                f"no complete answer in {self.request_seconds:g} s, {attempts} times; Gainsight or the network is "
                "too slow",
            )
        # The error's own text is left out: it can quote the request's header values.
        host = httpx.URL(url).host
        return InputError(SOURCE, where, f"cannot reach {host}: {type(error).__name__} (retries spent)")

    def _exchange(self, url: str, where: str, method: str, **kwargs: Any) -> tuple[httpx.Response, bytes]:
        client = self._clients.get(origin(url) or ("", "", 0))
        if client is None:  # the credentials go with every request: never to another origin
            raise InputError(SOURCE, where, "is not on the configured Gainsight addresses; not sent")
        try:
            late = lambda: self._late(where)  # noqa: E731
            return bounded_exchange(
                client, method, url, where, deadline=self.deadline, late=late, source=SOURCE, **kwargs
            )
        except InputError as error:  # the shared body reader names Okta
            raise as_gainsight(error) from None

    def _pause(self, seconds: float, where: str) -> None:
        if seconds >= self.deadline.remaining():
            raise self._late(where)
        self.sleep(seconds)

    def send(self, method: str, url: str, **kwargs: Any) -> tuple[httpx.Response, bytes]:
        """The answer and its body, whatever its status; retried from the budget on 429, 5xx and network errors."""
        where = f"{method} {endpoint_path(url)}"
        backoff = 0.5
        attempts = 0
        while True:
            if self.deadline.expired:
                raise self._late(where)
            self.requests += 1
            try:
                with self.deadline.attempt(self.request_seconds):
                    response, body = self._exchange(url, where, method, **kwargs)
            except httpx.LocalProtocolError as error:  # made here: asking again changes nothing
                raise InputError(SOURCE, where, f"cannot be asked: {type(error).__name__}") from None
            except httpx.HTTPError as error:
                if self.deadline.expired:
                    raise self._late(where) from None
                attempts += 1
                if not self.budget.take(after_timeout=isinstance(error, httpx.TimeoutException)):
                    raise self._unreachable(url, where, error, attempts) from None
                self._pause(backoff, where)
                backoff = min(backoff * 2, 8.0)
                continue
            status = response.status_code
            if status == 429 or status >= 500:
                wait = retry_after(response, self.clock) if status == 429 else backoff
                if status == 429 and wait >= self.deadline.remaining():
                    raise InputError(
                        SOURCE, where, f"429: rate-limited for {wait:.0f} s, past {self.deadline.described()}"
                    )
                if wait < self.deadline.remaining() and self.budget.take():
                    self.sleep(wait)
                    backoff = backoff if status == 429 else min(backoff * 2, 8.0)
                    continue
            return response, body
