"""Scenario 6: a stack deployed with the code of commit 1842659 (main before the e2e existed), then `pulumi up`
with this code at Pulumi's default parallelism. At no moment is anyone unassigned who keeps access before and
after, and no two assignments of one app ever hold the same priority: the emulator records every write."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import Engine
from .engine import REPO, Run
from .steps import deployed_with_provisioning

BEFORE = "1842659"
# Main before issue 34: the program declared the resources around a component that took the stack file's checked
# inputs; now the component takes typed args and holds its own checks, and the program calls it.
BEFORE_COMPONENT_ARGS = "45c539c"
OLD_SELF_REFERENCE = "urn:pulumi:dev::gainsight-okta::pulumi:pulumi:StackReference::gainsight-previous-run"


@contextmanager
def checkout(commit: str, where: Path) -> Iterator[Path]:
    """The code of `commit`, as a git worktree of this repository (a clone has the history)."""
    git = ["git", "-C", str(REPO)]
    found = subprocess.run([*git, "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True, check=False)
    assert found.returncode == 0, f"commit {commit} is not in this checkout: clone the repository with its history"
    subprocess.run([*git, "worktree", "add", "--detach", str(where), commit], capture_output=True, check=True)
    try:
        yield where
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(where)], capture_output=True, check=False)


@pytest.fixture
def old_checkout(tmp_path: Path) -> Iterator[Path]:
    with checkout(BEFORE, tmp_path / "before") as where:
        yield where


def _up_once_more(up: Callable[..., Run], stack: str, *extra: str) -> Run:
    run = up(stack, *extra, ok=())
    if run.code != 0 and "failed to load checkpoint" in run.output:
        run = up(stack, *extra, ok=())
    assert run.code == 0, run.output[-4000:]
    return run


def state_urns(engine: Engine) -> set[str]:
    return {r["urn"] for r in engine.pulumi.export("dev")["deployment"].get("resources", [])}


def assignments(engine: Engine) -> set[tuple[str, str]]:
    return {(app, a["id"]) for app, held in engine.org.state.app_groups.items() for a in held}


def test_upgrading_a_deployed_stack_unassigns_nobody_and_shares_no_priority(engine: Engine, old_checkout: Path) -> None:
    engine.project.use_program(old_checkout)
    engine.pulumi.env["PYTHONPATH"] = str(old_checkout)
    # The old code's StackReference to its own stack can read the file backend's checkpoint while the engine
    # writes it ("failed to load checkpoint: EOF"; found by the e2e, gone with this change): tried once more.
    up = engine.pulumi.up
    engine.pulumi.up = lambda stack, *extra, ok=(0,): _up_once_more(up, stack, *extra)  # type: ignore[method-assign]
    deployed_with_provisioning(engine, "dev")
    engine.pulumi.up = up  # type: ignore[method-assign]
    before = assignments(engine)
    assert before and not engine.org.state.collisions
    assert OLD_SELF_REFERENCE in state_urns(engine)  # the old code ran: it still had its StackReference

    engine.project.use_program(REPO)
    del engine.pulumi.env["PYTHONPATH"]
    first_write = len(engine.org.state.requests)
    engine.pulumi.up("dev")
    after = assignments(engine)
    kept = before & after
    unassigned = [
        path
        for method, path in engine.org.state.requests[first_write:]
        if method == "DELETE" and path.startswith("/api/v1/apps/") and "/groups/" in path
    ]
    assert not [p for p in unassigned if (p.split("/")[4], p.split("/")[6]) in kept], unassigned
    assert engine.org.state.collisions == []
    assert after == before  # the same groups assigned: the upgrade changes nothing in Okta
    engine.pulumi.assert_no_changes("dev")
    assert OLD_SELF_REFERENCE not in state_urns(engine)  # and so did the new code: it reads its outputs by invoke


def test_the_component_with_args_replaces_and_deletes_nothing(engine: Engine, tmp_path: Path) -> None:
    """Issue 34, item 2: a stack deployed with main before the component took args, then `pulumi up` with this
    code at the default parallelism: no delete, no replace, no two assignments on one number, the same URNs."""
    with checkout(BEFORE_COMPONENT_ARGS, tmp_path / "before-args") as old:
        engine.project.use_program(old)
        engine.pulumi.env["PYTHONPATH"] = str(old)
        deployed_with_provisioning(engine, "dev")
    before, urns = assignments(engine), state_urns(engine)
    outputs = engine.pulumi.outputs("dev")

    engine.project.use_program(REPO)
    del engine.pulumi.env["PYTHONPATH"]
    steps = engine.pulumi.preview("dev", "--diff")["steps"]
    moved = [(step["op"], step["urn"]) for step in steps if step["op"] not in ("same", "read", "refresh")]
    assert moved == [], moved
    first_write = len(engine.org.state.requests)
    engine.pulumi.up("dev")
    written = [(m, p) for m, p in engine.org.state.requests[first_write:] if m in ("POST", "PUT", "DELETE")]
    assert written == []  # nothing in Okta changes: not one write
    assert engine.org.state.collisions == []
    assert assignments(engine) == before and state_urns(engine) == urns
    assert engine.pulumi.outputs("dev") == outputs  # the same exports, under the same names
    engine.pulumi.assert_no_changes("dev")
