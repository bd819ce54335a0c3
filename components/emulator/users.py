"""People: users, group memberships and the app user records Okta holds, with Okta's shapes and pagination.

Shapes are Okta's `User` and `AppUser` (the management OpenAPI spec; the `okta` SDK's models of those names). Pages:
`GET /api/v1/groups/{groupId}/users` 1,000 by default and at most 1,000 (Okta's API reference; the `okta` SDK's
`list_group_users` adds "The recommended page limit is now `limit=200`", which is the caller's choice, not a cap);
`GET /api/v1/users/{userId}/groups` is not paged. Neither takes `expand` or `q` (the SDK's `list_group_users` and
`list_user_groups` have no such parameter). Memberships change with `PUT`/`DELETE
/api/v1/groups/{groupId}/users/{userId}` (the SDK's `assign_user_to_group`, `unassign_user_from_group`: 204).
Which users an app has is derived in components.emulator.app_users.
"""

from __future__ import annotations

import copy
from typing import Any

from components.emulator.groups import shown_group
from components.emulator.links import USER_TYPE_ID, member_links, user_links
from components.emulator.okta_errors import invalid, not_found
from components.emulator.org import NOW, EmulatedOrg, okta_id
from components.emulator.paging import page
from components.emulator.request import Answer, Request, ok


def new_user(user_id: str, login: str, first: str, last: str, status: str) -> dict[str, Any]:
    return {
        "id": user_id,
        "status": status,
        "created": NOW,
        "activated": NOW,
        "statusChanged": NOW,
        "lastLogin": None,
        "lastUpdated": NOW,
        # A user made without a password (PROVISIONED, STAGED) has never changed one (DataSourceOktaGroup_read #6).
        "passwordChanged": None if status in ("PROVISIONED", "STAGED") else NOW,
        "type": {"id": USER_TYPE_ID},
        # Okta returns the base profile's unset attributes as null, and the credentials' provider
        # (DataSourceOktaGroup_read #6, DataSourceOktaAppUserAssignments_read #3).
        "profile": {
            "firstName": first,
            "lastName": last,
            "mobilePhone": None,
            "secondEmail": None,
            "login": login,
            "email": login,
        },
        "credentials": {"provider": {"type": "OKTA", "name": "OKTA"}},
        "_links": {},
    }


def add_user(org: EmulatedOrg, login: str, first: str = "Ada", last: str = "Lovelace", status: str = "ACTIVE") -> str:
    user_id = okta_id("00u")
    org.users[user_id] = new_user(user_id, login, first, last, status)
    org.changed()
    return user_id


def add_member(org: EmulatedOrg, group_id: str, user_id: str) -> None:
    members = org.members.setdefault(group_id, [])
    if user_id not in members:
        members.append(user_id)
    org.changed()


def remove_member(org: EmulatedOrg, group_id: str, user_id: str) -> None:
    members = org.members.get(group_id, [])
    if user_id in members:
        members.remove(user_id)
    org.changed()


def app_user_record(
    user_id: str,
    login: str,
    *,
    scope: str = "GROUP",
    sync_state: str = "SYNCHRONIZED",
    status: str = "PROVISIONED",
    last_sync: str = NOW,
) -> dict[str, Any]:
    """An app user as Okta holds it, with only the username in its profile."""
    return {
        "id": user_id,
        "externalId": None,
        "created": NOW,
        "lastUpdated": NOW,
        "scope": scope,
        "status": status,
        "statusChanged": NOW,
        "passwordChanged": None,
        "syncState": sync_state,
        "lastSync": last_sync,
        "credentials": {"userName": login},
        "profile": {"userName": login},
        "_links": {},
    }


def add_app_user(
    org: EmulatedOrg,
    app_id: str,
    user_id: str,
    *,
    scope: str = "GROUP",
    profile: dict[str, Any] | None = None,
    stale: dict[str, Any] | None = None,
    sync_state: str = "SYNCHRONIZED",
    status: str = "PROVISIONED",
    last_sync: str = NOW,
) -> None:
    """The app user record Okta holds for `user_id`.

    scope USER: an individual assignment ("Administrator (overrides group)"): the user has the app whatever the
    groups do, and `profile` is its values. scope GROUP: the user has the app only while a member of an assigned
    group, and the groups' values replace what `profile` gives for group-scoped attributes; `stale` is what Okta's
    app user still holds instead (a push that never happened), for `verify` to find.
    """
    login = org.users[user_id]["profile"]["login"]
    record = app_user_record(user_id, login, scope=scope, sync_state=sync_state, status=status, last_sync=last_sync)
    record["profile"].update(profile or {})
    org.app_users.setdefault(app_id, {})[user_id] = record
    held = org.stale.setdefault(app_id, {})
    held.pop(user_id, None)
    if stale:
        held[user_id] = dict(stale)
    org.changed()


def _user(org: EmulatedOrg, request: Request) -> dict[str, Any]:
    wanted = request.params["userId"]
    found = org.users.get(wanted) or next((u for u in org.users.values() if u["profile"]["login"] == wanted), None)
    if found is None:
        raise not_found(request.path)
    return found


def create_user(org: EmulatedOrg, request: Request) -> Answer:
    """POST /api/v1/users: a user with a profile and no password is PROVISIONED (STAGED with `activate=false`), a
    member of Everyone (DataSourceOktaGroup_read #5, #8); a login taken is refused."""
    body = request.json()
    profile = body.get("profile") if isinstance(body, dict) else None
    if not isinstance(profile, dict) or not isinstance(profile.get("login"), str) or not profile["login"].strip():
        raise invalid("login", "login: The field cannot be left blank")
    login = profile["login"]
    if any(user["profile"]["login"].lower() == login.lower() for user in org.users.values()):
        raise invalid("login", "login: An object with this field already exists in the current organization")
    password = ((body.get("credentials") or {}).get("password") or {}).get("value")
    staged = request.arg("activate", "true") == "false"
    status = "STAGED" if staged else ("ACTIVE" if password else "PROVISIONED")
    user_id = okta_id("00u")
    user = new_user(user_id, login, str(profile.get("firstName") or ""), str(profile.get("lastName") or ""), status)
    # A null is not kept: Okta answers only its base profile's unset ones as null (DataSourceOktaGroup_read #5).
    user["profile"].update({k: v for k, v in profile.items() if k != "login" and v is not None})
    org.users[user_id] = user
    for group_id, group in org.groups.items():
        if group.get("type") == "BUILT_IN":  # Everyone
            add_member(org, group_id, user_id)
    org.changed()
    return ok({**copy.deepcopy(user), "_links": user_links(user_id, request.base)})


def delete_user(org: EmulatedOrg, request: Request) -> Answer:
    """DELETE /api/v1/users/{id}: the first call deactivates a user that is not DEPROVISIONED, the second deletes it
    (Okta's Users API; DataSourceOktaGroup_read #26, #27: two DELETEs, both 204)."""
    user = _user(org, request)
    if user["status"] != "DEPROVISIONED":
        user["status"] = "DEPROVISIONED"
    else:
        del org.users[user["id"]]
        for members in org.members.values():
            if user["id"] in members:
                members.remove(user["id"])
        for held in org.app_users.values():
            held.pop(user["id"], None)
    org.changed()
    return Answer(204, None)


def get_user(org: EmulatedOrg, request: Request) -> Answer:
    user = copy.deepcopy(_user(org, request))
    user["_links"] = user_links(user["id"], request.base)
    return ok(user)


def _groups_by_user(org: EmulatedOrg) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for group_id in org.groups:
        for user_id in org.members.get(group_id, ()):
            index.setdefault(user_id, []).append(group_id)
    return index


def list_user_groups(org: EmulatedOrg, request: Request) -> Answer:
    user_id = _user(org, request)["id"]
    # A test may edit `org.members` directly: the sizes are in the key as well as the version.
    key = (org.people_version, tuple(org.groups), tuple(len(m) for m in org.members.values()))
    index = org.cached("groups by user", key, lambda: _groups_by_user(org))
    return ok([shown_group(org.groups[g], request.base) for g in index.get(user_id, ()) if g in org.groups])


def list_group_users(org: EmulatedOrg, request: Request) -> Answer:
    group_id = request.params["groupId"]
    if group_id not in org.groups:
        raise not_found(request.path)
    member_ids = [u for u in org.members.get(group_id, []) if u in org.users]
    ids_page, links = page(member_ids, request.query, request.base, request.path, default=1000, cap=1000)
    members = [{**copy.deepcopy(org.users[u]), "_links": member_links(u, request.base)} for u in ids_page]
    return ok(members, links=links)


def _member_ids(org: EmulatedOrg, request: Request) -> tuple[str, str]:
    group_id = request.params["groupId"]
    if group_id not in org.groups:
        raise not_found(f"/api/v1/groups/{group_id}")
    user_id = request.params["userId"]
    if user_id not in org.users:
        raise not_found(f"/api/v1/users/{user_id}")
    return group_id, user_id


def put_member(org: EmulatedOrg, request: Request) -> Answer:
    with org.lock:
        add_member(org, *_member_ids(org, request))
    return Answer(204, None)


def delete_member(org: EmulatedOrg, request: Request) -> Answer:
    with org.lock:
        remove_member(org, *_member_ids(org, request))
    return Answer(204, None)
