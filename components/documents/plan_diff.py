"""The difference between two offline plans (base and head of a pull request), as Markdown for a PR comment."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .templates import render

# Inputs whose change makes Okta replace the resource (provider schema; see the facts file). A replaced
# attribute loses its values; a replaced SSO app gets a new IdP certificate.
REPLACED_ON_CHANGE = {
    "okta:index/appUserSchemaProperty:AppUserSchemaProperty": {
        "appId",
        "index",
        "type",
        "arrayType",
        "externalName",
        "externalNamespace",
        "scope",
        "unique",
    },
    "okta:app/groupAssignment:GroupAssignment": {"appId", "groupId"},
    "okta:index/appGroupAssignments:AppGroupAssignments": {"appId"},
}
SSO_APP_TYPE = "okta:app/saml:Saml"


@dataclass(frozen=True)
class InputChange:
    path: str
    before: Any
    after: Any
    replaces: bool


@dataclass
class ResourceChange:
    urn: str
    type: str
    name: str
    changes: list[InputChange] = field(default_factory=list)
    option_changes: list[InputChange] = field(default_factory=list)

    @property
    def replaces(self) -> bool:
        return any(change.replaces for change in self.changes)


@dataclass
class PlanDiff:
    stack: str
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[ResourceChange]
    outputs: list[InputChange]

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


def _changes(before: dict[str, Any], after: dict[str, Any], replacing: set[str]) -> list[InputChange]:
    old, new = _flatten(before), _flatten(after)
    missing = object()
    result = []
    for path in sorted(set(old) | set(new)):
        was, now = old.get(path, missing), new.get(path, missing)
        if was != now:
            top = path.split(".")[0].split("[")[0]
            result.append(
                InputChange(path, None if was is missing else was, None if now is missing else now, top in replacing)
            )
    return result


def diff_plans(base: dict[str, Any], head: dict[str, Any]) -> PlanDiff:
    before = {r["urn"]: r for r in base.get("resources", [])}
    after = {r["urn"]: r for r in head.get("resources", [])}
    changed = []
    for urn in after:
        if urn not in before:
            continue
        old, new = before[urn], after[urn]
        change = ResourceChange(
            urn=urn,
            type=new.get("type", ""),
            name=new.get("name", ""),
            changes=_changes(
                old.get("inputs") or {}, new.get("inputs") or {}, REPLACED_ON_CHANGE.get(new.get("type", ""), set())
            ),
            option_changes=_changes(old.get("options") or {}, new.get("options") or {}, set()),
        )
        if change.changes or change.option_changes:
            changed.append(change)
    return PlanDiff(
        stack=str(head.get("stack") or base.get("stack") or ""),
        added=[r for urn, r in after.items() if urn not in before],
        removed=[r for urn, r in before.items() if urn not in after],
        changed=changed,
        outputs=_changes(base.get("outputs") or {}, head.get("outputs") or {}, set()),
    )


def _shown(value: Any) -> str:
    text = json.dumps(value, sort_keys=True) if not isinstance(value, str) else json.dumps(value)
    text = text if len(text) <= 120 else text[:119] + "…"
    return text.replace("|", "\\|").replace("`", "'")


def render_plan_diff(diff: PlanDiff) -> str:
    warnings = []
    for resource in diff.removed:
        if resource.get("type") == SSO_APP_TYPE and str(resource.get("name", "")).endswith("-sso"):
            warnings.append(
                f"removes the SSO app `{resource['name']}`: users would lose sign-in to Gainsight "
                "(if it was renamed, add a Pulumi alias instead)"
            )
        if (resource.get("options") or {}).get("protect"):
            warnings.append(
                f"removes the protected `{resource.get('name')}`: `pulumi up` will refuse until unprotected"
            )
    for change in diff.changed:
        if change.replaces:
            keys = ", ".join(c.path for c in change.changes if c.replaces)
            warnings.append(f"replaces `{change.name}` (changed: {keys})")
    return render("plan_diff.md.j2", {"diff": diff, "warnings": warnings, "shown": _shown})
