"""Okta API calls per bucket, counted by the emulator, for what the workflows run: `pulumi preview`, `pulumi up`
and the refresh without the per-group reads, for one change to one group at a time. Shared by the e2e scenario
(10 and 100 groups) and `bench/e2e_api_cost.py` (1,000 groups)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conftest import Engine
from .steps import ALL_ON, provisioning
from .workflows import PER_GROUP_ASSIGNMENTS

BUCKETS = ("/api/v1/apps", "/api/v1/apps/{id}", "/api/v1/groups", "/api/v1/groups/{id}", "/api/v1")


def group_name(stack: str, number: int) -> str:
    return f"{stack} group {number:04d}"


def stack_config(engine: Engine, stack: str, groups: int) -> dict[str, Any]:
    """The dev stack with `groups` groups of its own, each setting a license."""
    config = engine.repository_stack("dev")
    licenses = ("Full", "Viewer", "Viewer_Analytics")
    config["gainsight-okta:samlApp"] = {**config["gainsight-okta:samlApp"], "label": f"Gainsight ({stack})"}
    config["gainsight-okta:scimApp"] = {**config["gainsight-okta:scimApp"], "label": f"Gainsight SCIM ({stack})"}
    config["gainsight-okta:attributes"] = config["gainsight-okta:attributes"][:2]  # IsSuperAdmin, LicenseType
    config["gainsight-okta:groups"] = [
        {"name": group_name(stack, n), "profile": {"LicenseType": licenses[n % 3]}} for n in range(groups)
    ]
    return config


def calls(engine: Engine) -> dict[str, int]:
    return engine.org.state.rate_limits.calls_by_bucket()


def counted(engine: Engine, run: Callable[[], object]) -> dict[str, int]:
    before = calls(engine)
    run()
    after = calls(engine)
    return {
        bucket: after.get(bucket, 0) - before.get(bucket, 0)
        for bucket in after
        if after[bucket] != before.get(bucket, 0)
    }


def _add(config: dict[str, Any], stack: str) -> None:
    config["gainsight-okta:groups"].insert(0, {"name": f"{stack} added", "profile": {"LicenseType": "Full"}})


def _remove(config: dict[str, Any], stack: str) -> None:
    config["gainsight-okta:groups"].pop(0)


def _rename(config: dict[str, Any], stack: str) -> None:
    group = config["gainsight-okta:groups"][1]
    group.update(previousName=group["name"], name=group["name"] + " renamed")


def _reorder(config: dict[str, Any], stack: str) -> None:
    groups = config["gainsight-okta:groups"]
    groups[1], groups[2] = groups[2], groups[1]


def _change(config: dict[str, Any], stack: str) -> None:
    config["gainsight-okta:groups"][3]["profile"]["LicenseType"] = "Viewer_Analytics"


CHANGES: list[tuple[str, Callable[[dict[str, Any], str], None]]] = [
    ("add one group at the top", _add),
    ("remove the top group", _remove),
    ("rename one group", _rename),
    ("swap two groups", _reorder),
    ("change one group's value", _change),
]


def measure(engine: Engine, stack: str, groups: int) -> dict[str, dict[str, dict[str, int]]]:
    """Deploy a stack of `groups` groups with provisioning on, then for each change: the calls per bucket of a
    preview, an `up` and the workflows' refresh. Also the first `up` of the provisioned stack."""
    pulumi = engine.pulumi
    config = stack_config(engine, stack, groups)
    provisioning(config, False)
    engine.write_stack(stack, config)
    pulumi.init(stack)
    results: dict[str, dict[str, dict[str, int]]] = {}
    first = counted(engine, lambda: pulumi.up(stack))
    engine.org.control("POST", f"/_emulator/apps/{pulumi.outputs(stack)['scimAppId']}/provisioning", ALL_ON)
    engine.edit(stack, lambda c: provisioning(c, True))
    results["first up (provisioning off, then on)"] = {
        "up": {k: first.get(k, 0) + v for k, v in counted(engine, lambda: pulumi.up(stack)).items()}
    }
    refresh = ("refresh", "--yes", "--skip-preview", "--stack", stack, "--exclude", PER_GROUP_ASSIGNMENTS)
    for what, change in CHANGES:
        engine.edit(stack, lambda c, change=change: change(c, stack))
        results[what] = {
            "preview": counted(engine, lambda: pulumi.preview(stack)),
            "up": counted(engine, lambda: pulumi.up(stack)),
            "refresh": counted(engine, lambda: pulumi.run(*refresh)),
        }
    return results


def markdown(sizes: dict[int, dict[str, dict[str, dict[str, int]]]]) -> str:
    """One row per change and run; a column per size: the `/api/v1/apps*` calls, then all calls."""
    numbers = sorted(sizes)
    rows = [
        "| change | run | " + " | ".join(f"{n:,} groups: apps bucket / all" for n in numbers) + " |",
        "| --- | --- | " + " | ".join("---" for _ in numbers) + " |",
    ]
    first = sizes[numbers[0]]
    for what, runs in first.items():
        for run in runs:
            cells = []
            for n in numbers:
                counts = sizes[n][what][run]
                cells.append(f"{counts.get('/api/v1/apps', 0)} / {sum(counts.values())}")
            rows.append(f"| {what} | {run} | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"
