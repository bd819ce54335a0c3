"""Scenarios 1 and 2: a stack from an empty org to provisioning users, with a clean refreshed preview after
every `up`, through the real engine, language host and okta provider; and provisioning switched on too early."""

from __future__ import annotations

import pytest

from .conftest import Engine
from .steps import first_up, manual_step, provisioning
from .workflows import tool, verify_args


def verify(engine: Engine, stack: str) -> int:
    return tool(engine, "verify", *verify_args(engine, stack))[0]


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_a_fresh_stack_to_provisioning(engine: Engine, stack: str) -> None:
    first_up(engine, stack)
    engine.pulumi.assert_no_changes(stack)
    outputs = engine.pulumi.outputs(stack)
    sso, scim = engine.org.state.apps[outputs["ssoAppId"]], engine.org.state.apps[outputs["scimAppId"]]
    assert sso["signOnMode"] == scim["signOnMode"] == "SAML_2_0"
    assert scim["visibility"]["hide"] == {"iOS": True, "web": True}
    assert not engine.org.state.schemas.get(outputs["scimAppId"])  # attributes wait for the manual step

    manual_step(engine, stack)
    engine.edit(stack, lambda config: provisioning(config, True))
    engine.pulumi.up(stack)
    engine.pulumi.assert_no_changes(stack)
    attributes = engine.org.state.schemas[outputs["scimAppId"]]
    assert {"IsSuperAdmin", "LicenseType"} <= set(attributes)
    assert engine.org.state.app_groups[outputs["scimAppId"]]
    assert engine.org.state.provisioning_resets == []
    assert engine.pulumi.outputs(stack)["provisioningCheck"]["status"] == "ok"
    assert verify(engine, stack) == 0


def test_provisioning_on_before_the_app_exists_writes_nothing(engine: Engine) -> None:
    engine.write_stack("prod", engine.repository_stack("prod"))  # the repository's prod says provisioning is on
    engine.pulumi.init("prod")
    refused = engine.pulumi.up("prod", ok=(255, 1))
    line = "error: Pulumi.prod.yaml: gainsight-okta:scimApp.provisioningEnabled: is true, but Okta has no SCIM app"
    assert line in refused.output and "error: error:" not in refused.output
    assert "step 3 of the runbook" in refused.output and "Traceback" not in refused.output
    assert engine.org.state.apps == {}


def test_provisioning_on_before_the_manual_step_writes_nothing(engine: Engine) -> None:
    first_up(engine, "dev")
    scim = engine.pulumi.outputs("dev")["scimAppId"]
    writes = len([r for r in engine.org.state.requests if r[0] != "GET"])
    engine.edit("dev", lambda config: provisioning(config, True))
    refused = engine.pulumi.up("dev", ok=(255, 1))
    assert "does not provision yet: Provisioning > To App lacks Create Users" in refused.output
    assert len([r for r in engine.org.state.requests if r[0] != "GET"]) == writes
    assert not engine.org.state.schemas.get(scim)
