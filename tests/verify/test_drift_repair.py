"""Drift made by hand through Okta's own API, as an admin would: `verify` reports each one, and names the
resources whose refresh lets the next `pulumi up` put back what the stack declares.

Why not a plain refresh: the per-group writers are left out of the workflows' refreshes (one GET each on the
apps bucket), and the watching AppGroupAssignments ignores `groups`, which hides its refresh diff too (Pulumi
computes a refresh's diff with the ignore_changes in state: pulumi/pulumi#16146, #18377). So `verify` reads
each app's assignments in one paginated list and the deploy refreshes only what it names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from components.inputs.stack_file import read_stack_file
from components.offline.plan import run_offline
from tests.adopt.test_adopt_verify import ENV, adopted
from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer


@pytest.fixture(scope="module")
def adopted_stack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The adopted article org's stack, and its resources' URNs as the program declares them (name -> URN)."""
    stack, _ = adopted(article_org(), tmp_path_factory.mktemp("drift"))
    plan = run_offline("acme", read_stack_file(stack), stack.name).to_json()
    return stack, {r["name"]: r["urn"] for r in plan["resources"]}


def _group(org: Any, name: str) -> str:
    return next(g["id"] for g in org.groups.values() if g["profile"]["name"] == name)


def _drift(okta: httpx.Client, org: Any, drift: str) -> None:
    """One change made by hand, through Okta's API as the Admin Console makes it."""
    test, viewer = _group(org, "Test"), _group(org, "Viewer")
    if drift == "group unassigned":
        okta.delete(f"/api/v1/apps/{SCIM_ID}/groups/{viewer}").raise_for_status()
    elif drift == "another group assigned":
        extra = okta.post("/api/v1/groups", json={"profile": {"name": "Contractors"}}).json()["id"]
        okta.put(f"/api/v1/apps/{SCIM_ID}/groups/{extra}", json={"priority": 5}).raise_for_status()
    elif drift == "priority changed":
        okta.put(f"/api/v1/apps/{SCIM_ID}/groups/{test}", json={"priority": 7, "profile": {"IsSuperAdmin": True,
                 "LicenseType": "Full"}}).raise_for_status()  # fmt: skip
    elif drift == "group value changed":
        okta.put(f"/api/v1/apps/{SCIM_ID}/groups/{viewer}", json={"priority": 1, "profile": {"LicenseType": "Full",
                 "Department": ["Support"]}}).raise_for_status()  # fmt: skip
    elif drift == "attribute deleted":
        body = {"definitions": {"custom": {"properties": {"Department": None}}}}
        okta.post(f"/api/v1/meta/schemas/apps/{SCIM_ID}/default", json=body).raise_for_status()
    elif drift == "SCIM app shown to users":
        app = okta.get(f"/api/v1/apps/{SCIM_ID}").json()
        app["visibility"]["hide"] = {"iOS": False, "web": False}
        okta.put(f"/api/v1/apps/{SCIM_ID}", json=app).raise_for_status()


@pytest.mark.parametrize(
    ("drift", "checks", "refreshed"),
    [
        ("group unassigned", ["missing-assignment"], ["gainsight-scim-assignment-Viewer"]),
        ("another group assigned", ["manual-assignment"], []),  # owned by no resource: a person decides
        # Not refreshed: the deploy would write the stack's numbers while Okta holds the hand-set ones, and
        # two groups sharing a priority has locked an app's assignment writes (#736). A person puts it back.
        ("priority changed", ["priority-order"], []),
        ("group value changed", ["group-profile"], ["gainsight-scim-assignment-Viewer"]),
        # The values groups set for it go with it (the emulator's schema update), hence the group finding too.
        (
            "attribute deleted",
            ["group-profile", "attribute"],
            ["gainsight-scim-assignment-Viewer", "gainsight-attr-Department"],
        ),
        ("SCIM app shown to users", ["hidden"], []),  # the app is frozen after the manual step: by hand
    ],
)
def test_each_hand_made_drift_is_reported_with_what_to_refresh(
    adopted_stack: tuple[Path, dict[str, str]], drift: str, checks: list[str], refreshed: list[str]
) -> None:
    stack, urns = adopted_stack
    org = article_org()
    with FakeOktaServer(org) as url:
        with httpx.Client(base_url=url, headers={"Authorization": f"SSWS {TOKEN}"}, timeout=10) as okta:
            _drift(okta, org, drift)
        writes = len(org.requests)
        args = ("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url)
        report = run_cli(*args, "--json", env=ENV)
        targets = run_cli(*args, "--refresh-targets", env=ENV)
    assert report.returncode == 1, report.stderr
    findings = json.loads(report.stdout)["findings"]
    assert sorted(f["check"] for f in findings) == sorted(checks)
    assert targets.returncode == 0, targets.stderr
    # The URNs are those the program gives the resources: `pulumi refresh --target` finds them.
    assert targets.stdout.splitlines() == [urns[name] for name in refreshed]
    assert all(method == "GET" for method, _ in org.requests[writes:])  # verify only reads


def test_a_clean_org_needs_no_refresh(adopted_stack: tuple[Path, dict[str, str]]) -> None:
    stack, _ = adopted_stack
    with FakeOktaServer(article_org()) as url:
        result = run_cli("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url, "--refresh-targets",
                         env=ENV)  # fmt: skip
    assert (result.returncode, result.stdout) == (0, "")


def _export(urns: list[str]) -> str:
    return json.dumps({"version": 3, "deployment": {"resources": [{"urn": urn} for urn in urns]}})


def test_only_urns_the_state_holds_are_printed(adopted_stack: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    """`pulumi refresh --target` fails on a URN not in state (pkg/engine: "no resource named … found"): a group
    this commit adds is reported missing by verify but is not deployed yet."""
    stack, urns = adopted_stack
    org = article_org()
    with FakeOktaServer(org) as url:
        with httpx.Client(base_url=url, headers={"Authorization": f"SSWS {TOKEN}"}, timeout=10) as okta:
            _drift(okta, org, "group unassigned")
            _drift(okta, org, "attribute deleted")
        state = tmp_path / "state.json"
        state.write_text(_export([urns["gainsight-sso"], urns["gainsight-scim-assignment-Viewer"]]))
        result = run_cli("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url,
                         "--refresh-targets", "--deployed", str(state), env=ENV)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [urns["gainsight-scim-assignment-Viewer"]]  # the attribute is not in it


def test_a_first_deploy_reads_nothing_from_okta(adopted_stack: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    stack, _ = adopted_stack
    state = tmp_path / "state.json"
    state.write_text(_export([]))
    org = article_org()
    with FakeOktaServer(org) as url:
        result = run_cli("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url,
                         "--refresh-targets", "--deployed", str(state), env=ENV)  # fmt: skip
    assert (result.returncode, result.stdout, org.requests) == (0, "", [])


def test_a_deployed_file_that_is_not_an_export_is_one_error_line(adopted_stack, tmp_path: Path) -> None:
    stack, _ = adopted_stack
    state = tmp_path / "state.json"
    state.write_text('{"outputs": {}}')
    result = run_cli("verify", "--stack", "acme", "--config", str(stack), "--okta-url", "http://127.0.0.1:9",
                     "--refresh-targets", "--deployed", str(state), env=ENV)  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("error:") and "deployment.resources" in result.stderr
