"""DPoP (RFC 9449): access tokens bound to a key of this process, for Okta service apps that require them.

A service app can require DPoP-bound tokens. Okta then answers a token request without a proof `400
{"error": "invalid_dpop_proof", "error_description": "The DPoP proof JWT header is missing."}`. The request is made
again with a proof: a JWT typed `dpop+jwt`, signed with a key made for it, whose public half is in the JWT header
(`jwk`), naming the method (`htm`) and URL (`htu`). Okta answers a proof without its nonce `400
{"error": "use_dpop_nonce"}` with a `DPoP-Nonce` header, and the proof is made once more with it. Each request then
carries `Authorization: DPoP <token>` and a new proof that also holds `ath`, the token's SHA-256.

The okta provider does the same (sdk/v2_requestExecutor.go: getAccessTokenForDpopPrivateKey, generateDpopJWT): a
new RSA 2048 key per token, RS256, the nonce in every proof. The key never leaves this process; PyJWT signs.
"""

from __future__ import annotations

import base64
import hashlib
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

PROOF_TYPE = "dpop+jwt"
MISSING_PROOF = "invalid_dpop_proof"  # Okta's `error` when the service app requires DPoP and none was sent
NEEDS_NONCE = "use_dpop_nonce"
NONCE_HEADER = "DPoP-Nonce"


def token_hash(access_token: str) -> str:
    """`ath`: base64url (no padding) of the token's SHA-256 (RFC 9449 §4.2)."""
    digest = hashlib.sha256(access_token.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def target(url: str) -> str:
    """`htu`: the request's URL without its query and fragment (RFC 9449 §4.2)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


@dataclass
class DpopKey:
    """The key one token is bound to, and the nonce Okta last gave."""

    private_key: rsa.RSAPrivateKey = field(repr=False)
    nonce: str | None = None

    @classmethod
    def new(cls) -> DpopKey:
        return cls(rsa.generate_private_key(public_exponent=65537, key_size=2048))

    def proof(self, method: str, url: str, access_token: str | None = None, now: float | None = None) -> str:
        claims: dict[str, object] = {
            "htm": method,
            "htu": target(url),
            "iat": int(time.time() if now is None else now),
            "jti": str(uuid.uuid4()),  # a new one for every request, retries included
        }
        if self.nonce:
            claims["nonce"] = self.nonce
        if access_token is not None:
            claims["ath"] = token_hash(access_token)
        public = RSAAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"typ": PROOF_TYPE, "jwk": public})
