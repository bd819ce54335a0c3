"""Assigning groups to an app, in priority order, with the Gainsight values each group sets.

One `okta.app.GroupAssignment` per group writes (resource_okta_app_group_assignment.go: Create and Update are one
PUT and one GET of that group; Delete one DELETE), so changing, adding or removing a group costs a call or two on
Okta's `/api/v1/apps*` bucket whatever the number of groups; `okta.AppGroupAssignments` re-sent every group of the
app on any change. Priorities stay as they were in the last run wherever the order allows
(`components.inputs.priorities`), so an insertion rewrites one assignment, not every group below it.

One `okta.AppGroupAssignments` per app keeps watch, under the name and URN the assignments always had: it declares
no group and ignores changes to `groups`, so it never writes; its Read lists all of the app's groups in one
paginated call, so a refresh shows assignments made by hand as drift. It is `retain_on_delete`: its Delete would
unassign every group it last read (resourceAppGroupAssignmentsDelete), which is what deactivates people.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pulumi
import pulumi_okta as okta

from components.inputs.groups import GroupSettings
from components.inputs.priorities import assign_priorities


def profile_json(group: GroupSettings) -> str:
    # Sorted and compact, so the same profile always serialises the same way and never shows as a diff.
    return json.dumps(group.profile, sort_keys=True, separators=(",", ":"))


def assignment_name(prefix: str, app_kind: str, group_name: str) -> str:
    return f"{prefix}-{app_kind}-assignment-{group_name}"


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
    opts: pulumi.ResourceOptions,
) -> AppAssignments:
    names = [group.name for group in groups]
    priorities = previous_priorities.apply(lambda previous: assign_priorities(names, previous))
    writers = {}
    for group in groups:
        aliases = (
            [pulumi.Alias(name=assignment_name(prefix, app_kind, group.previous_name))] if group.previous_name else None
        )
        writers[group.name] = okta.app.GroupAssignment(
            assignment_name(prefix, app_kind, group.name),
            app_id=app.id,
            group_id=group_ids[group.name],
            priority=priorities.apply(lambda values, name=group.name: values[name]),
            profile=profile_json(group) if with_profiles else "{}",
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


def explicit_false_values(groups: tuple[GroupSettings, ...]) -> list[tuple[str, str]]:
    """(group, attribute) pairs where a group profile sets a boolean to an explicit false."""
    return [(group.name, name) for group in groups for name, value in group.profile.items() if value is False]


def explicit_false_warning(groups: tuple[GroupSettings, ...]) -> str | None:
    """Why an explicit `false` in a group profile is fragile under the provider, or None when there is none.

    The provider compares assignment profiles with false booleans stripped (utils.NoChangeInObjectFromUnmarshaledJSON
    behind resource_okta_app_group_assignment.go): `false` and "not set" look equal, so a later change between
    them is never sent. Okta receives the explicit false when the assignment is created; `verify` reads what
    Okta holds.
    """
    pairs = explicit_false_values(groups)
    if not pairs:
        return None
    shown = ", ".join(f"{group!r} sets {name}: false" for group, name in pairs[:10])
    more = f" and {len(pairs) - 10} more" if len(pairs) > 10 else ""
    return (
        f"{shown}{more}. An explicit false overrides a lower-priority group's true, but the okta provider never "
        "sends a change between false and not set (it compares profiles with false values removed): make such "
        "a change together with another change to that group's values, or check it with `verify`."
    )
