"""`GET /api/v1/groups` with `search` and `expand=stats`, as the `okta` SDK's `list_groups` documents them; a member
count for many groups in one call (`id eq "…" or id eq "…"`)."""

from __future__ import annotations

from okta.models import Group

from components.emulator.users import add_member, add_user
from tests.emulator.conftest import Served
from tests.emulator.okta_models import GROUP_LINKS_LACKING, conforms
from tests.emulator.test_people import group_named


def test_search_by_ids_with_stats_gives_each_group_s_member_count(article: Served) -> None:
    """`search`: "filtered by the following operators: `sw`, `eq`, and `co`"; `expand=stats`: "the number of users
    within a group ... listed as the `_embedded.stats.usersCount` value" (the SDK's `GroupEmbeddedStats`)."""
    test, viewer = group_named(article, "Test"), group_named(article, "Viewer")
    article.org.add_group("Unrelated")
    add_member(article.org, viewer, add_user(article.org, "dana@acme.example"))
    found = article.ok("GET", "/api/v1/groups", search=f'id eq "{test}" or id eq "{viewer}"', expand="stats")
    assert set(conforms(Group, found)) == GROUP_LINKS_LACKING
    assert {g["profile"]["name"]: g["_embedded"]["stats"]["usersCount"] for g in found} == {"Test": 2, "Viewer": 3}
    assert found[0]["_embedded"]["stats"]["appsCount"] == 2  # the SSO and the SCIM app
    plain = article.ok("GET", "/api/v1/groups", search=f'id eq "{test}"')
    assert [g["id"] for g in plain] == [test] and "_embedded" not in plain[0]


def test_search_on_the_profile_with_sw_co_and_and(article: Served) -> None:
    """`co` only on `profile.name` and `profile.description` (the SDK's `list_groups`)."""
    names = lambda **query: [g["profile"]["name"] for g in article.ok("GET", "/api/v1/groups", **query)]  # noqa: E731
    assert names(search='profile.name sw "vie"') == ["Viewer"]
    assert names(search='profile.description co "admins"') == ["Test"]
    assert names(search='type eq "OKTA_GROUP" and profile.name eq "Test"') == ["Test"]
    assert names(search='profile.name eq "Test" or profile.name eq "Viewer"') == ["Test", "Viewer"]


def test_a_search_the_emulator_does_not_understand_is_refused_not_answered_wrongly(article: Served) -> None:
    for search in ('id co "00g"', 'lastUpdated gt "2026-01-01"', 'id eq "a" or', '(id eq "a")'):
        refused = article.call("GET", "/api/v1/groups", search=search)
        assert refused.status_code == 400 and refused.json()["errorCode"] == "E0000001", search
