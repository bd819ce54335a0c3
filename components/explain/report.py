"""`explain --user LOGIN --live`: one person's paths to the apps, where each Gainsight value comes from, what
Okta holds on their app user, and what Gainsight holds (when its SCIM API is configured)."""

from __future__ import annotations

import json
from typing import Any

from components.explain.person import LivePerson
from components.gainsight.users import GainsightUser
from components.inputs.people_rules import same_value
from components.okta.org import LiveAssignment

NOT_CONFIGURED = "not read: set GAINSIGHT_CLIENT_ID and GAINSIGHT_CLIENT_SECRET to compare"


def _groups(assignments: tuple[LiveAssignment, ...]) -> list[dict[str, Any]]:
    return [{"group": a.group_name, "priority": a.priority} for a in assignments]


def _gainsight_json(found: GainsightUser | None) -> dict[str, Any]:
    if found is None:
        return {"found": False}
    return {
        "found": True,
        "active": found.active,
        "LicenseType": found.license_type,
        "IsSuperAdmin": found.is_super_admin,
    }


def person_json(person: LivePerson, gainsight: tuple[bool, GainsightUser | None]) -> dict[str, Any]:
    """`gainsight`: (configured, the user Gainsight holds or None)."""
    app_user = person.app_user
    return {
        "login": person.login,
        "status": person.status,
        "apps": {"sso": _groups(person.sso_groups), "scim": _groups(person.scim_groups)},
        "values": {name: {"value": v.value, "from": list(v.sources)} for name, v in person.values.items()},
        "okta": None
        if app_user is None
        else {
            "scope": app_user.scope,
            "status": app_user.status,
            "syncState": app_user.sync_state,
            "lastSync": app_user.last_sync,
            "profile": {name: (app_user.profile or {}).get(name) for name in person.values},
        },
        "gainsight": _gainsight_json(gainsight[1]) if gainsight[0] else None,
    }


def _path(assignments: tuple[LiveAssignment, ...]) -> str:
    if not assignments:
        return "no group of theirs is assigned"
    return "through " + ", ".join(f"{a.group_name} (priority {a.priority})" for a in assignments)


def _value_line(name: str, value: Any, sources: tuple[str, ...]) -> str:
    if value is None:
        return f"  {name}: not set by any of their groups"
    if len(sources) > 1:
        return f"  {name}: {json.dumps(value)} (combined from {', '.join(sources)})"
    return f"  {name}: {json.dumps(value)} (from {sources[0]}, the highest-priority group that sets it)"


def _okta_lines(person: LivePerson) -> list[str]:
    app_user = person.app_user
    if app_user is None:
        return ["Okta's SCIM app user: none (not assigned to the SCIM app)"]
    pushed = f", last push {app_user.last_sync[:19]}" if app_user.last_sync else ""
    lines = [f"Okta's SCIM app user: scope {app_user.scope}, {app_user.status}, {app_user.sync_state}{pushed}"]
    profile = app_user.profile or {}
    for name, value in person.values.items():
        held = profile.get(name)
        if app_user.scope == "USER":
            lines.append(f"  {name}: {json.dumps(held)} (assigned individually: overrides the groups)")
        elif not same_value(held, value.value):
            lines.append(f"  {name}: Okta holds {json.dumps(held)}, the groups give {json.dumps(value.value)}")
    if len(lines) == 1 and app_user.scope == "GROUP":
        lines.append("  it holds what the groups give")
    return lines


def _gainsight_line(user_name: str, gainsight: tuple[bool, GainsightUser | None]) -> str:
    configured, found = gainsight
    if not configured:
        return f"Gainsight: {NOT_CONFIGURED}"
    if found is None:
        return f"Gainsight: holds no user {user_name!r}"
    return (
        f"Gainsight: {'active' if found.active else 'inactive'}, LicenseType {found.license_type or '(unset)'}, "
        f"IsSuperAdmin {json.dumps(found.is_super_admin)}"
    )


def person_text(stack: str, person: LivePerson, gainsight: tuple[bool, GainsightUser | None]) -> str:
    lines = [
        f"{person.login} ({person.status}), stack {stack}:",
        f"SSO app: {_path(person.sso_groups)}",
        f"SCIM app: {_path(person.scim_groups)}",
        "Gainsight values the SCIM app's groups give them:",
        *(_value_line(name, v.value, v.sources) for name, v in person.values.items()),
        *_okta_lines(person),
        _gainsight_line(person.gainsight_user_name, gainsight),
    ]
    return "\n".join(lines) + "\n"
