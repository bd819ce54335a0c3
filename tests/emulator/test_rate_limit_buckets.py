"""Which rate-limit bucket each call of the people endpoints draws on, and its size: Okta's management rate-limit
page (developer.okta.com/docs/reference/rl-global-mgmt), the Workforce Identity column."""

from __future__ import annotations

import pytest

from components.emulator.org import EmulatedOrg
from components.emulator.rate_limits import DEFAULT_LIMITS, RateLimits, bucket_of
from components.emulator.seeds import SCIM_APP_ID, article_org
from tests.emulator.conftest import Served, serve
from tests.emulator.test_people import group_named

# (method, path, bucket, size, the page's row)
ROWS = [
    ("GET", "/api/v1/apps", "/api/v1/apps", 100, "Create, list, or other app actions: /api/v1/apps*"),
    ("GET", "/api/v1/apps/0oa1/users", "/api/v1/apps", 100, "... including /api/v1/apps/{id}/*"),
    ("GET", "/api/v1/apps/0oa1/users/00u1", "/api/v1/apps", 100, "... including /api/v1/apps/{id}/*"),
    ("GET", "/api/v1/apps/0oa1", "/api/v1/apps/{id}", 500, "Get, update, or delete an app by ID"),
    ("GET", "/api/v1/groups", "/api/v1/groups", 500, "Create or list groups: /api/v1/groups except .../{id}"),
    ("GET", "/api/v1/groups/00g1/users", "/api/v1/groups", 500, "... except /api/v1/groups/{id}"),
    ("PUT", "/api/v1/groups/00g1/users/00u1", "/api/v1/groups", 500, "... except /api/v1/groups/{id}"),
    ("GET", "/api/v1/groups/00g1", "/api/v1/groups/{id}", 1000, "Get, update, or delete a group by ID: only"),
    ("DELETE", "/api/v1/groups/00g1", "/api/v1/groups/{id}", 1000, "Get, update, or delete a group by ID: only"),
    ("GET", "/api/v1/users/00u1", "/api/v1/users/{id}", 2000, "Get a user by ID or sign in: Only GET"),
    ("GET", "/api/v1/users/ada@acme.example", "/api/v1/users/{id}", 2000, "... /api/v1/users/{idOrLogin}"),
    ("GET", "/api/v1/users", "/api/v1/users", 600, "Create or list users: Only GET or POST to /api/v1/users"),
    ("POST", "/api/v1/users", "/api/v1/users", 600, "Create or list users: Only GET or POST to /api/v1/users"),
    ("GET", "/api/v1/users/00u1/groups", "/api/v1", 1200, "Most other API actions: /api/v1"),
    ("GET", "/api/v1/meta/schemas/apps/0oa1/default", "/api/v1", 1200, "Most other API actions: /api/v1"),
]


@pytest.mark.parametrize(("method", "path", "bucket", "size", "row"), ROWS, ids=[f"{r[0]} {r[1]}" for r in ROWS])
def test_each_call_draws_on_okta_s_bucket(method: str, path: str, bucket: str, size: int, row: str) -> None:
    assert bucket_of(path, method) == bucket and DEFAULT_LIMITS[bucket] == size, row


def test_the_people_endpoints_answer_with_their_bucket_s_size_and_the_org_counts_calls_by_bucket(
    article: Served,
) -> None:
    org = article.org
    test = group_named(article, "Test")
    alice = next(u for u, user in org.users.items() if user["profile"]["login"].startswith("alice"))
    calls = {
        f"/api/v1/apps/{SCIM_APP_ID}/users": "100",
        f"/api/v1/groups/{test}/users": "500",
        f"/api/v1/groups/{test}": "1000",
        f"/api/v1/users/{alice}": "2000",
        f"/api/v1/users/{alice}/groups": "1200",
    }
    for path, size in calls.items():
        assert article.call("GET", path).headers["X-Rate-Limit-Limit"] == size, path
    article.call("GET", f"/api/v1/users/{alice}/groups")
    assert org.rate_limits.calls_by_bucket() == {
        "/api/v1/apps": 1, "/api/v1/groups": 1, "/api/v1/groups/{id}": 1, "/api/v1/users/{id}": 1, "/api/v1": 2,
    }  # fmt: skip


def test_an_org_made_with_its_own_table_keeps_okta_s_sizes_for_the_buckets_it_does_not_name() -> None:
    """For benchmarks: the per-minute windows are real time, so a run sets the sizes it wants when the org is
    made; a spent bucket answers 429 E0000047 as Okta does, and its refused calls are counted too."""
    org = article_org(EmulatedOrg(rate_limits=RateLimits(limits={"/api/v1/apps": 2})))
    for served in serve(org):
        answers = [served.call("GET", f"/api/v1/apps/{SCIM_APP_ID}/users") for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 429]
        assert answers[2].json()["errorCode"] == "E0000047"
        group = served.call("GET", f"/api/v1/groups/{group_named(served, 'Test')}")
        assert group.headers["X-Rate-Limit-Limit"] == "1000"
    assert org.rate_limits.calls_by_bucket() == {"/api/v1/apps": 3, "/api/v1/groups/{id}": 1}


def test_enforcing_okta_s_limits_after_a_lifted_start_begins_each_bucket_s_window_afresh() -> None:
    """bench/e2e_vs_handwritten.py builds a large org with the limits lifted, then measures a change at Okta's own:
    the calls made while lifted must not count against the first window at Okta's size."""
    from components.emulator.okta_errors import OktaError

    clock = [1_000.0]
    limits = RateLimits(limits=dict.fromkeys(DEFAULT_LIMITS, 1_000_000), clock=lambda: clock[0])
    for _ in range(150):
        limits.take("/api/v1/apps")
    limits.enforce(DEFAULT_LIMITS)
    for _ in range(100):
        limits.take("/api/v1/apps")
    with pytest.raises(OktaError):
        limits.take("/api/v1/apps")
    assert limits.calls_by_bucket()["/api/v1/apps"] == 251 and limits.refused_by_bucket() == {"/api/v1/apps": 1}
