"""Who may call: an API token (`SSWS …`), or an access token issued for a service app's signed client assertion:
`Bearer`, or `DPoP`-bound when the service app requires it.

DPoP, as Okta's guide "Configure OAuth 2.0 Demonstrating Proof-of-Possession" and RFC 9449 describe it, and as the
okta provider speaks it (sdk/v2_requestExecutor.go):
- a token request without a `DPoP` header, to a service app that requires one: 400 `invalid_dpop_proof`, "The DPoP
  proof JWT header is missing.";
- a proof without the server's nonce: 400 `use_dpop_nonce`, "Authorization server requires nonce in DPoP proof.",
  with the nonce in a `DPoP-Nonce` header;
- then a token of `token_type` DPoP, bound to the proof's key (its JWK SHA-256 thumbprint, RFC 7638);
- each request with it: `Authorization: DPoP <token>` and a proof of that key for its method and URL (`htm`,
  `htu` without the query), with `ath` (the token's SHA-256) and a `jti` not seen before; anything else is 401.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from typing import Any
from urllib.parse import parse_qs

import jwt

from components.emulator.okta_errors import OktaError, unauthorized
from components.emulator.org import EmulatedOrg
from components.emulator.request import Answer, Request, ok

PROOF_AGE_SECONDS = 300  # how far a proof's `iat` may be from the org's clock


class ProofError(Exception):
    pass


def thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638: the SHA-256 of the key's required members, sorted, without spaces."""
    required = {"RSA": ("e", "kty", "n"), "EC": ("crv", "kty", "x", "y")}.get(str(jwk.get("kty")))
    if required is None:
        raise ProofError("the proof's jwk is not an RSA or EC public key")
    canonical = json.dumps({name: jwk[name] for name in required}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()


def _proof_claims(org: EmulatedOrg, proof: str, method: str, url: str) -> tuple[dict[str, Any], str]:
    """The claims of a valid proof for this request, and its key's thumbprint; ProofError otherwise."""
    try:
        header = jwt.get_unverified_header(proof)
        jwk = header.get("jwk")
        if header.get("typ") != "dpop+jwt" or header.get("alg") not in ("RS256", "ES256") or not isinstance(jwk, dict):
            raise ProofError("the proof's header must be typ dpop+jwt, RS256 or ES256, with its public jwk")
        if "d" in jwk:
            raise ProofError("the proof's jwk holds a private key")
        key = jwt.PyJWK(jwk).key
        claims = jwt.decode(proof, key, algorithms=[header["alg"]], options={"verify_aud": False})
    except jwt.PyJWTError as error:
        raise ProofError(f"the proof does not verify: {error}") from None
    if claims.get("htm") != method or claims.get("htu") != url:
        raise ProofError("the proof is for another method or URL")
    if not isinstance(claims.get("iat"), int) or abs(claims["iat"] - org.clock()) > PROOF_AGE_SECONDS:
        raise ProofError("the proof's iat is not now")
    jti = claims.get("jti")
    if not isinstance(jti, str) or jti in org.dpop_proofs_seen:
        raise ProofError("the proof's jti is missing or was used before")
    org.dpop_proofs_seen.add(jti)
    return claims, thumbprint(jwk)


def _dpop_refused(error: str, description: str, nonce: str | None = None) -> OktaError:
    refused = OktaError(401, "E0000011", "Invalid token provided", [description])
    refused.headers = {"WWW-Authenticate": f'DPoP error="{error}", error_description="{description}"'}
    if nonce:
        refused.headers["DPoP-Nonce"] = nonce
    return refused


def check(org: EmulatedOrg, request: Request) -> None:
    authorization = request.authorization
    if authorization.startswith("SSWS "):
        given = authorization.removeprefix("SSWS ").strip()
        if given and (org.token is None or given == org.token):
            return
    if authorization.startswith("Bearer "):
        token = authorization.removeprefix("Bearer ")
        if token in org.issued_tokens and token not in org.dpop_tokens:
            return
    if authorization.startswith("DPoP "):
        token = authorization.removeprefix("DPoP ")
        bound = org.dpop_tokens.get(token)
        if bound is None or token not in org.issued_tokens:
            raise unauthorized()
        if not request.dpop:
            raise _dpop_refused("invalid_dpop_proof", "The DPoP proof JWT header is missing.")
        try:
            claims, key = _proof_claims(org, request.dpop, request.method, request.base + request.path)
        except ProofError as error:
            raise _dpop_refused("invalid_dpop_proof", str(error)) from None
        if key != bound or claims.get("ath") != _token_hash(token):
            raise _dpop_refused("invalid_dpop_proof", "The proof is not bound to this access token.")
        return
    raise unauthorized()


def _token_hash(token: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(token.encode()).digest()).rstrip(b"=").decode()


def _oauth_error(error: str, description: str, headers: list[tuple[str, str]] | None = None) -> Answer:
    return Answer(400, {"error": error, "error_description": description}, headers or [])


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
    bound: str | None = None
    if request.dpop:
        try:
            proof, bound = _proof_claims(org, request.dpop, "POST", f"{request.base}/oauth2/v1/token")
        except ProofError as error:
            return _oauth_error("invalid_dpop_proof", str(error))
        if proof.get("nonce") != org.dpop_nonce:
            return _oauth_error(
                "use_dpop_nonce",
                "Authorization server requires nonce in DPoP proof.",
                [("DPoP-Nonce", org.dpop_nonce)],
            )
    elif org.dpop_required:
        return _oauth_error("invalid_dpop_proof", "The DPoP proof JWT header is missing.")
    token = uuid.uuid4().hex
    org.issued_tokens.add(token)
    if bound is not None:
        org.dpop_tokens[token] = bound
    kind = "DPoP" if bound is not None else "Bearer"
    return ok({"token_type": kind, "expires_in": 3600, "access_token": token, "scope": form.get("scope")})
