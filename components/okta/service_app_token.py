"""An access token for an OAuth 2.0 service app: client credentials with a private-key JWT, as the okta
provider's `private_key` settings get one."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import jwt

from components.errors import InputError
from components.http.addresses import HEADER_TEXT
from components.http.bounded_body import error_object
from components.okta.credentials import Credentials

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


def access_token(base_url: str, credentials: Credentials, now: float, send: Send) -> str:
    """The token; `send` is the client's request with its deadline and retries."""
    token_url = f"{base_url}/oauth2/v1/token"
    form: dict[str, Any] = {
        "grant_type": "client_credentials",
        "scope": " ".join(credentials.scopes),
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion": _assertion(credentials, token_url, int(now)),
    }
    # A second token does no harm: the token request may be sent again.
    response, body = send("POST", token_url, repeatable=True, data=form)
    document = error_object(body, TOKEN_ENDPOINT)
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
    return token
