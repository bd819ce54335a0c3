"""A 2,000-group stack plans completely: no dependency chain for the SDK's cycle check to overflow.

Correctness only; speed and memory are measured by bench/plan_benchmark.py, never by a timed test.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.generate_stack import write_stack
from components.inputs.stack_file import read_stack_file
from components.offline.plan import run_offline


def test_two_thousand_groups_plan_with_unique_priorities(tmp_path: Path) -> None:
    path = write_stack(tmp_path / "Pulumi.big.yaml", group_count=2000, attribute_count=40)
    document = run_offline("big", read_stack_file(path), path.name).to_json()
    by_type: dict[str, list[dict]] = {}
    for entry in document["resources"]:
        by_type.setdefault(entry["type"], []).append(entry)
    assert len(by_type["okta:group/group:Group"]) == 2000
    assert len(by_type["okta:index/appUserSchemaProperty:AppUserSchemaProperty"]) == 40
    assignments = by_type["okta:index/appGroupAssignments:AppGroupAssignments"]
    assert len(assignments) == 2  # one per app, however many groups
    for entry in assignments:
        groups = entry["inputs"]["groups"]
        assert [g["priority"] for g in groups] == list(range(1, 2001))
        assert len({g["id"] for g in groups}) == 2000
    scim = next(e for e in assignments if e["name"] == "gainsight-scim-assignments")
    assert json.loads(scim["inputs"]["groups"][0]["profile"])  # profiles travel with the assignment
    assert all(not e["options"]["dependsOn"] for e in by_type["okta:group/group:Group"])
