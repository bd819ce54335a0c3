"""Assigning groups to an app, in priority order, with the Gainsight values each group sets.

One `okta.app.GroupAssignment` per group writes (resource_okta_app_group_assignment.go: Create and Update are one
PUT and one GET of that group; Delete one DELETE), so changing, adding or removing a group costs a call or two on
Okta's `/api/v1/apps*` bucket whatever the number of groups; `okta.AppGroupAssignments` re-sent every group of the
app on any change. Priorities stay as they were in the last run wherever the order allows
(`components.inputs.priorities`), so an insertion rewrites one assignment, not every group below it, and a
group never takes a number another group still holds. The writers of one app run one after another, in list order.

One `okta.AppGroupAssignments` per app keeps watch, under the name and URN the assignments always had: it declares
no group and ignores changes to `groups`, so it never writes; its Read lists all of the app's groups in one
paginated call, so a refresh shows assignments made by hand as drift. It is `retain_on_delete`: its Delete would
unassign every group it last read (resourceAppGroupAssignmentsDelete), which is what deactivates people.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import pulumi
import pulumi_okta as okta

from components.inputs.groups import GroupSettings
from components.inputs.priorities import assign_priorities
from components.resources.urns import assignment_resource_name
from components.resources.write_order import after_registered


def profile_json(group: GroupSettings, group_scoped: Sequence[str] = ()) -> str:
    """The group's Gainsight values as Okta returns them: every group-scoped attribute present, unset ones null.

    Okta returns a SAML app's group assignment with each group-scoped property of the app's schema (the SCIM
    base ones included), `null` where the group sets none (provider issue #669). The provider stores that response
    (resourceAppGroupAssignmentRead: json.Marshal of the profile) and compares it with the declared profile after
    removing only `false` values (utils.NoChangeInObjectFromUnmarshaledJSON), so a declared profile without those
    null keys differs from every read: an update in every preview, a PUT on every `up`. Declaring the nulls makes
    the read match; and since unset is then null rather than absent, a change between false and unset is sent.
    """
    values: dict[str, object] = dict.fromkeys(group_scoped)
    values.update(group.profile)
    # Sorted and compact, so the same profile always serialises the same way and never shows as a diff.
    return json.dumps(values, sort_keys=True, separators=(",", ":"))


def assignment_name(prefix: str, app_kind: str, group_name: str) -> str:
    return assignment_resource_name(app_kind, group_name, prefix)


@dataclass
class AppAssignments:
    writers: dict[str, okta.app.GroupAssignment]  # by group name
    observer: okta.AppGroupAssignments
    priorities: pulumi.Output[dict[str, int]]  # by group name: exported, and read back by the next run


def declare_assignments(
    prefix: str,
    app_kind: str,
    app: okta.app.Saml,
    groups: list[GroupSettings],
    group_ids: dict[str, pulumi.Output[str]],
    previous_priorities: pulumi.Output[dict[str, int]],
    *,
    with_profiles: bool,
    group_scoped: Sequence[str] = (),
    opts: pulumi.ResourceOptions,
) -> AppAssignments:
    names = [group.name for group in groups]
    # A group renamed with previousName keeps its place: its last number is held under the old name.
    renamed = {group.previous_name: group.name for group in groups if group.previous_name}

    def under_current_names(previous: dict[str, int] | None) -> dict[str, int] | None:
        if not previous:
            return previous
        moved = dict(previous)
        for old, new in renamed.items():
            if old in moved and new not in moved:
                moved[new] = moved.pop(old)
        return moved

    priorities = previous_priorities.apply(lambda previous: assign_priorities(names, under_current_names(previous)))
    writers: dict[str, okta.app.GroupAssignment] = {}
    previous_writer: okta.app.GroupAssignment | None = None
    for group in groups:
        aliases = (
            [pulumi.Alias(name=assignment_name(prefix, app_kind, group.previous_name))] if group.previous_name else None
        )
        # One write at a time per app (write_order.py): each waits for the writer above it.
        priority = after_registered(priorities.apply(lambda values, name=group.name: values[name]), previous_writer)
        previous_writer = writers[group.name] = okta.app.GroupAssignment(
            assignment_name(prefix, app_kind, group.name),
            app_id=app.id,
            group_id=group_ids[group.name],
            priority=priority,
            profile=profile_json(group, group_scoped) if with_profiles else "{}",
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(aliases=aliases)),
        )
    observer = okta.AppGroupAssignments(
        f"{prefix}-{app_kind}-assignments",
        app_id=app.id,
        groups=[],
        opts=pulumi.ResourceOptions.merge(
            opts,
            pulumi.ResourceOptions(ignore_changes=["groups"], retain_on_delete=True, depends_on=list(writers.values())),
        ),
    )
    return AppAssignments(writers=writers, observer=observer, priorities=priorities)
