"""Scenario 3: what the offline plan predicts (`plan --json` before and after an edit, compared as `plan-diff`
compares them) is what the real engine's preview reports, resource by resource. Where they disagree the real
preview is right, and the offline side is what gets fixed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from components.reports.plan_diff import diff_plans

from .conftest import Engine
from .engine import gainsight_okta
from .steps import deployed_with_provisioning

# The engine's step ops, folded to what a reviewer reads: a replacement is one thing.
FOLDED = {"create-replacement": "replace", "delete-replaced": "replace", "replace": "replace"}


def offline_plan(engine: Engine, stack: str, name: str, previous: Path) -> dict[str, Any]:
    run = gainsight_okta(
        "plan",
        "--stack",
        stack,
        "--config",
        str(engine.project.stack_file(stack)),
        "--json",
        "--previous-outputs",
        str(previous),
        cwd=engine.project.root,
    )
    assert run.code == 0, run.output
    (engine.project.root / f"{name}.json").write_text(run.stdout)
    return json.loads(run.stdout)


def predicted(base: dict[str, Any], head: dict[str, Any]) -> dict[str, str]:
    """URN -> create, update, delete or replace, from the plan diff the PR comment is written from."""
    diff = diff_plans(base, head)
    ops = {str(r["urn"]): "create" for r in diff.added}
    ops.update({str(r["urn"]): "delete" for r in diff.removed})
    for change in diff.changed:
        live = [c for c in change.changes if not c.ignored]
        if change.replaces:
            ops[change.urn] = "replace"
        elif live:
            ops[change.urn] = "update"
    return ops


def previewed(engine: Engine, stack: str) -> dict[str, str]:
    digest = engine.pulumi.preview(stack, "--diff")
    ops: dict[str, str] = {}
    for step in digest.get("steps", []):
        op = step["op"]
        if op in ("same", "read", "refresh") or step["urn"].endswith("::pulumi:pulumi:Stack"):
            continue
        ops[step["urn"]] = FOLDED.get(op, op)
    return ops


def _groups(config: dict[str, Any]) -> list[dict[str, Any]]:
    return config["gainsight-okta:groups"]


def _group(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(g for g in _groups(config) if g["name"] == name)


def _rename(config: dict[str, Any]) -> None:
    group = _group(config, "Gainsight Viewers (dev)")
    group.update(name="Gainsight Readers (dev)", previousName="Gainsight Viewers (dev)")


def _reorder(config: dict[str, Any]) -> None:
    groups = _groups(config)
    groups[0], groups[1] = groups[1], groups[0]


EDITS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    (
        "add an attribute",
        lambda c: c["gainsight-okta:attributes"].append({"name": "Region", "type": "string", "enum": ["EMEA", "AMER"]}),
    ),
    ("change an enum", lambda c: c["gainsight-okta:attributes"][-1].update(enum=["EMEA", "AMER", "APAC"])),
    (
        "add a group",
        lambda c: _groups(c).append(
            {"name": "Gainsight Analysts (dev)", "profile": {"LicenseType": "Viewer_Analytics"}}
        ),
    ),
    ("reorder groups", _reorder),
    ("rename with previousName", _rename),
    ("change one group's value", lambda c: _group(c, "Gainsight Analysts (dev)")["profile"].update(LicenseType="Full")),
    ("remove a group", lambda c: _groups(c).remove(_group(c, "Gainsight Analysts (dev)"))),
]


def test_offline_plan_diff_and_real_preview_agree_on_every_edit(engine: Engine) -> None:
    deployed_with_provisioning(engine, "dev")
    for what, edit in EDITS:
        previous = engine.pulumi.outputs_file("dev")
        base = offline_plan(engine, "dev", "base", previous)
        engine.edit("dev", edit)
        head = offline_plan(engine, "dev", "head", previous)
        offline, real = predicted(base, head), previewed(engine, "dev")
        assert offline == real, (
            what,
            {"offline only": offline.items() - real.items(), "real only": real.items() - offline.items()},
        )
        assert real, what  # every edit changes something in Okta
        engine.pulumi.up("dev")
        engine.pulumi.assert_no_changes("dev")
