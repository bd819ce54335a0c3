"""Which Gainsight values a user in some groups receives: Okta's group-priority rule, without opening Okta."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from components.errors import InputError
from components.inputs.gainsight_schema import GAINSIGHT_DEFAULTS
from components.inputs.groups import GroupSettings
from components.inputs.people_rules import Grant, received
from components.inputs.stack_inputs import StackInputs, group_scope


@dataclass(frozen=True)
class ReceivedValue:
    value: Any  # None when no group of the user sets it
    sources: tuple[str, ...]  # the groups the value comes from, highest priority first
    union: bool

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "from": list(self.sources)}


def _some_groups(inputs: StackInputs, limit: int = 10) -> str:
    names = [group.name for group in inputs.groups]
    if not names:
        return "it has no groups"
    listed = ", ".join(names[:limit])
    return f"its groups: {listed}" + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _member_groups(inputs: StackInputs, names: list[str]) -> list[GroupSettings]:
    by_folded = {group.name.casefold(): group for group in inputs.groups}
    members: list[GroupSettings] = []
    for name in names:
        group = by_folded.get(name.casefold())
        if group is None:
            raise InputError(
                inputs.source, "--groups", f"{name!r} is not a group of this stack ({_some_groups(inputs)})"
            )
        if group not in members:
            members.append(group)
    priority = {group.name: position for position, group in enumerate(inputs.groups)}
    return sorted(members, key=lambda group: priority[group.name])


def explain(inputs: StackInputs, group_names: list[str]) -> dict[str, ReceivedValue]:
    """For each group-scope attribute: the highest-priority group's value, or the union across groups."""
    grants = [Grant(None, group.name, group.profile) for group in _member_groups(inputs, group_names)]
    unions = group_scope(inputs)
    values = received(grants, unions)
    return {name: ReceivedValue(value.value, value.sources, unions[name]) for name, value in values.items()}


def explain_json(received: dict[str, ReceivedValue]) -> dict[str, Any]:
    return {name: value.to_json() for name, value in received.items()}


def explain_text(inputs: StackInputs, group_names: list[str], received: dict[str, ReceivedValue]) -> str:
    members = _member_groups(inputs, group_names)
    scim_groups = [group for group in inputs.groups if group.scim]
    # The rank, not Okta's number: numbers stay put from run to run (components.inputs.priorities), ranks are the order.
    priority = {group.name: f"priority rank {position + 1}" for position, group in enumerate(scim_groups)}
    order = ", ".join(
        f"{group.name} ({priority.get(group.name, 'sign-in only, not provisioned')})" for group in members
    )
    lines = [f"A user in {order} receives these Gainsight values through SCIM:"]
    if not received:
        lines.append("  (this stack declares no group-scope attributes)")
    for name, value in received.items():
        if value.value is None:
            default = GAINSIGHT_DEFAULTS.get(name, "not sent; Gainsight keeps what it has")
            lines.append(f"  {name}: not set by any of these groups ({default})")
        elif value.union:
            lines.append(f"  {name}: {json.dumps(value.value)} (combined from {', '.join(value.sources)})")
        else:
            winner = value.sources[0]
            lines.append(
                f"  {name}: {json.dumps(value.value)} (from {winner}, the highest-priority group that sets it)"
            )
    personal = [attribute.name for attribute in inputs.attributes if not attribute.is_group_scope]
    if personal:
        lines.append(f"Personal attributes come from each user, not from groups: {', '.join(personal)}.")
    if not inputs.provisioning_enabled:
        lines.append("SCIM provisioning is not switched on in this stack yet: Gainsight receives these once it is.")
    return "\n".join(lines) + "\n"
