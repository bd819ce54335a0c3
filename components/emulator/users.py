"""People: users, group memberships and app users, with Okta's shapes and pagination.

Shapes are Okta's `User` and `AppUser` (the management OpenAPI spec; the `okta` SDK's models of those names): an
app user carries `scope` (USER for an individual assignment, GROUP when a group brings it), `status`,
`syncState` (SYNCHRONIZED, OUT_OF_SYNC, ERROR, ...), `lastSync` and its app profile. Pages: `GET
/api/v1/apps/{appId}/users` 50 by default and at most 500, `GET /api/v1/groups/{groupId}/users` 1,000 by default
and at most 1,000 (Okta's API reference); `GET /api/v1/users/{userId}/groups` is not paged.
"""

from __future__ import annotations

import copy
from typing import Any

from .okta_errors import not_found
from .org import NOW, EmulatedOrg, okta_id
from .paging import page
from .request import Answer, Request, ok

USER_TYPE_ID = "oty1emulateduser000"


def add_user(org: EmulatedOrg, login: str, first: str = "Ada", last: str = "Lovelace", status: str = "ACTIVE") -> str:
    user_id = okta_id("00u")
    org.users[user_id] = {
        "id": user_id,
        "status": status,
        "created": NOW,
        "activated": NOW,
        "statusChanged": NOW,
        "lastLogin": None,
        "lastUpdated": NOW,
        "passwordChanged": NOW,
        "type": {"id": USER_TYPE_ID},
        "profile": {"firstName": first, "lastName": last, "email": login, "login": login},
        "_links": {},
    }
    return user_id


def add_member(org: EmulatedOrg, group_id: str, user_id: str) -> None:
    members = org.members.setdefault(group_id, [])
    if user_id not in members:
        members.append(user_id)


def add_app_user(
    org: EmulatedOrg,
    app_id: str,
    user_id: str,
    *,
    scope: str = "GROUP",
    profile: dict[str, Any] | None = None,
    sync_state: str = "SYNCHRONIZED",
    status: str = "PROVISIONED",
    last_sync: str = NOW,
) -> None:
    login = org.users[user_id]["profile"]["login"]
    org.app_users.setdefault(app_id, {})[user_id] = {
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
        "profile": {"userName": login, **(profile or {})},
        "_links": {},
    }


def _user(org: EmulatedOrg, request: Request) -> dict[str, Any]:
    wanted = request.params["userId"]
    found = org.users.get(wanted) or next((u for u in org.users.values() if u["profile"]["login"] == wanted), None)
    if found is None:
        raise not_found(request.path)
    return found


def get_user(org: EmulatedOrg, request: Request) -> Answer:
    return ok(copy.deepcopy(_user(org, request)))


def list_user_groups(org: EmulatedOrg, request: Request) -> Answer:
    user_id = _user(org, request)["id"]
    groups = [
        copy.deepcopy(org.groups[g]) for g, members in org.members.items() if user_id in members and g in org.groups
    ]
    return ok(groups)


def list_group_users(org: EmulatedOrg, request: Request) -> Answer:
    group_id = request.params["groupId"]
    if group_id not in org.groups:
        raise not_found(request.path)
    items = [copy.deepcopy(org.users[u]) for u in org.members.get(group_id, []) if u in org.users]
    items_page, links = page(items, request.query, request.base, request.path, default=1000, cap=1000)
    return ok(items_page, links=links)


def list_app_users(org: EmulatedOrg, request: Request) -> Answer:
    app_id = request.params["appId"]
    if app_id not in org.apps:
        raise not_found(request.path)
    items = [copy.deepcopy(user) for user in org.app_users.get(app_id, {}).values()]
    items_page, links = page(items, request.query, request.base, request.path, default=50, cap=500)
    return ok(items_page, links=links)
