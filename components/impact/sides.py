"""The two sides of a change to people: the SCIM app's group assignments as the base stack file declares them and
as the head stack file does, each with the Okta group ids the live org holds, and the groups whose assignment,
priority or values differ between them (the only groups whose members a change can touch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from components.inputs.people_rules import Grant
from components.inputs.stack_inputs import StackInputs, group_scope


@dataclass(frozen=True)
class Side:
    grants: tuple[Grant, ...]  # priority order: the stack's SCIM groups, then groups assigned outside the stack
    attributes: Mapping[str, bool]  # group-scope attribute -> union


def group_key(name: str) -> str:
    """Okta group names are unique regardless of case."""
    return name.casefold()


def _ranked(grants: list[Grant], live_priority: Mapping[str, int | None], unmanaged: Sequence[Grant]) -> list[Grant]:
    """The stack's grants in its order, with each assignment made outside the stack placed by Okta's priority
    against the stack's groups as Okta holds them (before the first stack group whose priority is higher)."""
    waiting = sorted(unmanaged, key=lambda grant: live_priority.get(grant.group_id or "") or 0)
    ranked: list[Grant] = []
    for grant in grants:
        number = live_priority.get(grant.group_id or "")
        while number is not None and waiting and (live_priority.get(waiting[0].group_id or "") or 0) < number:
            ranked.append(waiting.pop(0))
        ranked.append(grant)
    return ranked + waiting


def side_of(
    inputs: StackInputs,
    group_ids: Mapping[str, str | None],
    unmanaged: Sequence[Grant],
    live_priority: Mapping[str, int | None],
) -> Side:
    """`group_ids`: each stack group's Okta id by `group_key` of its name (None: not in Okta yet); `unmanaged`: the
    assignments neither stack file declares (they stay, whatever the change); `live_priority`: Okta's priority of
    each assigned group, by id.

    With `scimApp.provisioningEnabled` false the stack assigns no group to the SCIM app (components.resources:
    switching it off unassigns every group), so only the assignments made outside it remain.
    """
    grants = [
        Grant(group.id or group_ids.get(group_key(group.name)), group.name, dict(group.profile))
        for group in inputs.groups
        if group.scim and inputs.provisioning_enabled
    ]
    return Side(tuple(_ranked(grants, live_priority, unmanaged)), group_scope(inputs))


def _set_values(grant: Grant) -> dict[str, object]:
    return {name: value for name, value in grant.values.items() if value is not None}


def _moved(base: Sequence[str], head: Sequence[str]) -> set[str]:
    """Groups on both sides whose order against another such group flips (O(n): a prefix max and suffix min)."""
    common = set(base) & set(head)
    head_rank = {group_id: rank for rank, group_id in enumerate(g for g in head if g in common)}
    ranks = [head_rank[group_id] for group_id in base if group_id in common]
    ids = [group_id for group_id in base if group_id in common]
    moved: set[str] = set()
    highest = -1
    for position, rank in enumerate(ranks):
        if highest > rank:
            moved.add(ids[position])
        highest = max(highest, rank)
    lowest = len(ranks)
    for position in range(len(ranks) - 1, -1, -1):
        if lowest < ranks[position]:
            moved.add(ids[position])
        lowest = min(lowest, ranks[position])
    return moved


def changed_group_ids(base: Side, head: Side) -> set[str]:
    """Okta ids of the groups whose assignment, priority or values differ, or that set an attribute whose
    definition (declared at all, combined across groups) differs."""
    before = {grant.group_id: grant for grant in base.grants if grant.group_id}
    after = {grant.group_id: grant for grant in head.grants if grant.group_id}
    changed = set(before) ^ set(after)
    changed |= {group_id for group_id in set(before) & set(after) if _set_values(before[group_id]) != _set_values(
        after[group_id])}  # fmt: skip
    changed |= _moved(list(before), list(after))
    redefined = {
        name
        for name in set(base.attributes) | set(head.attributes)
        if base.attributes.get(name) != head.attributes.get(name)
    }
    for grants in (before, after):
        changed |= {group_id for group_id, grant in grants.items() if redefined & set(_set_values(grant))}
    return changed
