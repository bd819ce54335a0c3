"""The offline plans of the shipped stacks, pinned byte for byte: a refactoring must not change what is declared.

A deliberate change to the program updates these files (UPDATE_GOLDEN=1) and shows in review as a diff.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.golden_files import assert_golden


@pytest.mark.parametrize("stack", ["dev", "prod"])
@pytest.mark.parametrize(("flag", "suffix"), [("--json", "json"), (None, "txt")])
def test_shipped_stack_plans_are_unchanged(stack: str, flag: str | None, suffix: str) -> None:
    result = run_cli("plan", "--stack", stack, *([flag] if flag else []))
    assert result.returncode == 0, result.stderr
    assert_golden(f"plan-{stack}.{suffix}", result.stdout)
