"""Big orgs for benchmarks: `seed_people` adds many people to groups assigned to an app, fast and the same each time.

Memberships follow a user's number, not chance. With `groups={"A": 0.6, "B": 0.3}` and 1,000 users: users 0-599
are in A, 600-899 in B, 900-999 in none; every `overlap_every`-th user (0, 20, 40, ...) is also in the next group
(A's in B, and the last group's in the first); the last `individual` users are assigned to the app one by one
(scope USER, with `individual_profile`). A group of that name already in the org is used as it is (its assignment
kept, if it has one); the others are made and assigned after the app's last priority, in the order given, with
`profiles[name]` as the assignment's values. Ids and logins (`user000042@<domain>`) are numbered from the org's
user count, so the same call on the same org gives the same people.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.emulator.org import EmulatedOrg
from components.emulator.users import add_app_user, new_user


def _group_ids(
    org: EmulatedOrg, app_id: str, names: list[str], profiles: Mapping[str, dict[str, Any]]
) -> dict[str, str]:
    by_name = {group["profile"]["name"]: group_id for group_id, group in org.groups.items()}
    ids = {name: by_name.get(name) or org.add_group(name, "seeded for a benchmark") for name in names}
    assigned = org.app_groups.setdefault(app_id, [])
    held = {assignment["id"] for assignment in assigned}
    for name in names:
        if ids[name] not in held:
            priority = max((assignment["priority"] for assignment in assigned), default=-1) + 1
            org.assign(app_id, ids[name], priority, profiles.get(name))
    return ids


def seed_people(
    org: EmulatedOrg,
    app_id: str,
    *,
    users: int,
    groups: Mapping[str, float],
    profiles: Mapping[str, dict[str, Any]] | None = None,
    overlap_every: int = 20,
    individual: int = 0,
    individual_profile: dict[str, Any] | None = None,
    domain: str = "example.com",
) -> dict[str, str]:
    """Add `users` people to `groups` (name -> share of the users), assigned to `app_id`; the groups' ids by name.

    `overlap_every=0` puts no one in two groups. 50,000 users take well under a second.
    """
    if any(not 0 <= share <= 1 for share in groups.values()) or sum(groups.values()) > 1 + 1e-9:
        raise ValueError("each group's share is from 0 to 1, and together they are at most 1")
    names = list(groups)
    ids = _group_ids(org, app_id, names, profiles or {})
    bounds: list[int] = []
    total = 0.0
    for name in names:
        total += groups[name]
        bounds.append(round(total * users))
    first = len(org.users)
    seeded: list[str] = []
    with org.lock:
        for number in range(users):
            user_id = f"00u{first + number:017d}"
            login = f"user{first + number:06d}@{domain}"
            org.users[user_id] = new_user(user_id, login, "User", f"{first + number:06d}", "ACTIVE")
            seeded.append(user_id)
        start = 0
        for position, name in enumerate(names):
            org.members.setdefault(ids[name], []).extend(seeded[start : bounds[position]])
            start = bounds[position]
        if overlap_every and len(names) > 1:
            start = 0
            for position in range(len(names)):
                also = org.members[ids[names[(position + 1) % len(names)]]]
                also.extend(seeded[number] for number in range(start, bounds[position], overlap_every))
                start = bounds[position]
        org.changed()
        for user_id in seeded[users - individual :] if individual else ():
            add_app_user(org, app_id, user_id, scope="USER", profile=individual_profile)
    return ids
