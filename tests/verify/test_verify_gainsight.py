"""`verify`'s comparison of the SCIM app's users in Okta with Gainsight's users, on a small worked example, then
end to end with the users read from scim2-server."""

from __future__ import annotations

from typing import Any

from components.gainsight.users import GainsightUser
from components.okta.models.directory import AppUser
from components.verify.gainsight import gainsight_findings
from tests.servers.gainsight_server import GainsightServer, client_for

LABEL = "SCIM app 'Gainsight SCIM Integration'"


def app_user(login: str, status: str = "PROVISIONED", **profile: Any) -> AppUser:
    return AppUser.model_validate(
        {"id": "00u" + "".join(ch for ch in login if ch.isalnum()), "scope": "GROUP", "status": status,
         "credentials": {"userName": login}, "profile": profile}
    )  # fmt: skip


def by_key(*users: GainsightUser) -> dict[str, GainsightUser]:
    return {user.key: user for user in users}


# Okta: ann and bob provisioned with values; cat only staged; dan provisioned; Eve provisioned with no LicenseType.
OKTA = [
    app_user("ann@acme.com", LicenseType="Full", IsSuperAdmin=True),
    app_user("bob@acme.com", LicenseType="Viewer", IsSuperAdmin=False),
    app_user("cat@acme.com", "STAGED", LicenseType="Viewer"),
    app_user("dan@acme.com", LicenseType="Full"),
    app_user("Eve@Acme.com", LicenseType=None, IsSuperAdmin=True),
]
# Gainsight: ann as in Okta; bob with another license; eve not a super admin (and a license Okta does not set);
# fay active and gus inactive, neither in the Okta app.
GAINSIGHT = by_key(
    GainsightUser("ann@acme.com", True, "Full", True),
    GainsightUser("bob@acme.com", True, "Full", False),
    GainsightUser("eve@acme.com", True, "Viewer", False),
    GainsightUser("fay@acme.com", True, "Viewer", False),
    GainsightUser("gus@acme.com", False, "Viewer", False),
)


def test_the_worked_example_gives_each_check_once() -> None:
    findings = {finding.check: finding for finding in gainsight_findings(OKTA, GAINSIGHT, LABEL)}
    assert sorted(findings) == ["gainsight-missing", "gainsight-not-assigned", "gainsight-values"]
    assert {finding.subject for finding in findings.values()} == {LABEL}
    missing = findings["gainsight-missing"]  # dan; cat is only staged: Okta has not pushed her
    assert missing.people == ("dan@acme.com",) and missing.message.startswith("1 user(s) Okta has provisioned")
    not_assigned = findings["gainsight-not-assigned"]  # fay; gus is inactive already
    assert not_assigned.people == ("fay@acme.com",) and not_assigned.message.startswith("1 user(s) active in Gainsight")
    values = findings["gainsight-values"]  # bob's LicenseType, Eve's IsSuperAdmin; Eve's LicenseType is Okta's unset
    assert values.people == ("Eve@Acme.com", "bob@acme.com")
    assert values.message.startswith("2 user(s) whose Gainsight values are not Okta's (LicenseType for 1, IsSuperAdmin")


def test_the_same_people_on_both_sides_give_nothing() -> None:
    okta = [app_user("ann@acme.com", LicenseType="Full", IsSuperAdmin=True), app_user("bo@acme.com", "STAGED")]
    assert gainsight_findings(okta, by_key(GainsightUser("ANN@acme.com", True, "Full", True)), LABEL) == []


def test_a_count_is_of_everyone_and_the_people_are_five() -> None:
    okta = [app_user(f"user{i}@acme.com", LicenseType="Viewer") for i in range(7)]
    gainsight = by_key(*(GainsightUser(f"user{i}@acme.com", True, "Full", None) for i in range(7)))
    (values,) = gainsight_findings(okta, gainsight, LABEL)
    assert values.check == "gainsight-values"
    assert values.message.startswith("7 user(s) whose Gainsight values are not Okta's (LicenseType for 7):")
    assert values.people == tuple(f"user{i}@acme.com" for i in range(5))
    (missing,) = gainsight_findings(okta, {}, LABEL)
    assert missing.check == "gainsight-missing" and missing.message.startswith("7 user(s)") and len(missing.people) == 5


def test_end_to_end_with_the_users_read_from_gainsight() -> None:
    with GainsightServer() as server:
        server.seed(
            {"userName": "ann@acme.com", "LicenseType": "Full", "IsSuperAdmin": True},
            {"userName": "bob@acme.com", "LicenseType": "Full", "IsSuperAdmin": False},
            {"userName": "eve@acme.com", "LicenseType": "Viewer", "IsSuperAdmin": False},
            {"userName": "fay@acme.com", "LicenseType": "Viewer"},
            {"userName": "gus@acme.com", "active": False},
        )
        with client_for(server, page_size=2) as client:
            gainsight = client.users()
    found = gainsight_findings(OKTA, gainsight, LABEL)
    assert [(finding.check, finding.people) for finding in found] == [
        ("gainsight-missing", ("dan@acme.com",)),
        ("gainsight-not-assigned", ("fay@acme.com",)),
        ("gainsight-values", ("Eve@Acme.com", "bob@acme.com")),
    ]


def test_okta_s_false_and_gainsight_s_unset_super_admin_are_the_same() -> None:
    """Gainsight's default for an unset IsSuperAdmin is not a super admin (okta-gainsight-facts.md)."""
    okta = [app_user("hal@acme.com", LicenseType="Viewer", IsSuperAdmin=False)]
    assert gainsight_findings(okta, by_key(GainsightUser("hal@acme.com", True, "Viewer", None)), LABEL) == []
    flagged = gainsight_findings(
        [app_user("ivy@acme.com", IsSuperAdmin=True)], by_key(GainsightUser("ivy@acme.com", True, None, None)), LABEL
    )
    assert [finding.check for finding in flagged] == ["gainsight-values"]
