"""An app's users as Okta derives them: from its group assignments, the groups' members and individual assignments.

- Assigning a group to an app assigns the app to each member, with `scope` GROUP (the `okta` SDK's
  `assign_group_to_application`: "which in turn assigns the app to each User that belongs to the group. The
  resulting application user scope is `GROUP`").
- An individual assignment (`scope` USER; the Admin Console's Assignment Source "Administrator (overrides group)",
  Okta support: "How to Convert an Existing User's App Assignment from Group-Owned to Individually-Owned Type
  without Removing User's Group Membership") stays whatever the groups do, with its own values.
- A GROUP user's group-scoped attributes (scope not SELF) come from the assignments: each takes the value of the
  user's highest-priority group (lowest `priority`) that sets one (the SDK's `ApplicationGroupAssignment.priority`:
  "the group with the higher priority has its profile applied to the application user"); an array attribute with
  `union: ENABLE` ("Combine values across groups", Okta's help: Assign attribute group priority, and its use case:
  the user "receives attributes from both ... because their attributes are combined") takes every group's values,
  highest priority first, each once. Personal (SELF) attributes keep what the record holds.
- A deactivated user has no apps but stays in its groups (Okta's help, Deactivate and delete user accounts:
  "Although deactivated users no longer have access to any apps, the users aren't removed from any groups").
- A user with no path left (no assigned group, no individual assignment) is not one of the app's users.

`GET /api/v1/apps/{appId}/users` pages 50 by default and at most 500 (Okta's API reference; the SDK's
`list_application_users`: `limit` at most 500); its `q` and `expand` are not served (no caller uses them).
`GET /api/v1/apps/{appId}/users/{userId}` returns one, or 404 when the user has no path to the app.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from components.emulator.links import app_user_links
from components.emulator.okta_errors import not_found
from components.emulator.org import OIDC_BASE_PROPERTIES, EmulatedOrg
from components.emulator.paging import page
from components.emulator.request import Answer, Request, ok
from components.emulator.users import app_user_record

Entry = tuple[str, str, dict[str, Any]]  # user id, scope, the values its groups give (shared: copy before use)


@dataclass(frozen=True)
class AppUsersView:
    entries: list[Entry]  # in the order the users were added to the org
    index: dict[str, int]  # user id -> position in entries
    group_scoped: frozenset[str]


def _is_union(spec: Any) -> bool:
    return isinstance(spec, dict) and spec.get("union") == "ENABLE" and spec.get("type") == "array"


def group_values(
    profiles: Sequence[dict[str, Any]], groups: Sequence[int], scoped: Sequence[str], unions: set[str]
) -> dict[str, Any]:
    """The values `profiles[g]` for g in `groups` (highest priority first) give a member; null sets nothing."""
    values: dict[str, Any] = {}
    for name in scoped:
        given = [profiles[g][name] for g in groups if profiles[g].get(name) is not None]
        if not given:
            continue
        if name not in unions:
            values[name] = given[0]
            continue
        combined: list[Any] = []
        for value in given:
            for item in value if isinstance(value, list) else [value]:
                if item not in combined:
                    combined.append(item)
        values[name] = combined
    return values


def _build(org: EmulatedOrg, app_id: str) -> AppUsersView:
    # sorted() is stable: assignments that share a priority (#736) keep the order they were made in.
    assigned = sorted((a for a in org.app_groups.get(app_id, []) if a["id"] in org.groups), key=lambda a: a["priority"])
    profiles = [a.get("profile") or {} for a in assigned]
    scoped = org.group_scoped(app_id)
    properties = {**org.base_properties(app_id), **org.schemas.get(app_id, {})}
    unions = {name for name in scoped if _is_union(properties.get(name))}
    paths: dict[str, list[int]] = {}
    for position, assignment in enumerate(assigned):
        for user_id in org.members.get(assignment["id"], ()):
            paths.setdefault(user_id, []).append(position)
    records = org.app_users.get(app_id, {})
    # Members of the same groups get the same values: computed once per combination, not once per user.
    by_groups: dict[tuple[int, ...], dict[str, Any]] = {}
    entries: list[Entry] = []
    for user_id, user in org.users.items():
        if user.get("status") == "DEPROVISIONED":
            continue
        record = records.get(user_id)
        if record is not None and record.get("scope") == "USER":
            entries.append((user_id, "USER", {}))
            continue
        groups = tuple(paths.get(user_id, ()))
        if not groups:
            continue
        if groups not in by_groups:
            by_groups[groups] = group_values(profiles, groups, scoped, unions)
        entries.append((user_id, "GROUP", by_groups[groups]))
    index = {entry[0]: position for position, entry in enumerate(entries)}
    return AppUsersView(entries, index, frozenset(scoped))


def _key(org: EmulatedOrg, app_id: str) -> Hashable:
    # Tests also edit the org's dicts directly; what they edit (an assignment, a schema, a count) is in the key.
    assigned = [
        (a["id"], a["priority"], a.get("profile"), len(org.members.get(a["id"], ())))
        for a in org.app_groups.get(app_id, [])
    ]
    return (
        org.people_version,
        len(org.users),
        len(org.groups),
        len(org.app_users.get(app_id, {})),
        repr(assigned),
        repr(org.schemas.get(app_id)),
        repr(org.base_properties(app_id)),
    )


def app_users_view(org: EmulatedOrg, app_id: str) -> AppUsersView:
    """The app's users, derived once per change of the org (not once per page)."""
    with org.lock:
        return org.cached(f"app users {app_id}", _key(org, app_id), lambda: _build(org, app_id))


def rendered(org: EmulatedOrg, app_id: str, view: AppUsersView, entry: Entry, base: str) -> dict[str, Any]:
    """One app user as Okta returns it."""
    user_id, scope, values = entry
    login = org.users[user_id]["profile"]["login"]
    record = org.app_users.get(app_id, {}).get(user_id)
    item = copy.deepcopy(record) if record is not None else app_user_record(user_id, login)
    item["scope"] = scope
    item["_links"] = app_user_links(app_id, user_id, base)
    if not org.has_provisioning(app_id):
        # Nothing is pushed: syncState DISABLED, no lastSync (DataSourceOktaAppUserAssignments_read #12).
        item["syncState"] = "DISABLED"
        item.pop("lastSync", None)
    if (org.apps.get(app_id) or {}).get("signOnMode") == "OPENID_CONNECT":
        # An OIDC app's users hold the standard claims, from the user by Okta's default mapping, not a userName
        # (DataSourceOktaAppUserAssignments_read #12).
        own = {k: v for k, v in item["profile"].items() if k != "userName"}
        item["profile"] = {**oidc_profile(org.users[user_id]["profile"]), **own}
    # An individual assignment's profile wholly replaces the group values (assumed: Okta documents no per-attribute
    # merge of the two), so a USER record is returned as it is held.
    if scope == "GROUP":
        own = {name: value for name, value in item["profile"].items() if name not in view.group_scoped}
        stale = org.stale.get(app_id, {}).get(user_id, {})
        item["profile"] = {**own, **copy.deepcopy(values), **copy.deepcopy(stale)}
    return item


OIDC_ZONE, OIDC_LOCALE = "America/Los_Angeles", "en_US"  # what Okta's default mapping gives a user without


def oidc_profile(user: dict[str, Any]) -> dict[str, Any]:
    """An OIDC app user's claims, as Okta's default user-to-app mapping fills them; the rest null."""
    first, last = user.get("firstName"), user.get("lastName")
    claims: dict[str, Any] = dict.fromkeys(name for name in OIDC_BASE_PROPERTIES if name != "userName")
    claims.update(
        given_name=first,
        family_name=last,
        name=" ".join(part for part in (first, last) if part) or None,
        email=user.get("email"),
        zoneinfo=user.get("timezone") or OIDC_ZONE,
        locale=user.get("locale") or OIDC_LOCALE,
    )
    return claims


def _app_id(org: EmulatedOrg, request: Request) -> str:
    app_id = request.params["appId"]
    if app_id not in org.apps:
        raise not_found(request.path)
    return app_id


def list_app_users(org: EmulatedOrg, request: Request) -> Answer:
    app_id = _app_id(org, request)
    with org.lock:
        view = app_users_view(org, app_id)
        entries, links = page(view.entries, request.query, request.base, request.path, default=50, cap=500)
        return ok([rendered(org, app_id, view, entry, request.base) for entry in entries], links=links)


def get_app_user(org: EmulatedOrg, request: Request) -> Answer:
    app_id = _app_id(org, request)
    with org.lock:
        view = app_users_view(org, app_id)
        position = view.index.get(request.params["userId"])
        if position is None:
            raise not_found(request.path)
        return ok(rendered(org, app_id, view, view.entries[position], request.base))
