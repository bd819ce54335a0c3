"""Scenario 7 (provider #655): an update of the SCIM app with provisioning on. The okta provider sends the whole
app without its provisioning; Okta then drops it. The SCIM app is frozen unless `scimApp.allowUpdate` is true, and
when it is, the deploy workflow's last step (`verify`) fails on what Okta now holds."""

from __future__ import annotations

from .conftest import Engine
from .steps import deployed_with_provisioning
from .workflows import deploy_workflow


def test_a_frozen_scim_app_is_not_updated(engine: Engine) -> None:
    deployed_with_provisioning(engine, "dev")
    engine.edit("dev", lambda config: config["gainsight-okta:scimApp"].update(label="Gainsight SCIM (dev, renamed)"))
    code, findings = deploy_workflow(engine, "dev")
    assert code == 0, findings
    assert engine.org.state.provisioning_resets == []  # no PUT of the app reached Okta


def test_an_allowed_update_that_resets_provisioning_fails_the_deploy(engine: Engine) -> None:
    deployed_with_provisioning(engine, "dev")
    scim = engine.pulumi.outputs("dev")["scimAppId"]

    def rename(config: dict) -> None:
        config["gainsight-okta:scimApp"].update(label="Gainsight SCIM (dev, renamed)", allowUpdate=True)

    engine.edit("dev", rename)
    code, findings = deploy_workflow(engine, "dev")
    assert engine.org.state.provisioning_resets == [scim]  # the emulator, as Okta did in #655
    assert code == 1 and "Provisioning" in findings, findings
    # The next run believes Okta, not the stack file: the SCIM side is not declared on a lost provisioning.
    refused = engine.pulumi.up("dev", ok=(255, 1))
    assert "does not provision yet" in refused.output
