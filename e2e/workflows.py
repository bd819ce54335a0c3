"""The workflows' `run:` steps, with the same `pulumi` command lines (.github/workflows/drift.yml and
pulumi-up.yml); the JavaScript actions around them cannot run here."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .conftest import Engine
from .engine import REPO, gainsight_okta

# The patterns the workflows exclude from a refresh, read from the workflow itself so that both stay one.
_DRIFT_ENV = yaml.safe_load((REPO / ".github" / "workflows" / "drift.yml").read_text())["jobs"]["drift"]["env"]
PER_GROUP_ASSIGNMENTS = _DRIFT_ENV["PER_GROUP_ASSIGNMENTS"]


@dataclass
class DriftRun:
    status: str  # drift-status: clean, drift or error
    report: str  # drift-report's Markdown, when there is drift
    verify_code: int
    findings: str  # verify --markdown


def tool(engine: Engine, *args: str) -> tuple[int, str]:
    run = gainsight_okta(*args, cwd=engine.project.root, env=engine.pulumi.env)
    assert run.code in (0, 1), run.output
    return run.code, run.stdout


def verify_args(engine: Engine, stack: str) -> list[str]:
    return [
        "--stack",
        stack,
        "--config",
        str(engine.project.stack_file(stack)),
        "--outputs",
        str(engine.pulumi.outputs_file(stack)),
        "--okta-url",
        engine.org.url,
    ]


def drift_workflow(engine: Engine, stack: str) -> DriftRun:
    """drift.yml: the refresh preview, drift-status and drift-report on its JSON, then verify --markdown."""
    refresh = engine.pulumi.run(
        "refresh",
        "--preview-only",
        "--expect-no-changes",
        "--json",
        "--stack",
        stack,
        "--exclude",
        PER_GROUP_ASSIGNMENTS,
        ok=(),
    )
    result = engine.project.root / "refresh.json"
    result.write_text(refresh.stdout)
    code = str(refresh.code)
    _, status = tool(engine, "drift-status", str(result), "--exit-code", code)
    report = ""
    if status.strip() == "drift":
        _, report = tool(engine, "drift-report", str(result), "--stack", stack, "--exit-code", code)
    verify_code, findings = tool(engine, "verify", *verify_args(engine, stack), "--markdown")
    return DriftRun(status.strip(), report, verify_code, findings)


def deploy_workflow(engine: Engine, stack: str) -> tuple[int, str]:
    """pulumi-up.yml: the key switch if the stack names another key, refresh without the per-group reads, refresh
    what verify names, `pulumi up`, and its last step's verify: (exit code, findings)."""
    pulumi = engine.pulumi
    code, said = tool(engine, "rotate-key", "switch", *verify_args(engine, stack), "--confirm")
    assert code == 0, said
    pulumi.run("refresh", "--yes", "--skip-preview", "--stack", stack, "--exclude", PER_GROUP_ASSIGNMENTS)
    deployed = engine.project.root / "deployed.json"
    deployed.write_text(pulumi.run("stack", "export", "--stack", stack).stdout)
    _, urns = tool(engine, "verify", *verify_args(engine, stack), "--refresh-targets", "--deployed", str(deployed))
    targets = [argument for urn in urns.splitlines() if urn.strip() for argument in ("--target", urn)]
    if targets:
        pulumi.run("refresh", "--yes", "--skip-preview", "--stack", stack, *targets)
    pulumi.run("up", "--yes", "--diff", "--stack", stack)
    return tool(engine, "verify", *verify_args(engine, stack))
