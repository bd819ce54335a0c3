"""`impact`'s rules on small orgs whose answers are worked out by hand.

Sources: Okta's help on group priority ("which individual attributes should be honored" goes to the
highest-priority group) and on "Combine values across groups" (union, arrays only); an individual assignment
"overrides group" values and keeps access; Okta deprovisions a user who loses the app only with Deactivate Users
on (okta-gainsight-facts.md, the SCIM app's features).
"""

from __future__ import annotations

from components.impact.effects import Person, impact, view
from components.impact.sides import Side, changed_group_ids
from components.inputs.people_rules import Grant

ATTRIBUTES = {"LicenseType": False, "IsSuperAdmin": False, "Department": False, "Tags": True}
ADMINS = Grant("00gadmins", "Admins", {"LicenseType": "Full", "IsSuperAdmin": True, "Tags": ["ops"]})
FULL = Grant("00gfull", "Full", {"LicenseType": "Full", "Tags": ["cs"]})
VIEWERS = Grant("00gviewers", "Viewers", {"LicenseType": "Viewer", "Department": "Support", "Tags": ["ops", "bi"]})


def side(*grants: Grant, attributes: dict[str, bool] | None = None) -> Side:
    return Side(tuple(grants), attributes or ATTRIBUTES)


def person(login: str, *groups: Grant, individual: dict | None = None) -> Person:
    return Person(login, frozenset(g.group_id for g in groups if g.group_id), individual)


def test_each_value_comes_from_the_highest_priority_group_that_sets_it_and_union_combines() -> None:
    seen = view(side(ADMINS, FULL, VIEWERS), person("p", VIEWERS, FULL))
    # Full outranks Viewers for LicenseType; only Viewers sets Department; Tags combine, Full's first.
    assert seen.access is True
    assert seen.values == {"LicenseType": "Full", "IsSuperAdmin": None, "Department": "Support",
                           "Tags": ["cs", "ops", "bi"]}  # fmt: skip


def test_a_null_value_does_not_set_the_attribute() -> None:
    blank = Grant("00gblank", "Blank", {"LicenseType": None})
    assert view(side(blank, VIEWERS), person("p", blank, VIEWERS)).values["LicenseType"] == "Viewer"


def test_an_individual_assignment_keeps_its_access_and_values_whatever_the_groups_do() -> None:
    own = person("p", VIEWERS, individual={"LicenseType": "Full"})
    before, after = view(side(VIEWERS), own), view(side(), own)
    assert before == after and after.access and after.values["LicenseType"] == "Full"


def test_losing_the_last_group_loses_access_and_deactivates_only_with_deactivate_users_on() -> None:
    base, head = side(FULL, VIEWERS), side(FULL)
    people = [person("only-viewer", VIEWERS), person("both", FULL, VIEWERS), person("own", VIEWERS, individual={})]
    on = impact(base, head, people, deactivate_users=True)
    off = impact(base, head, people, deactivate_users=False)
    assert (on.loses_access, on.deactivated_in_gainsight, off.deactivated_in_gainsight) == (1, 1, 0)
    # "both" keeps access: Full already set LicenseType and Tags ["cs"]; Viewers' Department and Tags go.
    assert on.summary()["licenseType"] == {"Viewer->none": 1}
    assert on.other_value_changes == 2
    assert [(r["login"], r["change"], r["attribute"]) for r in on.rows] == [
        ("both", "value", "Department"),
        ("both", "value", "Tags"),
        ("only-viewer", "losesAccess", None),
    ]


def test_license_moves_and_super_admin_flips_are_counted_per_person() -> None:
    # Admins moves below Viewers: a person in both now takes Viewers' LicenseType; IsSuperAdmin stays (only
    # Admins sets it). A newcomer group grants Full to someone with no access before.
    newcomers = Grant("00gnew", "Newcomers", {"LicenseType": "Full"})
    base, head = side(ADMINS, VIEWERS), side(VIEWERS, ADMINS, newcomers)
    people = [person("both", ADMINS, VIEWERS), person("new", newcomers), person("admin", ADMINS)]
    result = impact(base, head, people, deactivate_users=True)
    assert result.summary() == {
        "losesAccess": 0,
        "deactivatedInGainsight": 0,
        "gainsAccess": 1,
        "licenseType": {"Full->Viewer": 1, "none->Full": 1},
        "superAdminGranted": 0,
        "superAdminRevoked": 0,
        "otherValueChanges": 0,  # both: Department is Viewers' either way; Tags [ops, bi] either way
    }
    revoked = impact(side(ADMINS), side(FULL), [person("admin", ADMINS, FULL)], deactivate_users=True)
    assert (revoked.super_admin_revoked, revoked.summary()["licenseType"]) == (1, {})


def test_a_deactivated_person_counts_as_no_license_and_no_super_admin() -> None:
    result = impact(side(ADMINS), side(), [person("admin", ADMINS)], deactivate_users=True)
    assert result.summary()["licenseType"] == {"Full->none": 1}
    assert (result.super_admin_revoked, result.other_value_changes) == (1, 0)


def test_changed_groups_are_those_whose_assignment_priority_or_values_differ() -> None:
    other = Grant("00gother", "Other", {"Department": "Sales"})
    assert changed_group_ids(side(ADMINS, FULL, VIEWERS, other), side(ADMINS, FULL, VIEWERS, other)) == set()
    # Swapping Full and Viewers changes both; Admins and Other keep their order against everyone.
    assert changed_group_ids(side(ADMINS, FULL, VIEWERS, other), side(ADMINS, VIEWERS, FULL, other)) == {
        "00gfull",
        "00gviewers",
    }
    # Moving Admins from first to last flips it against all three others.
    assert changed_group_ids(side(ADMINS, FULL, VIEWERS), side(FULL, VIEWERS, ADMINS)) == {
        "00gadmins", "00gfull", "00gviewers"}  # fmt: skip
    relicensed = Grant("00gviewers", "Viewers", {**VIEWERS.values, "LicenseType": "Full"})
    assert changed_group_ids(side(FULL, VIEWERS), side(FULL, relicensed)) == {"00gviewers"}
    assert changed_group_ids(side(FULL, VIEWERS), side(FULL)) == {"00gviewers"}


def test_an_attribute_that_starts_combining_changes_every_group_that_sets_it() -> None:
    combined = side(ADMINS, FULL, other := Grant("00gother", "Other", {"Department": "Sales"}))
    separate = side(ADMINS, FULL, other, attributes={**ATTRIBUTES, "Tags": False})
    assert changed_group_ids(separate, combined) == {"00gadmins", "00gfull"}
