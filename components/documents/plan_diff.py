"""The difference between two offline plans (base and head of a pull request), as Markdown for a PR comment.

Beyond what changes, it says in plain words what the change does to people: unassigned groups lose Gainsight,
a replaced attribute loses its values, a false that the provider will never send.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from components.resources.provider_facts import FORCE_NEW
from components.resources.scim_removals import SCIM_GROUPS_OUTPUT, SSO_GROUPS_OUTPUT

from .plan_warnings import plan_warnings
from .templates import render

# Which stack output names the groups of each assignments resource, position by position.
GROUPS_OUTPUT_OF = {"gainsight-scim-assignments": SCIM_GROUPS_OUTPUT, "gainsight-sso-assignments": SSO_GROUPS_OUTPUT}


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
        return _input_of(self.path)


def _input_of(path: str) -> str:
    return path.split(".")[0].split("[")[0]


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


@dataclass
class PlanDiff:
    stack: str
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[ResourceChange]
    outputs: list[InputChange]
    base: dict[str, Any] = field(default_factory=dict)
    head: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.outputs)


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Leaf paths of a JSON value: `groups[1].profile`, `label`. Lists of objects keep their positions."""
    if isinstance(value, dict) and value:
        flat: dict[str, Any] = {}
        for key in value:
            flat |= _flatten(value[key], f"{prefix}.{key}" if prefix else str(key))
        return flat
    if isinstance(value, list) and value and any(isinstance(item, (dict, list)) for item in value):
        flat = {}
        for position, item in enumerate(value):
            flat |= _flatten(item, f"{prefix}[{position}]")
        return flat
    return {prefix: value}


def _group_label(path: str, names: list[Any]) -> str:
    """`groups[1].profile` of an assignments resource is about the group at that position of the plan."""
    if not path.startswith("groups["):
        return ""
    position = int(path[len("groups[") : path.index("]")])
    return f"group {names[position]!r}" if position < len(names) and isinstance(names[position], str) else ""


def _changes(
    before: Any,
    after: Any,
    replacing: frozenset[str],
    names: list[Any] | None = None,
    ignoring: frozenset[str] = frozenset(),
) -> list[InputChange]:
    old, new = _flatten(before if isinstance(before, dict) else {}), _flatten(after if isinstance(after, dict) else {})
    missing = object()
    result = []
    for path in sorted(set(old) | set(new)):
        was, now = old.get(path, missing), new.get(path, missing)
        if was != now:
            ignored = _input_of(path) in ignoring or path in ignoring
            result.append(
                InputChange(
                    path,
                    None if was is missing else was,
                    None if now is missing else now,
                    _input_of(path) in replacing and not ignored,
                    _group_label(path, names or []),
                    ignored,
                )
            )
    return result


def _aliases(resource: dict[str, Any]) -> list[str]:
    aliases = (resource.get("options") or {}).get("aliases") or []
    return [alias for alias in aliases if isinstance(alias, str)]


def diff_plans(base: dict[str, Any], head: dict[str, Any]) -> PlanDiff:
    before = {r["urn"]: r for r in base.get("resources", [])}
    after = {r["urn"]: r for r in head.get("resources", [])}
    # A head resource that names a base URN among its aliases is the same resource, renamed.
    renamed = {alias: urn for urn, r in after.items() if urn not in before for alias in _aliases(r) if alias in before}
    outputs = head.get("outputs") if isinstance(head.get("outputs"), dict) else {}
    changed = []
    for urn, new in after.items():
        old_urn = urn if urn in before else next((a for a, u in renamed.items() if u == urn), None)
        if old_urn is None:
            continue
        old = before[old_urn]
        kind = str(new.get("type", ""))
        names = outputs.get(GROUPS_OUTPUT_OF.get(str(new.get("name")), ""), [])
        change = ResourceChange(
            urn=urn,
            type=kind,
            name=str(new.get("name", "")),
            changes=_changes(
                old.get("inputs"),
                new.get("inputs"),
                FORCE_NEW.get(kind, frozenset()),
                names,
                frozenset((new.get("options") or {}).get("ignoreChanges") or ()),
            ),
            option_changes=[
                c
                for c in _changes(old.get("options"), new.get("options"), frozenset())
                # Neither the order of operations nor an alias changes anything in Okta.
                if not c.path.startswith(("aliases", "dependsOn"))
            ],
            renamed_from=old_urn if old_urn != urn else None,
        )
        if change.changes or change.option_changes or change.renamed_from:
            changed.append(change)
    return PlanDiff(
        stack=str(head.get("stack") or base.get("stack") or ""),
        added=[r for urn, r in after.items() if urn not in before and urn not in renamed.values()],
        removed=[r for urn, r in before.items() if urn not in after and urn not in renamed],
        changed=changed,
        outputs=_changes(base.get("outputs"), head.get("outputs"), frozenset()),
        base=base,
        head=head,
    )


def _shown(value: Any) -> str:
    text = json.dumps(value, sort_keys=True) if not isinstance(value, str) else json.dumps(value)
    text = text if len(text) <= 120 else text[:119] + "…"
    return text.replace("|", "\\|").replace("`", "'")


def render_plan_diff(diff: PlanDiff) -> str:
    return render("plan_diff.md.j2", {"diff": diff, "warnings": plan_warnings(diff), "shown": _shown})
