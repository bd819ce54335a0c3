"""The Okta id of each group a stack file names: its own `id` setting, else the SCIM app's assignments (free: they
are read anyway), else Okta's name search (`GET /api/v1/groups?q=`, a prefix search: the exact name is picked)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from components.limits import GROUP_SEARCH_PAGE_ITEMS
from components.okta.client import OktaClient
from components.okta.models.base import read_documents
from components.okta.models.directory import OktaGroup


def find_group_id(client: OktaClient, name: str) -> str | None:
    """`q` is a prefix search: only a group of exactly this name (Okta's names are unique, case aside) counts."""
    listed = read_documents(
        OktaGroup,
        list(client.iterate("/api/v1/groups", {"q": name}, limit=GROUP_SEARCH_PAGE_ITEMS)),
        "GET /api/v1/groups",
    )
    return next((group.id for group in listed if group.profile.name.casefold() == name.casefold()), None)


def resolve_group_ids(
    client: OktaClient, names: Iterable[tuple[str, str | None, str | None]], assigned: Mapping[str, str]
) -> dict[str, str | None]:
    """`names`: (name, id setting, previous name) of each stack group; `assigned`: casefolded name -> id of the
    groups the app is assigned. Returns casefolded name -> id, None for a group Okta does not hold (yet)."""
    found: dict[str, str | None] = {}
    for name, setting, previous in names:
        key = name.casefold()
        if key in found:
            continue
        found[key] = (
            setting
            or assigned.get(key)
            or (assigned.get(previous.casefold()) if previous else None)
            or find_group_id(client, name)
            or (find_group_id(client, previous) if previous else None)
        )
    return found
