"""`impact` end to end: the live SCIM app and the two stack files -> the two sides -> the touched people's
reads -> the counted impact. Reads only; every read is bounded by the command's client (deadline, pages, pace).
"""

from __future__ import annotations

from components.impact.effects import Impact, Person, impact
from components.impact.reads import read_touched_people
from components.impact.sides import Side, changed_group_ids, group_key, side_of
from components.inputs.people_rules import Grant
from components.inputs.stack_inputs import StackInputs
from components.okta.client import OktaClient
from components.okta.group_ids import resolve_group_ids
from components.okta.org import LiveApp

DEACTIVATE_USERS = "PUSH_USER_DEACTIVATION"  # "Deactivate Users" in the app's Provisioning > To App (features)


def _stack_groups(*sides: StackInputs) -> list[tuple[str, str | None, str | None]]:
    return [(group.name, group.id, group.previous_name) for inputs in sides for group in inputs.groups if group.scim]


def _unmanaged(app: LiveApp, declared: set[str]) -> tuple[Grant, ...]:
    """Assignments made outside the stack files: a path to the app for their members, on both sides."""
    return tuple(
        Grant(assignment.group_id, assignment.group_name, assignment.profile)
        for assignment in app.by_priority()
        if assignment.group_id not in declared
    )


def sides_of(client: OktaClient, app: LiveApp, base: StackInputs, head: StackInputs) -> tuple[Side, Side]:
    assigned = {group_key(a.group_name): a.group_id for a in app.assignments}
    ids = resolve_group_ids(client, _stack_groups(head, base), assigned)
    # A renamed group (previousName) keeps its Okta id: the base file knows it by its old name.
    for group in head.groups:
        if group.previous_name and ids.get(group_key(group.name)):
            ids.setdefault(group_key(group.previous_name), ids[group_key(group.name)])
    declared = {group_id for group_id in ids.values() if group_id}
    unmanaged = _unmanaged(app, declared)
    priority = {assignment.group_id: assignment.priority for assignment in app.assignments}
    return side_of(base, ids, unmanaged, priority), side_of(head, ids, unmanaged, priority)


def people_impact(client: OktaClient, app: LiveApp, base: StackInputs, head: StackInputs) -> Impact:
    before, after = sides_of(client, app, base, head)
    changed = changed_group_ids(before, after)
    others = {grant.group_id for grant in (*before.grants, *after.grants) if grant.group_id} - changed
    touched = read_touched_people(client, app.id, sorted(changed), sorted(others))
    people = [
        Person(
            login,
            frozenset(touched.memberships.get(user_id, ())),
            touched.individual.get(user_id),
        )
        for user_id, login in touched.logins.items()
    ]
    return impact(before, after, people, deactivate_users=DEACTIVATE_USERS in app.features)
