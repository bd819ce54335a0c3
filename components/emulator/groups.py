"""Groups: list, find by name prefix (`q`) or `search` (components.emulator.group_search), read, create, rename,
delete.

A group's profile holds only what is set: Okta renders no nulls there (the provider's
`utils.NormalizeGroupProfile`: "Okta does not render nulls in profile")."""

from __future__ import annotations

import copy
from typing import Any

from components.emulator import group_search
from components.emulator.links import group_links
from components.emulator.okta_errors import invalid, not_found
from components.emulator.org import NOW, EmulatedOrg
from components.emulator.paging import page
from components.emulator.request import Answer, Request, ok


def shown_group(group: dict[str, Any], base: str) -> dict[str, Any]:
    """A group as Okta answers it: a copy, with its links (links.py)."""
    answer = copy.deepcopy(group)
    answer["_links"] = group_links(group["id"], base)
    return answer


def _group(org: EmulatedOrg, request: Request) -> dict:
    group = org.groups.get(request.params["groupId"])
    if group is None:
        raise not_found(request.path)
    return group


def list_groups(org: EmulatedOrg, request: Request) -> Answer:
    prefix = request.arg("q").lower()
    # `filter` takes the same expressions as `search` here (`type eq "APP_GROUP"`: DataSourceOktaGroup_read #23).
    wanted = [group_search.parse(request.arg(name)) for name in ("search", "filter") if name in request.query]
    with org.lock:  # a list read while other requests create groups
        found = [
            shown_group(g, request.base)
            for g in org.groups.values()
            if str(g["profile"].get("name", "")).lower().startswith(prefix) and all(test(g) for test in wanted)
        ]
    found.sort(key=lambda g: str(g["profile"].get("name", "")).lower())
    items, links = page(found, request.query, request.base, request.path, default=10000, cap=10000)
    if "stats" in request.arg("expand").split(","):
        for item in items:
            item["_embedded"] = {"stats": group_search.stats(org, item["id"])}
    return ok(items, links=links)


def get_group(org: EmulatedOrg, request: Request) -> Answer:
    with org.lock:
        return ok(shown_group(_group(org, request), request.base))


def _profile(request: Request) -> dict:
    body = request.json()
    profile = body.get("profile") if isinstance(body, dict) else None
    if not isinstance(profile, dict) or not isinstance(profile.get("name"), str) or not profile["name"].strip():
        raise invalid("profile.name", "profile.name: The field cannot be left blank")
    return {key: value for key, value in profile.items() if value is not None}


def create_group(org: EmulatedOrg, request: Request) -> Answer:
    profile = _profile(request)
    # The check and the write at once: the provider creates groups ten at a time, and a name is unique in an org
    # (okta/terraform-provider-okta#2600) however many ask at the same moment.
    with org.lock:
        if any(g["profile"].get("name") == profile["name"] for g in org.groups.values()):
            raise invalid("name", "name: An object with this field already exists in the current organization")
        group_id = org.add_group(profile["name"], profile.get("description", ""))
        org.groups[group_id]["profile"] = profile
        return ok(shown_group(org.groups[group_id], request.base))


def replace_group(org: EmulatedOrg, request: Request) -> Answer:
    with org.lock:
        group = _group(org, request)
        group["profile"] = _profile(request)
        group["lastUpdated"] = NOW
        return ok(shown_group(group, request.base))


def delete_group(org: EmulatedOrg, request: Request) -> Answer:
    group_id = _group(org, request)["id"]
    with org.lock:
        del org.groups[group_id]
        org.members.pop(group_id, None)
        for assignments in org.app_groups.values():
            assignments[:] = [a for a in assignments if a["id"] != group_id]
        org.changed()
    return Answer(204, None)
