"""Okta's rules for the values an app user receives from the groups that assign the app to them.

Okta's help (Profile Editor, "group priority"): a user reached through several assigned groups takes each
group-scope value from the highest-priority group that sets it; an attribute with "Combine values across groups"
(`union`, arrays only) gets the values of every such group instead. An individual assignment (scope USER) keeps
its own values and its access, whatever the groups say. Where Okta's documentation is silent, these rules assume
(docs/people.md says the same to users):
- a group that sets an attribute to null, or not at all, does not set it (Okta sends unset values as null);
- combined values keep the order of priority, highest first, each value once;
- an individual assignment's own values replace the groups' for every group-scope attribute.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Grant:
    """One group assigned to the app, with the group-scope values it sets; a list of them is in priority order."""

    group_id: str | None  # None: a group the stack creates that Okta does not hold yet (so no members)
    name: str
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Received:
    value: Any  # None when no group sets it
    sources: tuple[str, ...]  # the groups it comes from, highest priority first


def received(grants: Sequence[Grant], attributes: Mapping[str, bool]) -> dict[str, Received]:
    """For each group-scope attribute (name -> union), what a member of `grants` (priority order) receives."""
    values: dict[str, Received] = {}
    for name, union in attributes.items():
        setters = [grant for grant in grants if grant.values.get(name) is not None]
        if not setters:
            values[name] = Received(None, ())
        elif union:
            combined: list[Any] = []
            for grant in setters:
                given = grant.values[name]
                combined += [item for item in (given if isinstance(given, list) else [given]) if item not in combined]
            values[name] = Received(combined, tuple(grant.name for grant in setters))
        else:
            values[name] = Received(setters[0].values[name], (setters[0].name,))
    return values


def same_value(before: Any, after: Any) -> bool:
    """Whether Gainsight holds the same value: a Multi-Picklist is a set (its order is not kept)."""
    if isinstance(before, list) and isinstance(after, list):
        return sorted(map(str, before)) == sorted(map(str, after))
    return before == after
