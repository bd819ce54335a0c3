"""Scenario 8: the IdP key rotation's phases (generate, hand-off, switch, rollback) with the real provider: the
SSO app is never replaced, and the refreshed preview is clean after every phase (docs/key-rotation.md)."""

from __future__ import annotations

import json

from .conftest import Engine
from .engine import gainsight_okta
from .steps import first_up
from .workflows import deploy_workflow


def rotate(engine: Engine, *args: str) -> str:
    run = gainsight_okta(
        "rotate-key",
        *args,
        "--stack",
        "dev",
        "--config",
        str(engine.project.stack_file("dev")),
        "--outputs",
        str(engine.pulumi.outputs_file("dev")),
        "--okta-url",
        engine.org.url,
        cwd=engine.project.root,
        env=engine.pulumi.env,
    )
    assert run.code == 0, run.output
    return run.stdout


def signing_key(engine: Engine, app_id: str) -> str:
    return str(engine.org.state.apps[app_id]["credentials"]["signing"]["kid"])


def name_key(engine: Engine, kid: str) -> None:
    engine.edit("dev", lambda config: config["gainsight-okta:samlApp"].update(signingKeyId=kid))


def test_every_phase_keeps_the_sso_app_and_a_clean_preview(engine: Engine) -> None:
    first_up(engine, "dev")
    sso = engine.pulumi.outputs("dev")["ssoAppId"]
    old_kid = signing_key(engine, sso)

    rotate(engine, "generate", "--years", "2", "--confirm")  # 1. a new key; the app keeps signing with the old
    status = json.loads(rotate(engine, "status", "--json"))
    new_kid = next(key["kid"] for key in status["keys"] if key["kid"] != old_kid)
    assert signing_key(engine, sso) == old_kid
    engine.pulumi.assert_no_changes("dev")

    name_key(engine, new_kid)  # 2. hand-off: the stack names the key; the runbook carries its certificate
    engine.pulumi.up("dev")
    assert engine.pulumi.outputs("dev")["idpNextCertificate"].startswith("MII")
    assert "BEGIN CERTIFICATE" in rotate(engine, "handoff")
    assert signing_key(engine, sso) == old_kid
    engine.pulumi.assert_no_changes("dev")

    code, findings = deploy_workflow(engine, "dev")  # 3. switch: the deploy's rotate-key step, then verify
    assert code == 0, findings
    assert signing_key(engine, sso) == new_kid
    engine.pulumi.assert_no_changes("dev")

    name_key(engine, old_kid)  # rollback: a reviewed change back to the old kid, then the deploy's switch
    code, findings = deploy_workflow(engine, "dev")
    assert code == 0, findings
    assert signing_key(engine, sso) == old_kid
    engine.pulumi.assert_no_changes("dev")

    # Through every phase one SSO app: never replaced, so Gainsight's SAML connection kept working.
    assert list(engine.org.state.apps).count(sso) == 1 and sso == engine.pulumi.outputs("dev")["ssoAppId"]
    deletes = [
        path for method, path in engine.org.state.requests if method == "DELETE" and path.startswith("/api/v1/apps/")
    ]
    assert not [path for path in deletes if path.rstrip("/").split("/")[-1] == sso]
