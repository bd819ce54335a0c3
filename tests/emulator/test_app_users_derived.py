"""An app's users as Okta derives them from group assignments, memberships and individual assignments, recomputed
on every read (components.emulator.app_users). Each test cites where Okta says so."""

from __future__ import annotations

from typing import Any

from okta.models import AppUser

from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID
from components.emulator.users import add_app_user, add_member, add_user
from tests.emulator.conftest import Served
from tests.emulator.okta_models import conforms
from tests.emulator.test_people import group_named

USERS = f"/api/v1/apps/{SCIM_APP_ID}/users"
GAINSIGHT = ("IsSuperAdmin", "LicenseType", "Department")


def app_users(served: Served, path: str = USERS) -> dict[str, dict[str, Any]]:
    return {u["credentials"]["userName"].split("@")[0]: u for u in served.ok("GET", path, limit=500)}


def values(user: dict[str, Any]) -> dict[str, Any]:
    return {name: user["profile"][name] for name in GAINSIGHT if name in user["profile"]}


def test_a_member_of_an_assigned_group_is_a_group_user_without_being_added(article: Served) -> None:
    """The SDK's `assign_group_to_application`: assigning a group "assigns the app to each User that belongs to the
    group. The resulting application user scope is `GROUP`"; memberships change with `assign_user_to_group` /
    `unassign_user_from_group` (PUT/DELETE /api/v1/groups/{groupId}/users/{userId}, 204)."""
    dana = add_user(article.org, "dana@acme.example")
    viewer = group_named(article, "Viewer")
    assert "dana" not in app_users(article)
    assert article.call("PUT", f"/api/v1/groups/{viewer}/users/{dana}").status_code == 204
    found = app_users(article)["dana"]
    assert found["scope"] == "GROUP" and values(found) == {"LicenseType": "Viewer", "Department": ["Support"]}
    assert conforms(AppUser, found) == []
    assert article.ok("GET", f"{USERS}/{dana}")["id"] == dana
    assert article.call("DELETE", f"/api/v1/groups/{viewer}/users/{dana}").status_code == 204
    assert "dana" not in app_users(article)  # no path left: not one of the app's users
    gone = article.call("GET", f"{USERS}/{dana}")
    assert gone.status_code == 404 and gone.json()["errorCode"] == "E0000007"


def test_each_attribute_comes_from_the_highest_priority_group_that_sets_it(article: Served) -> None:
    """The SDK's `ApplicationGroupAssignment.priority`: "If an app has more than one group assigned to the same user,
    then the group with the higher priority has its profile applied to the application user" (0 before 1); a group
    that sets no value (null) leaves the attribute to the next group."""
    carol = app_users(article)["carol"]
    assert values(carol) == {"IsSuperAdmin": True, "LicenseType": "Full", "Department": ["Support"]}
    test = group_named(article, "Test")
    article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{test}", {"priority": 5, "profile": {"IsSuperAdmin": True}})
    carol = app_users(article)["carol"]  # Viewer (1) now comes first; only Test sets IsSuperAdmin
    assert values(carol) == {"IsSuperAdmin": True, "LicenseType": "Viewer", "Department": ["Support"]}


def test_a_union_attribute_combines_every_group_s_values(article: Served) -> None:
    """Okta's help, Assign attribute group priority: "Combine values across groups" (`union: ENABLE`, arrays only)
    versus "Use Group Priority"; its use case: with combine, the user "receives attributes from both ... because
    their attributes are combined", with priority only the highest group's. Each value once, highest group first."""
    test = group_named(article, "Test")
    profile = {"IsSuperAdmin": True, "LicenseType": "Full", "Department": ["Engineering", "Support"]}
    article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{test}", {"priority": 0, "profile": profile})
    assert app_users(article)["carol"]["profile"]["Department"] == ["Engineering", "Support"]  # priority: Test's
    schema = f"/api/v1/meta/schemas/apps/{SCIM_APP_ID}/default"
    department = article.ok("GET", schema)["definitions"]["custom"]["properties"]["Department"]
    union = {"definitions": {"custom": {"properties": {"Department": {**department, "union": "ENABLE"}}}}}
    article.ok("POST", schema, union)
    test_only = {**profile, "Department": ["Engineering"]}
    article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{test}", {"priority": 0, "profile": test_only})
    users = app_users(article)
    assert users["carol"]["profile"]["Department"] == ["Engineering", "Support"]  # both groups', Test's first
    assert users["alice"]["profile"]["Department"] == ["Engineering"] and users["bob"]["profile"]["Department"] == [
        "Support"
    ]


def test_an_individual_assignment_stays_and_keeps_its_own_values(article: Served) -> None:
    """Okta support, "How to Convert an Existing User's App Assignment from Group-Owned to Individually-Owned Type
    without Removing User's Group Membership": Assignment Source "Administrator (overrides group)" makes the
    assignment Individual (scope USER), the user still a member. Its values are its own whatever the groups say
    (taken to replace the group values wholly), and it outlives the group's assignment."""
    org = article.org
    bob = next(u for u, user in org.users.items() if user["profile"]["login"].startswith("bob"))
    add_app_user(org, SCIM_APP_ID, bob, scope="USER", profile={"LicenseType": "Full"})
    viewer = group_named(article, "Viewer")
    found = app_users(article)["bob"]
    assert found["scope"] == "USER" and values(found) == {"LicenseType": "Full"}
    article.ok("DELETE", f"/api/v1/apps/{SCIM_APP_ID}/groups/{viewer}")
    users = app_users(article)
    assert users["bob"]["scope"] == "USER" and set(users) == {"alice", "bob", "carol"}  # carol: still in Test
    assert values(users["carol"]) == {"IsSuperAdmin": True, "LicenseType": "Full"}  # Department went with Viewer


def test_a_stale_value_is_what_okta_holds_until_the_push_and_personal_values_stay(article: Served) -> None:
    """AppUser `syncState` OUT_OF_SYNC (the SDK's AppUserSyncState): the app user holds a value the groups no longer
    give, which `verify` must see. A Personal attribute (scope SELF) is the user's own, never a group value (the SDK's
    schema attribute `scope`: "Determines whether a group attribute can be set at the individual or group level")."""
    org = article.org
    org.schemas[SCIM_APP_ID]["Nickname"] = {"title": "Nickname", "type": "string", "scope": "SELF"}
    alice = next(u for u, user in org.users.items() if user["profile"]["login"].startswith("alice"))
    add_app_user(org, SCIM_APP_ID, alice, sync_state="OUT_OF_SYNC", stale={"LicenseType": "Viewer"},
                 profile={"Nickname": "Al", "LicenseType": "Ignored: the groups give it"})  # fmt: skip
    found = app_users(article)["alice"]
    assert found["syncState"] == "OUT_OF_SYNC" and found["scope"] == "GROUP"
    assert values(found) == {"IsSuperAdmin": True, "LicenseType": "Viewer"} and found["profile"]["Nickname"] == "Al"


def test_a_deactivated_user_has_no_apps_but_stays_in_its_groups(article: Served) -> None:
    """Okta's help, Deactivate and delete user accounts: "Although deactivated users no longer have access to any
    apps, the users aren't removed from any groups" (status DEPROVISIONED, the SDK's UserStatus)."""
    org = article.org
    carol = next(u for u, user in org.users.items() if user["profile"]["login"].startswith("carol"))
    org.users[carol]["status"] = "DEPROVISIONED"
    org.changed()
    assert set(app_users(article)) == {"alice", "bob"}
    assert set(app_users(article, f"/api/v1/apps/{SSO_APP_ID}/users")) == {"alice", "bob"}
    members = article.ok("GET", f"/api/v1/groups/{group_named(article, 'Test')}/users")
    assert carol in {member["id"] for member in members}


def test_writes_made_in_python_are_seen_by_the_next_read(article: Served) -> None:
    """The view is cached between writes (a 50,000-user org is read 500 at a time): each helper write, and a
    test's direct edit of an assignment, shows in the next page."""
    org = article.org
    assert app_users(article)["alice"]["profile"]["LicenseType"] == "Full"
    org.app_groups[SCIM_APP_ID][0]["profile"]["LicenseType"] = "Viewer_Analytics"
    assert app_users(article)["alice"]["profile"]["LicenseType"] == "Viewer_Analytics"
    erin = add_user(org, "erin@acme.example")
    add_member(org, group_named(article, "Test"), erin)
    assert app_users(article)["erin"]["scope"] == "GROUP"
