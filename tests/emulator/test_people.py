"""Users, group memberships and app users in the emulator, with Okta's shapes (the `okta` SDK's `User`, `AppUser`
and `Group` models), pages (Okta's API reference: app users 50 by default, at most 500; a group's users 1,000 by
default, at most 1,000, though the SDK's `list_group_users` recommends `limit=200`) and rate-limit buckets (Okta's
rate-limit docs: every `/api/v1/apps*` endpoint not listed separately shares the apps bucket). How app users are
derived from groups: test_app_users_derived.py."""

from __future__ import annotations

from okta.models import AppUser, Group, User

from components.emulator.seeds import SCIM_APP_ID
from components.emulator.users import add_app_user, add_member, add_user
from tests.emulator.conftest import Served
from tests.emulator.okta_models import GROUP_LINKS_LACKING, USER_LINKS_LACKING, conforms


def group_named(served: Served, name: str) -> str:
    return next(g for g, group in served.org.groups.items() if group["profile"]["name"] == name)


def test_people_answers_match_okta_s_models(article: Served) -> None:
    test = group_named(article, "Test")
    app_users = article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}/users")
    members = article.ok("GET", f"/api/v1/groups/{test}/users")
    carol = article.ok("GET", "/api/v1/users/carol@acme.example")
    assert conforms(AppUser, app_users) == [] and conforms(User, members) == []
    assert set(conforms(User, carol)) == USER_LINKS_LACKING
    assert set(conforms(Group, article.ok("GET", f"/api/v1/users/{carol['id']}/groups"))) == GROUP_LINKS_LACKING


def test_the_article_s_people_their_groups_and_app_users(article: Served) -> None:
    test, viewer = group_named(article, "Test"), group_named(article, "Viewer")
    logins = lambda users: sorted(u["profile"]["login"] for u in users)  # noqa: E731
    assert logins(article.ok("GET", f"/api/v1/groups/{test}/users")) == ["alice@acme.example", "carol@acme.example"]
    assert logins(article.ok("GET", f"/api/v1/groups/{viewer}/users")) == ["bob@acme.example", "carol@acme.example"]
    carol = next(
        u
        for u in article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}/users")
        if u["credentials"]["userName"].startswith("carol")
    )
    # Derived from the groups, as Okta does (components.emulator.app_users): Test (priority 0) sets IsSuperAdmin and
    # LicenseType, only Viewer sets Department; the seed writes no app profile by hand.
    assert (carol["scope"], carol["syncState"]) == ("GROUP", "SYNCHRONIZED")
    assert {k: carol["profile"][k] for k in ("IsSuperAdmin", "LicenseType", "Department")} == {
        "IsSuperAdmin": True,
        "LicenseType": "Full",
        "Department": ["Support"],
    }


def test_app_users_and_group_members_page_as_okta_s_reference_says(article: Served) -> None:
    org = article.org
    big = org.add_group("Everyone")
    for index in range(1200):
        user_id = add_user(org, f"user{index}@acme.example")
        add_member(org, big, user_id)
        add_app_user(
            org, SCIM_APP_ID, user_id, scope="USER", sync_state="ERROR" if index % 100 == 0 else "SYNCHRONIZED"
        )
    first = article.call("GET", f"/api/v1/apps/{SCIM_APP_ID}/users")
    assert len(first.json()) == 50  # the default page
    most = article.call("GET", f"/api/v1/apps/{SCIM_APP_ID}/users", limit=1000)
    assert len(most.json()) == 500 and 'rel="next"' in ",".join(most.headers.get_list("Link"))
    members = article.call("GET", f"/api/v1/groups/{big}/users", limit=5000)
    assert len(members.json()) == 1000 and 'rel="next"' in ",".join(members.headers.get_list("Link"))
    assert sum(u["syncState"] == "ERROR" for u in org.app_users[SCIM_APP_ID].values()) == 12


def test_app_users_count_on_the_apps_bucket(article: Served) -> None:
    article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}/users")
    assert ("GET", "/api/v1/apps/{appId}/users", "/api/v1/apps") in article.org.calls


def test_a_deleted_group_has_no_members_and_an_unknown_user_is_okta_s_404(article: Served) -> None:
    viewer = group_named(article, "Viewer")
    article.ok("DELETE", f"/api/v1/groups/{viewer}")
    assert viewer not in article.org.members
    missing = article.call("GET", "/api/v1/users/nobody@acme.example")
    assert missing.status_code == 404 and missing.json()["errorCode"] == "E0000007"
