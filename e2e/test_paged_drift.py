"""Issue 36, item 5: a user's `pulumi preview --refresh` reads every group assignment one by one (the engine
refreshes each resource by itself, and the okta provider reads a `GroupAssignment` with one
`GET /api/v1/apps/{app}/groups/{group}`). Per-group drift stays visible at O(groups / page) calls on the
`/api/v1/apps*` bucket: the refreshed preview without the per-group assignments (the app's watcher lists them, 200
a page), then `verify`, which lists them too and names each group whose priority or values differ."""

from __future__ import annotations

from typing import Any

from tests.newcomer.shown_blocks import Session, shown_block

from .api_cost import stack_config
from .conftest import Engine
from .steps import deployed_from

GROUPS = 30
STACK = "prod"  # the stack docs/api-cost.md's block names
BLOCK = (
    "docs/api-cost.md: pulumi preview --stack prod --refresh --exclude **okta:app/groupAssignment:GroupAssignment::**"
)


def _apps_bucket_reads(engine: Engine, since: int) -> tuple[int, int]:
    """(assignment GETs one by one, all GETs on the /api/v1/apps* bucket) since request `since`."""
    paths = [p.split("?")[0] for m, p in engine.org.state.requests[since:] if m == "GET"]
    one_by_one = [p for p in paths if p.startswith("/api/v1/apps/") and p.count("/") == 6 and "/groups/" in p]
    listing = [p for p in paths if p.startswith("/api/v1/apps/") and p.count("/") >= 5]
    return len(one_by_one), len(listing)


def _hand_change(engine: Engine, scim: str, group: str, license_type: str) -> None:
    gid = engine.org.group_id(group)
    current: dict[str, Any] = engine.org.control("GET", f"/api/v1/apps/{scim}/groups/{gid}")
    body = {"priority": current["priority"], "profile": {**current["profile"], "LicenseType": license_type}}
    engine.org.control("PUT", f"/api/v1/apps/{scim}/groups/{gid}", body)


def test_drift_per_group_is_seen_without_reading_each_assignment(engine: Engine) -> None:
    pulumi = engine.pulumi
    config = stack_config(engine, STACK, GROUPS)
    deployed_from(engine, STACK, config)
    scim = pulumi.outputs(STACK)["scimAppId"]
    changed = config["gainsight-okta:groups"][7]["name"]
    _hand_change(engine, scim, changed, "Viewer_Analytics")  # group 7 sets Viewer (api_cost.stack_config)

    # What a user runs by default: every assignment read by itself, twice per group (both apps).
    since = len(engine.org.state.requests)
    full = pulumi.run("preview", "--stack", STACK, "--json", "--refresh", "--expect-no-changes", ok=())
    one_by_one, _ = _apps_bucket_reads(engine, since)
    assert full.code != 0 and one_by_one >= 2 * GROUPS, (full.code, one_by_one)

    # The paged way, as docs/api-cost.md prints it: no assignment read by itself, and `verify` names the group.
    since = len(engine.org.state.requests)
    session = Session(shown_block(BLOCK), engine.project.root, dict(pulumi.env))
    paged, verify = (session.run(line) for line in session.runnable)
    session.done()
    assert paged.returncode == 0, paged.stdout[-3000:] + paged.stderr[-3000:]
    one_by_one, listed = _apps_bucket_reads(engine, since)
    assert one_by_one == 0, one_by_one
    assert listed < GROUPS, listed  # pages and per-app reads, not one per group
    assert verify.returncode == 1, verify.stdout + verify.stderr
    assert f"group {changed!r}" in verify.stdout and "LicenseType" in verify.stdout, verify.stdout
