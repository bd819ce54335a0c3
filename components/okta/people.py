"""The reads of people that `impact`, `verify` and `explain --user` make: a group's members, a user's groups, one
user, one app user, and how many members some groups have.

Pages are the largest each endpoint's reference suggests: a group's members 200 (the `okta` SDK's
`list_group_users`: "The recommended page limit is now limit=200"), an app's users 500.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from urllib.parse import quote

from components.errors import InputError
from components.limits import (
    APP_USERS_PAGE_ITEMS,
    IDS_PER_SEARCH,
    MEMBERS_PAGE_ITEMS,
    PEOPLE_MAX_BYTES,
    PEOPLE_MAX_PAGES,
)
from components.okta.client import OktaClient
from components.okta.models.base import read_document, read_documents, stream_documents
from components.okta.models.directory import AppUser, OktaGroup
from components.okta.models.people import CountedGroup, DirectoryUser


def stream_members(client: OktaClient, group_id: str) -> Iterator[DirectoryUser]:
    path = f"/api/v1/groups/{group_id}/users"
    pages = client.iterate(path, limit=MEMBERS_PAGE_ITEMS, max_pages=PEOPLE_MAX_PAGES, max_bytes=PEOPLE_MAX_BYTES)
    return stream_documents(DirectoryUser, pages, f"GET {path}")


def stream_app_users(client: OktaClient, app_id: str) -> Iterator[AppUser]:
    path = f"/api/v1/apps/{app_id}/users"
    pages = client.iterate(path, limit=APP_USERS_PAGE_ITEMS, max_pages=PEOPLE_MAX_PAGES, max_bytes=PEOPLE_MAX_BYTES)
    return stream_documents(AppUser, pages, f"GET {path}")


def read_user_group_ids(client: OktaClient, user_id: str) -> frozenset[str]:
    """The ids of every group the user is a member of (not paged: Okta returns the whole list)."""
    path = f"/api/v1/users/{user_id}/groups"
    return frozenset(group.id for group in read_documents(OktaGroup, client.get_all(path), f"GET {path}"))


def read_user(client: OktaClient, login: str) -> DirectoryUser:
    if not login.strip() or login.strip(".") == "" or not login.isprintable():
        # "." and ".." would move up the path (`GET /api/v1/users` lists every user); Okta's logins are never those
        raise InputError(
            "--user", login[:80] if login.isprintable() else "", "is not an Okta login (e.g. ada@acme.com)"
        )
    path = f"/api/v1/users/{quote(login, safe='@')}"
    return read_document(DirectoryUser, client.get(path), "GET /api/v1/users/{login}")


def read_app_user(client: OktaClient, app_id: str, user_id: str) -> AppUser | None:
    """The user's assignment to the app, or None when Okta returns 404 (the user has no path to it)."""
    path = f"/api/v1/apps/{app_id}/users/{user_id}"
    try:
        return read_document(AppUser, client.get(path), f"GET {path}")
    except InputError as error:
        if error.message.startswith("404"):
            return None
        raise


def member_counts(client: OktaClient, group_ids: Sequence[str]) -> dict[str, int | None]:
    """Each group's member count from `GET /api/v1/groups?search=id eq ...&expand=stats` (20 ids a call); None
    where Okta gives no count."""
    counts: dict[str, int | None] = dict.fromkeys(group_ids)
    ordered = list(dict.fromkeys(group_ids))
    for start in range(0, len(ordered), IDS_PER_SEARCH):
        chunk = ordered[start : start + IDS_PER_SEARCH]
        search = " or ".join(f'id eq "{group_id}"' for group_id in chunk)
        listed = list(client.iterate("/api/v1/groups", {"search": search, "expand": "stats"}))
        for group in read_documents(CountedGroup, listed, "GET /api/v1/groups"):
            if group.id in counts:
                counts[group.id] = group.users_count
    return counts
