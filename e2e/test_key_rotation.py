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


def generated(engine: Engine, old_kid: str) -> str:
    """`rotate-key generate --confirm`: the new key's kid."""
    rotate(engine, "generate", "--years", "2", "--confirm")
    return next(key["kid"] for key in json.loads(rotate(engine, "status", "--json"))["keys"] if key["kid"] != old_kid)


def requests_to(engine: Engine, method: str, app_id: str) -> int:
    return sum(1 for m, path in engine.org.state.requests if m == method and path == f"/api/v1/apps/{app_id}")


def relabel(engine: Engine, label: str) -> None:
    engine.edit("dev", lambda config: config["gainsight-okta:samlApp"].update(label=label))


def test_a_local_up_never_switches_the_key_back(engine: Engine) -> None:
    """Issue 32, as a person does it: switch with `rotate-key`, then a reviewed change of the SSO app deployed with a
    plain `pulumi up` (no `--refresh`). Before the signing-key gate, that `up` sent the state's old kid and every
    sign-in to Gainsight failed."""
    first_up(engine, "dev")
    sso = engine.pulumi.outputs("dev")["ssoAppId"]
    old_kid = signing_key(engine, sso)
    new_kid = generated(engine, old_kid)
    name_key(engine, new_kid)
    switched = rotate(engine, "switch", "--confirm")
    assert signing_key(engine, sso) == new_kid
    assert "pulumi refresh --stack dev" in switched  # the switch says what the state needs next

    relabel(engine, "Gainsight (dev, renamed)")
    puts = requests_to(engine, "PUT", sso)
    preview = engine.pulumi.run("preview", "--stack", "dev")  # preview then up: the preview says the up will refuse
    assert "`pulumi up` will refuse this stack" in preview.output and new_kid in preview.output
    refused = engine.pulumi.up("dev", ok=(255, 1))
    errors = [line for line in refused.output.splitlines() if "error:" in line]
    assert any("pulumi refresh --stack dev" in line and "nothing was changed" in line for line in errors), errors
    assert "Traceback" not in refused.output
    refused_with_preview = engine.pulumi.run("up", "--stack", "dev", "--yes", ok=(255, 1))  # the preview runs first
    assert "pulumi refresh --stack dev" in refused_with_preview.output
    assert requests_to(engine, "PUT", sso) == puts  # nothing was sent to the app
    assert signing_key(engine, sso) == new_kid and engine.org.state.apps[sso]["label"] != "Gainsight (dev, renamed)"

    # `up --refresh` is refused too: its refresh reaches the checkpoint only when the run ends, after the program
    # read the state (the engine elides refresh steps: pkg/backend/snapshot.go). Safe, and the line says why.
    engine.pulumi.up("dev", "--refresh", ok=(255, 1))
    assert requests_to(engine, "PUT", sso) == puts
    engine.pulumi.run("refresh", "--yes", "--skip-preview", "--stack", "dev")  # what the refusal says
    engine.pulumi.up("dev")  # then the same change
    assert engine.org.state.apps[sso]["label"] == "Gainsight (dev, renamed)"
    assert signing_key(engine, sso) == new_kid
    engine.pulumi.assert_no_changes("dev")

    # Rollback, by hand: the stack names the old key again before anyone switched. The SSO app's changes wait for
    # the switch (an update would send the new key, which the stack no longer names); everything else deploys.
    name_key(engine, old_kid)
    relabel(engine, "Gainsight (dev)")
    held = engine.pulumi.up("dev")
    assert "held back until the switch" in held.output and "rotate-key switch --stack dev --confirm" in held.output
    assert signing_key(engine, sso) == new_kid and engine.org.state.apps[sso]["label"] == "Gainsight (dev, renamed)"
    rotate(engine, "switch", "--confirm")
    assert signing_key(engine, sso) == old_kid
    engine.pulumi.up("dev", ok=(255, 1))  # the state holds the new key now: refused again, until a refresh
    assert signing_key(engine, sso) == old_kid
    engine.pulumi.run("refresh", "--yes", "--skip-preview", "--stack", "dev")
    engine.pulumi.up("dev")
    assert engine.org.state.apps[sso]["label"] == "Gainsight (dev)" and signing_key(engine, sso) == old_kid
    engine.pulumi.assert_no_changes("dev")


def test_a_restored_state_never_switches_the_key_back(engine: Engine) -> None:
    """A state rolled back by hand (`pulumi stack import` of an export from before the switch, as after a bad
    deploy): the provider would send the export's kid; the program refuses until a refresh."""
    first_up(engine, "dev")
    sso = engine.pulumi.outputs("dev")["ssoAppId"]
    old_kid = signing_key(engine, sso)
    exported = engine.project.root / "before.json"
    exported.write_text(json.dumps(engine.pulumi.export("dev")))
    new_kid = generated(engine, old_kid)
    name_key(engine, new_kid)
    code, findings = deploy_workflow(engine, "dev")  # the reviewed switch, then the deploy's refresh and up
    assert code == 0, findings
    assert signing_key(engine, sso) == new_kid
    engine.pulumi.run("stack", "import", "--stack", "dev", "--file", str(exported))

    relabel(engine, "Gainsight (dev, renamed)")
    engine.pulumi.up("dev", ok=(255, 1))
    assert signing_key(engine, sso) == new_kid
    code, findings = deploy_workflow(engine, "dev")  # the deploy refreshes before its `up`
    assert code == 0, findings
    assert signing_key(engine, sso) == new_kid and engine.org.state.apps[sso]["label"] == "Gainsight (dev, renamed)"
