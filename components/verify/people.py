"""`verify`'s checks of the SCIM app's users: pushes to Gainsight that failed or wait, people assigned one by
one, outside the stack's groups, whose own values override what a group would give them, and people whose values
in Okta are not what their groups give them (Okta's rules: components.inputs.people_rules).

Okta's app users (`GET /api/v1/apps/{appId}/users`): `syncState` ERROR means the last push to Gainsight failed,
OUT_OF_SYNC that a change has not been pushed yet; `scope` USER is an individual assignment, GROUP one a group
brings. An individual assignment keeps its access and its values whatever the stack's groups say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from components.inputs.people_rules import Grant, received, same_value
from components.okta.models.directory import AppUser
from components.okta.models.system_log import LogEvent
from components.okta.org import LiveOrg
from components.verify.finding import Finding, examples

UNSYNCED = ("ERROR", "OUT_OF_SYNC")


# What Gainsight answers a write it refuses to a user who may not make it: an HTTP 403 (Forbidden), which Okta's
# System Log repeats in the failed push's reason.
_REFUSED = re.compile(r"\b403\b|forbidden|super ?admin", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+")


def _refused_writes(failures: Sequence[LogEvent] | None, label: str) -> list[Finding]:
    """Pushes Gainsight refused: its SCIM API creates, updates and patches users for super admins only (design
    facts), so a connector authorized in Okta by another Gainsight user reads fine and fails every write."""
    refused = [event for event in failures or () if _REFUSED.search(event.reason)]
    if not refused:
        return []
    since = min((event.published or "" for event in refused), default="")[:10]
    # Gainsight's own words, from where the refusal starts: never the person Okta names before them.
    first = refused[0].reason
    match = _REFUSED.search(first)
    said = _EMAIL.sub("(a user)", first[match.start() if match else 0 :])[:160]
    return [
        Finding(
            "scim-writes-refused",
            label,
            f"{len(refused)} push(es) to Gainsight refused"
            + (f" since {since}" if since else "")
            + f" (Okta's System Log: {said}): Gainsight's SCIM API creates, updates and patches "
            "users only for a Super Admin, so the connector was likely authorized by another Gainsight user. In "
            "the app's Provisioning > Integration, click Authenticate again and sign in to Gainsight as a Super "
            "Admin (runbook step 3)",
        )
    ]


def _sync_errors(users: Sequence[AppUser], label: str, failures: Sequence[LogEvent] | None = ()) -> list[Finding]:
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
            + "): see the app's Push Status, or its users' Provisioning errors in Okta"
            + ("; grant okta.logs.read for Okta's reasons in this report" if failures is None else ""),
            people=examples(user.login for user in stuck),
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
            people=examples(user.login for user in individual),
        )
    ]


def _mismatches(
    users: Sequence[AppUser],
    memberships: Mapping[str, frozenset[str]],
    grants: Sequence[Grant],
    unions: Mapping[str, bool],
    label: str,
) -> list[Finding]:
    differing: Counter[str] = Counter()
    people: list[str] = []
    for user in users:
        mine = [grant for grant in grants if grant.group_id in memberships.get(user.id, ())]
        if user.scope != "GROUP" or not mine:
            continue  # an individual assignment holds its own values; no member of a known group: nothing to say
        profile = user.profile or {}
        wrong = [
            name for name, value in received(mine, unions).items() if not same_value(value.value, profile.get(name))
        ]
        differing.update(wrong)
        if wrong:
            people.append(user.login)
    if not people:
        return []
    counts = ", ".join(f"{name} {count}" for name, count in sorted(differing.items()))
    return [
        Finding(
            "profile-mismatch",
            label,
            f"{len(people)} user(s) whose Gainsight values in Okta are not what their groups give them ({counts}): "
            "a profile mapping or an earlier edit may override the groups; Okta pushes what it holds",
            people=examples(people),
        )
    ]


def people_findings(
    users: Sequence[AppUser],
    group_scoped: Sequence[str],
    label: str,
    memberships: Mapping[str, frozenset[str]] | None = None,
    grants: tuple[Sequence[Grant], Mapping[str, bool]] = ((), {}),
    failures: Sequence[LogEvent] | None = (),
) -> list[Finding]:
    found = _refused_writes(failures, label) + _sync_errors(users, label, failures)
    found += _individual(users, group_scoped, label)
    return found + _mismatches(users, memberships or {}, grants[0], grants[1], label)


def live_grants(org: LiveOrg) -> tuple[list[Grant], dict[str, bool]]:
    """The SCIM app's assignments as Okta holds them, in its priority order, and its group-scope attributes.

    Okta's own, not the stack's: an assignment changed by hand is its own finding (`group-values`, `priority`);
    here the question is whether the app users hold what those assignments give them.
    """
    app = org.scim
    grants = [Grant(a.group_id, a.group_name, a.profile) for a in app.by_priority()] if app else []
    return grants, {attribute.name: attribute.union for attribute in org.attributes if attribute.scope != "SELF"}
