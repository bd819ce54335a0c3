"""Scenario 12: the workflows' scripts on what the real engine prints. The pull-request comment's plan diff
(`.github/scripts/plan-diff.sh`, offline, in a git checkout of this repository) names every resource the real
preview of the same change touches, with the same operation; the drift report, rendered from the real
`pulumi refresh --preview-only --json`, names the resource and the input changed by hand."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from .conftest import Engine
from .engine import REPO
from .steps import first_up
from .workflows import drift_workflow

GIT = ["git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "-c", "commit.gpgsign=false"]
NEW_GROUP = {"name": "Gainsight Analysts (dev)", "profile": {"LicenseType": "Viewer_Analytics"}}
ROW = {"create": "+ add", "update": "~ change", "delete": "- remove", "replace": "~ replace"}


def add_group(config: dict) -> None:
    config["gainsight-okta:groups"].append(dict(NEW_GROUP))


def pr_comment(tmp_path: Path) -> str:
    """plan-diff.sh in a clone whose last commit adds a group to the dev stack, as the Preview workflow runs it."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    stack = clone / "Pulumi.dev.yaml"
    document = yaml.safe_load(stack.read_text())
    add_group(document["config"])
    stack.write_text(yaml.safe_dump(document, sort_keys=False))
    subprocess.run([*GIT, "commit", "--quiet", "-am", "add a group"], cwd=clone, check=True)
    result = subprocess.run(
        ["bash", ".github/scripts/plan-diff.sh", "HEAD~1"],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PLAN_DIFF_PYTHON": str(REPO / "venv" / "bin" / "python")},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("### Offline plan, stack `dev`")[1].split("### Offline plan, stack")[0]


def test_the_pr_comment_names_what_the_real_preview_does(engine: Engine, tmp_path: Path) -> None:
    first_up(engine, "dev")
    comment = pr_comment(tmp_path)
    engine.edit("dev", add_group)
    steps = [s for s in engine.pulumi.preview("dev")["steps"] if s["op"] not in ("same", "read")]
    assert steps  # a new group is a new Okta group and its assignments
    for step in steps:
        kind, name = step["urn"].split("::")[-2].split("$")[-1], step["urn"].split("::")[-1]
        assert f"| {ROW[step['op']]} | `{kind}` | `{name}` |" in comment, (step["op"], name, comment)


def test_the_drift_report_names_what_changed_by_hand(engine: Engine) -> None:
    first_up(engine, "dev")
    sso = engine.pulumi.outputs("dev")["ssoAppId"]
    engine.org.state.apps[sso]["label"] = "Gainsight (renamed by hand)"
    drift = drift_workflow(engine, "dev")
    assert drift.status == "drift"
    assert "gainsight-sso" in drift.report and "label" in drift.report
    assert "Gainsight (renamed by hand)" in drift.report
