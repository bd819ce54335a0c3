"""`seed_people`: a big org for the benchmarks, the same people each time, read at Okta's page sizes in a few
seconds (Okta's API reference: app users at most 500 a page, a group's members at most 1,000)."""

from __future__ import annotations

import time

from components.emulator.app_users import app_users_view
from components.emulator.org import EmulatedOrg
from components.emulator.people_seeds import seed_people
from components.emulator.rate_limits import RateLimits
from components.emulator.seeds import SCIM_APP_ID, article_org
from tests.emulator.conftest import Served, serve


def test_memberships_follow_the_user_s_number() -> None:
    org = article_org()
    fresh = {"Fresh": {"LicenseType": "Viewer"}}
    ids = seed_people(org, SCIM_APP_ID, users=1000, groups={"Test": 0.2, "Fresh": 0.5}, individual=10, profiles=fresh)
    assert ids["Test"] in org.groups and org.groups[ids["Fresh"]]["profile"]["name"] == "Fresh"
    assert len(org.members[ids["Test"]]) == 2 + 200 + 25  # the article's two, its share, every 20th of Fresh's
    assert len(org.members[ids["Fresh"]]) == 500 + 10
    assert [a["priority"] for a in org.app_groups[SCIM_APP_ID]] == [0, 1, 2]  # Fresh after the article's groups
    view = app_users_view(org, SCIM_APP_ID)
    scopes = [scope for _, scope, _ in view.entries]
    assert len(scopes) == 3 + 700 + 10 and scopes.count("USER") == 10  # users 700-989 are in no group
    again = article_org()
    seed_people(again, SCIM_APP_ID, users=1000, groups={"Test": 0.2, "Fresh": 0.5})
    assert list(again.users)[3:] == list(org.users)[3:]


def _all(served: Served, path: str, limit: int) -> list[dict]:
    found: list[dict] = []
    link: str | None = f"{path}?limit={limit}"
    while link:
        response = served.client.get(link)
        assert response.status_code == 200, response.text
        found += response.json()
        link = next((v.split(">")[0][1:] for v in response.headers.get_list("Link") if 'rel="next"' in v), None)
    return found


def test_fifty_thousand_people_are_read_at_okta_s_page_sizes_in_seconds() -> None:
    started = time.perf_counter()
    org = article_org(EmulatedOrg(rate_limits=RateLimits(limits={"/api/v1/apps": 1000})))
    ids = seed_people(org, SCIM_APP_ID, users=50_000, groups={"Test": 0.1, "Viewer": 0.9}, individual=5)
    seeded = time.perf_counter() - started
    for served in serve(org):
        started = time.perf_counter()
        users = _all(served, f"/api/v1/apps/{SCIM_APP_ID}/users", 500)
        read = time.perf_counter() - started
        members = _all(served, f"/api/v1/groups/{ids['Test']}/users", 1000)
    assert len(users) == 50_003 and len({u["id"] for u in users}) == 50_003
    assert org.rate_limits.calls_by_bucket()["/api/v1/apps"] == 101
    assert len(members) == 2 + 5000 + 2250  # the article's, its share, every 20th of Viewer's
    # Generous bounds for a loaded machine; measured: about 0.3 s to seed and 2 s for the 101 pages.
    assert seeded < 10 and read < 30, (seeded, read)
