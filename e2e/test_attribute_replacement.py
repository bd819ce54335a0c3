"""Issue 32, item 1: a replaced attribute that cannot come back. Okta refuses to create an app user schema property
while the clean-up after the deletion of one with the same name runs (provider #587, #1974, #1972); the provider
retries that for 10 s within 30 s. The e2e org's clean-up takes two minutes (conftest.SCHEMA_CLEANUP_SECONDS), so
a replacement in one `up` would end with the attribute gone. The program refuses it before anything is sent, and
the two deploys it names end right, once Okta's clean-up is over (too early, the second fails with Okta's words)."""

from __future__ import annotations

from typing import Any

from .conftest import Engine
from .steps import deployed_with_provisioning

REGION = {"name": "Region", "type": "string", "enum": ["EU", "US"]}


def attributes(config: dict[str, Any], *extra: dict[str, Any]) -> None:
    kept = [a for a in config["gainsight-okta:attributes"] if a["name"] != "Region"]
    config["gainsight-okta:attributes"] = [*kept, *extra]


def schema_posts(engine: Engine, app_id: str) -> int:
    path = f"/api/v1/meta/schemas/apps/{app_id}/default"
    return sum(1 for method, p in engine.org.state.requests if method == "POST" and p == path)


def test_a_type_change_is_refused_and_the_two_deploys_end_right(engine: Engine) -> None:
    deployed_with_provisioning(engine, "dev")
    engine.edit("dev", lambda config: attributes(config, REGION))
    engine.pulumi.up("dev")
    scim = engine.pulumi.outputs("dev")["scimAppId"]
    assert engine.org.state.schemas[scim]["Region"]["type"] == "string"

    engine.edit("dev", lambda config: attributes(config, {**REGION, "type": "array"}))
    posts = schema_posts(engine, scim)
    preview = engine.pulumi.run("preview", "--stack", "dev")
    assert "`pulumi up` will refuse this stack" in preview.output and "two deploys" in preview.output
    refused = engine.pulumi.up("dev", ok=(255, 1))
    # The engine shows the program's one line in its diagnostics and again in the summary.
    errors = {line.strip() for line in refused.output.splitlines() if line.strip().startswith("error: Pulumi.dev.yaml")}
    assert len(errors) == 1 and "attributes[4]: changing attribute 'Region' (type string -> array" in errors.pop()
    assert "Traceback" not in refused.output
    assert schema_posts(engine, scim) == posts  # nothing was sent
    assert engine.org.state.schemas[scim]["Region"]["type"] == "string"

    engine.edit("dev", lambda config: attributes(config))  # 1. remove it
    engine.pulumi.up("dev")
    assert "Region" not in engine.org.state.schemas[scim] and "Region" in engine.org.state.deleting[scim]
    # Added back at once, the provider's create meets Okta's clean-up: it retries for 30 s, then the `up` fails with
    # Okta's words (what a replacement in one `up` would have met after deleting the attribute).
    engine.edit("dev", lambda config: attributes(config, {**REGION, "type": "array"}))  # 2. add it back, changed
    early = engine.pulumi.up("dev", ok=(255, 1))
    assert "deletion process for an attribute with the same variable name is incomplete" in early.output
    assert "Region" not in engine.org.state.schemas[scim]
    engine.org.control("POST", f"/_emulator/apps/{scim}/schema-cleanup")  # a few minutes later: Okta is done
    engine.pulumi.up("dev")
    assert engine.org.state.schemas[scim]["Region"]["type"] == "array"
    engine.pulumi.assert_no_changes("dev")
