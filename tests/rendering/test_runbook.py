"""The runbook: golden documents per stack, with and without stack outputs, and never a secret."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from pulumi.runtime.mocks import MockResourceArgs

from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs, load_stack_inputs
from components.offline.mocks import OfflineMocks
from components.rendering.runbook import runbook_context
from components.rendering.templates import render, render_runbook
from tests.conftest import article_stack, run_cli
from tests.golden_files import assert_golden
from tests.metadata_builder import PROJECT_ROOT

OUTPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "outputs-dev.json"


def shipped(stack: str) -> StackInputs:
    path = PROJECT_ROOT / f"Pulumi.{stack}.yaml"
    return load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)


def with_provisioning(inputs: StackInputs) -> StackInputs:
    """The same stack after the manual step: `scimApp.provisioningEnabled: true`."""
    scim_app = inputs.settings.scim_app.model_copy(update={"provisioning_enabled": True})
    return dataclasses.replace(inputs, settings=inputs.settings.model_copy(update={"scim_app": scim_app}))


cli = run_cli


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_golden_runbook_without_outputs(stack: str) -> None:
    result = cli("runbook", "--stack", stack)
    assert result.returncode == 0, result.stderr
    assert_golden(f"runbook-{stack}.md", result.stdout)


def test_golden_runbook_with_outputs() -> None:
    result = cli("runbook", "--stack", "dev", "--outputs", str(OUTPUTS.relative_to(PROJECT_ROOT)))
    assert result.returncode == 0, result.stderr
    assert_golden("runbook-dev-outputs.md", result.stdout)


@pytest.mark.parametrize("provisioning", [False, True])
def test_every_pulumi_command_the_runbook_prints_names_its_stack(provisioning: bool) -> None:
    """Issue 35, item 7: `pulumi stack output --json > outputs.json` without `--stack` reads whichever stack is
    selected, not the one the runbook is for."""
    import re

    inputs = shipped("prod")
    if provisioning:
        inputs = dataclasses.replace(
            inputs,
            settings=inputs.settings.model_copy(
                update={"scim_app": inputs.settings.scim_app.model_copy(update={"provisioning_enabled": True})}
            ),
        )
    text = render_runbook(inputs, "prod")
    commands = [c for c in re.findall(r"`(pulumi [^`<]+)`", text) if not c.startswith("pulumi up")]
    assert commands, text
    assert all("--stack prod" in command for command in commands), commands


def test_without_outputs_every_okta_value_is_a_placeholder_naming_its_command() -> None:
    text = render_runbook(shipped("prod"), "prod")
    for key in ("scimAppName", "idpSsoUrl", "idpEntityId", "idpMetadataUrl", "idpCertificate"):
        assert f"<run: pulumi stack output {key}>" in text
    assert "--outputs outputs.json" in text


def test_with_outputs_the_values_are_filled_in(write_stack) -> None:
    outputs = json.loads(OUTPUTS.read_text())
    text = render_runbook(with_provisioning(shipped("dev")), "dev", outputs)
    assert "<run:" not in text
    assert "/admin/app/cpc/acmedev_gainsightscimintegrationdev_1/oauth/callback" in text
    assert outputs["idpSsoUrl"] in text
    assert "-----BEGIN CERTIFICATE-----\n" + outputs["idpCertificate"][:64] + "\n" in text
    assert "not enabled under To App: Deactivate Users" in text


def test_the_article_values_in_the_runbook() -> None:
    text = render_runbook(shipped("dev"), "dev", json.loads(OUTPUTS.read_text()))
    tenant = "https://acme-dev.gainsightcloud.com"
    redirect = "https://system-admin.oktapreview.com/admin/app/cpc/acmedev_gainsightscimintegrationdev_1/oauth/callback"
    assert f"`{tenant}/v1/users/services/scim`" in text
    assert "`userName`" in text
    assert "Import New Users and Profile Updates; Push New Users; Push Profile Updates" in text
    assert f"`{tenant}/v1/users/oauth/access/token`" in text
    assert (
        f"`{tenant}/v1/authorize?clientId=3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10&redirectUri={redirect}&scopes=read_write`"
        in text
    )
    assert "**Authenticate with Gainsight SCIM Integration (dev)**" in text
    # Who authorizes: Gainsight's SCIM API creates, updates and patches for super admins only (design facts).
    authorize = text[text.index("Authenticate with") : text.index("4. **Save**")]
    assert "sign in to Gainsight **as a Gainsight Super Admin**" in authorize
    assert "every push is refused" in authorize and "`verify` reports them" in authorize
    assert f"| Callback URL | `{redirect}` |" in text
    for label in ("Create Users", "Update User Attributes", "Deactivate Users"):
        assert f"**{label}**" in text


@pytest.mark.parametrize("base_url", ["okta.com", "oktapreview.com", "okta-emea.com"])
def test_callback_host_follows_okta_base_url(write_stack, base_url: str) -> None:
    path = write_stack({"okta:baseUrl": base_url})
    inputs = load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)
    context = runbook_context(inputs, "t", {"scimAppName": "acme_gainsightscim_1"})
    expected = f"https://system-admin.{base_url}/admin/app/cpc/acme_gainsightscim_1/oauth/callback"
    assert context["redirect_uri"] == expected
    assert f"redirectUri={expected}&scopes=read_write" in context["authorize_url"]


def test_base_url_from_the_providers_environment_variable(write_stack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKTA_BASE_URL", "okta-emea.com")
    path = write_stack({"okta:baseUrl": None, "okta:orgName": None})
    inputs = load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)
    assert runbook_context(inputs, "t")["redirect_uri"].startswith("https://system-admin.okta-emea.com/")


def test_unknown_or_secret_outputs_stay_placeholders() -> None:
    text = render_runbook(shipped("dev"), "dev", {"scimAppName": "[secret]", "idpSsoUrl": "(known after apply)"})
    assert "<run: pulumi stack output scimAppName>" in text and "<run: pulumi stack output idpSsoUrl>" in text


def test_support_request_lists_each_field_with_its_gainsight_type() -> None:
    text = render_runbook(shipped("prod"), "prod")
    assert "| `IsSuperAdmin` | Boolean | true, false |" in text
    assert "| `LicenseType` | Picklist | Full, Viewer, Viewer_Analytics |" in text
    assert "| `Department` | Multi-Picklist | Support, Services, Engineering |" in text
    assert "urn:ietf:params:scim:schemas:extension:gainsight:2.0:User" in text


def test_next_step_says_what_the_second_up_adds() -> None:
    text = render_runbook(shipped("dev"), "dev")
    assert "set `provisioningEnabled: true` under `gainsight-okta:scimApp` in `Pulumi.dev.yaml`" in text
    assert "- 4 Profile Editor attribute(s)" in text
    assert "- the SCIM app's assignments of 3 group(s)" in text


def test_templates_fail_loudly_on_a_missing_value() -> None:
    context = runbook_context(shipped("dev"), "dev")
    del context["client_id"]
    with pytest.raises(UndefinedError):
        render("runbook.md.j2", context)


SECRET_TOKEN = "00aSECRETtokenVALUE1234567890"


def test_no_secret_config_value_appears_in_any_document(write_stack) -> None:
    from components.offline.plan import run_offline
    from components.offline.plan_text import render_plan_text

    path = write_stack(
        article_stack(
            **{
                "okta:apiToken": SECRET_TOKEN,  # stored in plain text by mistake
                "okta:privateKey": {"secure": "v1:ENCRYPTEDPRIVATEKEY"},
            }
        )
    )
    documents = []
    for command in (["runbook"], ["plan"], ["plan", "--json"], ["validate"], ["explain", "--groups", "Viewer"]):
        result = cli(*command, "--stack", "t", "--config", str(path))
        assert result.returncode == 0, result.stderr
        documents += [result.stdout, result.stderr]
    plan = run_offline("t", read_stack_file(path), path.name)
    documents.append(render_plan_text(plan.to_json(), plan.notices))
    documents.append(render_runbook(plan.inputs, "t", json.loads(OUTPUTS.read_text())))
    for document in documents:
        assert SECRET_TOKEN not in document
        assert "ENCRYPTEDPRIVATEKEY" not in document


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"scimAppName": 5}', "must be text"),
        ('{"provisioningCheck": {"status": "ok", "missing": []}}', "provisioningCheck.detail: is missing"),
        ('{"provisioningCheck": {"status": "fine", "missing": [], "detail": ""}}', "provisioningCheck.status"),
    ],
)
def test_bad_outputs_file_is_one_error_line(tmp_path: Path, content: str, fragment: str) -> None:
    outputs = tmp_path / "outputs.json"
    outputs.write_text(content)
    result = cli("runbook", "--stack", "dev", "--outputs", str(outputs))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {outputs}") and fragment in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_missing_outputs_file(tmp_path: Path) -> None:
    result = cli("runbook", "--stack", "dev", "--outputs", str(tmp_path / "none.json"))
    assert result.returncode == 2 and "pulumi stack output --json" in result.stderr


class OktaAnswers(OfflineMocks):
    """Mocks that answer like Okta after `pulumi up`: the SAML apps get their computed outputs."""

    def new_resource(self, args: MockResourceArgs):
        resource_id, state = super().new_resource(args)
        if args.typ == "okta:app/saml:Saml":
            app = "acme_" + args.name.replace("-", "") + "_1"
            state |= {
                "name": app,
                "httpPostBinding": f"https://acme.okta.com/app/{app}/exk1/sso/saml",
                "entityUrl": "http://www.okta.com/exk1",
                "metadataUrl": "https://acme.okta.com/app/exk1/sso/saml/metadata",
                "certificate": "MIIB" + "A" * 60,
            }
        return resource_id, state


def test_runbook_stack_output_has_the_real_values(write_stack) -> None:
    from components.offline.plan import run_offline

    path = write_stack(article_stack(provisioning=False) | {"okta:baseUrl": "okta.com"})
    plan = run_offline("t", read_stack_file(path), path.name, OktaAnswers())
    runbook = plan.recording.stack_outputs["runbook"]
    assert runbook.startswith("# Gainsight and Okta: manual steps for stack `t`")
    assert "https://system-admin.okta.com/admin/app/cpc/acme_gainsightscim_1/oauth/callback" in runbook
    assert "https://acme.okta.com/app/acme_gainsightsso_1/exk1/sso/saml" in runbook
    assert "<run:" not in runbook
    # The same templates as the command line, given the same values.
    outputs = {key: plan.recording.stack_outputs[key] for key in ("scimAppName", "idpSsoUrl", "idpCertificate")}
    assert runbook == render_runbook(plan.inputs, "t", plan.recording.stack_outputs | outputs)


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_steps_never_refer_forward(stack: str) -> None:
    """A person following the runbook top to bottom never needs a value from a later step."""
    text = render_runbook(shipped(stack), stack)
    sections = re.split(r"^## (\d+)\. ", text, flags=re.MULTILINE)[1:]
    numbers = [int(number) for number in sections[0::2]]
    assert numbers == list(range(1, len(numbers) + 1))
    for number, body in zip(numbers, sections[1::2], strict=True):
        for mentioned in re.findall(r"steps? (\d+)", body):
            assert int(mentioned) <= number, f"step {number} refers to step {mentioned}"


def test_the_gainsight_values_come_before_the_okta_step_that_needs_them() -> None:
    text = render_runbook(shipped("dev"), "dev")
    callback = text.index("Callback URL")  # the OAuth application, which yields the Client ID and Secret
    assert callback < text.index("Authorization Endpoint URI") < text.index("Authenticate with")


def test_without_a_client_id_the_runbook_says_where_it_comes_from(write_stack) -> None:
    path = write_stack({"gainsight-okta:oauthClientId": None})
    inputs = load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)
    text = render_runbook(inputs, "test")
    assert "Create the application" in text
    assert "Set the Client ID in `Pulumi.test.yaml` as `gainsight-okta:oauthClientId`" in text
    assert "clientId=<Client ID of the Gainsight OAuth application, from step 2>" in text
    assert "None" not in text


def test_a_rotation_under_way_renders_the_hand_off(write_stack) -> None:
    path = write_stack({"gainsight-okta:samlApp": {"signingKeyId": "kid-new"}})
    inputs = load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)
    outputs = {"idpSigningKeyId": "kid-old", "idpNextCertificate": json.loads(OUTPUTS.read_text())["idpCertificate"]}
    text = render_runbook(inputs, "test", outputs)
    assert "## IdP signing certificate rotation" in text
    assert "names the key **kid-new**; the SSO app signs with\n`kid-old`" in text
    assert "-----BEGIN CERTIFICATE-----\n" + outputs["idpNextCertificate"][:64] in text
    assert "rotate-key switch --stack\ntest --confirm" in text
    done = render_runbook(inputs, "test", {**outputs, "idpSigningKeyId": "kid-new"})
    assert "## IdP signing certificate rotation" not in done  # switched: nothing left to hand off
