"""The Okta groups of a stack: created here, or existing ones found by id or by exact name.

Created groups are never deleted by Pulumi (`retain_on_delete`): a group carries memberships that other apps
and rules may rely on, and removing it from the stack (or switching it to `existing: true`) must not empty it.
A rename with `previousName` is an alias, so the provider updates the name in place (its `name` is not
ForceNew in resource_okta_group.go) instead of deleting one group and creating another.
"""

from __future__ import annotations

import pulumi
import pulumi_okta as okta

from components.errors import InputError
from components.inputs.groups import GroupSettings
from components.inputs.stack_inputs import StackInputs

GROUP_LOOKUP_TOKEN = "okta:group/getGroup:getGroup"


def group_resource_name(prefix: str, group_name: str) -> str:
    return f"{prefix}-group-{group_name}"


def look_up_existing_groups(inputs: StackInputs) -> dict[str, str]:
    """Find every `existing: true` group by name, before anything is declared; refuse an inexact match.

    data_source_okta_group.go searches by name *prefix* (Okta's `q`) and, when exactly one group matches,
    returns it even if its name differs ("using partial match"). Assigning that group would hand Gainsight
    values to the wrong people, so a different name is an error that names the group.
    """
    found: dict[str, str] = {}
    for position, group in enumerate(inputs.groups):
        if group.id is not None or not group.existing:
            continue
        result = okta.group.get_group(name=group.name)
        if result.name != group.name:
            raise InputError(
                inputs.source,
                inputs.key(f"groups[{position}].name"),
                f"group {group.name!r}: Okta has no group of exactly that name; its name search found "
                f"{result.name!r} ({result.id}). Use that exact name, or the group's id in `id`",
            )
        found[group.name] = result.id
    return found


def declare_group_ids(
    prefix: str, groups: tuple[GroupSettings, ...], existing_ids: dict[str, str], parent: pulumi.Resource
) -> dict[str, pulumi.Output[str]]:
    """Map each group name to its Okta id, creating the groups this stack owns."""
    ids: dict[str, pulumi.Output[str]] = {}
    for group in groups:
        if group.id is not None:
            ids[group.name] = pulumi.Output.from_input(group.id)
        elif group.existing:
            ids[group.name] = pulumi.Output.from_input(existing_ids[group.name])
        else:
            aliases = (
                [pulumi.Alias(name=group_resource_name(prefix, group.previous_name))] if group.previous_name else None
            )
            created = okta.group.Group(
                group_resource_name(prefix, group.name),
                name=group.name,
                description=group.description,
                opts=pulumi.ResourceOptions(parent=parent, retain_on_delete=True, aliases=aliases),
            )
            ids[group.name] = created.id
    return ids
