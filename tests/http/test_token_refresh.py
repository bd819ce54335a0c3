"""An OAuth access token that expires mid-command (a token lives an hour; `--timeout` may be one): for both
clients, a 401 gets one new token and one retry, and a second 401 is one `error:` line. Okta's and Gainsight's
servers here forget each token after its first use, or never accept one."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from components.errors import InputError
from components.okta.client import OktaClient
from components.okta.credentials import credentials_from_environment
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import FakeOktaServer
from tests.servers.gainsight_server import GainsightServer, client_for

CLIENT_ID = "0oaSERVICEapp0000001"


class OneUseTokens(set):
    """Issued tokens that each pass one check, then have expired."""

    def __contains__(self, token: object) -> bool:
        if super().__contains__(token):
            self.discard(token)
            return True
        return False


class RefusedTokens(set):
    """Issued tokens that never pass: a second 401 after the new token."""

    def __contains__(self, token: object) -> bool:
        return False


def _service_app(org) -> OktaClient:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    org.public_key, org.client_id = key.public_key(), CLIENT_ID
    return credentials_from_environment(
        {
            "OKTA_API_CLIENT_ID": CLIENT_ID,
            "OKTA_API_PRIVATE_KEY": pem.decode(),
            "OKTA_API_PRIVATE_KEY_ID": "kid1",
            "OKTA_API_SCOPES": "okta.apps.read",
        }
    )


def test_okta_an_expired_token_gets_one_new_token_and_one_retry() -> None:
    org = article_org()
    credentials = _service_app(org)
    org.issued_tokens = OneUseTokens()
    with FakeOktaServer(org) as url, OktaClient(url, credentials, sleep=lambda _s: None) as client:
        assert client.get(f"/api/v1/apps/{SSO_ID}")["id"] == SSO_ID
        assert client.get(f"/api/v1/apps/{SCIM_ID}")["id"] == SCIM_ID  # the first token has expired by now
    tokens = [path for method, path in org.requests if method == "POST"]
    assert tokens == ["/oauth2/v1/token", "/oauth2/v1/token"]
    assert len(org.requests) == 5  # token, app, app (401), token, app


def test_okta_a_second_401_is_one_error_line() -> None:
    org = article_org()
    credentials = _service_app(org)
    org.issued_tokens = RefusedTokens()
    with (
        FakeOktaServer(org) as url,
        OktaClient(url, credentials, sleep=lambda _s: None) as client,
        pytest.raises(InputError) as raised,
    ):
        client.get(f"/api/v1/apps/{SSO_ID}")
    assert raised.value.line() == (
        f"error: Okta: GET /api/v1/apps/{SSO_ID}: 401: the service app's access token was refused "
        "(invalid, expired or for another org)"
    )
    assert [path for method, path in org.requests if method == "POST"] == ["/oauth2/v1/token"] * 2


def test_okta_an_api_token_is_not_asked_again_on_a_401() -> None:
    org = article_org()
    org.issued_tokens = RefusedTokens()
    credentials = credentials_from_environment({"OKTA_API_TOKEN": "00wrong" * 7})
    with (
        FakeOktaServer(org) as url,
        OktaClient(url, credentials, sleep=lambda _s: None) as client,
        pytest.raises(InputError, match="401: OKTA_API_TOKEN was refused"),
    ):
        client.get(f"/api/v1/apps/{SSO_ID}")
    assert len(org.requests) == 1


def _people(count: int) -> list[dict]:
    return [{"userName": f"user{i:02d}@acme.com", "active": True} for i in range(count)]


def test_gainsight_an_expired_token_gets_one_new_token_and_one_retry() -> None:
    with GainsightServer() as server:
        server.seed(*_people(7))
        server.front.tokens = OneUseTokens()
        with client_for(server, page_size=3) as client:
            users = client.users()
        assert len(users) == 7
        assert sum(1 for method, _, _ in server.requests if method == "POST") == 3  # one per page


def test_gainsight_a_second_401_is_one_error_line() -> None:
    with GainsightServer() as server:
        server.seed(*_people(2))
        server.front.tokens = RefusedTokens()
        with client_for(server) as client, pytest.raises(InputError) as raised:
            client.users()
        assert raised.value.line().startswith("error: Gainsight: GET /v1/users/services/scim/Users: 401")
        assert sum(1 for method, _, _ in server.requests if method == "POST") == 2
