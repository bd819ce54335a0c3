"""The PR comment's plain-words warnings: deactivations, lost attribute values, unsent falses, kept groups."""

from __future__ import annotations

from components.reports.plan_diff import diff_plans, render_plan_diff
from tests.conftest import ARTICLE_ATTRIBUTES, article_stack


def warnings_of(base: dict, head: dict) -> list[str]:
    return [line for line in render_plan_diff(diff_plans(base, head)).splitlines() if line.startswith("> ⚠️")]


def test_switching_provisioning_off_names_the_deactivation(plan_stack) -> None:
    base = plan_stack(article_stack(provisioning=True))
    head = plan_stack(article_stack(provisioning=False))
    text = "\n".join(warnings_of(base, head))
    assert "unassigns every group from the SCIM app (`Admins`, `Viewer`)" in text
    assert "**deactivates every user it provisioned in Gainsight**" in text
    assert "deletes the attribute(s) `IsSuperAdmin`, `LicenseType`, `Department` from the SCIM app" in text
    assert "The SCIM app: this run removes 2 group assignments at once" in text  # the engine deletes in parallel


def test_dropping_one_group_names_it_and_keeps_the_okta_group(plan_stack) -> None:
    base = plan_stack(article_stack())
    head = plan_stack(
        article_stack(**{"gainsight-okta:groups": [{"name": "Admins", "profile": {"IsSuperAdmin": True}}]})
    )
    text = "\n".join(warnings_of(base, head))
    assert "unassigns `Viewer` from the SCIM app" in text and "**deactivates their members in Gainsight**" in text
    assert "unassigns `Viewer` from the SSO app" in text
    assert "drops the group `Viewer` from the stack: the Okta group and its members stay in Okta" in text
    assert "at once" not in text


def test_a_renamed_group_is_one_resource_updated_in_place(plan_stack) -> None:
    base = plan_stack(article_stack())
    renamed = [
        article_stack()["gainsight-okta:groups"][0],
        {"name": "Viewers", "previousName": "Viewer", "profile": {}},
    ]
    head = plan_stack(article_stack(**{"gainsight-okta:groups": renamed}))
    diff = diff_plans(base, head)
    assert not [r for r in diff.added + diff.removed if r["type"] == "okta:group/group:Group"]
    (change,) = [c for c in diff.changed if c.type == "okta:group/group:Group"]
    assert change.renamed_from.endswith("::gainsight-group-Viewer") and not change.replaces
    assert [(c.path, c.before, c.after) for c in change.changes] == [("name", "Viewer", "Viewers")]
    text = render_plan_diff(diff)
    assert "renames the group `Viewer` to `Viewers` in place (`previousName`)" in text
    assert "| ~ rename | `okta:group/group:Group` | `gainsight-group-Viewers` |" in text


def test_plans_of_two_stacks_are_called_out(plan_stack) -> None:
    plan = plan_stack(article_stack())
    other = plan_stack(article_stack(), stack="prod")
    assert any("compares plans of two stacks (`test` and `prod`)" in w for w in warnings_of(plan, other))


def test_attribute_type_change_names_the_refusal_and_the_two_deploys(plan_stack) -> None:
    before = [*ARTICLE_ATTRIBUTES, {"name": "Region", "type": "string"}]
    after = [*ARTICLE_ATTRIBUTES, {"name": "Region", "type": "array", "enum": ["EU", "US"]}]
    base = plan_stack(article_stack(**{"gainsight-okta:attributes": before, "gainsight-okta:groups": []}))
    head = plan_stack(article_stack(**{"gainsight-okta:attributes": after, "gainsight-okta:groups": []}))
    (warning,) = [w for w in warnings_of(base, head) if "replaces" in w]
    assert "replaces the attribute `gainsight-attr-Region` (changed: arrayType, type)" in warning
    assert "deletes it first" not in warning and "Okta refuses to create it again while it still clears" in warning
    assert "two deploys" in warning


def test_a_changed_source_says_it_reaches_existing_users_only_when_applied(plan_stack) -> None:
    """Issue 32, item 5: the provider's `always_apply` (an internal endpoint) is ignored under OAuth 2.0 (provider
    #972) and never set here, so a changed mapping expression is not applied to the app users that exist."""
    personal = {"name": "CostCenter", "type": "string", "scope": "personal", "source": "user.costCenter"}
    moved = {**personal, "source": "user.department"}
    base = plan_stack(article_stack(**{"gainsight-okta:attributes": [*ARTICLE_ATTRIBUTES, personal]}))
    head = plan_stack(article_stack(**{"gainsight-okta:attributes": [*ARTICLE_ATTRIBUTES, moved]}))
    (warning,) = [w for w in warnings_of(base, head) if "source of" in w]
    assert "changes the source of `CostCenter` from `user.costCenter` to `user.department`" in warning
    assert "**not to the people Gainsight already has**" in warning and "**Apply updates now**" in warning
    assert not [w for w in warnings_of(base, base) if "source of" in w]
    added = plan_stack(
        article_stack(**{"gainsight-okta:attributes": [*ARTICLE_ATTRIBUTES, personal, {**moved, "name": "Region"}]})
    )
    assert not [w for w in warnings_of(base, added) if "source of" in w]  # a new mapping is not a changed one
