"""An access token from Gainsight's OAuth token endpoint: the client-credentials grant (RFC 6749 §4.4).

The client authenticates with HTTP Basic, which RFC 6749 §2.3.1 requires servers to support and prefers to
credentials in the form body: the secret then stays out of the body, where a logging proxy or an echoing error
page is likelier to show it. As §2.3.1 says, the id and secret are form-urlencoded before Basic's base64; for the
letters, digits and dashes of Gainsight's ids and secrets that changes nothing.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from urllib.parse import quote_plus

import httpx

from components.errors import InputError
from components.gainsight.credentials import GainsightCredentials
from components.gainsight.refusals import SOURCE, as_gainsight, token_error
from components.http.addresses import HEADER_TEXT, endpoint_path
from components.http.bounded_body import parse_json

Send = Callable[..., tuple[httpx.Response, bytes]]


def basic_authorization(credentials: GainsightCredentials) -> str:
    pair = f"{quote_plus(credentials.client_id)}:{quote_plus(credentials.client_secret)}"
    return "Basic " + base64.b64encode(pair.encode("ascii")).decode("ascii")


def client_credentials_token(token_url: str, credentials: GainsightCredentials, send: Send) -> str:
    """The access token; `send` is the client's bounded, retried request."""
    where = f"POST {endpoint_path(token_url)}"
    response, body = send(
        "POST",
        token_url,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": basic_authorization(credentials), "Accept": "application/json"},
    )
    if response.status_code != 200:
        raise token_error(response, body, where, (credentials.client_secret,))
    try:
        document = parse_json(body, where)
    except InputError as error:
        raise as_gainsight(error) from None
    token = document.get("access_token") if isinstance(document, dict) else None
    if not isinstance(token, str) or not token:
        raise InputError(SOURCE, where, "responded without an access_token")
    if not HEADER_TEXT.match(token):  # it goes into a header: CR, LF or non-ASCII would break or inject one
        raise InputError(SOURCE, where, "responded with an access token no HTTP header can carry")
    return token
