"""The Okta groups of a stack: created here, or existing ones found by id or by name."""

from __future__ import annotations

import pulumi
import pulumi_okta as okta

from components.inputs.groups import GroupSettings


def declare_group_ids(
    prefix: str, groups: tuple[GroupSettings, ...], parent: pulumi.Resource
) -> dict[str, pulumi.Output[str]]:
    """Map each group name to its Okta id, creating the groups this stack owns."""
    ids: dict[str, pulumi.Output[str]] = {}
    for group in groups:
        if group.id is not None:
            ids[group.name] = pulumi.Output.from_input(group.id)
        elif group.existing:
            found = okta.group.get_group_output(name=group.name, opts=pulumi.InvokeOutputOptions(parent=parent))
            ids[group.name] = found.id
        else:
            created = okta.group.Group(
                f"{prefix}-group-{group.name}",
                name=group.name,
                description=group.description,
                opts=pulumi.ResourceOptions(parent=parent),
            )
            ids[group.name] = created.id
    return ids
