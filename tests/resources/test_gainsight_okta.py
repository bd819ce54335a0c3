"""The declared Okta apps, checked property by property on the real program run under Pulumi's mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.resources.saml_app import AUTHN_CONTEXT
from tests import metadata_builder as mb
from tests.conftest import resource

SAML = "okta:app/saml:Saml"


def test_two_separate_saml_apps_under_one_component(plan_stack) -> None:
    document = plan_stack()
    types = [r["type"] for r in document["resources"]]
    assert types.count(SAML) == 2
    component = resource(document, "gainsight")
    assert component["type"] == "gainsight-okta:index:GainsightOkta"
    assert component["id"] is None
    for name in ("gainsight-sso", "gainsight-scim"):
        app = resource(document, name)
        assert app["parent"] == component["urn"]
        assert (
            app["urn"]
            == f"urn:pulumi:test::gainsight-okta::gainsight-okta:index:GainsightOkta$okta:app/saml:Saml::{name}"
        )


def test_sso_app_saml_settings_come_from_the_metadata(plan_stack) -> None:
    inputs = resource(plan_stack(), "gainsight-sso")["inputs"]
    acs = "https://secured.gainsightcloud.com/login/callback?connection=acme-dev"
    assert inputs["ssoUrl"] == inputs["recipient"] == inputs["destination"] == acs
    assert inputs["audience"] == "urn:auth0:gainsight:acme-dev"
    assert inputs["subjectNameIdFormat"] == "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
    assert inputs["subjectNameIdTemplate"] == "${user.email}"
    assert inputs["signatureAlgorithm"] == "RSA_SHA256"
    assert inputs["digestAlgorithm"] == "SHA256"
    assert inputs["responseSigned"] is True and inputs["assertionSigned"] is True
    assert inputs["authnContextClassRef"] == AUTHN_CONTEXT
    assert inputs["label"] == "Gainsight"
    assert inputs["hideWeb"] is False and inputs["hideIos"] is False
    assert "acsEndpoints" not in inputs and "acsEndpointsIndices" not in inputs  # one ACS: ssoUrl alone
    statements = {s["name"]: s["values"] for s in inputs["attributeStatements"]}
    assert statements == {"email": ["user.email"], "firstName": ["user.firstName"], "lastName": ["user.lastName"]}
    assert {s["type"] for s in inputs["attributeStatements"]} == {"EXPRESSION"}


def test_group_statements_send_okta_s_filter_and_no_values(plan_stack) -> None:
    """resource_okta_app_saml.go: a GROUP statement carries filter_type/filter_value; validateAppSaml refuses
    values on it and a filter on any other type."""
    basic = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"
    statements = [
        {"name": "mail", "values": ["user.email"]},
        {"name": "groups", "type": "group", "filterType": "REGEX", "filterValue": "^Gainsight-.*", "namespace": basic},
    ]
    document = plan_stack({"gainsight-okta:samlApp": {"attributeStatements": statements}})
    for app in ("gainsight-sso", "gainsight-scim"):
        assert resource(document, app)["inputs"]["attributeStatements"] == [
            {
                "name": "mail",
                "namespace": "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified",
                "type": "EXPRESSION",
                "values": ["user.email"],
            },
            {
                "name": "groups",
                "namespace": basic,
                "type": "GROUP",
                "filterType": "REGEX",
                "filterValue": "^Gainsight-.*",
            },
        ]


def test_single_logout_uses_the_sp_signing_certificate(plan_stack) -> None:
    inputs = resource(plan_stack(), "gainsight-sso")["inputs"]
    assert inputs["singleLogoutUrl"] == "https://secured.gainsightcloud.com/logout"
    assert inputs["singleLogoutIssuer"] == "urn:auth0:gainsight:acme-dev"
    assert inputs["singleLogoutCertificate"] == mb.SIGNING_CERT


def test_no_single_logout_without_a_signing_certificate(plan_stack, tmp_path: Path) -> None:
    keys = mb.key_descriptor("encryption", mb.ENCRYPTION_CERT)
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(keys=keys))))
    inputs = resource(plan_stack({"gainsight-okta:metadataFile": str(metadata)}), "gainsight-sso")["inputs"]
    assert not {"singleLogoutUrl", "singleLogoutIssuer", "singleLogoutCertificate"} & set(inputs)


def test_several_post_acs_keep_gainsight_indices(plan_stack, tmp_path: Path) -> None:
    services = (
        mb.acs("https://a.example/zero", index=0, default=None)
        + mb.acs("https://a.example/redirect", binding=mb.REDIRECT, index=1, default=None)
        + mb.acs("https://a.example/two", index=2, default="true")
    )
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    inputs = resource(plan_stack({"gainsight-okta:metadataFile": str(metadata)}), "gainsight-sso")["inputs"]
    assert inputs["ssoUrl"] == "https://a.example/two"
    assert inputs["acsEndpointsIndices"] == [
        {"index": 0, "url": "https://a.example/zero"},
        {"index": 2, "url": "https://a.example/two"},
    ]
    assert "acsEndpoints" not in inputs  # the provider refuses both at once


def test_several_post_acs_without_indices_are_listed_in_order(plan_stack, tmp_path: Path) -> None:
    services = mb.acs("https://a.example/b", index=None, default=None) + mb.acs(
        "https://a.example/a", index=None, default=None
    )
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    inputs = resource(plan_stack({"gainsight-okta:metadataFile": str(metadata)}), "gainsight-sso")["inputs"]
    assert inputs["acsEndpoints"] == ["https://a.example/b", "https://a.example/a"]
    assert "acsEndpointsIndices" not in inputs


def test_scim_app_shares_the_saml_settings_and_is_hidden(plan_stack) -> None:
    document = plan_stack({"gainsight-okta:scimApp": {"label": "Gainsight SCIM (test)"}})
    sso = resource(document, "gainsight-sso")["inputs"]
    scim = resource(document, "gainsight-scim")["inputs"]
    assert scim["label"] == "Gainsight SCIM (test)"
    assert scim["hideWeb"] is True and scim["hideIos"] is True
    shared = {k: v for k, v in sso.items() if k not in ("label", "hideWeb", "hideIos")}
    assert {k: scim[k] for k in shared} == shared


@pytest.mark.parametrize("name", ["gainsight-sso", "gainsight-scim"])
def test_fields_okta_manages_stay_out_of_the_desired_state(plan_stack, name: str) -> None:
    """Re-applying after the manual SCIM step must not touch provisioning: no features, status or app settings."""
    inputs = resource(plan_stack({"gainsight-okta:scimApp": {"provisioningEnabled": True}}), name)["inputs"]
    assert not {"features", "status", "appSettingsJson", "preconfiguredApp", "spIssuer", "requestCompressed"} & set(
        inputs
    )


@pytest.mark.parametrize("protect", [True, False])
def test_protect_applies_to_both_apps(plan_stack, protect: bool) -> None:
    document = plan_stack({"gainsight-okta:protect": protect})
    assert resource(document, "gainsight-sso")["options"]["protect"] is protect
    assert resource(document, "gainsight-scim")["options"]["protect"] is protect


def test_import_id_adopts_an_existing_app(plan_stack) -> None:
    document = plan_stack({"gainsight-okta:samlApp": {"importId": "0oa1b2c3d4e5f6g7h8i9"}})
    sso = resource(document, "gainsight-sso")
    assert sso["options"]["import"] == "0oa1b2c3d4e5f6g7h8i9"
    assert sso["id"] == "0oa1b2c3d4e5f6g7h8i9"
    assert document["outputs"]["ssoAppId"] == "0oa1b2c3d4e5f6g7h8i9"
    scim = resource(document, "gainsight-scim")
    assert scim["options"]["import"] is None
    assert scim["id"] == "placeholder-id-gainsight-scim"


def test_outputs_gainsight_needs(plan_stack) -> None:
    outputs = plan_stack()["outputs"]
    assert set(outputs) >= {
        "ssoAppId",
        "ssoAppName",
        "idpSsoUrl",
        "idpEntityId",
        "idpMetadataUrl",
        "idpCertificate",
        "scimAppId",
        "scimAppName",
    }
    assert outputs["ssoAppId"] == "placeholder-id-gainsight-sso"
    # Only Okta knows these; offline they are unknown, as in a first `pulumi preview`.
    assert outputs["idpCertificate"] == "(known after apply)"
    assert outputs["scimAppName"] == "(known after apply)"


def test_repeated_runs_in_one_process_are_isolated_and_identical(plan_stack) -> None:
    first = plan_stack()
    second = plan_stack({"gainsight-okta:protect": True})
    third = plan_stack()
    assert first == third
    assert first != second
    assert len(second["resources"]) == len(first["resources"]) == 4
