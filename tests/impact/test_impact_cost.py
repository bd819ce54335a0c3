"""What `impact` reads, and how much: the touched groups' members, and the cheaper way to learn whether they
have another path to the app (a look-up of each member's groups, or a read of the other groups' members, whose
sizes one `search … &expand=stats` gives). Never anyone outside the changed groups. The expected counts
come from the emulator's memberships, worked out apart from the tool."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from components.emulator.people_seeds import seed_people
from components.emulator.seeds import SCIM_APP_ID
from tests.adopt.test_adopt_verify import ENV, adopted
from tests.conftest import run_cli
from tests.servers.article_org import article_org
from tests.servers.fake_okta import FakeOktaServer, FakeOrg


def run_impact(org: FakeOrg, tmp_path: Path, change) -> dict:
    (tmp_path / "base").mkdir()
    base, _ = adopted(org, tmp_path / "base")
    document = yaml.safe_load(base.read_text())
    change(document["config"]["gainsight-okta:groups"])
    head = tmp_path / "Pulumi.acme.yaml"
    head.write_text(yaml.safe_dump(document, sort_keys=False))
    org.requests.clear()
    with FakeOktaServer(org) as url:
        result = run_cli(
            "impact", "--stack", "acme", "--config", str(head), "--base-config", str(base), "--okta-url", url,
            "--json", env=ENV,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def relicense(name: str, license_type: str):
    def change(groups: list[dict]) -> None:
        next(g for g in groups if g["name"] == name)["profile"]["LicenseType"] = license_type

    return change


def test_a_small_changed_group_looks_up_its_members_groups(tmp_path: Path) -> None:
    org = article_org()
    # Small (30 users: 0-2 in it, 3-29 in Big) beside a big group: 3 look-ups beat Big's pages.
    seed_people(org, SCIM_APP_ID, users=30, groups={"Small": 0.1, "Big": 0.9}, overlap_every=0,
                profiles={"Small": {"LicenseType": "Viewer"}, "Big": {"LicenseType": "Viewer"}})  # fmt: skip
    document = run_impact(org, tmp_path, relicense("Small", "Full"))
    assert document["summary"]["licenseType"] == {"Viewer->Full": 3}
    asked = [path for _, path in org.requests]
    lookups = [path for path in asked if path.startswith("/api/v1/users/") and path.endswith("/groups")]
    assert len(lookups) == 3
    big = next(g for g, body in org.groups.items() if body["profile"]["name"] == "Big")
    assert f"/api/v1/groups/{big}/users" not in asked


def test_a_big_changed_group_reads_the_small_other_groups_instead(tmp_path: Path) -> None:
    org = article_org()
    # 300 users: 90 % in Big, 10 % in Small, and every 20th also in the next group (Big's in Small, Small's in Big).
    seed_people(org, SCIM_APP_ID, users=300, groups={"Big": 0.9, "Small": 0.1}, overlap_every=20,
                profiles={"Big": {"LicenseType": "Viewer"}, "Small": {"LicenseType": "Full"}})  # fmt: skip
    ids = {body["profile"]["name"]: g for g, body in org.groups.items()}
    big, small = set(org.members[ids["Big"]]), set(org.members[ids["Small"]])
    document = run_impact(org, tmp_path, lambda groups: groups.remove(next(g for g in groups if g["name"] == "Big")))
    # Big's members lose Big: those also in Small keep the app and take Small's Full, the others lose it.
    assert len(big - small) > 200 and len(big & small) > 10  # the seed's 90 % share, and its every 20th in both
    assert document["summary"]["losesAccess"] == len(big - small)
    assert document["summary"]["licenseType"] == {"Viewer->Full": len(big & small), "Viewer->none": len(big - small)}
    asked = [path for _, path in org.requests]
    assert not any(path.startswith("/api/v1/users/") for path in asked)  # no look-ups: the groups are cheaper
    assert any("expand=stats" in path or path == "/api/v1/groups" for path in asked)
    # Big's members at 200 a page (2 pages), then the other assigned groups' members.
    assert document["apiCalls"]["/api/v1/groups"] >= 3
