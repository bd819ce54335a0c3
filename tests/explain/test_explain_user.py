"""`explain --user LOGIN --live` and `verify`'s Gainsight checks, end to end: the Okta emulator's article org
(alice in Test, bob in Viewer, carol in both; Test first) and Gainsight's SCIM API played by scim2-server on
127.0.0.1 (tests/servers/gainsight_server.py), both read only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from components.emulator.users import add_app_user
from components.gainsight.endpoints import SCIM_PATH, TOKEN_PATH
from tests.adopt.test_adopt_verify import ENV, adopted
from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, article_org
from tests.servers.fake_okta import FakeOktaServer, FakeOrg
from tests.servers.gainsight_server import CLIENT_ID, CLIENT_SECRET, GainsightServer

GAINSIGHT_ENV = {**ENV, "GAINSIGHT_CLIENT_ID": CLIENT_ID, "GAINSIGHT_CLIENT_SECRET": CLIENT_SECRET}


@pytest.fixture
def org() -> FakeOrg:
    return article_org()


@pytest.fixture
def stack(org: FakeOrg, tmp_path: Path) -> Path:
    path, _ = adopted(org, tmp_path)
    return path


def pointed_at(stack: Path, gainsight: GainsightServer) -> Path:
    """The stack with Gainsight's addresses set to the local server (a real stack keeps the defaults)."""
    document = yaml.safe_load(stack.read_text())
    document["config"]["gainsight-okta:gainsightTokenUrl"] = gainsight.url + TOKEN_PATH
    document["config"]["gainsight-okta:gainsightScimUrl"] = gainsight.url + SCIM_PATH
    stack.write_text(yaml.safe_dump(document, sort_keys=False))
    return stack


def explain(org: FakeOrg, stack: Path, login: str, *extra: str, env: dict[str, str] = ENV) -> Any:
    with FakeOktaServer(org) as url:
        return run_cli(
            "explain", "--stack", "acme", "--config", str(stack), "--user", login, "--live", "--okta-url", url,
            *extra, env=env,
        )  # fmt: skip


def test_a_person_s_groups_values_and_app_user_as_okta_holds_them(org: FakeOrg, stack: Path) -> None:
    result = explain(org, stack, "carol@acme.example", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [g["group"] for g in document["apps"]["scim"]] == ["Test", "Viewer"]  # priority order
    assert document["values"]["LicenseType"] == {"value": "Full", "from": ["Test"]}
    assert document["values"]["Department"] == {"value": ["Support"], "from": ["Viewer"]}
    assert document["okta"]["scope"] == "GROUP" and document["okta"]["profile"]["LicenseType"] == "Full"
    assert document["gainsight"] is None  # not configured
    assert all(method == "GET" for method, _ in org.requests)


def test_the_text_says_where_okta_s_values_differ_from_the_groups(org: FakeOrg, stack: Path) -> None:
    bob = next(u for u, body in org.users.items() if body["profile"]["login"] == "bob@acme.example")
    add_app_user(org, SCIM_ID, bob, stale={"LicenseType": "Full"})
    result = explain(org, stack, "bob@acme.example")
    assert result.returncode == 0, result.stderr
    assert "SCIM app: through Viewer (priority 1)" in result.stdout
    assert '  LicenseType: "Viewer" (from Viewer, the highest-priority group that sets it)' in result.stdout
    assert '  LicenseType: Okta holds "Full", the groups give "Viewer"' in result.stdout
    assert "Gainsight: not read: set GAINSIGHT_CLIENT_ID and GAINSIGHT_CLIENT_SECRET" in result.stdout


def test_what_gainsight_holds_is_read_by_user_name(org: FakeOrg, stack: Path) -> None:
    with GainsightServer() as gainsight:
        gainsight.seed({"userName": "carol@acme.example", "LicenseType": "Viewer", "IsSuperAdmin": False})
        result = explain(org, pointed_at(stack, gainsight), "carol@acme.example", "--json", env=GAINSIGHT_ENV)
        asked = list(gainsight.requests)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["gainsight"] == {
        "found": True, "active": True, "LicenseType": "Viewer", "IsSuperAdmin": False}  # fmt: skip
    assert any('userName eq "carol@acme.example"' in query for _, _, query in asked) or any(
        "userName+eq" in query or "userName%20eq" in query for _, _, query in asked
    )
    assert CLIENT_SECRET not in result.stdout + result.stderr


def test_explain_refuses_user_without_live_and_an_unknown_login(org: FakeOrg, stack: Path) -> None:
    offline = run_cli("explain", "--stack", "acme", "--config", str(stack), "--user", "carol@acme.example", env=ENV)
    assert offline.returncode == 2 and offline.stderr.startswith("error: explain: --user:")
    unknown = explain(org, stack, "nobody@acme.example")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1 and "404" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_verify_compares_gainsight_with_the_scim_app_s_users(org: FakeOrg, stack: Path) -> None:
    """alice matches; bob holds Full in Gainsight but Viewer in Okta; carol is missing; zed is active in
    Gainsight with no Okta assignment."""
    with GainsightServer() as gainsight:
        gainsight.seed(
            {"userName": "alice@acme.example", "LicenseType": "Full", "IsSuperAdmin": True},
            {"userName": "bob@acme.example", "LicenseType": "Full"},
            {"userName": "zed@acme.example", "LicenseType": "Viewer"},
        )
        with FakeOktaServer(org) as url:
            result = run_cli(
                "verify", "--stack", "acme", "--config", str(pointed_at(stack, gainsight)), "--okta-url", url,
                "--json", env=GAINSIGHT_ENV,
            )  # fmt: skip
    assert result.returncode == 1, result.stderr
    found = {f["check"]: f for f in json.loads(result.stdout)["findings"]}
    assert found["gainsight-missing"]["people"] == ["carol@acme.example"]
    assert found["gainsight-not-assigned"]["people"] == ["zed@acme.example"]
    assert found["gainsight-values"]["people"] == ["bob@acme.example"]
    assert CLIENT_SECRET not in result.stdout + result.stderr


def test_a_wrong_gainsight_address_names_the_stack_file_and_key(org: FakeOrg, stack: Path) -> None:
    document = yaml.safe_load(stack.read_text())
    document["config"]["gainsight-okta:gainsightScimUrl"] = "http://gainsight.example/v1/users/services/scim"
    stack.write_text(yaml.safe_dump(document, sort_keys=False))
    result = explain(org, stack, "carol@acme.example", env=GAINSIGHT_ENV)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: {stack.name}") or stack.name in result.stderr
    assert "gainsightScimUrl" in result.stderr and "https" in result.stderr


def test_a_login_that_would_move_up_the_path_is_refused_before_any_request(org: FakeOrg, stack: Path) -> None:
    for login in (".", "..", " "):
        org.requests.clear()
        result = explain(org, stack, login)
        assert result.returncode == 2 and result.stderr.startswith("error: --user") and "Traceback" not in result.stderr
        assert not any(path.startswith("/api/v1/users") for _, path in org.requests)
