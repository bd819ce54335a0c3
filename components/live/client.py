"""A small read-only client of Okta's Management API: GET only, pagination, rate limits, bounded retries.

httpx rather than the official `okta` SDK: the SDK is asynchronous, brings aiohttp, requests, pycryptodomex,
jwcrypto and more, insists on https (even for a loopback test org), and retries only some 5xx. These commands
need seven GET endpoints, Okta's `Link` pagination, `X-Rate-Limit-Reset` and errors that say which permission
or id is wrong, in one line, without ever printing a credential.
"""

from __future__ import annotations

import email.utils
import math
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import jwt

from components.errors import InputError

from .credentials import DEFAULT_PORTS, READ_SCOPES, Credentials

PAGE_SIZE = 200
MAX_RETRIES = 5
MAX_PAGES = 1000  # 200,000 items at 200 a page: far past the groups or users of an org this tool reads
MAX_WAIT_SECONDS = 60.0
TIMEOUT_SECONDS = 30.0

# Which scope a 403 most likely lacks, by path.
_SCOPE_FOR_PATH = (
    ("/api/v1/meta/schemas/", "okta.schemas.read"),
    ("/api/v1/mappings", "okta.profileMappings.read"),
    ("/api/v1/groups", "okta.groups.read"),
    ("/api/v1/apps", "okta.apps.read"),
)


def origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) with the default port filled in and the host in lower case; None when malformed."""
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return parts.scheme.lower(), parts.hostname.lower(), port


def same_origin(url: str, base_url: str) -> bool:
    """Whether `url` is on the org at `base_url`: `https://acme.okta.com:443` and `https://acme.okta.com` are."""
    theirs = origin(url)
    return theirs is not None and theirs == origin(base_url)


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
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        allow_writes: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.allow_writes = allow_writes
        self.credentials = credentials
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=TIMEOUT_SECONDS,
            transport=transport,
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": "gainsight-okta (read-only)"},
        )
        self._authorization: str | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OktaClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ---- credentials -----------------------------------------------------------------------------

    def _authorization_header(self) -> str:
        if self._authorization is None:
            if self.credentials.kind == "token":
                self._authorization = f"SSWS {self.credentials.token}"
            else:
                self._authorization = f"Bearer {self._access_token()}"
        return self._authorization

    def _access_token(self) -> str:
        """OAuth 2.0 client credentials with a private-key JWT, as the provider's `private_key` settings do."""
        token_url = f"{self.base_url}/oauth2/v1/token"
        now = int(self.clock())
        claims = {
            "iss": self.credentials.client_id,
            "sub": self.credentials.client_id,
            "aud": token_url,
            "iat": now,
            "exp": now + 300,
            "jti": str(uuid.uuid4()),
        }
        headers = {"kid": self.credentials.private_key_id} if self.credentials.private_key_id else None
        try:
            assertion = jwt.encode(claims, self.credentials.private_key, algorithm="RS256", headers=headers)
        except (ValueError, TypeError, jwt.PyJWTError):
            raise InputError("OKTA_API_PRIVATE_KEY", "", "is not an RSA private key Okta can verify") from None
        form = {
            "grant_type": "client_credentials",
            "scope": " ".join(self.credentials.scopes),
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion,
        }
        response = self._send("POST", token_url, repeatable=True, data=form)  # a second token does no harm
        if response.status_code != 200:
            detail = _json(response).get("error_description") or _json(response).get("error") or "refused"
            raise InputError(
                "Okta",
                "POST /oauth2/v1/token",
                f"{response.status_code}: the service app {self.credentials.client_id} could not get a token "
                f"({str(detail)[:200]}); check OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY_ID and that it is granted "
                f"{', '.join(self.credentials.scopes)}",
            )
        token = _json(response).get("access_token")
        if not isinstance(token, str) or not token:
            raise InputError("Okta", "POST /oauth2/v1/token", "answered without an access token")
        return token

    # ---- requests ------------------------------------------------------------------------------------

    def _send(self, method: str, url: str, *, repeatable: bool | None = None, **kwargs: Any) -> httpx.Response:
        """One request with bounded retries: 429 waits for X-Rate-Limit-Reset, 5xx and network errors back off.

        A write that may have reached Okta is not sent again (`repeatable`, by default only GET): a POST of
        `…/keys/generate` retried after a timeout or a 500 can generate two keys. A 429, or a connection never
        made, means Okta did nothing, so those are retried for every method.
        """
        repeatable = method == "GET" if repeatable is None else repeatable
        backoff = 0.5
        for attempt in range(MAX_RETRIES + 1):
            self.requests += 1
            try:
                response = self._http.request(method, url, **kwargs)
            except httpx.HTTPError as exc:
                never_sent = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
                if not repeatable and not never_sent:
                    raise InputError(
                        "Okta",
                        f"{method} {_path(url)}",
                        f"no answer ({type(exc).__name__}); it may have been carried out, so it is not sent again: "
                        "check what Okta holds before trying again",
                    ) from None
                if attempt == MAX_RETRIES:
                    raise InputError("Okta", f"{method} {_path(url)}", f"cannot reach {self.base_url}: {exc}") from None
                self.sleep(backoff)
                backoff = min(backoff * 2, 8.0)
                continue
            if response.status_code == 429 and attempt < MAX_RETRIES:
                self.sleep(self._rate_limit_wait(response))
                continue
            if response.status_code >= 500 and repeatable and attempt < MAX_RETRIES:
                self.sleep(backoff)
                backoff = min(backoff * 2, 8.0)
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    def _rate_limit_wait(self, response: httpx.Response) -> float:
        """Seconds until the bucket resets, on Okta's clock: `X-Rate-Limit-Reset - Date + 1`, as Okta's own SDK
        waits (a skewed local clock would burn the retries at once or wait the cap); the local clock only when
        the answer has no usable Date."""
        try:
            reset = float(response.headers.get("X-Rate-Limit-Reset", ""))
        except ValueError:
            return 1.0
        if not math.isfinite(reset):
            return 1.0
        try:
            now = email.utils.parsedate_to_datetime(response.headers["Date"]).timestamp()
        except (KeyError, TypeError, ValueError, IndexError, OverflowError):
            now = self.clock() - 1  # no Okta clock: the local one, with the same second of margin
        return min(max(reset - now + 1, 0.0), MAX_WAIT_SECONDS)

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        response = self._get(path, params)
        return _json(response, expect_any=True)

    def get_text(self, path: str, params: dict[str, Any] | None = None) -> str:
        """A non-JSON document (an app's SAML metadata)."""
        return self._get(path, params, accept="application/xml").text

    def write(self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None) -> Any:
        """POST or PUT; refused unless this client was made to write (behind a command's --confirm)."""
        if not self.allow_writes or method not in ("POST", "PUT"):
            raise AssertionError(f"this client does not write ({method} {path})")
        response = self._send(
            method,
            path,
            repeatable=method == "PUT",  # a PUT sets the same state twice; a POST (a new key) does not
            json=body,
            params=params,
            headers={"Authorization": self._authorization_header()},
        )
        if response.status_code not in (200, 201):
            raise self._error(response, method)
        return _json(response, expect_any=True)

    def get_all(self, path: str, params: dict[str, Any] | None = None) -> list[Any]:
        return list(self.iterate(path, params))

    def iterate(self, path: str, params: dict[str, Any] | None = None) -> Iterator[Any]:
        """Every item of a list endpoint, following `Link: <...>; rel="next"` on the same org only."""
        url: str | None = path
        query: dict[str, Any] | None = {"limit": PAGE_SIZE, **(params or {})}
        seen: set[str] = set()
        while url is not None:
            # A server that links a page to itself (or loops) would be followed forever; one that never ends,
            # past any org this tool serves.
            if url in seen:
                raise InputError("Okta", f"GET {_path(path)}", "a next-page link points to a page already read")
            if len(seen) >= MAX_PAGES:
                raise InputError("Okta", f"GET {_path(path)}", f"more than {MAX_PAGES} pages; stopped")
            seen.add(url)
            response = self._get(url, query)
            page = _json(response, expect_any=True)
            if not isinstance(page, list):
                raise InputError("Okta", f"GET {_path(url)}", "answered with something other than a list")
            yield from page
            url, query = self._next_page(response), None

    def _next_page(self, response: httpx.Response) -> str | None:
        link = response.links.get("next", {}).get("url")
        if not link:
            return None
        if not same_origin(link, self.base_url):
            # The credentials would go with the request: never follow a link off the org.
            raise InputError("Okta", f"GET {_path(str(response.url))}", f"a next-page link points off the org: {link}")
        return link

    def _get(self, url: str, params: dict[str, Any] | None, accept: str = "application/json") -> httpx.Response:
        headers = {"Authorization": self._authorization_header(), "Accept": accept}
        response = self._send("GET", url, params=params, headers=headers)
        if response.status_code == 200:
            return response
        raise self._error(response)

    def _error(self, response: httpx.Response, method: str = "GET") -> InputError:
        path = _path(str(response.url))
        where = f"{method} {path}"
        body = _json(response)
        summary = str(body.get("errorSummary") or "")[:200]
        status = response.status_code
        if status == 401:
            credential = "OKTA_API_TOKEN" if self.credentials.kind == "token" else "the service app's access token"
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
            return InputError("Okta", where, f"429: still rate-limited after {MAX_RETRIES} waits; try again later")
        return InputError("Okta", where, f"{status}: {summary or response.reason_phrase or 'failed'}")


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path or url


def _json(response: httpx.Response, expect_any: bool = False) -> Any:
    try:
        value = response.json()
    except ValueError:
        if expect_any:
            raise InputError(
                "Okta", f"{response.request.method} {_path(str(response.url))}", "answered with non-JSON"
            ) from None
        return {}
    return value if expect_any or isinstance(value, dict) else {}
