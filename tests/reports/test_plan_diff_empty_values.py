"""`plan-diff` never prints a line without a name, nor `{} → null`: an empty object, null and absent are alike."""

from __future__ import annotations

import json
import re
from pathlib import Path

from components.reports.plan_diff import diff_plans, render_plan_diff
from tests.conftest import article_stack, run_cli

URN = "urn:pulumi:dev::gainsight-okta::okta:group/group:Group::"


def plan(inputs: dict, outputs: dict, name: str = "gainsight-group-A") -> dict:
    resource = {"urn": URN + name, "type": "okta:group/group:Group", "name": name, "inputs": inputs, "options": {}}
    return {"stack": "dev", "resources": [resource], "outputs": outputs}


def test_a_new_stack_against_the_empty_base_plan(tmp_path: Path, plan_stack) -> None:
    """The PR script plans a stack the base does not have as `"outputs": {}`: that is no output named ``."""
    base, head = tmp_path / "base.json", tmp_path / "head.json"
    base.write_text(json.dumps({"project": "gainsight-okta", "stack": "test", "resources": [], "outputs": {}}))
    head.write_text(json.dumps(plan_stack(article_stack())))
    result = run_cli("plan-diff", str(base), str(head))
    assert result.returncode == 0, result.stderr
    assert "``" not in result.stdout and "{} → null" not in result.stdout
    assert '- `scimAssignedGroups`: null → ["Admins", "Viewer"]' in result.stdout
    named = re.compile(r"^(- (option )?`[^`]+`|\| [^|]+ \| `[^`]+` \| `[^`]+` \|)")
    for line in result.stdout.splitlines():
        if line.startswith(("- ", "| + ", "| ~ ", "| - ")):
            assert named.match(line), line


def test_empty_object_null_and_absent_are_no_change() -> None:
    for before, after in [({"profile": {}}, {"profile": None}), ({"profile": {}}, {}), ({"a": None}, {}), ({}, {})]:
        diff = diff_plans(plan(before, {"o": {}}), plan(after, {"o": None}))
        assert diff.empty, (before, after)
    diff = diff_plans(plan({"profile": {}}, {}), plan({"profile": {"x": 1}}, {"scimPriorities": {}}))
    assert [(c.path, c.before, c.after) for c in diff.changed[0].changes] == [("profile.x", None, 1)]
    assert diff.outputs == []
    # A real value that goes is still a change.
    assert [(c.path, c.before) for c in diff_plans(plan({"a": "x"}, {}), plan({}, {})).changed[0].changes] == [
        ("a", "x")
    ]


def test_empty_or_dotted_keys_and_names_are_shown_by_something() -> None:
    diff = diff_plans(plan({}, {"": 1, "a.b": 2}), plan({}, {"": 3, "a.b": 4}))
    assert [c.path for c in diff.outputs] == ['[""]', '["a.b"]']
    text = render_plan_diff(diff_plans(plan({}, {}, "gainsight-group-A"), plan({}, {}, "")))
    assert "| + add | `okta:group/group:Group` | `" + URN + "` |" in text  # a URN ending in `::`: the whole URN
    assert "| - remove | `okta:group/group:Group` | `gainsight-group-A` |" in text
    assert "``" not in text
