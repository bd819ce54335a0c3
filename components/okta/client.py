"""A small client of Okta's Management API: GET unless made to write, pagination, rate limits, and one
deadline and retry budget per command.

httpx rather than the official `okta` SDK: the SDK is asynchronous, brings aiohttp, requests and more, insists on
https (even for a loopback test org), and retries only some 5xx. These commands need a few GET endpoints, `Link`
pagination, rate limits and one-line errors without a credential, within bounds of time and memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx

from components.errors import InputError
from components.http import clock
from components.http.addresses import HEADER_TEXT, endpoint_path, same_origin
from components.http.bounded_body import parse_json
from components.http.budget import Deadline, RetryBudget
from components.http.clock import wait as clock_wait  # `clock` is also a parameter below
from components.http.exchange import bounded_exchange, unreachable
from components.http.retry import RateLimit, Retrying
from components.http.transport import deadline_transport
from components.limits import (
    CONNECT_TIMEOUT_SECONDS,
    MAX_LIST_BYTES,
    MAX_UNPAGED_ITEMS,
    OKTA_MAX_PAGES,
    OKTA_PAGE_ITEMS,
    READ_TIMEOUT_SECONDS,
    REQUEST_SECONDS,
    UNPACED_BUCKET_SHARE,
)
from components.okta.credentials import Credentials
from components.okta.dpop import NONCE_HEADER
from components.okta.rate_buckets import CallMeter
from components.okta.refusals import rate_limit_wait, rate_limited_until, response_error
from components.okta.service_app_token import AccessToken, access_token
from components.okta.urls import next_page_link
from components.printable import REDACTED, escaped
from components.progress import Progress

__all__ = ["OktaClient", "same_origin"]


def _signed(kwargs: dict[str, Any], sign: Callable[[], dict[str, str]] | None) -> dict[str, Any]:
    return {**kwargs, "headers": {**(kwargs.get("headers") or {}), **sign()}} if sign else kwargs


class OktaClient:
    """Requests to one org; `sleep` and `clock` are injectable so tests wait for nothing.

    Read-only unless made with `allow_writes=True`, which only the confirmed phases of a key rotation do: `adopt`
    and `verify` cannot write, whatever they call.
    """

    def __init__(
        self,
        base_url: str,
        credentials: Credentials,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] = clock.wall,
        allow_writes: bool = False,
        deadline: Deadline | None = None,
        budget: RetryBudget | None = None,
        meter: CallMeter | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.allow_writes = allow_writes
        self.credentials = credentials
        # The live line on a terminal (components/progress.py), silent by default; its waits are counted down.
        self.progress = progress or Progress(sleep or clock_wait)
        self.sleep = sleep or self.progress.sleep
        self.clock = clock
        self.requests = 0
        self.deadline = deadline or Deadline()
        self.budget = budget or RetryBudget()
        # Counts every call; only a report's meter paces. It waits with the client's sleep, as every wait here.
        self.meter = meter or CallMeter(share=UNPACED_BUCKET_SHARE, sleep=sleep)
        self.request_seconds = REQUEST_SECONDS
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(READ_TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS),
            transport=transport or deadline_transport(self.base_url, self.deadline),
            follow_redirects=False,
            headers={
                "Accept": "application/json",
                "Accept-Encoding": "gzip",  # the one encoding read_body decompresses, within its cap
                "User-Agent": "gainsight-okta",
            },
        )
        self._token: AccessToken | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OktaClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ---- credentials -----------------------------------------------------------------------------

    def _credential_headers(self, method: str, url: str) -> dict[str, str]:
        """The credential of one request: an SSWS token, or the service app's access token (DPoP-bound ones sign
        each request anew, so they are made per attempt)."""
        if self.credentials.kind == "token":
            return {"Authorization": f"SSWS {self.credentials.token}"}
        if self._token is None:
            self._token = access_token(self.base_url, self.credentials, self.clock(), self._send)
        return self._token.headers(method, url if "://" in url else self.base_url + url)

    # ---- requests ------------------------------------------------------------------------------------

    def _late(self, where: str) -> InputError:
        return InputError("Okta", where, f"no complete response within {self.deadline.described()}")

    def _rate_limit(self, response: httpx.Response) -> RateLimit:
        wait, reset = rate_limit_wait(response, self.clock)
        return RateLimit(wait, rate_limited_until(reset), "; run it again then")

    def _exchange(self, method: str, url: str, where: str, **kwargs: Any) -> tuple[httpx.Response, bytes]:
        """One request, its body read within the caps and the deadline."""
        late = lambda: self._late(where)  # noqa: E731
        return bounded_exchange(
            self._http, method, url, where, deadline=self.deadline, late=late, source="Okta", **kwargs
        )

    def _send(
        self,
        method: str,
        url: str,
        *,
        repeatable: bool | None = None,
        sign: Callable[[], dict[str, str]] | None = None,
        **kwargs: Any,
    ) -> tuple[httpx.Response, bytes]:
        """One request, retried from the command's budget (http/retry.py); by default only a GET is repeatable.
        `sign` gives headers made anew for each attempt (a DPoP proof is used once)."""
        path = endpoint_path(url)
        where = f"{method} {path}"
        retrying = Retrying(
            source="Okta",
            deadline=self.deadline,
            budget=self.budget,
            sleep=self.sleep,
            rate_limit=self._rate_limit,
            unreachable=lambda where, error, attempts: unreachable(
                "Okta", where, error, attempts, self.request_seconds, self.base_url
            ),
            request_seconds=self.request_seconds,
            before=lambda: self.meter.before(path, self.deadline.remaining()),
            after=lambda response: self.meter.seen(path, response),
        )
        try:
            return retrying.send(
                lambda: self._exchange(method, url, where, **_signed(kwargs, sign)),
                where,
                repeatable=method == "GET" if repeatable is None else repeatable,
            )
        finally:
            self.requests += retrying.requests
            self.progress.called(self.requests)

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        response, body = self._get(path, params)
        return parse_json(body, f"GET {endpoint_path(str(response.url))}")

    def get_text(self, path: str, params: dict[str, Any] | None = None) -> str:
        """A SAML metadata document, asked for as Okta's reference does (`Accept: text/xml`)."""
        response, body = self._get(path, params, accept="text/xml")
        try:
            text = escaped(body.decode("utf-8"))
            # The exact secrets, not the credential patterns: those could match inside the XML's base64.
            for secret in (self.credentials.token, self._token.value if self._token else ""):
                text = text.replace(secret, REDACTED) if secret else text
            return text
        except UnicodeDecodeError:
            raise InputError(
                "Okta", f"GET {endpoint_path(str(response.url))}", "responded with text that is not UTF-8"
            ) from None

    def write(self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None) -> Any:
        """POST or PUT; refused unless this client was made to write (behind a command's --confirm)."""
        if not self.allow_writes or method not in ("POST", "PUT"):
            raise AssertionError(f"this client does not write ({method} {path})")
        response, body_bytes = self._authorized(
            method,
            path,
            {},
            repeatable=method == "PUT",  # a PUT sets the same state twice; a POST (a new key) does not
            json=body,
            params=params,
        )
        if response.status_code not in (200, 201):
            raise self._error(response, body_bytes, method)
        return parse_json(body_bytes, f"{method} {endpoint_path(path)}")

    def get_all(self, path: str, params: dict[str, Any] | None = None) -> list[Any]:
        """A list endpoint whose reference documents no `limit` (an app's keys): asked for without one."""
        return list(self.iterate(path, params, limit=None))

    def iterate(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        *,
        limit: int | None = OKTA_PAGE_ITEMS,
        max_pages: int = OKTA_MAX_PAGES,
        max_bytes: int = MAX_LIST_BYTES,
    ) -> Iterator[Any]:
        """Every item of a list endpoint, following `Link: <...>; rel="next"` on the same org only; a reader that
        keeps little of each page (people, streamed) may allow more pages and bytes than one that keeps it all."""
        url: str | None = path
        query: dict[str, Any] | None = {**({"limit": limit} if limit else {}), **(params or {})}
        seen: set[str] = set()
        read = items = 0
        while url is not None:
            # A server that links a page to itself (or loops) would be followed forever; one that never ends,
            # past any org this tool serves.
            if url in seen:
                raise InputError("Okta", f"GET {endpoint_path(path)}", "a next-page link points to a page already read")
            if len(seen) >= max_pages:
                raise InputError("Okta", f"GET {endpoint_path(path)}", f"more than {max_pages} pages; stopped")
            seen.add(url)
            response, body = self._get(url, query)
            where = f"GET {endpoint_path(url)}"
            read += len(body)
            if read > max_bytes:  # each page is capped; so is the whole list, which the caller keeps
                raise InputError("Okta", where, f"a list of more than {max_bytes // 2**20} MiB; stopped")
            page = parse_json(body, where)
            if not isinstance(page, list):
                raise InputError("Okta", where, "responded with something other than a list")
            if len(page) > (limit or MAX_UNPAGED_ITEMS):  # Okta never sends more than asked for
                raise InputError(
                    "Okta",
                    where,
                    f"responded with {len(page)} items, more than the {limit or MAX_UNPAGED_ITEMS} asked for",
                )
            items += len(page)
            self.progress.listed(endpoint_path(path), items, len(seen))
            yield from page
            url, query = self._next_page(response), None

    def _next_page(self, response: httpx.Response) -> str | None:
        return next_page_link(response, self.base_url)

    def _get(
        self, url: str, params: dict[str, Any] | None, accept: str = "application/json"
    ) -> tuple[httpx.Response, bytes]:
        response, body = self._authorized("GET", url, {"Accept": accept}, params=params)
        if response.status_code == 200:
            return response, body
        raise self._error(response, body)

    def _authorized(
        self, method: str, url: str, headers: dict[str, str], **kwargs: Any
    ) -> tuple[httpx.Response, bytes]:
        """A request with the credential. An OAuth access token can expire during a long command (`--timeout` up to
        an hour, a token lives one): a 401 on one gets one new token and one retry; a second 401 is the error. A 401
        that gives a DPoP nonce gets one retry with it instead. A 401 means Okta did nothing, so a POST is sent
        again too."""
        sign = lambda: self._credential_headers(method, url)  # noqa: E731
        response, body = self._send(method, url, headers=headers, sign=sign, **kwargs)
        if response.status_code == 401 and self._token is not None:
            nonce = response.headers.get(NONCE_HEADER, "")
            if self._token.dpop is not None and nonce and HEADER_TEXT.match(nonce) and nonce != self._token.dpop.nonce:
                self._token.dpop.nonce = nonce
            else:
                self._token = None  # the next request fetches a new token
            response, body = self._send(method, url, headers=headers, sign=sign, **kwargs)
        return response, body

    def _error(self, response: httpx.Response, body: bytes, method: str = "GET") -> InputError:
        credential = "OKTA_API_TOKEN" if self.credentials.kind == "token" else "the service app's access token"
        return response_error(response, body, method, credential)
