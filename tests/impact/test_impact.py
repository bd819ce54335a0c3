"""`impact` end to end against the Okta emulator: the article's org (alice in Test, bob in Viewer, carol in both;
Test first, setting IsSuperAdmin true and LicenseType Full; Viewer setting LicenseType Viewer and Department
["Support"]), the adopted stack file as the base, and a head stack file changed the way a pull request would.
Every expected count is worked out by hand from those memberships and Okta's rules (tests/documents/
test_impact_rules.py cites them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from components.emulator.users import add_app_user, add_member, add_user
from tests.adopt.test_adopt_verify import ENV, adopted
from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, article_org
from tests.servers.fake_okta import FakeOktaServer, FakeOrg


@pytest.fixture
def org() -> FakeOrg:
    return article_org()


@pytest.fixture
def base_stack(org: FakeOrg, tmp_path: Path) -> Path:
    """The org as adopted: its stack file names the groups by their ids in this org."""
    (tmp_path / "base").mkdir()
    stack, _ = adopted(org, tmp_path / "base")
    org.requests.clear()
    return stack


def head_stack(base: Path, tmp_path: Path, change) -> Path:
    document = yaml.safe_load(base.read_text())
    groups = document["config"]["gainsight-okta:groups"]
    change(groups)
    head = tmp_path / "Pulumi.acme.yaml"
    head.write_text(yaml.safe_dump(document, sort_keys=False))
    return head


def group(groups: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(g for g in groups if g["name"] == name)


def impact(org: FakeOrg, base: Path, head: Path, *extra: str) -> tuple[dict[str, Any], Any]:
    with FakeOktaServer(org) as url:
        result = run_cli(
            "impact", "--stack", "acme", "--config", str(head), "--base-config", str(base), "--okta-url", url,
            "--json", *extra, env=ENV,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result


def test_removing_a_group_deactivates_its_only_members_and_changes_the_others_values(
    org: FakeOrg, base_stack: Path, tmp_path: Path
) -> None:
    head = head_stack(base_stack, tmp_path, lambda groups: groups.remove(group(groups, "Viewer")))
    document, _ = impact(org, base_stack, head, "--show-users")
    assert document["stack"] == "acme" and document["deactivateUsers"] is True
    # bob had only Viewer: he loses the app. carol keeps Test's Full and super admin; Viewer's Department goes.
    assert document["summary"] == {
        "losesAccess": 1,
        "deactivatedInGainsight": 1,
        "gainsAccess": 0,
        "licenseType": {"Viewer->none": 1},
        "superAdminGranted": 0,
        "superAdminRevoked": 0,
        "otherValueChanges": 1,
    }
    assert document["users"] == [
        {"login": "bob@acme.example", "change": "losesAccess", "attribute": None, "from": None, "to": None},
        {"login": "carol@acme.example", "change": "value", "attribute": "Department", "from": ["Support"], "to": None},
    ]
    # Only Viewer's members were read, not alice (who is in Test alone), and nothing was written.
    asked = [path for method, path in org.requests]
    assert all(method == "GET" for method, _ in org.requests)
    assert not any(path.startswith("/api/v1/users/") and "alice" in path for path in asked)
    assert set(document["apiCalls"]) >= {"/api/v1/apps", "/api/v1/groups"}
    assert sum(document["apiCalls"].values()) == len(org.requests)


def test_swapping_priorities_re_licenses_the_people_in_both_groups(
    org: FakeOrg, base_stack: Path, tmp_path: Path
) -> None:
    head = head_stack(base_stack, tmp_path, lambda groups: groups.reverse())
    document, _ = impact(org, base_stack, head)
    # carol now takes Viewer's LicenseType; IsSuperAdmin still comes from Test (Viewer does not set it).
    assert document["summary"]["licenseType"] == {"Full->Viewer": 1}
    assert (document["summary"]["losesAccess"], document["summary"]["otherValueChanges"]) == (0, 0)
    assert document["users"] == []  # without --show-users


def test_a_value_change_grants_super_admin_and_a_paid_license(org: FakeOrg, base_stack: Path, tmp_path: Path) -> None:
    def promote(groups: list[dict[str, Any]]) -> None:
        group(groups, "Viewer")["profile"].update({"LicenseType": "Full", "IsSuperAdmin": True})

    document, _ = impact(org, base_stack, head_stack(base_stack, tmp_path, promote))
    # bob: Viewer -> Full and now a super admin; carol already had both from Test.
    assert document["summary"]["licenseType"] == {"Viewer->Full": 1}
    assert document["summary"]["superAdminGranted"] == 1


def test_individual_assignments_keep_access_and_new_members_gain_it(
    org: FakeOrg, base_stack: Path, tmp_path: Path
) -> None:
    viewer = next(g for g, body in org.groups.items() if body["profile"]["name"] == "Viewer")
    dana = add_user(org, "dana@acme.example")
    add_member(org, viewer, dana)
    add_app_user(org, SCIM_ID, dana, scope="USER", profile={"LicenseType": "Full"})
    head = head_stack(base_stack, tmp_path, lambda groups: groups.remove(group(groups, "Viewer")))
    document, _ = impact(org, base_stack, head, "--show-users")
    assert "dana@acme.example" not in {row["login"] for row in document["users"]}
    assert document["summary"]["losesAccess"] == 1  # bob only

    # The other way round: adding Viewer back brings in a member who had no path to the app.
    erin = add_user(org, "erin@acme.example")
    add_member(org, viewer, erin)
    document, _ = impact(org, head, base_stack)
    assert document["summary"]["gainsAccess"] == 2  # bob and erin
    assert document["summary"]["licenseType"] == {"none->Viewer": 2}


def test_no_change_reads_no_people(org: FakeOrg, base_stack: Path) -> None:
    document, _ = impact(org, base_stack, base_stack)
    assert document["summary"]["losesAccess"] == 0 and document["summary"]["licenseType"] == {}
    assert not any("/users" in path for _, path in org.requests)


def test_markdown_counts_only_and_text_says_what_happens(org: FakeOrg, base_stack: Path, tmp_path: Path) -> None:
    head = head_stack(base_stack, tmp_path, lambda groups: groups.remove(group(groups, "Viewer")))
    with FakeOktaServer(org) as url:
        args = ("impact", "--stack", "acme", "--config", str(head), "--base-config", str(base_stack), "--okta-url", url)
        markdown = run_cli(*args, "--markdown", env=ENV).stdout
        text = run_cli(*args, env=ENV).stdout
    assert "| lose access | 1 |" in markdown and "| deactivated in Gainsight | 1 |" in markdown
    assert "@acme.example" not in markdown
    assert "1 lose the Gainsight SCIM app: deactivated in Gainsight" in text


def test_a_missing_base_file_is_one_error_line(org: FakeOrg, base_stack: Path, tmp_path: Path) -> None:
    with FakeOktaServer(org) as url:
        result = run_cli(
            "impact", "--stack", "acme", "--config", str(base_stack), "--base-config", str(tmp_path / "none.yaml"),
            "--okta-url", url, env=ENV,
        )  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "none.yaml" in result.stderr and "Traceback" not in result.stderr


def test_the_readme_shows_what_impact_prints(org: FakeOrg, base_stack: Path, tmp_path: Path) -> None:
    head = head_stack(base_stack, tmp_path, lambda groups: groups.remove(group(groups, "Viewer")))
    with FakeOktaServer(org) as url:
        result = run_cli(
            "impact", "--stack", "prod", "--config", str(head), "--base-config", str(base_stack), "--okta-url", url,
            env=ENV,
        )  # fmt: skip
        printed = result.stdout.replace(url, "https://acme.okta.com")
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    shown = readme.split("<!-- impact-example: tests/impact/test_impact.py -->\n```text\n", 1)[1].split("```", 1)[0]
    assert printed == shown


def test_switching_provisioning_off_unassigns_every_group_and_deactivates_everyone(
    org: FakeOrg, base_stack: Path, tmp_path: Path
) -> None:
    document = yaml.safe_load(base_stack.read_text())
    document["config"]["gainsight-okta:scimApp"]["provisioningEnabled"] = False
    head = tmp_path / "Pulumi.acme.yaml"
    head.write_text(yaml.safe_dump(document, sort_keys=False))
    result, _ = impact(org, base_stack, head)
    # alice and carol had Full and super admin from Test; bob had Viewer. With provisioning off the stack assigns
    # no group to the SCIM app (switching it off unassigns them all), so all three lose it.
    assert result["summary"] == {
        "losesAccess": 3,
        "deactivatedInGainsight": 3,
        "gainsAccess": 0,
        "licenseType": {"Full->none": 2, "Viewer->none": 1},
        "superAdminGranted": 0,
        "superAdminRevoked": 2,
        "otherValueChanges": 0,
    }


def test_a_group_assigned_by_hand_ranks_by_okta_s_priority(org: FakeOrg, base_stack: Path, tmp_path: Path) -> None:
    """Ops, assigned outside the stack above Test (priority 5 against Test's 10), keeps alice's LicenseType."""
    from components.emulator.users import add_member

    for assignment in org.app_groups[SCIM_ID]:
        assignment["priority"] = {0: 10, 1: 20}[assignment["priority"]]
    ops = org.add_group("Ops")
    org.assign(SCIM_ID, ops, 5, {"LicenseType": "Viewer_Analytics"})
    alice = next(u for u, body in org.users.items() if body["profile"]["login"] == "alice@acme.example")
    add_member(org, ops, alice)
    org.changed()

    def relicense(groups: list[dict[str, Any]]) -> None:
        group(groups, "Test")["profile"]["LicenseType"] = "Viewer"

    document, _ = impact(org, base_stack, head_stack(base_stack, tmp_path, relicense), "--show-users")
    assert document["summary"]["licenseType"] == {"Full->Viewer": 1}  # carol only: alice keeps Ops' value
    assert {row["login"] for row in document["users"]} == {"carol@acme.example"}


def test_an_unset_super_admin_becoming_false_changes_nothing_in_gainsight(
    org: FakeOrg, base_stack: Path, tmp_path: Path
) -> None:
    def explicit_false(groups: list[dict[str, Any]]) -> None:
        group(groups, "Viewer")["profile"]["IsSuperAdmin"] = False

    document, _ = impact(org, base_stack, head_stack(base_stack, tmp_path, explicit_false), "--show-users")
    assert document["users"] == [] and document["summary"]["otherValueChanges"] == 0
