"""The difference between two offline plans (base and head of a pull request), as Markdown for a PR comment.

Beyond what changes, it says in plain words what the change does to people: unassigned groups lose Gainsight,
a replaced attribute loses its values, a false that the provider will never send.
"""

from __future__ import annotations

import json
from typing import Any

from components.offline.plan import HELD_BACK
from components.rendering.templates import markdown_value, render
from components.reports.plan_changes import GroupRename, InputChange, PlanDiff, ResourceChange, input_of
from components.reports.plan_warnings import plan_warnings
from components.resources.provider_facts import FORCE_NEW, GROUP
from components.resources.scim_removals import SCIM_GROUPS_OUTPUT, SSO_GROUPS_OUTPUT

__all__ = ["GroupRename", "InputChange", "PlanDiff", "ResourceChange", "diff_plans", "render_plan_diff"]

# Which stack output names the groups of each assignments resource, position by position.
GROUPS_OUTPUT_OF = {"gainsight-scim-assignments": SCIM_GROUPS_OUTPUT, "gainsight-sso-assignments": SSO_GROUPS_OUTPUT}


def _joined(prefix: str, key: str) -> str:
    # An empty or dotted key is quoted as in Pulumi's property paths, so no path is ever empty or ambiguous.
    if key and not any(ch in key for ch in '.[]"'):
        return f"{prefix}.{key}" if prefix else key
    return f"{prefix}[{json.dumps(key)}]"


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Leaf paths of a JSON value: `groups[1].profile`, `label`. Lists of objects keep their positions.

    An empty object and null are no value at all, as absent is: `{}` → null is no change, and no leaf.
    """
    if value is None or value == {}:
        return {}
    if prefix.endswith("profile") and isinstance(value, str) and value.startswith("{"):
        # A group assignment's profile is one JSON string to the provider: shown one attribute a line, not as a
        # truncated, escaped string (`profile.LicenseType: Viewer → Viewer_Analytics`). A null in it is a value:
        # the provider sends the string whole, so a new attribute's null is an update in Okta too.
        try:
            profile = json.loads(value)
        except ValueError:
            return {prefix: value}
        if isinstance(profile, dict):
            return {_joined(prefix, str(key)): item for key, item in profile.items()}
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key in value:
            flat |= _flatten(value[key], _joined(prefix, str(key)))
        return flat
    if isinstance(value, list) and value and any(isinstance(item, (dict, list)) for item in value):
        flat = {}
        for position, item in enumerate(value):
            flat |= _flatten(item, f"{prefix}[{position}]")
        return flat
    return {prefix: value}


NOT_SENT = "(not sent)"  # a key one side's profile JSON lacks (the other may hold null)


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
    result = []
    for path in sorted(set(old) | set(new)):
        was, now = old.get(path), new.get(path)
        # Only a profile's entries can be null (_flatten): there absent and null differ, as the JSON sent does.
        if was is None and now is None and (path in old) != (path in new):
            was, now = (NOT_SENT, None) if path in new else (None, NOT_SENT)
        if was != now:
            ignored = input_of(path) in ignoring or path in ignoring
            result.append(
                InputChange(
                    path,
                    was,
                    now,
                    input_of(path) in replacing and not ignored,
                    _group_label(path, names or []),
                    ignored,
                )
            )
    return result


def _aliases(resource: dict[str, Any]) -> list[str]:
    aliases = (resource.get("options") or {}).get("aliases") or []
    return [alias for alias in aliases if isinstance(alias, str)]


def _named(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource with a name to show: its URN's last part when the plan gives none."""
    if str(resource.get("name") or ""):
        return resource
    urn = str(resource.get("urn") or "")
    return {**resource, "name": urn.rsplit("::", 1)[-1] or urn or "(no name)"}


def _same_ids(value: Any, ids: dict[str, str]) -> Any:
    """`value` with the ids of renamed resources as the head has them.

    A renamed resource keeps its Okta id; only the offline placeholder (made from the name) changes, so a
    reference to it (an assignment's groupId) is no change.
    """
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, dict):
        return {key: _same_ids(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_same_ids(item, ids) for item in value]
    return value


def _resource_change(
    old: dict[str, Any], new: dict[str, Any], outputs: dict[str, Any], ids: dict[str, str]
) -> ResourceChange:
    kind = str(new.get("type", ""))
    names = outputs.get(GROUPS_OUTPUT_OF.get(str(new.get("name")), ""), [])
    return ResourceChange(
        urn=str(new["urn"]),
        type=kind,
        name=str(_named(new)["name"]),
        changes=_changes(
            _same_ids(old.get("inputs"), ids),
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
        renamed_from=str(old["urn"]) if old["urn"] != new["urn"] else None,
    )


def _group_renames(
    changed: list[ResourceChange], before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> tuple[list[GroupRename], list[ResourceChange]]:
    """The groups renamed with `previousName`, and the changes left once their carried-along renames are folded in."""
    renames: list[GroupRename] = []
    folded: set[str] = set()
    for group in (c for c in changed if c.type == GROUP and c.renamed_from):
        was = (before[str(group.renamed_from)].get("inputs") or {}).get("name")
        now, group_id = (after[group.urn].get("inputs") or {}).get("name"), after[group.urn].get("id")
        if not (isinstance(was, str) and isinstance(now, str)):
            continue
        # Its assignments are renamed with it (the same previousName) and still point at the same group.
        carried = [
            c
            for c in changed
            if c.renamed_from
            and c is not group
            and group_id
            and (after[c.urn].get("inputs") or {}).get("groupId") == group_id
        ]
        renames.append(GroupRename(was, now, group.name, tuple(c.name for c in carried)))
        folded |= {c.urn for c in carried if not (c.changes or c.option_changes)}
    return renames, [c for c in changed if c.urn not in folded]


def _held_back(base: dict[str, Any], head: dict[str, Any]) -> list[InputChange]:
    """Each group value the head changes while provisioning is off (the plan's `heldBack`), one per attribute."""
    waiting = head.get(HELD_BACK)
    if not isinstance(waiting, dict) or not isinstance(waiting.get("groupValues"), dict):
        return []
    before = (base.get(HELD_BACK) or {}).get("groupValues") if isinstance(base.get(HELD_BACK), dict) else None
    before = before if isinstance(before, dict) else {}
    changes = []
    for group, values in waiting["groupValues"].items():
        was = before.get(group) if isinstance(before.get(group), dict) else {}
        now = values if isinstance(values, dict) else {}
        for attribute in sorted(set(was) | set(now)):
            if was.get(attribute) != now.get(attribute):
                changes.append(
                    InputChange(attribute, was.get(attribute), now.get(attribute), False, f"group {group!r}")
                )
    return changes


def diff_plans(base: dict[str, Any], head: dict[str, Any]) -> PlanDiff:
    before = {r["urn"]: r for r in base.get("resources", [])}
    after = {r["urn"]: r for r in head.get("resources", [])}
    # A head resource that names a base URN among its aliases is the same resource, renamed.
    renamed = {alias: urn for urn, r in after.items() if urn not in before for alias in _aliases(r) if alias in before}
    ids = {
        str(before[old]["id"]): str(after[new]["id"])
        for old, new in renamed.items()
        if isinstance(before[old].get("id"), str) and isinstance(after[new].get("id"), str)
    }
    outputs = head.get("outputs") if isinstance(head.get("outputs"), dict) else {}
    changed = []
    for urn, new in after.items():
        old_urn = urn if urn in before else next((a for a, u in renamed.items() if u == urn), None)
        if old_urn is None:
            continue
        change = _resource_change(before[old_urn], new, outputs, ids)
        if change.changes or change.option_changes or change.renamed_from:
            changed.append(change)
    group_renames, changed = _group_renames(changed, before, after)
    return PlanDiff(
        stack=str(head.get("stack") or base.get("stack") or ""),
        added=[_named(r) for urn, r in after.items() if urn not in before and urn not in renamed.values()],
        removed=[_named(r) for urn, r in before.items() if urn not in after and urn not in renamed],
        changed=changed,
        outputs=_changes(base.get("outputs"), head.get("outputs"), frozenset()),
        base=base,
        head=head,
        group_renames=group_renames,
        held_back=_held_back(base, head),
    )


def render_plan_diff(diff: PlanDiff) -> str:
    return render("plan_diff.md.j2", {"diff": diff, "warnings": plan_warnings(diff), "value_text": markdown_value})
