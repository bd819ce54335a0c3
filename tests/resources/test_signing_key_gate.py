"""The signing-key gate (resources/signing_key_gate.py): a run never sends the SSO app another key than the one the
stack names, or, before it names one, the one the app signs with.

The provider's `buildSamlApp` (resource_okta_app_saml.go) sends `credentials.signing.kid` from the resource's state
with every update (`if id, ok := d.GetOk("key_id")`), and `key_id` is computed. The state is read with the engine's
builtin `readStackResourceOutputs`; the app as Okta has it with `okta.app.get_saml(id=…)` (`key_id` from
`credentials.signing.kid`, data_source_okta_app_saml.go). e2e/test_key_rotation.py runs the same on the real engine.
"""

from __future__ import annotations

from typing import Any

import pulumi
import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.previous_run import READ_STACK_RESOURCE_OUTPUTS
from components.resources.provider_facts import SAML_APP, SAML_APP_LOOKUP
from components.resources.saml_app import SAML_APP_INPUTS
from tests.conftest import article_stack, resource

SSO_ID = "0oa1sso2gainsight3x4"
OLD, NEW = "kid-old", "kid-new"
URN = "urn:pulumi:test::gainsight-okta::gainsight-okta:index:GainsightOkta$okta:app/saml:Saml::gainsight-sso"


class Org(OfflineMocks):
    """The stack's saved state holds `state_kid` for the SSO app; Okta's app signs with `live_kid`."""

    def __init__(self, state_kid: str | None, live_kid: str = OLD, live_error: str | None = None) -> None:
        super().__init__()
        self.state_kid, self.live_kid, self.live_error = state_kid, live_kid, live_error
        self.live_reads = 0

    def call(self, args: MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        if args.token == READ_STACK_RESOURCE_OUTPUTS:
            resources = {}
            if self.state_kid is not None:
                resources[URN] = {"type": SAML_APP, "outputs": {"id": SSO_ID, "keyId": self.state_kid, "label": "x"}}
                # Another app of the stack, which must not be taken for the SSO app.
                other = URN.replace("gainsight-sso", "gainsight-scim")
                resources[other] = {"type": SAML_APP, "outputs": {"id": "0oascim", "keyId": "kid-scim"}}
            return {"name": args.args["stackName"], "outputs": resources}, []
        if args.token == SAML_APP_LOOKUP and args.args.get("id") == SSO_ID:
            self.live_reads += 1
            if self.live_error:
                return {}, [("id", self.live_error)]
            return {"id": SSO_ID, "keyId": self.live_kid}, []
        return super().call(args)


def planned(write_stack, org: Org, *, named: str | None = None, up: bool = False, monkeypatch=None) -> dict:
    saml_app = {"signingKeyId": named} if named else {}
    path = write_stack(article_stack(provisioning=False, **{"gainsight-okta:samlApp": saml_app}))
    if up:  # the update of `pulumi up` (not its preview)
        monkeypatch.setattr(pulumi.runtime, "is_dry_run", lambda: False)
    result = run_offline("test", read_stack_file(path), path.name, org)
    return {**result.to_json(), "notices": result.notices}


def camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


HELD = [camel(name) for name in SAML_APP_INPUTS]  # as the engine gets them (the SDK translates)


def sso_ignores(plan: dict) -> list[str]:
    return resource(plan, "gainsight-sso")["options"]["ignoreChanges"]


def test_a_state_that_agrees_with_okta_changes_nothing(write_stack) -> None:
    org = Org(state_kid=OLD, live_kid=OLD)
    plan = planned(write_stack, org)
    assert org.live_reads == 1
    assert sso_ignores(plan) == []
    assert not [notice for notice in plan["notices"] if "signingKeyId" in notice or "refresh" in notice]


def test_a_first_run_reads_nothing_live(write_stack) -> None:
    org = Org(state_kid=None)
    planned(write_stack, org)
    assert org.live_reads == 0


def test_a_stale_state_refuses_the_up_in_one_line(write_stack, monkeypatch) -> None:
    """The switch was made since the last refresh: an update would send OLD back."""
    with pytest.raises(InputError) as refused:
        planned(write_stack, Org(state_kid=OLD, live_kid=NEW), named=NEW, up=True, monkeypatch=monkeypatch)
    line = refused.value.line()
    assert line.startswith("error: Pulumi.test.yaml: gainsight-okta:samlApp.signingKeyId: the SSO app")
    assert f"signs with key {NEW} in Okta, but this stack's state still holds {OLD}" in line
    assert "`pulumi refresh --stack test`" in line and line.endswith("nothing was changed")


def test_a_stale_state_also_refuses_before_a_key_is_named(write_stack, monkeypatch) -> None:
    """A switch made by hand in the Admin Console, signingKeyId never set: the key to keep is the app's."""
    with pytest.raises(InputError):
        planned(write_stack, Org(state_kid=OLD, live_kid=NEW), up=True, monkeypatch=monkeypatch)


def test_a_stale_state_warns_in_a_preview(write_stack) -> None:
    """A pull request's preview still runs; it says what the `up` will do."""
    plan = planned(write_stack, Org(state_kid=OLD, live_kid=NEW), named=NEW)
    warned = [notice for notice in plan["notices"] if "`pulumi up` will refuse this stack" in notice]
    assert len(warned) == 1 and "`pulumi refresh --stack test`" in warned[0], plan["notices"]


def test_a_named_key_not_switched_to_yet_holds_the_sso_app_back(write_stack) -> None:
    """The hand-off, before `rotate-key switch`: an update would send OLD, which the stack no longer names. Every
    input of the SSO app is ignored, so no update is sent; the rest of the stack deploys."""
    plan = planned(write_stack, Org(state_kid=OLD, live_kid=OLD), named=NEW)
    assert sso_ignores(plan) == HELD
    assert resource(plan, "gainsight-scim")["options"]["ignoreChanges"] == []
    held = [notice for notice in plan["notices"] if "held back until the switch" in notice]
    assert len(held) == 1 and "rotate-key switch --stack test --confirm" in held[0], plan["notices"]


def test_every_input_the_program_gives_the_sso_app_is_held_back(write_stack) -> None:
    """A new input of the SAML apps that is not in SAML_APP_INPUTS would still be sent while held back."""
    plan = planned(write_stack, Org(state_kid=OLD, live_kid=OLD), named=NEW)
    declared = set(resource(plan, "gainsight-sso")["inputs"])
    assert declared - set(HELD) == set()


def test_an_app_gone_from_okta_is_left_to_the_engine(write_stack) -> None:
    org = Org(
        state_kid=OLD, live_error="failed get app by ID: the API returned an error: Not found: Resource not found"
    )
    plan = planned(write_stack, org)
    assert org.live_reads == 1 and sso_ignores(plan) == []


def test_a_failed_read_of_the_app_is_one_line(write_stack) -> None:
    org = Org(state_kid=OLD, live_error="failed get app by ID: Get http://127.0.0.1:1/api/v1/apps: connection refused")
    with pytest.raises(InputError) as refused:
        planned(write_stack, org)
    assert "is read from Okta first, to know which key it signs with, and that failed" in refused.value.line()


def test_the_offline_plan_takes_the_last_runs_key_as_okta_s(write_stack) -> None:
    """Offline (`plan --previous-outputs`), the last run's `idpSigningKeyId` stands for the state and Okta alike:
    a stack that names another key warns as the preview will."""
    path = write_stack(article_stack(provisioning=False, **{"gainsight-okta:samlApp": {"signingKeyId": NEW}}))
    mocks = OfflineMocks(previous_outputs={"ssoAppId": SSO_ID, "idpSigningKeyId": OLD})
    result = run_offline("test", read_stack_file(path), path.name, mocks)
    assert any("held back until the switch" in notice for notice in result.notices), result.notices
    assert sso_ignores(result.to_json()) == HELD
