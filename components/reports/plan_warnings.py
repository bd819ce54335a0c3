"""The plan diff's warnings: what a change does to people and to Okta, said plainly in the PR comment."""

from __future__ import annotations

from typing import Any

from components.inputs.model_base import written_setting
from components.reports.plan_changes import PlanDiff
from components.resources.attribute_replacements import TWO_STEPS
from components.resources.provider_facts import (
    APP_GROUP_ASSIGNMENT,
    APP_GROUP_ASSIGNMENTS,
    APP_USER_SCHEMA_PROPERTY,
    GROUP,
    PROFILE_MAPPING,
    SAML_APP,
)
from components.resources.scim_removals import (
    PARALLEL_DELETES,
    SCIM_ATTRIBUTES_OUTPUT,
    SCIM_GROUPS_OUTPUT,
    SSO_GROUPS_OUTPUT,
)


def _names(plan: dict[str, Any], output: str) -> list[str]:
    outputs = plan.get("outputs") if isinstance(plan.get("outputs"), dict) else {}
    value = outputs.get(output)
    return [name for name in value if isinstance(name, str)] if isinstance(value, list) else []


def _listed(names: list[str], limit: int = 20) -> str:
    listed = ", ".join(f"`{name}`" for name in names[:limit])
    return listed + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _gone(diff: PlanDiff, output: str) -> list[str]:
    """The base's groups in `output` that the head no longer has, a group renamed with previousName aside."""
    head = _names(diff.head, output)
    return [name for name in _names(diff.base, output) if name not in head and diff.renamed_group(name) not in head]


def _unassignments(diff: PlanDiff) -> list[str]:
    warnings = []
    head_scim = _names(diff.head, SCIM_GROUPS_OUTPUT)
    gone = _gone(diff, SCIM_GROUPS_OUTPUT)
    if gone and not head_scim:
        warnings.append(
            f"unassigns every group from the SCIM app ({_listed(gone)}): when Deactivate Users is on, Okta "
            "**deactivates every user it provisioned in Gainsight**"
        )
    elif gone:
        warnings.append(
            f"unassigns {_listed(gone)} from the SCIM app: when Deactivate Users is on, Okta **deactivates their "
            "members in Gainsight**, except those still assigned through another group"
        )
    if gone_sso := _gone(diff, SSO_GROUPS_OUTPUT):
        warnings.append(
            f"unassigns {_listed(gone_sso)} from the SSO app: their members can no longer sign in to Gainsight "
            "through Okta, unless another assigned group covers them"
        )
    for app, removed in (("the SCIM app", gone), ("the SSO app", gone_sso)):
        if len(removed) > 1:
            warnings.append(PARALLEL_DELETES.format(app=app[0].upper() + app[1:], count=len(removed)))
    base_attributes = _names(diff.base, SCIM_ATTRIBUTES_OUTPUT)
    if removed := [name for name in base_attributes if name not in _names(diff.head, SCIM_ATTRIBUTES_OUTPUT)]:
        warnings.append(
            f"deletes the attribute(s) {_listed(removed)} from the SCIM app: Okta stops sending them to Gainsight, "
            "and the values set on groups are lost"
        )
    return warnings


def _removals(diff: PlanDiff) -> list[str]:
    warnings = []
    for resource in diff.removed:
        kind, name, options = resource.get("type"), str(resource.get("name", "")), resource.get("options") or {}
        if kind == SAML_APP and name.endswith("-sso"):
            warnings.append(
                f"removes the SSO app `{name}`: users would lose sign-in to Gainsight "
                "(if it was renamed, add a Pulumi alias instead)"
            )
        if kind == GROUP and options.get("retainOnDelete"):
            group = (resource.get("inputs") or {}).get("name", name)
            warnings.append(
                f"drops the group `{group}` from the stack: the Okta group and its members stay in Okta "
                "(retain on delete); delete it there if it is no longer needed, or rename with `previousName`"
            )
        if kind == PROFILE_MAPPING:
            warnings.append(f"stops managing `{name}`: the mappings Okta holds stay as they are (retain on delete)")
        if options.get("protect"):
            warnings.append(f"removes the protected `{name}`: `pulumi up` will refuse until unprotected")
    return warnings


def _group_renames(diff: PlanDiff) -> list[str]:
    warnings = []
    for rename in diff.group_renames:
        carried = f", and its {len(rename.carried)} app assignment(s) follow it" if rename.carried else ""
        warnings.append(
            f"renames the group `{rename.before}` to `{rename.after}` in place (`previousName`): the same Okta group "
            f"keeps its members{carried}, so no one is unassigned"
        )
    return warnings


def _replacements(diff: PlanDiff) -> list[str]:
    warnings = []
    # A group's rename, and the renames it carries along, are said once by _group_renames.
    said = {name for rename in diff.group_renames for name in (rename.resource, *rename.carried)}
    for change in diff.changed:
        if change.renamed_from and change.name not in said:
            warnings.append(f"renames `{change.renamed_from.rsplit('::', 1)[-1]}` to `{change.name}` in place")
        if not change.replaces:
            continue
        keys = ", ".join(c.path for c in change.changes if c.replaces)
        if change.type == APP_USER_SCHEMA_PROPERTY:
            warnings.append(
                f"replaces the attribute `{change.name}` (changed: {keys}), which **`pulumi up` refuses**: Okta "
                "refuses to create it again while it still clears the deleted one from every user (provider #587, "
                f"#1974), and its group values would be lost. Instead, {TWO_STEPS}"
            )
        elif change.type == APP_GROUP_ASSIGNMENTS:
            warnings.append(f"replaces `{change.name}` (changed: {keys}): every group is unassigned, then assigned")
        elif change.type == APP_GROUP_ASSIGNMENT:
            warnings.append(f"replaces `{change.name}` (changed: {keys}): the group is unassigned, then assigned")
        else:
            warnings.append(f"replaces `{change.name}` (changed: {keys})")
    return warnings


def _scim_app_updates(diff: PlanDiff) -> list[str]:
    """An update of the SCIM app after the manual step is a full PUT without its provisioning (provider #655)."""
    change = next((c for c in diff.changed if c.type == SAML_APP and c.name == "gainsight-scim"), None)
    if change is None or not change.changes:
        return []
    held = sorted({c.input for c in change.changes if c.ignored})
    sent = sorted({c.input for c in change.changes if not c.ignored})
    warnings = []
    if held:
        warnings.append(
            f"changes the SCIM app's {', '.join(held)}, which is **not sent**: the app is frozen after the manual "
            f"step. Set {written_setting('scimApp.allowUpdate', 'true')} for the deploy that should send it"
        )
    provisioning = (diff.head.get("outputs") or {}).get("provisioningEnabled") is True
    if sent and provisioning:
        warnings.append(
            f"**updates the SCIM app** ({', '.join(sent)}): the okta provider sends the whole app without its "
            "provisioning settings, which has switched provisioning off before (provider #655). Right after the "
            "deploy, check Provisioning > To App (the deploy workflow runs `verify`), then set "
            f"{written_setting('scimApp.allowUpdate', 'false')} again"
        )
    return warnings


def _sources(plan: dict[str, Any]) -> dict[str, str]:
    """Attribute -> the Okta expression the plan's profile mapping gives it."""
    found: dict[str, str] = {}
    for resource in plan.get("resources") or []:
        if isinstance(resource, dict) and resource.get("type") == PROFILE_MAPPING:
            for mapping in (resource.get("inputs") or {}).get("mappings") or []:
                if isinstance(mapping, dict) and isinstance(mapping.get("id"), str):
                    found[mapping["id"]] = str(mapping.get("expression"))
    return found


def _changed_sources(diff: PlanDiff) -> list[str]:
    """A changed `source` reaches only users Okta updates from now on: applying a mapping to every existing app
    user is the provider's `always_apply`, an internal endpoint it skips under OAuth 2.0 (provider #972;
    resource_okta_profile_mapping.go), and which this program never sets."""
    base, head = _sources(diff.base), _sources(diff.head)
    changed = sorted(name for name in base.keys() & head.keys() if base[name] != head[name])
    return [
        f"changes the source of `{name}` from `{base[name]}` to `{head[name]}`: Okta applies it to each user as "
        "the user is next updated, **not to the people Gainsight already has**. To apply it to everyone after the "
        "deploy: in Okta, Directory > Profile Editor > Mappings, Okta User to the SCIM app, **Apply updates now**"
        for name in changed
    ]


def plan_warnings(diff: PlanDiff) -> list[str]:
    warnings = []
    base_stack, head_stack = diff.base.get("stack"), diff.head.get("stack")
    if base_stack and head_stack and base_stack != head_stack:
        warnings.append(f"compares plans of two stacks (`{base_stack}` and `{head_stack}`), not two versions of one")
    found = _unassignments(diff) + _scim_app_updates(diff) + _removals(diff) + _group_renames(diff)
    return warnings + found + _replacements(diff) + _changed_sources(diff)
