"""`GainsightOkta` as another program uses it: a Python program that imports the class, and the component
package's provider that serves YAML and TypeScript programs. Run under Pulumi's mocks (the e2e runs all three
languages on the real engine): the same resources as the repository's program, its outputs registered on the
component (so the next run finds its priorities with no export), and a refusal as one line."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest
from pulumi.errors import InputPropertiesError

from components.component_package.provider import GainsightOktaProvider
from components.inputs.component_args import args_source, inputs_from_args
from components.inputs.settings import OktaSettings
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_under_mocks
from components.rendering.templates import render_runbook
from components.resources.gainsight_okta import GainsightOkta
from components.resources.urns import COMPONENT_TYPE
from tests.metadata_builder import PROJECT_ROOT

OKTA = {"okta:orgName": "acme-dev", "okta:baseUrl": "oktapreview.com"}
METADATA = (PROJECT_ROOT / "metadata" / "dev.xml").read_text()
GROUPS = [
    {"name": "Admins", "profile": {"IsSuperAdmin": True, "LicenseType": "Full"}},
    {"name": "Viewer", "profile": {"LicenseType": "Viewer"}},
    {"name": "Support", "profile": {"LicenseType": "Full"}},
]


def consumer_args(groups: list[dict[str, Any]] = GROUPS, **changes: Any) -> dict[str, Any]:
    """What a Python program passes: the TypedDict's snake_case keys."""
    return {
        "metadata_xml": METADATA,
        "tenant_url": "https://acme.gainsightcloud.com",
        "oauth_client_id": "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10",
        "scim_app": {"provisioning_enabled": True},
        "attributes": [
            {"name": "IsSuperAdmin", "type": "boolean"},
            {"name": "LicenseType", "type": "string", "enum": ["Full", "Viewer"]},
        ],
        "groups": groups,
        **changes,
    }


def run_consumer(args: dict[str, Any], previous: dict[str, Any] | None = None) -> tuple[Any, list[str]]:
    return run_under_mocks("dev", OKTA, lambda: GainsightOkta("gainsight", args), OfflineMocks(previous))


def component_outputs(recording: Any) -> dict[str, Any]:
    (urn,) = [urn for urn in recording.component_outputs if COMPONENT_TYPE in urn]
    return recording.component_outputs[urn]


def test_a_python_program_gets_the_resources_and_outputs_without_exporting_anything() -> None:
    recording, notices = run_consumer(consumer_args())
    names = {registration.name for registration in recording.registrations}
    assert {"gainsight-sso", "gainsight-scim", "gainsight-attr-LicenseType", "gainsight-attr-IsSuperAdmin"} <= names
    assert {"gainsight-sso-assignment-Viewer", "gainsight-scim-assignment-Support"} <= names
    assert recording.stack_outputs == {}  # the consumer exported nothing
    outputs = component_outputs(recording)
    assert outputs["ssoPriorities"] == outputs["scimPriorities"] == {"Admins": 10, "Viewer": 20, "Support": 30}
    assert outputs["provisioningCheck"]["status"] == "ok"
    assert outputs["runbook"] == "(known after apply)"  # rendered once the apps exist (below)
    assert not [notice for notice in notices if "gainsight-okta:" in notice]


@pytest.mark.parametrize("provisioning", [False, True])
def test_a_consumer_s_runbook_names_its_args_and_what_it_can_run(provisioning: bool) -> None:
    """No stack file, no `gainsight-okta:` keys, no commands of this repository's CLI: the args and `pulumi up`."""
    args = consumer_args(oauth_client_id=None, scim_app={"provisioning_enabled": provisioning})
    args = {key: value for key, value in args.items() if value is not None}
    args["saml_app"] = {"signing_key_id": "kid-next"}
    if provisioning:
        args["oauth_client_id"] = "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10"
    inputs = inputs_from_args(args, OktaSettings(), args_source("gainsight"))
    runbook = render_runbook(inputs, "dev", {"scimAppName": "acme_gainsightscim_1", "idpSigningKeyId": "kid-old"})
    assert "the args of GainsightOkta 'gainsight'" in runbook
    assert "gainsight-okta:" not in runbook and "venv/bin/gainsight-okta" not in runbook
    assert "`samlApp.signingKeyId`" in runbook and "Actions > Activate" in runbook
    assert ("`oauthClientId`" in runbook) is not provisioning
    assert ("`scimApp.provisioningEnabled` to `true` in the args" in runbook) is not provisioning


def test_a_consumer_s_reorder_keeps_the_numbers_from_the_component_s_own_last_outputs() -> None:
    first, _ = run_consumer(consumer_args())
    reordered = [GROUPS[2], GROUPS[0], {"name": "New", "profile": {"LicenseType": "Viewer"}}, GROUPS[1]]
    second, _ = run_consumer(consumer_args(reordered), previous=component_outputs(first))
    before = component_outputs(first)["scimPriorities"]
    after = component_outputs(second)["scimPriorities"]
    # Admins and Viewer stay in order: their numbers stay; Support moves above Admins, New goes between.
    assert (after["Admins"], after["Viewer"]) == (before["Admins"], before["Viewer"])
    in_order = [after[group["name"]] for group in reordered]
    assert in_order == sorted(in_order) and len(set(in_order)) == len(in_order), after
    moved = {after["Support"], after["New"]}
    assert not moved & set(before.values())  # a moved group never takes a number another group held


def test_a_bad_argument_is_one_line_naming_its_path_and_nothing_is_declared() -> None:
    groups = [GROUPS[0], GROUPS[1], {"name": "Gold", "profile": {"LicenseType": "Gold"}}]
    with pytest.raises(pulumi.RunError) as raised:
        run_consumer(consumer_args(groups))
    line = str(raised.value)
    assert line.startswith("GainsightOkta 'gainsight': groups[2].profile.LicenseType: ")
    assert "\n" not in line and "Gold" in line


def test_bad_metadata_names_the_argument() -> None:
    with pytest.raises(pulumi.RunError, match=r"^GainsightOkta 'gainsight': metadataXml"):
        run_consumer(consumer_args(metadata_xml="<EntityDescriptor"))


def test_the_package_s_provider_answers_a_refusal_as_one_line_without_a_traceback() -> None:
    """What YAML and TypeScript programs get (the engine prefixes the resource's type and name)."""
    inputs = {
        "metadataXml": METADATA,
        "tenantUrl": "https://acme.gainsightcloud.com",
        "groups": [{"name": "Admins", "profile": {"LicenseType": "Gold"}}],
        "attributes": [{"name": "LicenseType", "type": "string", "enum": ["Full", "Viewer"]}],
    }
    with pytest.raises(InputPropertiesError) as raised:
        GainsightOktaProvider().construct("gainsight", COMPONENT_TYPE, inputs)
    assert raised.value.message.startswith("groups[0].profile.LicenseType: ")
    assert "\n" not in raised.value.message and raised.value.errors == []


def test_the_package_s_provider_maps_camel_case_args_to_the_component() -> None:
    """Nested names (samlApp.signingKeyId, groups[].previousName) arrive as the TypedDicts' snake_case keys."""
    inputs = {
        "metadataXml": METADATA,
        "tenantUrl": "https://acme.gainsightcloud.com",
        "samlApp": {"label": "", "nameIdFormat": "emailAddress"},
    }
    with pytest.raises(InputPropertiesError, match=r"^samlApp\.label: "):
        GainsightOktaProvider().construct("gainsight", COMPONENT_TYPE, inputs)
