"""`explain`: the Gainsight values a user in some groups receives, by Okta's group priority."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from components.errors import InputError
from components.explain.groups import explain, explain_json, explain_text
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs, load_stack_inputs
from tests.conftest import ARTICLE_ATTRIBUTES, article_stack, run_cli
from tests.metadata_builder import PROJECT_ROOT

GROUPS: list[dict[str, Any]] = [
    {"name": "Admins", "profile": {"IsSuperAdmin": True, "LicenseType": "Full", "Tags": ["ops"]}},
    {"name": "Analysts", "profile": {"LicenseType": "Viewer_Analytics", "Department": ["Services"], "Tags": ["bi"]}},
    {"name": "Viewer", "profile": {"LicenseType": "Viewer", "Department": ["Support"], "Tags": ["ops", "cs"]}},
    {"name": "Nothing"},
]
ATTRIBUTES = [*ARTICLE_ATTRIBUTES, {"name": "Tags", "type": "array", "enum": ["ops", "bi", "cs"], "union": True}]


@pytest.fixture
def inputs(write_stack) -> StackInputs:
    path = write_stack(article_stack(**{"gainsight-okta:attributes": ATTRIBUTES, "gainsight-okta:groups": GROUPS}))
    return load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)


def test_highest_priority_group_wins_whatever_order_they_are_named_in(inputs) -> None:
    received = explain_json(explain(inputs, ["Viewer", "Analysts"]))
    assert received["LicenseType"] == {"value": "Viewer_Analytics", "from": ["Analysts"]}
    assert received["Department"] == {"value": ["Services"], "from": ["Analysts"]}  # no union: one group's list


def test_union_combines_values_across_groups_in_priority_order(inputs) -> None:
    received = explain_json(explain(inputs, ["Viewer", "Admins"]))
    assert received["Tags"] == {"value": ["ops", "cs"], "from": ["Admins", "Viewer"]}


def test_unset_attributes_are_null(inputs) -> None:
    received = explain_json(explain(inputs, ["Nothing"]))
    assert received == {
        name: {"value": None, "from": []} for name in ("IsSuperAdmin", "LicenseType", "Department", "Tags")
    }


def test_a_lower_group_fills_what_the_higher_one_leaves_unset(inputs) -> None:
    received = explain_json(explain(inputs, ["Admins", "Viewer"]))
    assert received["IsSuperAdmin"] == {"value": True, "from": ["Admins"]}
    assert received["Department"] == {"value": ["Support"], "from": ["Viewer"]}


def test_group_names_match_case_insensitively_and_unknown_ones_are_errors(inputs) -> None:
    assert explain(inputs, ["viewer"])["LicenseType"].value == "Viewer"
    with pytest.raises(InputError) as caught:
        explain(inputs, ["Viewer", "Sales"])
    assert caught.value.location == "--groups"
    assert "'Sales' is not a group of this stack" in caught.value.message


def test_text_says_gainsights_defaults(inputs) -> None:
    text = explain_text(inputs, ["Nothing"], explain(inputs, ["Nothing"]))
    assert "Internal Collaborator" in text
    assert "not a super admin" in text


def test_text_names_where_each_value_comes_from(inputs) -> None:
    text = explain_text(inputs, ["Viewer", "Admins"], explain(inputs, ["Viewer", "Admins"]))
    assert 'LicenseType: "Full" (from Admins, the highest-priority group that sets it)' in text
    assert 'Tags: ["ops", "cs"] (combined from Admins, Viewer)' in text


def test_cli_json_and_errors(write_stack) -> None:
    path = write_stack(article_stack(**{"gainsight-okta:attributes": ATTRIBUTES, "gainsight-okta:groups": GROUPS}))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("explain", "--stack", "t", "--config", str(path), *args)

    result = run("--groups", "Viewer, Analysts", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["LicenseType"] == {"value": "Viewer_Analytics", "from": ["Analysts"]}
    bad = run("--groups", "Viewer,Ghosts", "--json")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("error: ") and "Ghosts" in bad.stderr and len(bad.stderr.splitlines()) == 1


def test_groups_are_shown_in_priority_rank_on_the_scim_app(inputs) -> None:
    text = explain_text(inputs, ["Viewer", "Admins"], explain(inputs, ["Viewer", "Admins"]))
    assert text.startswith("A user in Admins (priority rank 1), Viewer (priority rank 3) receives")


def test_an_unknown_group_lists_only_a_few_of_thousands(write_stack) -> None:
    groups = [{"name": f"Group {i:04d}"} for i in range(3000)]
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    stack = load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)
    with pytest.raises(InputError) as caught:
        explain(stack, ["Ghosts"])
    assert "and 2990 more" in caught.value.message and len(caught.value.line()) < 400
