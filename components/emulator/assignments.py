"""Group assignments of an app: priorities, profiles as Okta returns them, and what concurrent writes do.

- A read gives every group-scoped property of the app's schema, `null` where the group sets none (provider
  issue #669); the SCIM base ones (preferred language, locale, time zone, user type) included once SCIM is on.
- Okta keeps the priority it is given, gaps included (the provider's acceptance tests: 1, 2, 4, 99). Without one,
  "the next highest priority is assigned by default" (Okta's Apps API), read as the highest priority no assignment
  holds, the lowest free number: ResourceOktaAppGroupAssignment_crud #16-#19 write a group without a priority and
  one at 1 at the same moment, and the first reads back 0 whichever came first; the provider's
  TestAccResourceOktaAppGroupAssignment_crud expects exactly that.
- A write that takes a priority another assignment of the app holds is not refused, and the other assignment
  moves: to the lowest number none of the app's assignments holds (ResourceOktaAppGroupAssignment_crud #16-#19:
  after a PUT at priority 1 beside a group holding 1, that group reads back 0, with no error; the provider's
  TestAccResourceOktaAppGroupAssignments_crud swaps two groups' numbers one PUT at a time and passes against real
  Okta). Older reports saw duplicates stored (#1143) and an app holding them failing its assignment writes with
  500 E0000009 until Okta repaired the data (#736): an app seeded with duplicates still does. Every such move is
  recorded in `org.collisions`: for a program, it is a group silently renumbered.
- A write to an app's assignments while another is under way gets 500 E0000009 now and then (#1198: Okta is
  "sensitive to asynchronous calls on resources that have a priority"; #1373: intermittent, seen even at
  -parallelism=1): `race_failure_rate` of the time, drawn from the org's seeded `chance`. A write takes
  `assignment_write_seconds`; every overlap is recorded in `org.overlaps`, whether it failed or not.
"""

from __future__ import annotations

import copy
import time
from typing import Any

from components.emulator.links import assignment_links
from components.emulator.okta_errors import internal_error, invalid, not_found
from components.emulator.org import NOW, EmulatedOrg
from components.emulator.paging import page
from components.emulator.request import Answer, Request, ok


def _app_id(org: EmulatedOrg, request: Request) -> str:
    app_id = request.params["appId"]
    if app_id not in org.apps:
        raise not_found(request.path)
    return app_id


def rendered(org: EmulatedOrg, app_id: str, assignment: dict[str, Any], base: str) -> dict[str, Any]:
    """An assignment as Okta returns it: the profile holds every group-scoped property, null when unset."""
    stored = assignment.get("profile") or {}
    profile = {name: stored.get(name) for name in org.group_scoped(app_id)}
    profile.update({key: value for key, value in stored.items() if key not in profile})
    return {
        "id": assignment["id"],
        "lastUpdated": assignment.get("lastUpdated", NOW),
        "priority": assignment["priority"],
        "profile": profile,
        "_links": assignment_links(app_id, assignment["id"], base),
    }


def list_assignments(org: EmulatedOrg, request: Request) -> Answer:
    app_id = _app_id(org, request)
    items = []
    with org.lock:  # never half of a write
        for assignment in sorted(org.app_groups.get(app_id, []), key=lambda a: a["priority"]):
            item = rendered(org, app_id, assignment, request.base)
            if "group" in request.arg("expand"):
                item["_embedded"] = {"group": copy.deepcopy(org.groups.get(assignment["id"], {}))}
            items.append(item)
    items_page, links = page(items, request.query, request.base, request.path, default=20, cap=org.page_size_cap)
    return ok(items_page, links=links)


def get_assignment(org: EmulatedOrg, request: Request) -> Answer:
    app_id = _app_id(org, request)
    with org.lock:
        assignment = _find(org, app_id, request.params["groupId"])
        if assignment is None:
            raise not_found(request.path)
        return ok(rendered(org, app_id, assignment, request.base))


def _find(org: EmulatedOrg, app_id: str, group_id: str) -> dict[str, Any] | None:
    return next((a for a in org.app_groups.get(app_id, []) if a["id"] == group_id), None)


def _duplicates(org: EmulatedOrg, app_id: str) -> dict[int, list[str]]:
    holders: dict[int, list[str]] = {}
    for assignment in org.app_groups.get(app_id, []):
        holders.setdefault(assignment["priority"], []).append(assignment["id"])
    return {priority: ids for priority, ids in holders.items() if len(ids) > 1}


def _lowest_free(held: set[int]) -> int:
    return next(n for n in range(len(held) + 1) if n not in held)


def _move_holder(org: EmulatedOrg, app_id: str, taker: dict[str, Any], priority: int) -> None:
    """Another assignment holding `priority` moves to the lowest number none holds (recorded as a collision)."""
    holders = [a for a in org.app_groups.get(app_id, []) if a is not taker and a["priority"] == priority]
    for holder in holders:
        free = _lowest_free({a["priority"] for a in org.app_groups.get(app_id, []) if a is not holder} | {priority})
        org.collisions.append(
            {"appId": app_id, "priority": priority, "groupIds": sorted([holder["id"], taker["id"]]), "movedTo": free}
        )
        holder["priority"] = free


# Apps whose group assignments take any profile: a bookmark has no user profile to check it against (the provider's
# TestAccResourceOktaAppGroupAssignments_1088_unplanned_changes assigns {"test": "a"} to a bookmark app's groups).
_UNCHECKED_PROFILES = frozenset({"BOOKMARK"})


def _checked_profile(org: EmulatedOrg, app_id: str, profile: Any) -> dict[str, Any]:
    if profile is None:
        return {}
    if not isinstance(profile, dict):
        raise invalid("profile", "profile: must be an object")
    if org.apps[app_id].get("signOnMode") in _UNCHECKED_PROFILES:
        return {name: value for name, value in profile.items() if value is not None}
    known = {**org.base_properties(app_id), **org.schemas.get(app_id, {})}
    for name in profile:
        if name not in known:
            raise invalid("profile", f"profile.{name}: Property is not defined in the app user schema")
        if known[name].get("scope") == "SELF" and profile[name] is not None:
            raise invalid("profile", f"profile.{name}: a Personal attribute cannot take a group value")
    # Null means unset: Okta returns it as null like any property the group does not set.
    return {name: value for name, value in profile.items() if value is not None}


def put_assignment(org: EmulatedOrg, request: Request) -> Answer:
    app_id = _app_id(org, request)
    group_id = request.params["groupId"]
    if group_id not in org.groups:
        raise not_found(f"/api/v1/groups/{group_id}")
    body = request.json()
    if not isinstance(body, dict):
        raise invalid("the assignment must be a JSON object")
    priority = body.get("priority")
    if priority is not None and (isinstance(priority, bool) or not isinstance(priority, int) or priority < 0):
        raise invalid("priority", "priority: must be a whole number from 0")
    with org.lock:
        if _duplicates(org, app_id):
            raise internal_error()  # #736: an app that holds duplicate priorities fails its assignment writes
        started = org.begin_write("assignment", app_id, request.path)
        racing = org.in_flight[started] > 1 and org.chance.random() < org.race_failure_rate
    try:
        if racing:
            raise internal_error()  # #1198, #1373: now and then, not every time
        if org.assignment_write_seconds:
            time.sleep(org.assignment_write_seconds)
        with org.lock:
            profile = _checked_profile(org, app_id, body.get("profile"))
            assignment = _find(org, app_id, group_id)
            if priority is None:
                held = {a["priority"] for a in org.app_groups.get(app_id, []) if a is not assignment}
                priority = assignment["priority"] if assignment else _lowest_free(held)
            if assignment is None:
                assignment = {"id": group_id}
                org.app_groups.setdefault(app_id, []).append(assignment)
            assignment.update({"priority": priority, "profile": profile, "lastUpdated": NOW})
            _move_holder(org, app_id, assignment, priority)
            org.changed()
            return ok(rendered(org, app_id, assignment, request.base))
    finally:
        org.end_write(started)


def delete_assignment(org: EmulatedOrg, request: Request) -> Answer:
    """A DELETE is a write to the app's assignments like a PUT: concurrent with another, it gets 500."""
    app_id = _app_id(org, request)
    with org.lock:
        started = org.begin_write("assignment", app_id, request.path, "DELETE")
        racing = org.in_flight[started] > 1 and org.chance.random() < org.race_failure_rate
    try:
        if racing:
            raise internal_error()
        if org.assignment_write_seconds:
            time.sleep(org.assignment_write_seconds)
        with org.lock:
            assignment = _find(org, app_id, request.params["groupId"])
            if assignment is None:
                raise not_found(request.path)
            org.app_groups[app_id].remove(assignment)
            org.changed()
        return Answer(204, None)
    finally:
        org.end_write(started)
