"""Who authorizes Okta's SCIM connector in Gainsight (issue 32, item 2). Gainsight's SCIM API reads for any admin
and creates, updates and patches users for super admins only (design facts, Gainsight's side): a connector
authorized by anyone else is saved, and every push fails. Okta logs each failed push as an event of the app
(Okta's "Provisioning integration error events": `application.provision.user.push_profile`, outcome FAILURE) and
puts the app user in syncState ERROR; `verify` reads the System Log then and says who should authorize."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from components.gainsight.endpoints import SCIM_PATH
from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer
from tests.servers.gainsight_server import CORE_USER, GainsightServer
from tests.verify.test_verify import ENV, adopted_stack, verify  # noqa: F401 (adopted_stack: the fixture)

NEW_USER = {"schemas": [CORE_USER], "userName": "erin@acme.example", "active": True}


def test_gainsight_lets_anyone_read_and_only_a_super_admin_write() -> None:
    with GainsightServer() as gainsight, httpx.Client(base_url=gainsight.url + SCIM_PATH, trust_env=False) as http:
        for super_admin, created in ((False, 403), (True, 201)):
            headers = {"Authorization": f"Bearer {gainsight.user_token(super_admin=super_admin)}"}
            assert http.get("/Users", headers=headers).status_code == 200
            answer = http.post("/Users", json=NEW_USER, headers=headers)
            assert answer.status_code == created, answer.text


def refused_push_detail() -> str:
    """What Gainsight answers Okta's connector authorized by an admin who is not a super admin."""
    with GainsightServer() as gainsight, httpx.Client(base_url=gainsight.url + SCIM_PATH, trust_env=False) as http:
        token = gainsight.user_token(super_admin=False)
        answer = http.post("/Users", json=NEW_USER, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 403
    return f"{answer.status_code} {answer.json()['detail']}"


def record_push_failures(url: str, users: list[str], detail: str) -> None:
    """The emulator's control call: what Okta logs when the pushes fail (components/emulator/system_log.py)."""
    body = {"users": users, "action": "push_profile", "detail": detail}
    headers = {"Authorization": f"SSWS {TOKEN}"}
    httpx.post(f"{url}/_emulator/apps/{SCIM_ID}/push-failures", json=body, headers=headers).raise_for_status()


def users_named(org, *prefixes: str) -> list[str]:
    return [uid for uid, user in org.users.items() if user["profile"]["login"].startswith(prefixes)]


def test_verify_says_a_super_admin_must_authorize_when_gainsight_refuses_the_pushes(adopted_stack: Path) -> None:  # noqa: F811
    org = article_org()
    with FakeOktaServer(org) as url:
        record_push_failures(url, users_named(org, "alice", "bob"), refused_push_detail())
        result = verify(url, adopted_stack)
        markdown = run_cli(
            "verify", "--stack", "acme", "--config", str(adopted_stack), "--okta-url", url, "--markdown", env=ENV
        ).stdout
    assert result.returncode == 1, result.stderr
    by_check = {finding["check"]: finding for finding in json.loads(result.stdout)["findings"]}
    refused = by_check["scim-writes-refused"]["message"]
    assert refused.startswith("2 push(es) to Gainsight refused since 20")
    assert "(Okta's System Log: 403 Forbidden: only a Super Admin can create or update users)" in refused
    assert "only for a Super Admin" in refused and "sign in to Gainsight as a Super Admin (runbook step 3)" in refused
    assert "2 ERROR" in by_check["sync-errors"]["message"]
    assert ("GET", "/api/v1/logs") in org.requests
    assert "Super Admin" in markdown and "alice@acme.example" not in markdown  # the issue names no one


def test_a_healthy_app_reads_no_system_log(adopted_stack: Path) -> None:  # noqa: F811
    org = article_org()
    with FakeOktaServer(org) as url:
        verify(url, adopted_stack)
    assert ("GET", "/api/v1/logs") not in org.requests


def test_without_okta_logs_read_the_sync_errors_say_which_scope_shows_why(adopted_stack: Path) -> None:  # noqa: F811
    org = article_org()
    org.deny.add("/api/v1/logs")
    with FakeOktaServer(org) as url:
        record_push_failures(url, users_named(org, "alice"), refused_push_detail())
        result = verify(url, adopted_stack)
    by_check = {finding["check"]: finding for finding in json.loads(result.stdout)["findings"]}
    assert "scim-writes-refused" not in by_check
    assert by_check["sync-errors"]["message"].endswith("grant okta.logs.read for Okta's reasons in this report")


def test_other_failures_are_not_blamed_on_the_authorizer(adopted_stack: Path) -> None:  # noqa: F811
    org = article_org()
    with FakeOktaServer(org) as url:
        record_push_failures(url, users_named(org, "alice"), "500 Internal Server Error")
        result = verify(url, adopted_stack)
    checks = {finding["check"] for finding in json.loads(result.stdout)["findings"]}
    assert "sync-errors" in checks and "scim-writes-refused" not in checks
