"""An access token for an OAuth 2.0 service app: client credentials with a private-key JWT, as the okta
provider's `private_key` settings get one; bound to a DPoP key when the service app requires it (dpop.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt

from components.errors import InputError
from components.http.addresses import HEADER_TEXT
from components.http.bounded_body import error_object
from components.okta.credentials import Credentials
from components.okta.dpop import MISSING_PROOF, NEEDS_NONCE, NONCE_HEADER, DpopKey

TOKEN_ENDPOINT = "POST /oauth2/v1/token"
Send = Callable[..., tuple[httpx.Response, bytes]]


def _assertion(credentials: Credentials, token_url: str, now: int) -> str:
    claims = {
        "iss": credentials.client_id,
        "sub": credentials.client_id,
        "aud": token_url,
        "iat": now,
        "exp": now + 300,
        "jti": str(uuid.uuid4()),
    }
    headers = {"kid": credentials.private_key_id} if credentials.private_key_id else None
    try:
        return jwt.encode(claims, credentials.private_key, algorithm="RS256", headers=headers)
    except (ValueError, TypeError, jwt.PyJWTError):
        raise InputError("OKTA_API_PRIVATE_KEY", "", "is not an RSA private key Okta can verify") from None


@dataclass(frozen=True)
class AccessToken:
    """A service app's access token: a Bearer token, or one bound to `dpop`'s key (dpop.py)."""

    value: str = field(repr=False)
    dpop: DpopKey | None = None

    def headers(self, method: str, url: str) -> dict[str, str]:
        """The credential headers of one request (a new DPoP proof each time: retries too)."""
        if self.dpop is None:
            return {"Authorization": f"Bearer {self.value}"}
        return {"Authorization": f"DPoP {self.value}", "DPoP": self.dpop.proof(method, url, self.value)}


def access_token(base_url: str, credentials: Credentials, now: float, send: Send) -> AccessToken:
    """The token; `send` is the client's request with its deadline and retries. Three token requests at most:
    without a proof, with one, with Okta's nonce (dpop.py)."""
    token_url = f"{base_url}/oauth2/v1/token"
    dpop: DpopKey | None = None
    for _ in range(3):
        form: dict[str, Any] = {
            "grant_type": "client_credentials",
            "scope": " ".join(credentials.scopes),
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": _assertion(credentials, token_url, int(now)),  # a new jti each time
        }
        key = dpop
        sign = (lambda key=key: {"DPoP": key.proof("POST", token_url)}) if key is not None else None
        # A second token does no harm: the token request may be sent again.
        response, body = send("POST", token_url, repeatable=True, data=form, sign=sign)
        document = error_object(body, TOKEN_ENDPOINT)
        error = document.get("error")
        if response.status_code == 400 and error == MISSING_PROOF and dpop is None:
            dpop = DpopKey.new()  # the service app requires DPoP-bound tokens
            continue
        if response.status_code == 400 and error == NEEDS_NONCE and dpop is not None and dpop.nonce is None:
            nonce = response.headers.get(NONCE_HEADER, "")
            if not nonce or not HEADER_TEXT.match(nonce):
                raise InputError("Okta", TOKEN_ENDPOINT, f"asked for a DPoP nonce without a usable {NONCE_HEADER}")
            dpop.nonce = nonce
            continue
        break
    if response.status_code != 200:
        detail = document.get("error_description") or document.get("error") or "refused"
        raise InputError(
            "Okta",
            TOKEN_ENDPOINT,
            f"{response.status_code}: the service app {credentials.client_id} could not get a token "
            f"({str(detail)[:200]}); check OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY_ID and that it is granted "
            f"{', '.join(credentials.scopes)}",
        )
    token = document.get("access_token")
    if not isinstance(token, str) or not token:
        raise InputError("Okta", TOKEN_ENDPOINT, "responded without an access token")
    if not HEADER_TEXT.match(token):  # it goes into a header: CR, LF or non-ASCII would break or inject one
        raise InputError("Okta", TOKEN_ENDPOINT, "responded with an access token no HTTP header can carry")
    bound = str(document.get("token_type", "")).lower() == "dpop"
    return AccessToken(token, dpop if bound else None)
