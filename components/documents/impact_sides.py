"""The two sides of a change to people: the SCIM app's group assignments as the base stack file declares them and
as the head stack file does, each with the Okta group ids the live org holds, and the groups whose assignment,
priority or values differ between them (the only groups whose members a change can touch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from components.inputs.people_rules import Grant
from components.inputs.stack_inputs import StackInputs

from .explain import group_scope


@dataclass(frozen=True)
class Side:
    grants: tuple[Grant, ...]  # priority order: the stack's SCIM groups, then groups assigned outside the stack
    attributes: Mapping[str, bool]  # group-scope attribute -> union


def group_key(name: str) -> str:
    """Okta group names are unique regardless of case."""
    return name.casefold()


def side_of(inputs: StackInputs, group_ids: Mapping[str, str | None], unmanaged: Sequence[Grant]) -> Side:
    """`group_ids`: each stack group's Okta id by `group_key` of its name (None: not in Okta yet).

    Groups assigned in Okta but declared by neither stack file stay assigned whatever the change (the stack
    deletes only assignments it made); they are ranked after the stack's groups, whose priorities come first.
    """
    grants = [
        Grant(group.id or group_ids.get(group_key(group.name)), group.name, dict(group.profile))
        for group in inputs.groups
        if group.scim
    ]
    return Side(tuple(grants) + tuple(unmanaged), group_scope(inputs))


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
