"""Issue 32, item 6: a 500 on an assignment's update. The okta provider does not retry a 500 (okta/api/api.go
checkRetry: "don't retry on internal server errors"), and Okta answers E0000009 to overlapping writes to one
app's assignments even at -parallelism=1 (#1373). What a deploy does then, measured here: the `up` fails naming
the assignment; Okta keeps the old value; the state keeps the old inputs (its outputs already hold the new value),
so the next preview shows that one update and the next `up` sends it again and mends it."""

from __future__ import annotations

from typing import Any

from .conftest import Engine
from .engine import changes
from .steps import deployed_with_provisioning

GROUP = "Gainsight Viewers (dev)"


def relicense(config: dict[str, Any]) -> None:
    for group in config["gainsight-okta:groups"]:
        if group["name"] == GROUP:
            group["profile"]["LicenseType"] = "Viewer_Analytics"


def test_a_500_on_an_update_fails_the_up_and_the_next_up_mends_it(engine: Engine) -> None:
    deployed_with_provisioning(engine, "dev")
    scim = engine.pulumi.outputs("dev")["scimAppId"]
    group_id = engine.org.group_id(GROUP)
    priorities = {a["id"]: a["priority"] for a in engine.org.state.app_groups[scim]}

    def live() -> Any:
        return next(a for a in engine.org.state.app_groups[scim] if a["id"] == group_id)["profile"]["LicenseType"]

    engine.edit("dev", relicense)
    engine.org.state.fail[f"/api/v1/apps/{scim}/groups/{group_id}"] = 1  # one 500 E0000009, then Okta again
    failed = engine.pulumi.up("dev", ok=(255, 1))
    assert "failed to update application group assignment" in failed.output and "Internal Server Error" in failed.output
    assert f"assignment-{GROUP}" in failed.output
    assert live() == "Viewer"  # Okta did nothing

    steps = changes(engine.pulumi.preview("dev"))
    assert steps == [(op, urn) for op, urn in steps if urn.endswith(f"gainsight-scim-assignment-{GROUP}")] != []
    engine.pulumi.up("dev")  # the next `up` sends it again
    assert live() == "Viewer_Analytics"
    assert {a["id"]: a["priority"] for a in engine.org.state.app_groups[scim]} == priorities
    assert engine.org.state.collisions == []
    engine.pulumi.assert_no_changes("dev")
