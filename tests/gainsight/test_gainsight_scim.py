"""The Gainsight SCIM client against scim2-server on 127.0.0.1 (tests/servers/gainsight_server.py): pages, filters,
Gainsight's extension, the addresses and the credentials it takes."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from components.errors import InputError
from components.gainsight.credentials import GainsightCredentials, gainsight_credentials_from_environment
from components.gainsight.endpoints import GainsightEndpoints, gainsight_endpoints
from components.gainsight.scim import filter_literal
from components.gainsight.users import GainsightUser
from components.limits import FILTER_NAMES
from tests.servers.gainsight_server import CLIENT_ID, CLIENT_SECRET, GainsightServer, client_for

USERS = "/v1/users/services/scim/Users"
TOKEN = "/v1/users/oauth/access/token"


def people(count: int) -> list[dict[str, object]]:
    return [{"userName": f"user{i:02d}@acme.com", "LicenseType": "Viewer", "IsSuperAdmin": False} for i in range(count)]


def user_queries(server: GainsightServer) -> list[dict[str, list[str]]]:
    return [parse_qs(query) for method, path, query in server.requests if (method, path) == ("GET", USERS)]


def test_every_user_is_read_page_by_page_until_total_results() -> None:
    with GainsightServer() as server:
        server.seed(*people(7))
        with client_for(server, page_size=3) as client:
            users = client.users()
        assert sorted(users) == [f"user{i:02d}@acme.com" for i in range(7)]
        assert [(q["startIndex"], q["count"]) for q in user_queries(server)] == [
            (["1"], ["3"]), (["4"], ["3"]), (["7"], ["3"]),
        ]  # fmt: skip
        assert [path for method, path, _ in server.requests if method == "POST"] == [TOKEN]  # one token for all


def test_a_last_full_page_ends_the_read_without_asking_for_an_empty_one() -> None:
    with GainsightServer() as server:
        server.seed(*people(6))
        with client_for(server, page_size=3) as client:
            assert len(client.users()) == 6
        assert len(user_queries(server)) == 2


def test_gainsight_s_extension_values_are_read_and_absent_ones_are_none() -> None:
    with GainsightServer() as server:
        server.seed(
            {"userName": "Ann@Acme.com", "LicenseType": "Full", "IsSuperAdmin": True},
            {"userName": "bob@acme.com", "active": False},
        )
        with client_for(server) as client:
            users = client.users()
    assert users == {
        "ann@acme.com": GainsightUser("Ann@Acme.com", True, "Full", True),
        "bob@acme.com": GainsightUser("bob@acme.com", False, None, None),
    }


def test_a_few_names_are_asked_for_one_by_one_with_a_user_name_filter() -> None:
    with GainsightServer() as server:
        server.seed(*people(5))
        with client_for(server) as client:
            found = client.users(["USER03@acme.com", "nobody@acme.com", "user03@acme.com"])
        assert list(found) == ["user03@acme.com"]
        assert [q["filter"] for q in user_queries(server)] == [
            ['userName eq "USER03@acme.com"'], ['userName eq "nobody@acme.com"'],
        ]  # fmt: skip
        assert all("startIndex" not in q for q in user_queries(server))


def test_a_user_name_with_a_quote_and_a_backslash_is_found_and_nobody_else() -> None:
    odd = 'o"brien\\ops@acme.com'
    with GainsightServer() as server:
        server.seed({"userName": odd}, {"userName": "o@acme.com"}, {"userName": "obrien@acme.com"})
        with client_for(server) as client:
            found = client.users([odd, 'x" or userName pr "'])
    assert list(found) == [odd]


def test_many_names_are_read_with_everyone_and_only_those_named_kept() -> None:
    names = [f"user{i:02d}@acme.com" for i in range(FILTER_NAMES + 1)]
    with GainsightServer() as server:
        server.seed(*people(30))
        with client_for(server, page_size=10) as client:
            found = client.users(names)
        assert sorted(found) == names
        assert all("filter" not in q for q in user_queries(server)) and len(user_queries(server)) == 3


def test_no_names_ask_for_nothing() -> None:
    with GainsightServer() as server, client_for(server) as client:
        assert client.users([]) == {}
        assert server.requests == []


def test_the_client_only_reads() -> None:
    with GainsightServer() as server:
        server.seed(*people(2))
        with client_for(server) as client:
            client.users()
            with pytest.raises(AssertionError, match="only reads"):
                client._reader.request("DELETE", "/Users/x")
        assert {(method, path) for method, path, _ in server.requests} == {("POST", TOKEN), ("GET", USERS)}


def test_filter_values_are_escaped_as_json_strings() -> None:
    assert filter_literal('a"b\\c') == '"a\\"b\\\\c"'
    assert filter_literal("tab\there") == '"tab\\u0009here"'
    assert filter_literal("josé") == '"josé"'


# ---- addresses --------------------------------------------------------------------------------


def test_the_addresses_default_to_the_tenant_s() -> None:
    assert gainsight_endpoints("https://acme.gainsightcloud.com", None, None) == GainsightEndpoints(
        "https://acme.gainsightcloud.com/v1/users/oauth/access/token",
        "https://acme.gainsightcloud.com/v1/users/services/scim",
    )


def test_the_addresses_can_be_set_apart() -> None:
    endpoints = gainsight_endpoints(
        "https://acme.gainsightcloud.com", "https://login.example.com:443/oauth/token", "http://[::1]:8080/scim/"
    )
    assert endpoints == GainsightEndpoints("https://login.example.com/oauth/token", "http://[::1]:8080/scim")


@pytest.mark.parametrize(
    ("token_url", "scim_url", "fragment"),
    [
        ("http://login.example.com/token", None, "gainsightTokenUrl: plain http:// is accepted only for a loopback"),
        (None, "ftp://acme.example.com/scim", "gainsightScimUrl: 'ftp://acme.example.com/scim' must be an https://"),
        (None, "https://me:pw@acme.example.com/scim", "must be an address with no user, query or fragment"),
        (None, "https://acme.example.com/scim?x=1", "must be an address with no user, query or fragment"),
        (None, "https://acme.example.com:99999/scim", "its port is not a number from 1 to 65535"),
        ("https://acme.example.com/to ken", None, "with no spaces"),
    ],
)
def test_an_address_set_apart_must_be_https(token_url: str | None, scim_url: str | None, fragment: str) -> None:
    with pytest.raises(InputError, match="gainsight-okta:gainsight") as refused:
        gainsight_endpoints("https://acme.gainsightcloud.com", token_url, scim_url)
    assert fragment in refused.value.line()


def test_the_tenant_must_be_an_https_origin() -> None:
    with pytest.raises(InputError) as refused:
        gainsight_endpoints("https://acme.example.com/x", None, None)
    assert "gainsight-okta:tenantUrl: 'https://acme.example.com/x' must be the tenant's origin" in refused.value.line()
    with pytest.raises(InputError, match="plain http:// is accepted only for a loopback host"):
        gainsight_endpoints("http://acme.example.com", None, None)


# ---- credentials ------------------------------------------------------------------------------


def test_no_credentials_mean_gainsight_is_not_configured() -> None:
    assert gainsight_credentials_from_environment({}) is None
    assert gainsight_credentials_from_environment({"GAINSIGHT_CLIENT_ID": " ", "GAINSIGHT_CLIENT_SECRET": ""}) is None


def test_both_credentials_are_read_and_the_secret_is_not_in_the_repr() -> None:
    environ = {"GAINSIGHT_CLIENT_ID": f" {CLIENT_ID} ", "GAINSIGHT_CLIENT_SECRET": CLIENT_SECRET}
    credentials = gainsight_credentials_from_environment(environ)
    assert credentials == GainsightCredentials(CLIENT_ID, CLIENT_SECRET)
    assert CLIENT_SECRET not in repr(credentials) and CLIENT_SECRET not in str(credentials)


@pytest.mark.parametrize(
    ("environ", "missing", "given"),
    [
        ({"GAINSIGHT_CLIENT_ID": CLIENT_ID}, "GAINSIGHT_CLIENT_SECRET", "GAINSIGHT_CLIENT_ID"),
        ({"GAINSIGHT_CLIENT_SECRET": CLIENT_SECRET}, "GAINSIGHT_CLIENT_ID", "GAINSIGHT_CLIENT_SECRET"),
    ],
)
def test_one_credential_without_the_other_names_the_missing_one(environ: dict[str, str], missing: str, given: str):
    with pytest.raises(InputError) as refused:
        gainsight_credentials_from_environment(environ)
    assert refused.value.line().startswith(f"error: {missing}: is not set, but {given} is: set both")
    assert CLIENT_SECRET not in refused.value.line()


def test_a_secret_with_a_line_break_is_refused_without_being_shown() -> None:
    environ = {"GAINSIGHT_CLIENT_ID": CLIENT_ID, "GAINSIGHT_CLIENT_SECRET": f"{CLIENT_SECRET}\nmore"}
    with pytest.raises(InputError, match="GAINSIGHT_CLIENT_SECRET: holds control characters") as refused:
        gainsight_credentials_from_environment(environ)
    assert CLIENT_SECRET not in refused.value.line()
