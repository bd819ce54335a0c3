"""Rotating the SSO app's IdP signing certificate in phases, so that sign-in to Gainsight never breaks.

The provider's `key_name` generates a key and switches the app to it in one apply (tryCreateCertificate in
resource_okta_app_saml.go), and Gainsight then rejects every sign-in until it has the new certificate. Here:

1. `generate`: Okta makes a new key (POST /apps/{id}/credentials/keys/generate); the app keeps signing with the
   old one. The hand-off gives Gainsight's admin the new certificate and the metadata for that key.
2. The switch is a reviewed change: a pull request sets `samlApp.signingKeyId` to the new kid, and `switch`
   (run by the deploy workflow, or by hand) points the app's `credentials.signing.kid` at it.
3. `verify` confirms the app signs with the stack's `signingKeyId`.
4. Rollback: set `signingKeyId` back to the old kid and `switch` again.

The provider sends the kid of the stack's *state* with every update of the app, so a switch made here must reach
the state (`pulumi refresh`) before the next update; until it does, the program refuses `pulumi up`
(resources/signing_key_gate.py).

Reads are always allowed; the two writes (generate, switch) happen only behind `--confirm`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from components.errors import InputError
from components.metadata.certificates import certificate_expiry
from components.okta.client import OktaClient
from components.okta.models.apps import OktaApp
from components.okta.models.base import read_document
from components.okta.models.directory import AppKey
from components.okta.org import read_app_document, read_keys


@dataclass(frozen=True)
class SigningKey:
    kid: str
    certificate: str  # base64 DER
    expires: datetime.datetime | None
    active: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "kid": self.kid,
            "active": self.active,
            "expires": self.expires.strftime("%Y-%m-%d") if self.expires else None,
        }


def signing_keys(client: OktaClient, app_id: str) -> list[SigningKey]:
    active = read_app_document(client, app_id).signing_kid
    return [
        SigningKey(key.kid, key.certificate, certificate_expiry(key.certificate), key.kid == active)
        for key in read_keys(client, app_id)
    ]


def metadata_url(base_url: str, app_id: str, kid: str) -> str:
    """The IdP metadata for one key, as `okta.app.get_metadata_saml(app_id, key_id)` reads it."""
    return f"{base_url}/api/v1/apps/{app_id}/sso/saml/metadata?kid={kid}"


def generate(client: OktaClient, app_id: str, years: int) -> SigningKey:
    if not 2 <= years <= 10:
        raise InputError("--years", "", "must be from 2 to 10 (Okta's range for app signing keys)")
    path = f"/api/v1/apps/{app_id}/credentials/keys/generate"
    document = client.write("POST", path, params={"validityYears": years})
    key = read_document(AppKey, document, f"POST {path}")
    certificate = (key.x5c or [""])[0]
    return SigningKey(key.kid, certificate, certificate_expiry(certificate), False)


def switch(client: OktaClient, app_id: str, kid: str) -> str:
    """Point the app at `kid`, one of its `signing_keys` (the caller checks, naming where the kid came from);
    returns the kid it signed with before. The app is sent whole, as Okta's PUT wants."""
    path = f"/api/v1/apps/{app_id}"
    whole = client.get(path)
    before = read_document(OktaApp, whole, f"GET {path}").signing_kid or ""
    if before == kid:
        return before
    # Validated above: `credentials` is an object or absent, and so is its `signing`.
    credentials = whole.setdefault("credentials", None) or {}
    whole["credentials"] = {**credentials, "signing": {**(credentials.get("signing") or {}), "kid": kid}}
    client.write("PUT", path, body=whole)
    return before
