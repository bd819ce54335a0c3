"""A read-only client of Gainsight's SCIM API: its users, with their license and super-admin flag.

scim2-client builds the requests (RFC 7644 query parameters) and checks the responses (content type, SCIM error
objects, the ListResponse and User shapes); the network is ours (gainsight_http.py), with the command's deadline
and retry budget, so scim2-client's own httpx2 engine is not used. One token request, then GETs only.

Gainsight documents neither filters nor pagination for its SCIM API: a few people are asked for one by one with
RFC 7644's `userName eq "…"`, everyone else is read page by page with `startIndex` and `count`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import ValidationError
from scim2_client import BaseSyncSCIMClient, SCIMClientException, SCIMResponseException
from scim2_models import ListResponse, SCIMException, SearchRequest

from components.errors import InputError
from components.gainsight.credentials import GainsightCredentials
from components.gainsight.endpoints import GainsightEndpoints
from components.gainsight.http import GainsightHttp
from components.gainsight.refusals import SOURCE, as_gainsight, scim_error, server_text
from components.gainsight.token import client_credentials_token
from components.gainsight.users import PROVIDER, SCIM_USER, GainsightUser, attribute_path, gainsight_user
from components.http import clock
from components.http.addresses import endpoint_path
from components.http.bounded_body import parse_json
from components.http.budget import Deadline, RetryBudget
from components.http.clock import wait as clock_wait  # `clock` is also a parameter below
from components.limits import FILTER_NAMES, GAINSIGHT_MAX_PAGES, GAINSIGHT_PAGE_ITEMS
from components.progress import Progress

LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
ACCEPT = "application/scim+json, application/json"  # RFC 7644 §8.1: older servers response application/json


def filter_literal(value: str) -> str:
    """`value` as a quoted filter value (RFC 7644 §3.4.2.2: a JSON string): quotes, backslashes and control
    characters escaped, other text as it is (a server that reads no `\\u` escape still finds `josé`)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(ch):04x}" if ord(ch) < 0x20 else ch for ch in escaped) + '"'


@dataclass(frozen=True)
class _Response:
    """scim2-client's RawResponse, over a body already read within the caps."""

    status_code: int
    headers: httpx.Headers
    body: bytes
    where: str

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class _ScimReader(BaseSyncSCIMClient):
    """scim2-client with our network under it; it may only GET."""

    def __init__(self, get: Callable[[str, dict[str, Any]], _Response]) -> None:
        super().__init__(provider=PROVIDER)
        self._get = get

    def request(self, method: str, url: str, **kwargs: Any) -> _Response:
        if method != "GET" or set(kwargs) - {"params"}:
            raise AssertionError(f"the Gainsight client only reads ({method} {url})")
        return self._get(url, kwargs.get("params") or {})

    def _parse_json(self, response: Any) -> Any:
        try:
            return parse_json(response.body, response.where)
        except InputError as error:
            raise as_gainsight(error) from None


def _refusal(error: Exception, secrets: Sequence[str]) -> str:
    """What scim2-client found wrong, in a line; a validation error names the field, never its value."""
    cause = error.__cause__
    if isinstance(cause, ValidationError):
        first = cause.errors(include_url=False)[0]
        return f"{attribute_path(tuple(first['loc']))}: {str(first['msg']).lower()}"
    if isinstance(error, SCIMException):
        return f"a SCIM error: {server_text(error.detail or type(error).__name__, secrets)}"
    if type(error) is SCIMResponseException:  # its text names Python classes: "Expected type ListResponse[…]"
        return f"its schemas are not {LIST_RESPONSE}"
    text = str(error) or type(error).__name__
    return server_text(text[:1].lower() + text[1:], secrets)


class GainsightScimClient:
    """Gainsight's SCIM API at `endpoints`, with the OAuth application's `credentials`.

    Pass the Okta client's `deadline` and `budget` to spend one command's bounds on both services; `sleep` and
    `clock` are injectable so tests wait for nothing.
    """

    def __init__(
        self,
        endpoints: GainsightEndpoints,
        credentials: GainsightCredentials,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] = clock.wall,
        deadline: Deadline | None = None,
        budget: RetryBudget | None = None,
        page_size: int = GAINSIGHT_PAGE_ITEMS,
        max_pages: int = GAINSIGHT_MAX_PAGES,
        progress: Progress | None = None,
    ) -> None:
        # The live line on a terminal (components/progress.py), silent by default; its waits are counted down.
        self.progress = progress or Progress(sleep or clock_wait)
        self.endpoints = endpoints
        self.credentials = credentials
        self.page_size = page_size
        self.max_pages = max_pages
        self.http = GainsightHttp(
            (endpoints.token_url, endpoints.scim_url),
            deadline=deadline or Deadline(),
            budget=budget or RetryBudget(),
            transport=transport,
            sleep=sleep or self.progress.sleep,
            clock=clock,
        )
        self._token: str | None = None
        self._reader = _ScimReader(self._get)
        self._where = f"GET {endpoint_path(endpoints.scim_url)}/Users"

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> GainsightScimClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def _secrets(self) -> tuple[str, ...]:
        return (self.credentials.client_secret, self._token or "")

    def _authorized_get(self, url: str, params: dict[str, Any]) -> tuple[httpx.Response, bytes]:
        """A GET with the access token. A token can expire during a long command: a 401 gets one new token and one
        retry; a second 401 is the error."""
        for attempt in range(2):
            if self._token is None or attempt:
                self._token = client_credentials_token(self.endpoints.token_url, self.credentials, self.http.send)
            headers = {"Authorization": f"Bearer {self._token}", "Accept": ACCEPT}
            response, body = self.http.send("GET", url, params=params, headers=headers)
            if response.status_code != 401:
                break
        return response, body

    def _get(self, path: str, params: dict[str, Any]) -> _Response:
        url = self.endpoints.scim_url + path
        response, body = self._authorized_get(url, params)
        where = f"GET {endpoint_path(url)}"
        if response.status_code != 200:
            raise scim_error(response, body, where, self._secrets)
        return _Response(response.status_code, response.headers, body, where)

    def _page(self, query: str | None, start: int | None) -> tuple[list[GainsightUser], int | None]:
        """One page of users: those matching `query`, or from `start` on; with totalResults when it is given."""
        try:
            asked = {"filter": query, "start_index": start, "count": self.page_size}
            request = SearchRequest(**{name: value for name, value in asked.items() if value is not None})
        except (ValidationError, SCIMException):  # a filter_literal always parses; kept for the line it gives
            raise InputError(SOURCE, self._where, "cannot be asked: the userName filter does not parse") from None
        try:
            listed = self._reader.query(SCIM_USER, query_parameters=request)
        except (SCIMClientException, SCIMException) as error:
            refusal = f"responded with what is not a SCIM list of users ({_refusal(error, self._secrets)})"
            raise InputError(SOURCE, self._where, refusal) from None
        if not isinstance(listed, ListResponse):
            raise InputError(SOURCE, self._where, "responded with what is not a SCIM list of users")
        resources = listed.resources or []
        if len(resources) > self.page_size:  # RFC 7644 §3.4.2.4: never more than `count`
            raise InputError(
                SOURCE, self._where, f"responded with {len(resources)} users, more than the {self.page_size} asked for"
            )
        users = [gainsight_user(resource, self._where, index) for index, resource in enumerate(resources)]
        return users, listed.total_results

    def _everyone(self) -> dict[str, GainsightUser]:
        found: dict[str, GainsightUser] = {}
        start = 1
        for page in range(1, self.max_pages + 1):
            users, total = self._page(None, start)
            found.update((user.key, user) for user in users)
            start += len(users)
            self.progress.listed("Gainsight's /Users", start - 1, page)
            if not users or (total is not None and start > total):
                return found
        raise InputError(SOURCE, self._where, f"more than {self.max_pages} pages of {self.page_size} users; stopped")

    def users(self, user_names: Sequence[str] | None = None) -> dict[str, GainsightUser]:
        """Gainsight's users by casefolded userName: those named (absent ones left out), or everyone."""
        if user_names is None:
            return self._everyone()
        wanted: dict[str, str] = {}
        for name in user_names:
            wanted.setdefault(name.casefold(), name)
        if len(wanted) > FILTER_NAMES:
            return {key: user for key, user in self._everyone().items() if key in wanted}
        found: dict[str, GainsightUser] = {}
        for key, name in wanted.items():
            users, _ = self._page(f"userName eq {filter_literal(name)}", None)
            found.update((user.key, user) for user in users if user.key == key)
        return found
