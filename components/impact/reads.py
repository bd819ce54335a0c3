"""What `impact` reads of the people a change touches, and nothing of anyone else.

One pass over the SCIM app's users (500 a page: who is assigned individually, scope USER); the members of each
changed group (200 a page); and, for those members who reach the app through groups, their memberships of the
other assigned groups, whichever way is cheaper: a look-up of each one's groups (one call each), or a read of
the other groups' members (their member counts, from one search per 20 groups, say how many pages that is).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from components.limits import IDS_PER_SEARCH, MEMBERS_PAGE_ITEMS
from components.okta.client import OktaClient
from components.okta.people import (
    member_counts,
    read_user_group_ids,
    stream_app_users,
    stream_members,
)

GONE = "DEPROVISIONED"  # a deactivated Okta user is unassigned from every app: no path counts for them


@dataclass
class TouchedPeople:
    logins: dict[str, str] = field(default_factory=dict)  # user id -> login
    memberships: dict[str, set[str]] = field(default_factory=dict)  # user id -> assigned group ids
    individual: dict[str, dict[str, Any]] = field(default_factory=dict)  # user id -> own values (scope USER)


def _pages(count: int) -> int:
    return max(1, math.ceil(count / MEMBERS_PAGE_ITEMS))


def _other_paths(client: OktaClient, touched: TouchedPeople, needing: Sequence[str], others: Sequence[str]) -> None:
    if not needing or not others:
        return
    counts_cost = math.ceil(len(others) / IDS_PER_SEARCH)
    if len(needing) <= counts_cost:
        group_reads = None  # a look-up each is no dearer than learning the groups' sizes
    else:
        counts = member_counts(client, others)
        known = [count for count in counts.values() if count is not None]
        group_reads = sum(_pages(count) for count in known) if len(known) == len(counts) else None
    wanted = set(others)
    if group_reads is not None and group_reads < len(needing):
        needed = set(needing)
        for group_id in others:
            for member in stream_members(client, group_id):
                if member.id in needed and member.status != GONE:
                    touched.memberships[member.id].add(group_id)
        return
    for user_id in needing:
        touched.memberships[user_id] |= read_user_group_ids(client, user_id) & wanted


def read_touched_people(
    client: OktaClient, app_id: str, changed: Sequence[str], others: Sequence[str]
) -> TouchedPeople:
    """`changed`: the groups whose assignment, priority or values differ; `others`: every other group assigned on
    either side (or in Okta), whose memberships can keep a touched member's access or values."""
    touched = TouchedPeople()
    if not changed:
        return touched
    # Streamed, keeping only the individual assignments: the org's other app users are not needed.
    individual = {
        user.id: dict(user.profile or {}) for user in stream_app_users(client, app_id) if user.scope == "USER"
    }
    for group_id in changed:
        for member in stream_members(client, group_id):
            if member.status == GONE:
                continue
            touched.logins[member.id] = member.profile.login
            touched.memberships.setdefault(member.id, set()).add(group_id)
            if member.id in individual:
                touched.individual[member.id] = individual[member.id]
    needing = [user_id for user_id in touched.logins if user_id not in touched.individual]
    _other_paths(client, touched, needing, [group_id for group_id in others if group_id not in set(changed)])
    return touched
