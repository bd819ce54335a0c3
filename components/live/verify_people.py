"""`verify`'s checks of the SCIM app's users: pushes to Gainsight that failed or wait, and people assigned one by
one, outside the stack's groups, whose own values override what a group would give them.

Okta's app users (`GET /api/v1/apps/{appId}/users`): `syncState` ERROR means the last push to Gainsight failed,
OUT_OF_SYNC that a change has not been pushed yet; `scope` USER is an individual assignment, GROUP one a group
brings. An individual assignment keeps its access and its values whatever the stack's groups say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .directory_documents import AppUser
from .verify_finding import Finding

UNSYNCED = ("ERROR", "OUT_OF_SYNC")
EXAMPLES = 5


def _sync_errors(users: Sequence[AppUser], label: str) -> list[Finding]:
    stuck = [user for user in users if user.sync_state in UNSYNCED]
    if not stuck:
        return []
    kinds = Counter(user.sync_state for user in stuck)
    oldest = min((user.last_sync for user in stuck if user.last_sync), default=None)
    states = ", ".join(f"{count} {state}" for state, count in sorted(kinds.items()))
    return [
        Finding(
            "sync-errors",
            label,
            f"{len(stuck)} user(s) whose changes have not reached Gainsight ({states}"
            + (f"; oldest last push {oldest[:10]}" if oldest else "")
            + "): see the app's Push Status, or its users' Provisioning errors in Okta",
            people=tuple(sorted(user.login for user in stuck)[:EXAMPLES]),
        )
    ]


def _individual(users: Sequence[AppUser], group_scoped: Sequence[str], label: str) -> list[Finding]:
    individual = [user for user in users if user.scope == "USER"]
    if not individual:
        return []
    overridden = sorted({name for user in individual for name, value in (user.profile or {}).items()
                         if name in group_scoped and value is not None})  # fmt: skip
    return [
        Finding(
            "individual-assignments",
            label,
            f"{len(individual)} user(s) assigned to the app one by one, outside the stack's groups: they keep access "
            "whatever the groups say"
            + (f", and their own {', '.join(overridden)} override the groups' values" if overridden else ""),
            people=tuple(sorted(user.login for user in individual)[:EXAMPLES]),
        )
    ]


def people_findings(users: Sequence[AppUser], group_scoped: Sequence[str], label: str) -> list[Finding]:
    return _sync_errors(users, label) + _individual(users, group_scoped, label)
