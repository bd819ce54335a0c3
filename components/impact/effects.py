"""What a change does to people: each touched person's access to the SCIM app and Gainsight values under the
base and the head stack file, counted the way a reviewer asks ("who is deactivated, who moves to a paid
license, who becomes a super admin"), with Okta's rules (people_rules).

Access is to the SCIM app: losing it is what Okta turns into a deactivation in Gainsight when the app's
Deactivate Users is on. A person with no access holds no LicenseType ("none") and is not a super admin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from components.impact.sides import Side
from components.inputs.gainsight_schema import IS_SUPER_ADMIN, LICENSE_TYPE
from components.inputs.people_rules import received, same_value

NONE = "none"


@dataclass(frozen=True)
class Person:
    """Someone a change may touch: a member of a changed group, with their memberships among the assigned
    groups, and their own values when assigned to the app individually (scope USER)."""

    login: str
    memberships: frozenset[str]
    individual: dict[str, Any] | None = None


@dataclass(frozen=True)
class View:
    access: bool
    values: dict[str, Any]


def view(side: Side, person: Person) -> View:
    if person.individual is not None:
        return View(True, {name: person.individual.get(name) for name in side.attributes})
    grants = [grant for grant in side.grants if grant.group_id in person.memberships]
    if not grants:
        return View(False, {})
    return View(True, {name: value.value for name, value in received(grants, side.attributes).items()})


@dataclass
class Impact:
    deactivate_users: bool
    loses_access: int = 0
    gains_access: int = 0
    license_type: Counter[str] = field(default_factory=Counter)
    super_admin_granted: int = 0
    super_admin_revoked: int = 0
    other_value_changes: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    people_read: int = 0

    @property
    def deactivated_in_gainsight(self) -> int:
        return self.loses_access if self.deactivate_users else 0

    def summary(self) -> dict[str, Any]:
        return {
            "losesAccess": self.loses_access,
            "deactivatedInGainsight": self.deactivated_in_gainsight,
            "gainsAccess": self.gains_access,
            "licenseType": dict(sorted(self.license_type.items())),
            "superAdminGranted": self.super_admin_granted,
            "superAdminRevoked": self.super_admin_revoked,
            "otherValueChanges": self.other_value_changes,
        }

    @property
    def touches_anyone(self) -> bool:
        return bool(self.loses_access or self.gains_access or self.license_type or self.rows)


def _license(seen: View) -> str:
    value = seen.values.get(LICENSE_TYPE) if seen.access else None
    return NONE if value is None else str(value)


def _super_admin(seen: View) -> bool:
    return seen.access and seen.values.get(IS_SUPER_ADMIN) is True


def _gainsight_value(name: str, value: Any) -> Any:
    """What Gainsight ends up holding: an unset IsSuperAdmin is Gainsight's false (its documented default)."""
    return False if name == IS_SUPER_ADMIN and value is None else value


def _count(result: Impact, person: Person, before: View, after: View) -> None:
    if before.access != after.access:
        if before.access:
            result.loses_access += 1
        else:
            result.gains_access += 1
        change = "losesAccess" if before.access else "gainsAccess"
        result.rows.append({"login": person.login, "change": change, "attribute": None, "from": None, "to": None})
    if (license_before := _license(before)) != (license_after := _license(after)):
        result.license_type[f"{license_before}->{license_after}"] += 1
    if _super_admin(before) != _super_admin(after):
        if _super_admin(after):
            result.super_admin_granted += 1
        else:
            result.super_admin_revoked += 1
    if not (before.access and after.access):
        return
    for name in sorted(set(before.values) | set(after.values)):
        old, new = before.values.get(name), after.values.get(name)
        if same_value(_gainsight_value(name, old), _gainsight_value(name, new)):
            continue
        if name not in (LICENSE_TYPE, IS_SUPER_ADMIN):
            result.other_value_changes += 1
        result.rows.append({"login": person.login, "change": "value", "attribute": name, "from": old, "to": new})


def impact(base: Side, head: Side, people: Sequence[Person], *, deactivate_users: bool) -> Impact:
    result = Impact(deactivate_users, people_read=len(people))
    for person in sorted(people, key=lambda p: p.login.casefold()):
        _count(result, person, view(base, person), view(head, person))
    return result
