"""`verify` end to end, as a user runs it, against the Okta emulator on 127.0.0.1: it passes on the article's org
as adopted, and finds each defect planted in it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.adopt.test_adopt_verify import ENV, adopted
from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org, certificate
from tests.servers.fake_okta import FakeOktaServer


def verify(url: str, stack: Path, *extra: str):
    return run_cli("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url, "--json", *extra, env=ENV)


@pytest.fixture(scope="module")
def adopted_stack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One adoption of the article's org; verify matches groups by name, so every fresh org can use it."""
    stack, _ = adopted(article_org(), tmp_path_factory.mktemp("adopted"))
    return stack


def findings_after(defect: str, stack: Path) -> list[dict[str, Any]]:
    org = article_org()
    if defect == "swapped priority":
        for assignment in org.app_groups[SCIM_ID]:
            assignment["priority"] = 1 - assignment["priority"]
    elif defect == "attribute without namespace":
        org.schemas[SCIM_ID]["LicenseType"]["externalNamespace"] = None
    elif defect == "Deactivate Users off":
        org.apps[SCIM_ID]["features"].remove("PUSH_USER_DEACTIVATION")
    elif defect == "hand-made assignment":
        org.assign(SCIM_ID, org.add_group("Contractors"), 2, {"LicenseType": "Full"})
    elif defect == "certificate expiring in 30 days":
        org.keys[SSO_ID][0]["x5c"] = [certificate(30)]
    elif defect == "unreadable certificate":
        org.keys[SSO_ID][0]["x5c"] = ["bm90IGEgY2VydGlmaWNhdGU="]
    elif defect == "changed group value":
        org.app_groups[SCIM_ID][1]["profile"]["LicenseType"] = "Full"
    elif defect == "app username":
        org.apps[SCIM_ID]["credentials"]["userNameTemplate"]["template"] = "${source.samAccountName}"
    with FakeOktaServer(org) as url:
        result = verify(url, stack)
    document = json.loads(result.stdout)
    assert result.returncode == (1 if document["findings"] else 0), result.stderr
    assert all(method == "GET" for method, _ in org.requests)
    return document["findings"]


def test_verify_passes_on_a_clean_org(adopted_stack: Path) -> None:
    assert findings_after("none", adopted_stack) == []


@pytest.mark.parametrize(
    ("defect", "check", "fragment"),
    [
        ("swapped priority", "priority-order", "prioritised Viewer, Test in Okta; the stack says Test, Viewer"),
        ("attribute without namespace", "attribute", "external namespace is empty, not Gainsight's"),
        ("Deactivate Users off", "provisioning", "not enabled under Provisioning > To App: Deactivate Users"),
        ("hand-made assignment", "manual-assignment", "group 'Contractors' was assigned by hand"),
        ("certificate expiring in 30 days", "idp-certificate", "expires on"),
        ("unreadable certificate", "idp-certificate", "reads as X.509: Gainsight cannot check"),
        ("unreadable certificate", "idp-certificate", "(the key's expiresAt: 20"),
        ("changed group value", "group-profile", "LicenseType is 'Full' in Okta; the stack says 'Viewer'"),
        ("app username", "username", "${source.samAccountName}"),
    ],
)
def test_verify_finds_each_planted_defect(adopted_stack: Path, defect: str, check: str, fragment: str) -> None:
    findings = findings_after(defect, adopted_stack)
    assert [f["check"] for f in findings] == [check], findings
    assert fragment in findings[0]["message"]


def test_verify_finds_the_apps_by_label_when_the_stack_has_no_import_ids(tmp_path: Path) -> None:
    org = article_org()
    stack, _ = adopted(org, tmp_path)
    text = stack.read_text().replace(f"importId: {SSO_ID}", "").replace(f"importId: {SCIM_ID}", "")
    stack.write_text(text)
    with FakeOktaServer(org) as url:
        result = verify(url, stack)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("GET", "/api/v1/apps") in org.requests


def test_verify_markdown_for_the_drift_issue(adopted_stack: Path) -> None:
    org, stack = article_org(), adopted_stack
    org.apps[SCIM_ID]["features"] = []
    with FakeOktaServer(org) as url:
        result = run_cli("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url, "--markdown", env=ENV)
    assert result.returncode == 1
    assert result.stdout.startswith("### verify: stack `acme`")
    assert "| error | SCIM app 'Gainsight SCIM Integration' |" in result.stdout


def test_an_answer_in_an_undocumented_shape_is_one_error_line(adopted_stack: Path) -> None:
    """An attribute that is not an object in the app schema: one `error: Okta:` line and exit 2, not a traceback."""
    org = article_org()
    org.schemas[SCIM_ID]["LicenseType"] = "not an object"  # type: ignore[assignment]
    with FakeOktaServer(org) as url:
        result = verify(url, adopted_stack)
    assert result.returncode == 2, result.stdout
    assert result.stderr == (
        f"error: Okta: GET /api/v1/meta/schemas/apps/{SCIM_ID}/default: definitions.custom.properties.LicenseType "
        "is not an object, which Okta's API reference does not document\n"
    )
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_verify_reports_pushes_that_did_not_reach_gainsight_and_individual_assignments(adopted_stack: Path) -> None:
    """Okta's app users: syncState ERROR / OUT_OF_SYNC (count, oldest push, a few logins), and scope USER."""
    from components.emulator.users import add_app_user, add_user

    org = article_org()
    app_users = org.app_users[SCIM_ID]
    alice = next(u for u, user in org.users.items() if user["profile"]["login"].startswith("alice"))
    app_users[alice].update(syncState="ERROR", lastSync="2026-03-04T05:06:07.000Z")
    bob = next(u for u, user in org.users.items() if user["profile"]["login"].startswith("bob"))
    app_users[bob].update(syncState="OUT_OF_SYNC", lastSync="2026-05-01T00:00:00.000Z")
    dana = add_user(org, "dana@acme.example")
    add_app_user(org, SCIM_ID, dana, scope="USER", profile={"LicenseType": "Full", "IsSuperAdmin": None})
    with FakeOktaServer(org) as url:
        text = run_cli("verify", "--stack", "acme", "--config", str(adopted_stack), "--okta-url", url, env=ENV)
        found = json.loads(verify(url, adopted_stack).stdout)["findings"]
        markdown = run_cli(
            "verify", "--stack", "acme", "--config", str(adopted_stack), "--okta-url", url, "--markdown", env=ENV
        ).stdout
    by_check = {finding["check"]: finding for finding in found}
    assert set(by_check) == {"sync-errors", "individual-assignments"}
    sync = by_check["sync-errors"]
    assert sync["message"].startswith("2 user(s) whose changes have not reached Gainsight (1 ERROR, 1 OUT_OF_SYNC; "
                                      "oldest last push 2026-03-04)")  # fmt: skip
    assert sync["people"] == ["alice@acme.example", "bob@acme.example"]
    individual = by_check["individual-assignments"]
    assert "1 user(s) assigned to the app one by one" in individual["message"]
    assert "their own LicenseType override" in individual["message"]  # IsSuperAdmin unset: not an override
    assert individual["people"] == ["dana@acme.example"]
    assert "(e.g. alice@acme.example, bob@acme.example)" in text.stdout
    assert "have not reached Gainsight" in markdown and "@acme.example" not in markdown  # the issue names no one


def test_verify_reports_app_users_whose_values_are_not_what_their_groups_give(adopted_stack: Path) -> None:
    """An app user of scope GROUP whose profile in Okta differs from what Okta's own assignments give them (a
    profile mapping or an old edit overriding the groups): Okta pushes what it holds, so Gainsight gets that."""
    from components.emulator.users import add_app_user

    org = article_org()
    login = {user["profile"]["login"]: user_id for user_id, user in org.users.items()}
    # bob is in Viewer only: Viewer gives him LicenseType Viewer, yet Okta's app user holds Full.
    add_app_user(org, SCIM_ID, login["bob@acme.example"], stale={"LicenseType": "Full"})
    with FakeOktaServer(org) as url:
        found = json.loads(verify(url, adopted_stack).stdout)["findings"]
    mismatch = [finding for finding in found if finding["check"] == "profile-mismatch"]
    assert len(mismatch) == 1 and mismatch[0]["people"] == ["bob@acme.example"]
    assert mismatch[0]["message"].startswith("1 user(s) whose Gainsight values in Okta are not what their groups give")
    assert "(LicenseType 1)" in mismatch[0]["message"]
    # A clean org has none: the derived profiles are what the groups give.
    with FakeOktaServer(article_org()) as url:
        assert not [
            f for f in json.loads(verify(url, adopted_stack).stdout)["findings"] if f["check"] == "profile-mismatch"
        ]
