"""`plan-diff` on a group renamed with `previousName`: one Okta group renamed in place, said in one line.

The plans are real `plan --json` output of two stack files, run as `.github/scripts/plan-diff.sh` runs them
(the head planned with the base's outputs as the previous run's).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ARTICLE_GROUPS, article_stack, run_cli

RENAMED_GROUPS = [ARTICLE_GROUPS[0], {**ARTICLE_GROUPS[1], "name": "Viewers", "previousName": "Viewer"}]


def _plan(write_stack, tmp_path: Path, side: str, changes: dict, previous: Path | None = None) -> Path:
    (tmp_path / side).mkdir()
    stack_file = write_stack(changes, name=f"{side}/Pulumi.test.yaml")
    extra = ["--previous-outputs", str(previous)] if previous else []
    result = run_cli("plan", "--stack", "test", "--config", str(stack_file), "--json", *extra)
    assert result.returncode == 0, result.stderr
    out = tmp_path / f"{side}.json"
    out.write_text(result.stdout)
    return out


def test_a_group_renamed_with_previous_name_is_one_rename_line(write_stack, tmp_path: Path) -> None:
    base = _plan(write_stack, tmp_path, "base", article_stack())
    head = _plan(write_stack, tmp_path, "head", article_stack(**{"gainsight-okta:groups": RENAMED_GROUPS}), base)
    assert '"previousName"' not in head.read_text() and "::gainsight-group-Viewer" in head.read_text()  # an alias

    result = run_cli("plan-diff", str(base), str(head))
    assert result.returncode == 0, result.stderr
    # What plan-diff says itself; the outputs are the program's (its scimRemovals still names the old group).
    text = result.stdout.split("<summary>Changed outputs</summary>")[0]
    warnings = [line for line in text.splitlines() if line.startswith("> ⚠️")]
    assert warnings == [
        "> ⚠️ This renames the group `Viewer` to `Viewers` in place (`previousName`): the same Okta group keeps its "
        "members, and its 2 app assignment(s) follow it, so no one is unassigned."
    ]
    # Not an unassignment plus a replacement: the assignments keep pointing at the same group.
    assert "unassign" not in text.replace("no one is unassigned", "") and "replace" not in text
    assert "groupId" not in text and "| + add |" not in text and "| - remove |" not in text
    assert "| ~ rename | `okta:group/group:Group` | `gainsight-group-Viewers` |" in text
    assert '- `name`: "Viewer" → "Viewers"' in text


def test_a_renamed_group_keeps_its_priorities_and_is_not_called_unassigned(write_stack, tmp_path: Path) -> None:
    import json

    base = _plan(write_stack, tmp_path, "base", article_stack())
    head = _plan(write_stack, tmp_path, "head", article_stack(**{"gainsight-okta:groups": RENAMED_GROUPS}), base)
    before, after = (json.loads(path.read_text()) for path in (base, head))
    for output in ("scimPriorities", "ssoPriorities"):
        assert after["outputs"][output]["Viewers"] == before["outputs"][output]["Viewer"]
    assert after["outputs"]["scimRemovals"] == []
    priorities = {r["name"]: r["inputs"].get("priority") for r in after["resources"] if "assignment-" in r["name"]}
    assert priorities["gainsight-scim-assignment-Viewers"] == before["outputs"]["scimPriorities"]["Viewer"]
