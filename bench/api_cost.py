"""A model of the Okta API calls that `pulumi up` and `pulumi refresh` make for group assignments, per design.

Derived from the okta provider's code paths (terraform-provider-okta v6.12, okta/services/idaas/):

- `okta.AppGroupAssignments` (one per app), resource_okta_app_group_assignments.go:
  Create PUTs every group, then Read lists the app's groups (app.go listApplicationGroupAssignments, 200 a
  page). Update deletes the groups that left, then PUTs *every* group of the new state (splitAssignmentsTargets
  treats all as "to assign"), then Read lists. Refresh is one list.
- `okta.app.GroupAssignment` (one per group), resource_okta_app_group_assignment.go:
  Create and Update are a PUT then a GET of that group; Delete one DELETE; Refresh one GET per group. Numbered
  1..n by position, a group added or removed at the top shifts every other priority (each an Update).
- The chosen design: one `okta.app.GroupAssignment` per group with priorities that stay put between runs
  (components/inputs/priorities.py), plus one watching `okta.AppGroupAssignments` per app that never writes and
  whose Read is one paginated list. The workflows refresh with the per-group assignments excluded, so a refresh
  costs the watcher's list.

Every one of these calls is on Okta's `/api/v1/apps*` bucket (100 a minute on Enterprise and Workforce orgs,
20-25 on developer orgs). Usage: venv/bin/python bench/api_cost.py [--per-minute N] [--capacity PCT] [--markdown]
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass

PAGE = 200  # utils.DefaultPaginationLimit
SIZES = (100, 1000, 2000)
OPERATIONS = (
    "first create",
    "one group's values changed",
    "one group added at the top",
    "one group removed from the top",
    "refresh",
)


def pages(groups: int) -> int:
    return max(1, math.ceil(groups / PAGE))


@dataclass(frozen=True)
class Design:
    name: str

    def calls(self, operation: str, groups: int) -> int:
        raise NotImplementedError


class PluralAssignments(Design):
    """One authoritative okta.AppGroupAssignments per app."""

    def calls(self, operation: str, groups: int) -> int:
        return {
            "first create": groups + pages(groups),
            "one group's values changed": groups + pages(groups),
            "one group added at the top": (groups + 1) + pages(groups + 1),
            "one group removed from the top": 1 + (groups - 1) + pages(groups - 1),
            "refresh": pages(groups),
        }[operation]


class PerGroupAssignments(Design):
    """One okta.app.GroupAssignment per group per app, priorities 1..n by position."""

    def calls(self, operation: str, groups: int) -> int:
        return {
            "first create": 2 * groups,
            "one group's values changed": 2,
            "one group added at the top": 2 + 2 * groups,  # every other group's priority moves down
            "one group removed from the top": 1 + 2 * (groups - 1),
            "refresh": groups,
        }[operation]


class StableWritersAndWatcher(Design):
    """The chosen design: per-group writers with stable priorities, one watching AppGroupAssignments."""

    def calls(self, operation: str, groups: int) -> int:
        return {
            "first create": 2 * groups + pages(groups),  # the writers, then the watcher's first read
            "one group's values changed": 2,
            "one group added at the top": 2,  # it takes a priority in the gap above the first group
            "one group removed from the top": 1,  # a gap is left; nothing is renumbered
            "refresh": pages(groups),  # the watcher's list; the writers are excluded from refreshes
        }[operation]


DESIGNS: tuple[Design, ...] = (
    PluralAssignments("okta.AppGroupAssignments per app"),
    PerGroupAssignments("okta.app.GroupAssignment per group, 1..n"),
    StableWritersAndWatcher("chosen: per-group, stable priorities, one watcher"),
)


def minutes(calls: int, per_minute: int, capacity_percent: int) -> float:
    """Wall time at the bucket's limit when the provider may use `capacity_percent` of it (maxApiCapacity)."""
    return calls / (per_minute * capacity_percent / 100)


def table(per_minute: int, capacity_percent: int) -> list[list[str]]:
    """Rows: design, operation, then for each size "calls (minutes)" on one app.

    A profile change touches only the SCIM app; adding or removing a group with `sso: true` costs as much again
    on the SSO app; a refresh reads both apps.
    """
    rows = []
    for design in DESIGNS:
        for operation in OPERATIONS:
            cells = []
            for size in SIZES:
                calls = design.calls(operation, size)
                cells.append(f"{calls:,} ({minutes(calls, per_minute, capacity_percent):.1f} min)")
            rows.append([design.name, operation, *cells])
    return rows


def markdown(per_minute: int, capacity_percent: int) -> str:
    header = ["design", "operation", *(f"{size:,} groups" for size in SIZES)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in table(per_minute, capacity_percent)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-minute", type=int, default=100, help="the apps bucket per minute (default 100)")
    parser.add_argument("--capacity", type=int, default=50, help="okta:maxApiCapacity, percent (default 50)")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    if args.markdown:
        print(markdown(args.per_minute, args.capacity))
        return 0
    for row in table(args.per_minute, args.capacity):
        print(f"{row[0]:<38} {row[1]:<20} " + "  ".join(f"{cell:>22}" for cell in row[2:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
