"""Who may call: an API token (`SSWS …`), or a Bearer token issued for a service app's signed client assertion."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs

import jwt

from components.emulator.okta_errors import unauthorized
from components.emulator.org import EmulatedOrg
from components.emulator.request import Answer, Request, ok


def check(org: EmulatedOrg, authorization: str) -> None:
    if authorization.startswith("SSWS "):
        given = authorization.removeprefix("SSWS ").strip()
        if given and (org.token is None or given == org.token):
            return
    if authorization.startswith("Bearer ") and authorization.removeprefix("Bearer ") in org.issued_tokens:
        return
    raise unauthorized()


def issue_token(org: EmulatedOrg, request: Request) -> Answer:
    """POST /oauth2/v1/token with a private-key JWT client assertion (client credentials)."""
    form = {key: values[0] for key, values in parse_qs(request.body.decode(errors="replace")).items()}
    refused = Answer(
        401, {"error": "invalid_client", "error_description": "The client_assertion signature is invalid."}
    )
    if org.public_key is None:
        return refused
    try:
        claims = jwt.decode(
            form.get("client_assertion", ""),
            org.public_key,
            algorithms=["RS256"],
            audience=f"{request.base}/oauth2/v1/token",
        )
    except jwt.PyJWTError:
        return refused
    if claims.get("iss") != org.client_id or form.get("grant_type") != "client_credentials":
        return Answer(401, {"error": "invalid_client", "error_description": "Unknown client."})
    token = uuid.uuid4().hex
    org.issued_tokens.add(token)
    return ok({"token_type": "Bearer", "expires_in": 3600, "access_token": token, "scope": form.get("scope")})
