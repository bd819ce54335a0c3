"""Assigning groups to an app, in priority order, with the Gainsight values each group sets.

One authoritative `okta.AppGroupAssignments` per app, not one `okta.app.GroupAssignment` per group: the
provider then assigns groups one after another (Okta mishandles concurrent writes to prioritised
assignments), a refresh is one paginated list call instead of one call per group, assignments made by hand
show up as drift, and a 2,000-group stack stays two resources with no dependency chain. Priorities start at 1
(see `components.inputs.groups.okta_priority`).
"""

from __future__ import annotations

import json

import pulumi
import pulumi_okta as okta

from components.inputs.groups import GroupSettings, okta_priority


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
                priority=okta_priority(position),  # list order: the first group wins
                profile=profile_json(group) if with_profiles else "{}",
            )
            for position, group in enumerate(groups)
        ],
        opts=opts,
    )


def explicit_false_values(groups: tuple[GroupSettings, ...]) -> list[tuple[str, str]]:
    """(group, attribute) pairs where a group profile sets a boolean to an explicit false."""
    return [(group.name, name) for group in groups for name, value in group.profile.items() if value is False]


def explicit_false_warning(groups: tuple[GroupSettings, ...]) -> str | None:
    """Why an explicit `false` in a group profile is fragile under the provider, or None when there is none.

    The provider compares assignment profiles with false booleans stripped (utils.NoChangeInObjectFromUnmarshaledJSON
    behind resource_okta_app_group_assignments.go): `false` and "not set" look equal, so a later change between
    them is never sent. Okta receives the explicit false when the assignment is created, or when any other
    change re-sends the app's assignments; `verify` reads what Okta holds.
    """
    pairs = explicit_false_values(groups)
    if not pairs:
        return None
    shown = ", ".join(f"{group!r} sets {name}: false" for group, name in pairs[:10])
    more = f" and {len(pairs) - 10} more" if len(pairs) > 10 else ""
    return (
        f"{shown}{more}. An explicit false overrides a lower-priority group's true, but the okta provider never "
        "sends a change between false and not set (it compares profiles with false values removed): make such "
        "a change together with another change to the SCIM app's assignments, or check it with `verify`."
    )
