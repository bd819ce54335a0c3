"""DPoP-bound access tokens (RFC 9449) for a service app that requires them (issue 32, item 3).

Okta's guide "Configure OAuth 2.0 Demonstrating Proof-of-Possession", and the okta provider's client
(sdk/v2_requestExecutor.go, provider #1904 and #2076): a token request without a proof is refused with
`invalid_dpop_proof` ("The DPoP proof JWT header is missing."), a proof without the server's nonce with
`use_dpop_nonce` and a `DPoP-Nonce` header; the token is then of type DPoP, and every request carries
`Authorization: DPoP <token>` and a new proof with `ath`. The emulator's token endpoint runs in both modes."""

from __future__ import annotations

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from components.errors import InputError
from components.okta.client import OktaClient
from components.okta.credentials import credentials_from_environment
from components.okta.dpop import DpopKey, token_hash
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import FakeOktaServer

CLIENT_ID = "0oaSERVICEapp0000001"


def service_app(org, *, dpop: bool):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    org.public_key, org.client_id, org.dpop_required = key.public_key(), CLIENT_ID, dpop
    return credentials_from_environment(
        {
            "OKTA_API_CLIENT_ID": CLIENT_ID,
            "OKTA_API_PRIVATE_KEY": pem.decode(),
            "OKTA_API_PRIVATE_KEY_ID": "kid1",
            "OKTA_API_SCOPES": "okta.apps.read",
        }
    )


def token_requests(org) -> int:
    return sum(1 for method, path in org.requests if (method, path) == ("POST", "/oauth2/v1/token"))


def test_a_service_app_that_requires_dpop_gets_a_bound_token_in_three_requests() -> None:
    org = article_org()
    credentials = service_app(org, dpop=True)
    with FakeOktaServer(org) as url, OktaClient(url, credentials, sleep=lambda _s: None) as client:
        assert client.get(f"/api/v1/apps/{SSO_ID}")["id"] == SSO_ID
        assert client.get(f"/api/v1/apps/{SCIM_ID}")["id"] == SCIM_ID  # a second proof, a new jti
        assert [group["id"] for group in client.iterate(f"/api/v1/apps/{SCIM_ID}/groups")]  # a query: htu without it
    assert token_requests(org) == 3  # no proof, no nonce, then the token
    assert len(org.dpop_tokens) == 1 and len(org.dpop_proofs_seen) >= 5  # two for the token, one per request


def test_without_dpop_a_bearer_token_in_one_request() -> None:
    org = article_org()
    credentials = service_app(org, dpop=False)
    with FakeOktaServer(org) as url, OktaClient(url, credentials, sleep=lambda _s: None) as client:
        assert client.get(f"/api/v1/apps/{SSO_ID}")["id"] == SSO_ID
    assert token_requests(org) == 1 and org.dpop_tokens == {}


def test_a_retried_request_signs_a_new_proof() -> None:
    """A 429 retried with the same proof would be a replayed jti, which the server refuses."""
    org = article_org()
    credentials = service_app(org, dpop=True)
    org.throttle[f"/api/v1/apps/{SSO_ID}"] = 1
    with FakeOktaServer(org) as url, OktaClient(url, credentials, sleep=lambda _s: None) as client:
        assert client.get(f"/api/v1/apps/{SSO_ID}")["id"] == SSO_ID
    assert [path for _, path in org.requests].count(f"/api/v1/apps/{SSO_ID}") == 2


def test_a_refused_dpop_token_request_is_one_line_without_secrets() -> None:
    org = article_org()
    credentials = service_app(org, dpop=True)
    org.dpop_nonce = ""  # a server that asks for a nonce it never gives
    with (
        FakeOktaServer(org) as url,
        OktaClient(url, credentials, sleep=lambda _s: None) as client,
        pytest.raises(InputError) as refused,
    ):
        client.get(f"/api/v1/apps/{SSO_ID}")
    assert refused.value.line() == (
        "error: Okta: POST /oauth2/v1/token: asked for a DPoP nonce without a usable DPoP-Nonce"
    )
    assert token_requests(org) == 2


# The emulator's side: what it refuses, as Okta does.


def test_the_emulator_refuses_a_bound_token_without_its_proof() -> None:
    org = article_org()
    credentials = service_app(org, dpop=True)
    private = serialization.load_pem_private_key(credentials.private_key.encode(), None)
    key = DpopKey.new()
    with FakeOktaServer(org) as url:
        token_url = f"{url}/oauth2/v1/token"
        assertion = {"iss": CLIENT_ID, "sub": CLIENT_ID, "aud": token_url, "iat": 0, "exp": 4_000_000_000, "jti": "1"}
        form = {
            "grant_type": "client_credentials",
            "scope": "okta.apps.read",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": jwt.encode(assertion, private, algorithm="RS256"),
        }
        no_proof = httpx.post(token_url, data=form)
        assert no_proof.status_code == 400 and no_proof.json() == {
            "error": "invalid_dpop_proof",
            "error_description": "The DPoP proof JWT header is missing.",
        }
        form["client_assertion"] = jwt.encode({**assertion, "jti": "2"}, private, algorithm="RS256")
        no_nonce = httpx.post(token_url, data=form, headers={"DPoP": key.proof("POST", token_url)})
        assert no_nonce.status_code == 400 and no_nonce.json()["error"] == "use_dpop_nonce"
        key.nonce = no_nonce.headers["DPoP-Nonce"]
        form["client_assertion"] = jwt.encode({**assertion, "jti": "3"}, private, algorithm="RS256")
        issued = httpx.post(token_url, data=form, headers={"DPoP": key.proof("POST", token_url)}).json()
        assert issued["token_type"] == "DPoP"
        token, app_url = issued["access_token"], f"{url}/api/v1/apps/{SSO_ID}"

        def get(headers: dict[str, str]) -> httpx.Response:
            return httpx.get(app_url, headers=headers)

        assert get({"Authorization": f"Bearer {token}"}).status_code == 401  # a bound token is not a Bearer one
        assert get({"Authorization": f"DPoP {token}"}).status_code == 401  # no proof
        other = DpopKey.new()
        assert get({"Authorization": f"DPoP {token}", "DPoP": other.proof("GET", app_url, token)}).status_code == 401
        wrong_url = key.proof("GET", f"{url}/api/v1/apps/{SCIM_ID}", token)
        assert get({"Authorization": f"DPoP {token}", "DPoP": wrong_url}).status_code == 401
        no_ath = key.proof("GET", app_url)
        assert get({"Authorization": f"DPoP {token}", "DPoP": no_ath}).status_code == 401
        proof = key.proof("GET", app_url, token)
        assert get({"Authorization": f"DPoP {token}", "DPoP": proof}).status_code == 200
        assert get({"Authorization": f"DPoP {token}", "DPoP": proof}).status_code == 401  # a proof is used once
    assert jwt.get_unverified_header(proof)["typ"] == "dpop+jwt"
    assert jwt.decode(proof, options={"verify_signature": False})["ath"] == token_hash(token)
