"""The read-only client against a fake org over real HTTP on 127.0.0.1: pagination, rate limits, retries,
errors that name the permission or id, credentials that never leak, and nothing but GET."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from components.errors import InputError
from components.limits import RETRIES
from components.okta.client import OktaClient, same_origin
from components.okta.credentials import Credentials, credentials_from_environment, org_url
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer


class Waits:
    def __init__(self) -> None:
        self.seconds: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


def client_for(url: str, waits: Waits | None = None, token: str = TOKEN) -> OktaClient:
    return OktaClient(url, Credentials("token", token=token), sleep=waits or Waits())


def test_pagination_follows_link_next_until_the_last_page() -> None:
    org = article_org()
    for index in range(450):
        org.assign(SCIM_ID, org.add_group(f"Group {index:03d}"), index + 2)
    with FakeOktaServer(org) as url, client_for(url) as client:
        groups = list(client.iterate(f"/api/v1/apps/{SCIM_ID}/groups"))
    assert len(groups) == 452
    assert [path for method, path in org.requests].count(f"/api/v1/apps/{SCIM_ID}/groups") == 3  # 200 a page


def test_a_next_link_off_the_org_is_never_followed() -> None:
    org = article_org()
    with FakeOktaServer(org) as url, client_for(url) as client:
        response = client._http.get("/api/v1/apps", headers={"Authorization": f"SSWS {TOKEN}"})
        response.headers["Link"] = '<https://evil.example/api/v1/apps?after=1>; rel="next"'
        with pytest.raises(InputError) as caught:
            client._next_page(response)
    assert "points off the org" in caught.value.message


def test_429_waits_for_the_rate_limit_reset_then_succeeds() -> None:
    org = article_org()
    org.throttle[f"/api/v1/apps/{SSO_ID}"] = 2
    waits = Waits()
    with FakeOktaServer(org) as url, client_for(url, waits) as client:
        app = client.get(f"/api/v1/apps/{SSO_ID}")
    assert app["label"] == "Gainsight"
    assert len(waits.seconds) == 2 and all(0 < s <= 2.2 for s in waits.seconds)  # X-Rate-Limit-Reset = now + 1


def test_5xx_is_retried_with_backoff_and_a_bound() -> None:
    org = article_org()
    org.fail[f"/api/v1/apps/{SSO_ID}"] = 2
    waits = Waits()
    with FakeOktaServer(org) as url, client_for(url, waits) as client:
        assert client.get(f"/api/v1/apps/{SSO_ID}")["id"] == SSO_ID
        assert waits.seconds == [0.5, 1.0]
        org.fail[f"/api/v1/apps/{SSO_ID}"] = RETRIES + 5
        with pytest.raises(InputError) as caught:
            client.get(f"/api/v1/apps/{SSO_ID}")
    assert "500" in caught.value.message


@pytest.mark.parametrize(
    ("setup", "path", "fragment"),
    [
        ("bad token", f"/api/v1/apps/{SSO_ID}", "401: OKTA_API_TOKEN was refused"),
        (
            "deny schemas",
            f"/api/v1/meta/schemas/apps/{SCIM_ID}/default",
            "403: not allowed; the credential needs the okta.schemas.read scope",
        ),
        ("deny mappings", "/api/v1/mappings", "okta.profileMappings.read"),
        ("none", "/api/v1/apps/0oaDOESNOTEXIST0000", "404: not found; check the id"),
    ],
)
def test_errors_name_the_permission_or_the_id_and_never_the_token(setup: str, path: str, fragment: str) -> None:
    org = article_org()
    org.deny = (
        {"/api/v1/meta/schemas"}
        if setup == "deny schemas"
        else {"/api/v1/mappings"}
        if setup == "deny mappings"
        else set()
    )
    token = "00aWRONGtokenVALUE9999999999" if setup == "bad token" else TOKEN
    with FakeOktaServer(org) as url, client_for(url, token=token) as client, pytest.raises(InputError) as caught:
        list(client.iterate(path)) if path.endswith("mappings") else client.get(path)
    line = caught.value.line()
    assert fragment in line and "\n" not in line
    assert token not in line and TOKEN not in line


def test_the_oauth_private_key_flow_gets_a_bearer_token() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    org = article_org()
    org.public_key, org.client_id = key.public_key(), "0oaSERVICEapp0000001"
    environ = {
        "OKTA_API_CLIENT_ID": "0oaSERVICEapp0000001",
        "OKTA_API_PRIVATE_KEY": pem.decode().replace("\n", "\\n"),  # as a CI secret often arrives
        "OKTA_API_PRIVATE_KEY_ID": "kid1",
        "OKTA_API_SCOPES": "okta.apps.read,okta.groups.read",
    }
    credentials = credentials_from_environment(environ)
    assert "PRIVATE" not in repr(credentials)
    with FakeOktaServer(org) as url, OktaClient(url, credentials, sleep=Waits()) as client:
        assert client.get(f"/api/v1/apps/{SSO_ID}")["id"] == SSO_ID
    assert org.requests[0] == ("POST", "/oauth2/v1/token")


def test_a_wrong_private_key_is_one_error_line() -> None:
    key, other = (rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2))
    org = article_org()
    org.public_key, org.client_id = other.public_key(), "0oaSERVICEapp0000001"
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    credentials = Credentials(
        "private key", client_id="0oaSERVICEapp0000001", private_key=pem.decode(), scopes=("okta.apps.read",)
    )
    with (
        FakeOktaServer(org) as url,
        OktaClient(url, credentials, sleep=Waits()) as client,
        pytest.raises(InputError) as caught,
    ):
        client.get(f"/api/v1/apps/{SSO_ID}")
    assert "could not get a token" in caught.value.message and "BEGIN" not in caught.value.line()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("http://127.0.0.1:8080", True),
        ("http://localhost:9", True),
        ("https://acme.okta.com", True),
        ("http://acme.okta.com", False),
        ("https://acme.okta.com/admin", False),
        ("ftp://acme.okta.com", False),
    ],
)
def test_plain_http_only_for_loopback(url: str, ok: bool) -> None:
    if ok:
        assert org_url(url, {}) == url
    else:
        with pytest.raises(InputError):
            org_url(url, {})


def test_the_org_comes_from_the_stack_then_the_environment() -> None:
    assert org_url(None, {"okta:orgName": "acme", "okta:baseUrl": "okta.com"}, {}) == "https://acme.okta.com"
    assert (
        org_url(None, {}, {"OKTA_ORG_NAME": "acme", "OKTA_BASE_URL": "okta-emea.com"}) == "https://acme.okta-emea.com"
    )
    with pytest.raises(InputError):
        org_url(None, {}, {})


def test_okta_http_proxy_is_the_org_s_address_as_the_provider_takes_it() -> None:
    """The okta provider sends every request to okta:httpProxy when it is set, okta:orgName or not (its
    okta/api/idaas.go); the tool did so only without okta:orgName and read https://acme.okta.com instead (found by
    e2e/test_shown_commands.py, the docs' `verify --stack prod` on a stack with both)."""
    both = {"okta:orgName": "acme", "okta:baseUrl": "okta.com", "okta:httpProxy": "http://127.0.0.1:8080/"}
    assert org_url(None, both, {}) == "http://127.0.0.1:8080"
    assert org_url(
        None, {"okta:orgName": "acme", "okta:baseUrl": "okta.com"}, {"OKTA_HTTP_PROXY": "http://[::1]:9"}
    ) == ("http://[::1]:9")
    assert org_url("https://other.okta.com", both, {}) == "https://other.okta.com"  # --okta-url says it outright
    # A proxy elsewhere stays the provider's (Okta's paging links name the org): the tool reads the org itself.
    elsewhere = {**both, "okta:httpProxy": "https://cache.corp.example:8443"}
    assert org_url(None, elsewhere, {}) == "https://acme.okta.com"
    # A bad loopback proxy is one line naming where it was set, never echoing the address (it may hold a password).
    for bad, environ, key in (
        ({**both, "okta:httpProxy": "http://bob:s3cret@127.0.0.1:8080"}, {}, "okta:httpProxy"),
        ({}, {"OKTA_HTTP_PROXY": "http://127.0.0.1:8080/some/path", "OKTA_ORG_NAME": "acme"}, "OKTA_HTTP_PROXY"),
    ):
        with pytest.raises(InputError) as caught:
            org_url(None, bad, environ)
        assert caught.value.source == key and "s3cret" not in caught.value.line(), caught.value.line()


def test_no_credentials_is_one_error_saying_which_variables() -> None:
    with pytest.raises(InputError) as caught:
        credentials_from_environment({})
    assert "OKTA_API_TOKEN" in caught.value.message and "OKTA_API_PRIVATE_KEY" in caught.value.message


def test_a_client_not_made_to_write_refuses_to() -> None:
    """adopt and verify build their client without allow_writes: whatever they call, nothing is written."""
    org = article_org()
    with FakeOktaServer(org) as url, client_for(url) as client, pytest.raises(AssertionError):
        client.write("PUT", f"/api/v1/apps/{SSO_ID}", body={})
    assert org.requests == []


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("https://acme.okta.com:443", "https://acme.okta.com"),
        ("https://ACME.okta.com", "https://acme.okta.com"),
        ("http://127.0.0.1:80", "http://127.0.0.1"),
        ("https://acme.okta.com:8443", "https://acme.okta.com:8443"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ],
)
def test_an_explicit_default_port_is_the_same_org(given: str, base: str) -> None:
    """Okta's `Link` headers leave the default port out: `--okta-url https://acme.okta.com:443` must not make
    every second page "a link off the org"."""
    assert org_url(given, {}) == base
    assert same_origin(f"{base}/api/v1/groups?after=00g1", org_url(given, {}))
    assert same_origin(f"{given}/api/v1/groups?after=00g1", base)


@pytest.mark.parametrize(
    "link", ["https://acme.okta.com.evil.example/api/v1/groups", "http://acme.okta.com/api/v1/groups",
             "https://acme.okta.com:444/api/v1/groups", "https://acme.okta.com:99999/x", "//acme.okta.com/x"],
)  # fmt: skip
def test_a_link_to_another_origin_is_never_the_org(link: str) -> None:
    assert not same_origin(link, "https://acme.okta.com")


def test_a_malformed_port_is_one_error_line() -> None:
    with pytest.raises(InputError) as caught:
        org_url("https://acme.okta.com:99999", {})
    assert "port" in caught.value.message


@pytest.mark.parametrize("skew", [-3600.0, 0.0, 3600.0])
def test_the_429_wait_is_read_on_okta_s_clock(skew: float) -> None:
    """Okta's SDK waits `X-Rate-Limit-Reset - Date + 1` from the answer: a local clock an hour off must neither
    burn the retries at once nor wait the cap."""
    import time

    from components.emulator.rate_limits import RateLimits

    org = article_org()
    okta_now = [time.time() + skew]
    org.rate_limits = RateLimits(limits={"/api/v1/apps/{id}": 1}, clock=lambda: okta_now[0])
    waits = Waits()

    def sleep(seconds: float) -> None:
        waits(seconds)
        okta_now[0] += 60  # Okta's minute passes while we wait

    with FakeOktaServer(org) as url, OktaClient(url, Credentials("token", token=TOKEN), sleep=sleep) as client:
        client.get(f"/api/v1/apps/{SSO_ID}")
        client.get(f"/api/v1/apps/{SSO_ID}")  # the bucket of 1 is spent: one 429, one wait
    assert len(waits.seconds) == 1 and 1 <= waits.seconds[0] <= 61


def test_a_next_link_to_a_page_already_read_stops_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """A `next` that points back at the first page would be followed forever."""
    from components.emulator import assignments, paging

    def looping(items, query, base, path, *, default, cap):  # type: ignore[no-untyped-def]
        page, links = paging.page(items, query, base, path, default=default, cap=cap)
        return page, [*links[:1], f'<{base}{path}?limit=200>; rel="next"']

    monkeypatch.setattr(assignments, "page", looping)
    org = article_org()
    with FakeOktaServer(org) as url, client_for(url) as client, pytest.raises(InputError) as caught:
        list(client.iterate(f"/api/v1/apps/{SCIM_ID}/groups"))
    assert "already read" in caught.value.message
    assert len(org.requests) == 2  # the first page, and the link back to it once


def test_limit_only_where_documented_and_metadata_asked_for_as_xml() -> None:
    """Okta's reference documents `limit` on the app, group assignment and mapping lists, not on an app's keys;
    SAML metadata is asked for with `Accept: text/xml`, as the reference's example does."""
    import httpx

    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        # Streams, as a server's answers are (a response made with `json=` is read already).
        body = b"<EntityDescriptor/>" if request.url.path.endswith("/metadata") else b"[]"
        return httpx.Response(200, stream=httpx.ByteStream(body))

    client = OktaClient(
        "https://acme.okta.com", Credentials("token", token=TOKEN), transport=httpx.MockTransport(answer)
    )
    with client:
        client.get_all(f"/api/v1/apps/{SSO_ID}/credentials/keys")
        list(client.iterate(f"/api/v1/apps/{SCIM_ID}/groups", {"expand": "group"}))
        assert client.get_text(f"/api/v1/apps/{SSO_ID}/sso/saml/metadata", {"kid": "k1"}) == "<EntityDescriptor/>"
    keys, groups, metadata = seen
    assert "limit" not in keys.url.params
    assert (groups.url.params["limit"], groups.url.params["expand"]) == ("200", "group")
    assert metadata.headers["Accept"] == "text/xml"
