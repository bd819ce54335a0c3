"""Assigning groups to an app, in priority order, with the Gainsight values each group sets.

One authoritative `okta.AppGroupAssignments` per app, not one `okta.app.GroupAssignment` per group: the
provider then assigns groups one after another (Okta mishandles concurrent writes to prioritised
assignments), a refresh is one list call instead of one per group, assignments made by hand show up as
drift, and a 2,000-group stack stays two resources with no dependency chain.
"""

from __future__ import annotations

import json

import pulumi
import pulumi_okta as okta

from components.inputs.groups import GroupSettings


def profile_json(group: GroupSettings) -> str:
    # Sorted and compact, so the same profile always serialises the same way and never shows as a diff.
    return json.dumps(group.profile, sort_keys=True, separators=(",", ":"))


def declare_assignments(
    resource_name: str,
    app: okta.app.Saml,
    groups: list[GroupSettings],
    group_ids: dict[str, pulumi.Output[str]],
    *,
    with_profiles: bool,
    opts: pulumi.ResourceOptions,
) -> okta.AppGroupAssignments:
    return okta.AppGroupAssignments(
        resource_name,
        app_id=app.id,
        groups=[
            okta.AppGroupAssignmentsGroupArgs(
                id=group_ids[group.name],
                priority=priority,  # list order: the first group is Okta priority 0, the highest
                profile=profile_json(group) if with_profiles else "{}",
            )
            for priority, group in enumerate(groups)
        ],
        opts=opts,
    )
