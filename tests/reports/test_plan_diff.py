"""`plan-diff`: what a pull request changes in what a stack declares, from two offline plans."""

from __future__ import annotations

import json
from pathlib import Path

from components.reports.plan_diff import diff_plans, render_plan_diff
from tests.conftest import PROJECT_ROOT, article_stack, run_cli


def test_identical_plans_have_no_diff(plan_stack) -> None:
    plan = plan_stack(article_stack())
    diff = diff_plans(plan, plan)
    assert diff.empty
    assert "No change to what this stack declares." in render_plan_diff(diff)


def test_added_changed_and_removed_resources(plan_stack) -> None:
    base = plan_stack(article_stack())
    groups = [{"name": "Admins", "profile": {"IsSuperAdmin": True, "LicenseType": "Viewer"}}, {"name": "Sales"}]
    head = plan_stack(article_stack(**{"gainsight-okta:groups": groups}))
    diff = diff_plans(base, head)
    assert sorted(r["name"] for r in diff.added) == [
        "gainsight-group-Sales",
        "gainsight-scim-assignment-Sales",
        "gainsight-sso-assignment-Sales",
    ]
    assert sorted(r["name"] for r in diff.removed) == [
        "gainsight-group-Viewer",
        "gainsight-scim-assignment-Viewer",
        "gainsight-sso-assignment-Viewer",
    ]
    changed = {c.name: c for c in diff.changed}
    admins = changed["gainsight-scim-assignment-Admins"]
    ((path, before, after),) = [(c.path, c.before, c.after) for c in admins.changes]
    assert (path, before, after) == ("profile.LicenseType", "Full", "Viewer")  # the one attribute that changes
    assert not admins.replaces
    assert "gainsight-scim-assignment-Sales" not in changed  # one group changed: one assignment, not every group
    text = render_plan_diff(diff)
    assert "**3 to add, 1 to change, 3 to remove.**" in text
    assert "| + add | `okta:group/group:Group` | `gainsight-group-Sales` |" in text
    assert '`profile.LicenseType`: "Full" → "Viewer"' in text


def test_replacing_changes_are_flagged(plan_stack) -> None:
    base = plan_stack(article_stack())
    attributes = [{"name": "IsSuperAdmin", "type": "boolean", "scope": "personal"}]
    head = plan_stack(article_stack(**{"gainsight-okta:attributes": attributes, "gainsight-okta:groups": []}))
    diff = diff_plans(base, head)
    attribute = next(c for c in diff.changed if c.name == "gainsight-attr-IsSuperAdmin")
    assert attribute.replaces
    text = render_plan_diff(diff)
    assert (
        "| ~ replace | `okta:index/appUserSchemaProperty:AppUserSchemaProperty` | `gainsight-attr-IsSuperAdmin` |"
        in text
    )
    assert '`scope`: "NONE" → "SELF" (forces replacement)' in text
    assert "This replaces the attribute `gainsight-attr-IsSuperAdmin` (changed: scope)" in text
    # Refused by `pulumi up` (resources/attribute_replacements.py): the comment names the two deploys instead.
    assert "which **`pulumi up` refuses**" in text and "do it in two deploys: first remove the attribute" in text


def test_removing_the_sso_app_or_a_protected_resource_is_called_out() -> None:
    sso = {
        "urn": "urn:pulumi:prod::p::okta:app/saml:Saml::gainsight-sso",
        "type": "okta:app/saml:Saml",
        "name": "gainsight-sso",
        "inputs": {},
        "options": {"protect": True},
    }
    base = {"stack": "prod", "resources": [sso], "outputs": {}}
    head = {"stack": "prod", "resources": [], "outputs": {}}
    text = render_plan_diff(diff_plans(base, head))
    assert "removes the SSO app `gainsight-sso`: users would lose sign-in" in text
    assert "removes the protected `gainsight-sso`" in text


def test_option_and_output_changes(plan_stack) -> None:
    base = plan_stack(article_stack())
    head = plan_stack(article_stack(**{"gainsight-okta:protect": True}))
    diff = diff_plans(base, head)
    sso = next(c for c in diff.changed if c.name == "gainsight-sso")
    assert [(c.path, c.before, c.after) for c in sso.option_changes] == [("protect", False, True)]
    assert "- option `protect`: false → true" in render_plan_diff(diff)


def test_cli_on_two_plans_and_bad_input(tmp_path: Path, plan_stack) -> None:
    base, head = tmp_path / "base.json", tmp_path / "head.json"
    base.write_text(json.dumps(plan_stack(article_stack())))
    head.write_text(json.dumps(plan_stack(article_stack(provisioning=False))))
    result = run_cli("plan-diff", str(base), str(head))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("### Offline plan, stack `test`")
    assert (
        "| - remove | `okta:index/appUserSchemaProperty:AppUserSchemaProperty` | `gainsight-attr-LicenseType` |"
        in result.stdout
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"stack": "x"}')
    result = run_cli("plan-diff", str(base), str(bad))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {bad}: resources: ")


def test_an_ignored_input_is_marked_and_never_replaces() -> None:
    """Pulumi applies ignoreChanges before the provider diffs, so an ignored ForceNew input (appId of
    resource_okta_app_group_assignments.go) keeps the old value: no replacement, nothing sent."""

    def plan(app_id: str, groups: list[dict]) -> dict:
        watcher = {
            "urn": "urn:pulumi:s::p::okta:app/groupAssignments:GroupAssignments::gainsight-scim-assignments",
            "type": "okta:app/groupAssignments:GroupAssignments",
            "name": "gainsight-scim-assignments",
            "inputs": {"appId": app_id, "groups": groups},
            "options": {"ignoreChanges": ["groups", "appId"]},
        }
        return {"stack": "s", "resources": [watcher], "outputs": {}}

    diff = diff_plans(plan("0oa1", [{"id": "00g1", "priority": 1}]), plan("0oa2", []))
    (change,) = diff.changed
    assert [(c.path, c.ignored, c.replaces) for c in change.changes] == [
        ("appId", True, False),
        ("groups", True, False),
        ("groups[0].id", True, False),
        ("groups[0].priority", True, False),
    ]
    assert change.ignored and not change.replaces
    assert "| ~ ignored |" in render_plan_diff(diff)


def test_a_group_s_value_is_one_line_per_attribute_that_changes(plan_stack) -> None:
    """Issue 35, item 2: a LicenseType change showed as a truncated, escaped JSON string
    (`"{\\"IsSuperAdmin\\":null,\\"LicenseType\\":\\"Viewer\\",…`)."""
    base = plan_stack(article_stack())
    stack = article_stack()
    stack["gainsight-okta:attributes"][1]["enum"] = ["Full", "Viewer", "Viewer_Analytics"]
    groups = [dict(group, profile=dict(group["profile"])) for group in stack["gainsight-okta:groups"]]
    groups[1]["profile"]["LicenseType"] = "Viewer_Analytics"
    stack["gainsight-okta:groups"] = groups
    diff = diff_plans(base, plan_stack(stack))
    (assignment,) = [c for c in diff.changed if c.name == "gainsight-scim-assignment-Viewer"]
    assert [(c.path, c.before, c.after) for c in assignment.changes] == [
        ("profile.LicenseType", "Viewer", "Viewer_Analytics")
    ]
    text = render_plan_diff(diff)
    assert "profile.LicenseType" in text and '\\"' not in text


def test_a_value_changed_while_provisioning_is_off_is_said_held_back(plan_stack) -> None:
    """Issue 35, item 2: while provisioning is off, Viewer → Viewer_Analytics produced no line at all."""
    stack = article_stack(provisioning=False)
    stack["gainsight-okta:attributes"][1]["enum"] = ["Full", "Viewer", "Viewer_Analytics"]
    base = plan_stack(stack)
    groups = [dict(group, profile=dict(group["profile"])) for group in stack["gainsight-okta:groups"]]
    groups[1]["profile"]["LicenseType"] = "Viewer_Analytics"
    diff = diff_plans(base, plan_stack({**stack, "gainsight-okta:groups": groups}))
    assert diff.empty  # nothing declared changes
    assert [(c.label, c.path, c.before, c.after) for c in diff.held_back] == [
        ("group 'Viewer'", "LicenseType", "Viewer", "Viewer_Analytics")
    ]
    text = render_plan_diff(diff)
    assert "**Held back until the manual step**" in text
    assert '- group \'Viewer\': `LicenseType` "Viewer" → "Viewer_Analytics"' in text


def test_every_plan_diff_recipe_keeps_priorities_as_the_workflow_does() -> None:
    """Issue 35, item 2: the README's recipe left out `--previous-outputs`, so a group added at the top showed
    every other group renumbered, which neither the workflow (.github/scripts/plan-diff.sh) nor `pulumi up` does."""
    from tests.doc_pages import PAGES

    assert "--previous-outputs" in (PROJECT_ROOT / ".github" / "scripts" / "plan-diff.sh").read_text()
    heads = [
        line
        for page in PAGES
        for line in page.read_text().splitlines()
        if "plan --stack" in line and "> head.json" in line
    ]
    assert len(heads) >= 2  # the README's and docs/ci-workflows.md's
    assert all("--previous-outputs base.json" in line for line in heads), heads


def test_a_new_attribute_s_null_in_every_profile_is_an_update(plan_stack) -> None:
    """The real preview updates every SCIM assignment when a group-scope attribute is added: the provider sends the
    profile JSON whole, now with the new key's null (found by e2e/test_offline_agrees.py when null was dropped)."""
    base = plan_stack(article_stack())
    stack = article_stack()
    stack["gainsight-okta:attributes"] = [*stack["gainsight-okta:attributes"], {"name": "Tier", "type": "string"}]
    diff = diff_plans(base, plan_stack(stack))
    scim = [c for c in diff.changed if c.name.startswith("gainsight-scim-assignment-")]
    assert len(scim) == 2
    for change in scim:
        assert [(c.path, c.before, c.after) for c in change.changes] == [("profile.Tier", "(not sent)", None)]
