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
    observers = by_type["okta:index/appGroupAssignments:AppGroupAssignments"]
    assert len(observers) == 2 and all(e["inputs"]["groups"] == [] for e in observers)  # one watcher per app
    writers = by_type["okta:app/groupAssignment:GroupAssignment"]
    assert len(writers) == 4000  # one per group per app
    for kind in ("sso", "scim"):
        mine = [e for e in writers if e["name"].startswith(f"gainsight-{kind}-assignment-")]
        priorities = [e["inputs"]["priority"] for e in sorted(mine, key=lambda e: e["name"])]  # names sort as listed
        assert priorities == list(range(10, 20001, 10))
        assert len({e["inputs"]["groupId"] for e in mine}) == 2000
    scim = next(e for e in writers if e["name"] == "gainsight-scim-assignment-Gainsight Group 0000")
    assert json.loads(scim["inputs"]["profile"])  # profiles travel with the assignment
    assert all(not e["options"]["dependsOn"] for e in by_type["okta:group/group:Group"])
    assert all(len(e["options"]["dependsOn"]) <= 40 for e in writers)  # never a chain through the groups
