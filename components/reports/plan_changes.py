"""What `plan-diff` found between two offline plans: the data that plan_diff builds and plan_warnings reads.

Its own module so that the builder and the warnings both import it and never each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def input_of(path: str) -> str:
    """The resource input a path is in: `groups` for `groups[1].profile`, `a.b` for `["a.b"].c`."""
    if path.startswith('["'):
        return path[2 : path.index('"]')]
    return path.split(".")[0].split("[")[0]


@dataclass(frozen=True)
class InputChange:
    path: str
    before: Any
    after: Any
    replaces: bool
    label: str = ""  # what the path is about, e.g. "group 'Viewers'"
    ignored: bool = False  # under the head resource's ignoreChanges: Pulumi keeps the old value, Okta sees nothing

    @property
    def input(self) -> str:
        """The resource input the path is in: `groups` for `groups[1].profile`."""
        return input_of(self.path)


@dataclass
class ResourceChange:
    urn: str
    type: str
    name: str
    changes: list[InputChange] = field(default_factory=list)
    option_changes: list[InputChange] = field(default_factory=list)
    renamed_from: str | None = None  # the base URN, when the head resource carries it as an alias

    @property
    def replaces(self) -> bool:
        return any(change.replaces for change in self.changes)

    @property
    def ignored(self) -> bool:
        """Every input change is ignored and nothing else changes: `pulumi preview` shows no step for it."""
        return all(c.ignored for c in self.changes) and not (self.option_changes or self.renamed_from)


@dataclass(frozen=True)
class GroupRename:
    """A group renamed with `previousName`: one Okta group, updated in place, its assignments carried along."""

    before: str  # the group's name in the base
    after: str  # and in the head
    resource: str  # the group resource's name in the head
    carried: tuple[str, ...] = ()  # the resources renamed with it and otherwise unchanged (its assignments)


@dataclass
class PlanDiff:
    stack: str
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[ResourceChange]
    outputs: list[InputChange]
    base: dict[str, Any] = field(default_factory=dict)
    head: dict[str, Any] = field(default_factory=dict)
    group_renames: list[GroupRename] = field(default_factory=list)
    # Gainsight values of groups the head changes while provisioning is off: declared by no resource yet.
    held_back: list[InputChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.outputs)

    def renamed_group(self, name: str) -> str | None:
        """The head name of a base group renamed with `previousName`, or None."""
        return next((r.after for r in self.group_renames if r.before == name), None)
