"""Requests to Gainsight within the same bounds as Okta's: one deadline and one retry budget for the command
(budget.py), every socket operation cut at the request's end (deadline_transport.py), bodies and JSON capped
(bounded_body.py), no redirect followed, nothing sent off the two configured origins.

Everything sent here may be sent again (SCIM GETs, and the token request, where a second token does no harm), so
429s, 5xx and network errors are retried from the budget. Gainsight's rate-limit headers are not documented: a
429 waits for the standard `Retry-After`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import httpx

from components.errors import InputError
from components.gainsight.refusals import SOURCE, as_gainsight, retry_after
from components.http import clock
from components.http.addresses import endpoint_path, origin
from components.http.budget import Deadline, RetryBudget
from components.http.exchange import bounded_exchange, unreachable
from components.http.retry import RateLimit, Retrying
from components.http.transport import deadline_transport
from components.limits import CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS, REQUEST_SECONDS


class GainsightHttp:
    """One httpx client per origin (the token endpoint's and the SCIM API's, usually the same)."""

    def __init__(
        self,
        urls: Iterable[str],
        *,
        deadline: Deadline,
        budget: RetryBudget,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = clock.wait,
        clock: Callable[[], float] = clock.wall,
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

    def _late(self, where: str) -> InputError:
        return InputError(SOURCE, where, f"no complete response within {self.deadline.described()}")

    def _rate_limit(self, response: httpx.Response) -> RateLimit:
        seconds = retry_after(response, self.clock)
        return RateLimit(seconds, f"for {seconds:.0f} s")

    def send(self, method: str, url: str, **kwargs: Any) -> tuple[httpx.Response, bytes]:
        """The response and its body, whatever its status; retried from the budget on 429, 5xx and network errors
        (http/retry.py), every request here being repeatable."""
        where = f"{method} {endpoint_path(url)}"
        host = httpx.URL(url).host
        retrying = Retrying(
            source=SOURCE,
            deadline=self.deadline,
            budget=self.budget,
            sleep=self.sleep,
            rate_limit=self._rate_limit,
            unreachable=lambda where, error, attempts: unreachable(
                SOURCE, where, error, attempts, self.request_seconds, host
            ),
            request_seconds=self.request_seconds,
        )
        try:
            return retrying.send(lambda: self._exchange(url, where, method, **kwargs), where, repeatable=True)
        finally:
            self.requests += retrying.requests
