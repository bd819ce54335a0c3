"""Issue 33, item 2: a fresh stack at Okta's default rate limits (the Workforce column of Okta's management rate
limits: `/api/v1/apps*` 100 a minute, components/emulator/rate_limits.py), big enough to hit the apps bucket: 20
groups on both apps. The okta provider runs with the stack file's settings (`okta:maxApiCapacity` 50, backoff,
5 retries); reached through `okta:httpProxy`, only the retries are in effect (its Okta SDK replaces the client
that carries the others: docs/api-cost.md, "At Okta's own limits"): it waits for the bucket's reset and never
fails for a 429. The scenario ends with a clean
refreshed preview; what it took and how many 429s Okta answered are written to E2E_RESULTS (a folder, when set)
for docs/api-cost.md."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from components.emulator.rate_limits import DEFAULT_LIMITS

from .api_cost import calls, stack_config
from .conftest import Engine
from .steps import manual_step, provisioning

GROUPS = 20


def test_a_fresh_stack_of_20_groups_at_okta_s_default_limits(engine: Engine, tmp_path: Path) -> None:
    engine.org.state.rate_limits.limits = dict(DEFAULT_LIMITS)
    config = stack_config(engine, "dev", GROUPS)
    provisioning(config, False)
    engine.write_stack("dev", config)
    engine.pulumi.init("dev")
    started = time.monotonic()
    engine.pulumi.up("dev")
    manual_step(engine, "dev")
    engine.edit("dev", lambda c: provisioning(c, True))
    engine.pulumi.up("dev")
    engine.pulumi.assert_no_changes("dev")
    took = time.monotonic() - started
    scim = engine.pulumi.outputs("dev")["scimAppId"]
    assert len(engine.org.state.app_groups[scim]) == GROUPS
    apps = calls(engine).get("/api/v1/apps", 0)
    assert apps > DEFAULT_LIMITS["/api/v1/apps"], f"only {apps} calls on the apps bucket: the limit was never hit"
    assert engine.org.state.overlaps == []
    measured = {
        "groups": GROUPS,
        "seconds": round(took),
        "appsBucketCalls": apps,
        "429s": engine.org.state.rate_limits.refused_by_bucket(),
    }
    results = Path(os.environ.get("E2E_RESULTS") or tmp_path)
    results.mkdir(parents=True, exist_ok=True)
    (results / "rate-limits.json").write_text(json.dumps(measured))
    print(measured)
