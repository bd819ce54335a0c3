"""Issue 35, the pages' `sh` blocks that run the Pulumi CLI: each line exactly as printed (no `--yes`: the
reader's "yes" at Pulumi's prompt is PULUMI_SKIP_CONFIRMATIONS), with the real engine and okta provider against
the emulator, each block in the world the text around it assumes, checking what that text says it does.
tests/newcomer/test_shown_commands.py runs the other blocks in `make test`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.doc_pages import words
from tests.newcomer.shown_blocks import E2E_BLOCKS, Session, shown_block
from tests.newcomer.test_first_hour import first_hour_commands

from .conftest import Engine
from .engine import REPO
from .steps import deployed_with_provisioning

PER_GROUP = "/groups/"  # an assignment read one by one: GET /api/v1/apps/{app}/groups/{group}


def session(engine: Engine, key: str) -> Session:
    assert key in E2E_BLOCKS
    return Session(shown_block(key), engine.project.root, dict(engine.pulumi.env))


def run(shown: Session, line: str) -> subprocess.CompletedProcess[str]:
    """The line as printed; where Pulumi asks "Do you want to perform this update?", the reader's "yes" (only
    there: with --preview-only Pulumi refuses a yes given in advance)."""
    argv = words(line)
    if argv[:2] in (["pulumi", "up"], ["pulumi", "refresh"]) and "--preview-only" not in argv:
        shown.env["PULUMI_SKIP_CONFIRMATIONS"] = "true"
    else:
        shown.env.pop("PULUMI_SKIP_CONFIRMATIONS", None)
    return shown.run(line, timeout=900)


def ok(result: Any, code: int = 0) -> str:
    assert result.returncode == code, f"`{result.args[-1]}` exited {result.returncode}:\n{result.stdout[-4000:]}"
    return result.stdout + result.stderr


def gets(engine: Engine, since: int) -> list[str]:
    return [path for method, path in engine.org.state.requests[since:] if method == "GET"]


def one_by_one(paths: list[str]) -> list[str]:
    return [path for path in paths if path.startswith("/api/v1/apps/") and PER_GROUP in path.split("?")[0]]


def test_a_new_stack_s_first_hour_with_pulumi(engine: Engine, tmp_path: Path) -> None:
    """README "4. Preview and deploy": "The first `pulumi up` creates both apps, the groups and the SSO app's
    assignments"; then "refresh without reading every group assignment one by one"; then provider-behaviour.md:
    "With the stack's outputs, every value is filled in" (the runbook)."""
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    prod = (REPO / "metadata" / "prod.xml").read_text()
    (downloads / "metadata.xml").write_text(prod.replace("acme-prod", "acme-qa"))
    init = first_hour_commands()[0].replace("~/Downloads", str(downloads))
    ok(_run(engine, init))  # README "1." writes the stack file
    # The org here is the emulator on 127.0.0.1, which the provider reaches as its okta:httpProxy.
    engine.edit("qa", lambda config: _emulated(config, engine.org.url))

    deploy = session(engine, "README.md: pulumi stack init qa")
    for line in deploy.runnable:
        ok(run(deploy, line))
    deploy.done()
    state = engine.org.state
    labels = sorted(app["label"] for app in state.apps.values())
    assert len(labels) == 2, labels
    config = yaml.safe_load(engine.project.stack_file("qa").read_text())["config"]
    declared = {group["name"] for group in config["gainsight-okta:groups"]}
    names = {group["profile"]["name"] for group in state.groups.values()}
    assert declared <= names
    outputs = engine.pulumi.outputs("qa")
    assert len(state.app_groups.get(outputs["ssoAppId"], [])) == len(declared)
    assert not state.app_groups.get(outputs["scimAppId"])  # provisioning is off until the manual step

    refresh = session(
        engine, "README.md: pulumi refresh --stack qa --exclude **okta:app/groupAssignment:GroupAssignment::**"
    )
    before = len(state.requests)
    for line in refresh.runnable:
        ok(run(refresh, line))
    refresh.done()
    assert gets(engine, before) and one_by_one(gets(engine, before)) == []

    runbook = session(engine, "docs/provider-behaviour.md: pulumi stack output --stack qa --json > outputs.json")
    for line in runbook.runnable:
        ok(run(runbook, line))
    runbook.done()
    text = (engine.project.root / "runbook.md").read_text()
    assert "<run: pulumi stack output" not in text
    assert json.loads((engine.project.root / "outputs.json").read_text())["scimAppName"] in text


def test_a_deployed_stack_s_refresh_and_its_targets(engine: Engine) -> None:
    """api-cost.md: the refresh "reads the assignments in one paginated list per app" (the per-group ones
    excluded); adopt-and-verify.md: `--refresh-targets` with `--deployed` prints "only the URNs the state holds",
    one a line, of "the resources whose Pulumi state no longer matches Okta" (here: an assignment removed by hand)."""
    deployed_with_provisioning(engine, "prod")
    state = engine.org.state
    refresh = session(
        engine, "docs/api-cost.md: pulumi refresh --stack prod --exclude **okta:app/groupAssignment:GroupAssignment::**"
    )
    before = len(state.requests)
    (line,) = refresh.runnable
    ok(run(refresh, line))
    refresh.done()
    read = gets(engine, before)
    assert read and one_by_one(read) == [], one_by_one(read)

    scim = engine.pulumi.outputs("prod")["scimAppId"]
    viewers = engine.org.group_id("Gainsight Viewers")
    engine.org.control("DELETE", f"/api/v1/apps/{scim}/groups/{viewers}")  # by hand, in the Admin Console
    targets = session(engine, "docs/adopt-and-verify.md: pulumi stack export --stack prod > deployed.json")
    export, verify = (run(targets, line) for line in targets.runnable)
    targets.done()
    ok(export)
    urns = [line for line in ok(verify).splitlines() if line.strip()]
    deployed = json.loads((engine.project.root / "deployed.json").read_text())
    held = {resource["urn"] for resource in deployed["deployment"]["resources"]}
    assert urns and set(urns) <= held
    assert any("groupAssignment" in urn and "Gainsight Viewers" in urn for urn in urns), urns


def test_the_preview_with_the_policy_pack_and_the_drift_check(engine: Engine) -> None:
    """ci-workflows.md "With Pulumi and Okta credentials, the preview and the drift check": the policy pack runs
    in the preview; after a group's value is changed by hand the refresh exits 7, `drift-status` says drift and
    `drift-report` is the Markdown of the drift issue."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(REPO / name, engine.project.root / name)
    shutil.copytree(
        REPO / "policy", engine.project.root / "policy", ignore=shutil.ignore_patterns("venv", "__pycache__")
    )
    deployed_with_provisioning(engine, "dev")
    scim = engine.pulumi.outputs("dev")["scimAppId"]
    group = engine.org.group_id("Customer Success")
    current = engine.org.control("GET", f"/api/v1/apps/{scim}/groups/{group}")
    profile = {**current["profile"], "LicenseType": "Viewer_Analytics"}
    engine.org.control(
        "PUT", f"/api/v1/apps/{scim}/groups/{group}", {"priority": current["priority"], "profile": profile}
    )

    checks = session(engine, "docs/ci-workflows.md: make policy-venv")
    venv, preview, refresh, status, report = (run(checks, line) for line in checks.runnable)
    checks.done()
    ok(venv)
    printed = ok(preview)
    assert "Policy Packs run:" in printed and "gainsight-okta|local|policy" in printed, printed[-3000:]
    assert "[mandatory]" not in printed and "19 unchanged" in printed, printed[-3000:]
    ok(refresh)
    assert refresh.stdout.splitlines()[-1] == "exit 7", refresh.stderr[-2000:]
    assert ok(status).strip() == "drift"
    markdown = ok(report)
    assert markdown.startswith("#") and "Customer Success" in markdown


def _emulated(config: dict[str, Any], url: str) -> None:
    config.pop("okta:orgName", None)
    config.pop("okta:baseUrl", None)
    config["okta:httpProxy"] = url


def _run(engine: Engine, line: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", "-c", line], cwd=engine.project.root, capture_output=True, text=True, env=engine.pulumi.env
    )
