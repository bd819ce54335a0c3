"""Stack settings: each rule gives one error that names the stack file and the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from components.errors import InputError
from components.inputs.settings import NAME_ID_FORMATS
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs, load_stack_inputs
from tests import metadata_builder as mb

ROOT = mb.PROJECT_ROOT


def load(path: Path) -> StackInputs:
    return load_stack_inputs(read_stack_file(path).config, path.name, ROOT)


def error_for(write_stack, changes: dict[str, Any]) -> InputError:
    path = write_stack(changes)
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.source == path.name
    assert caught.value.line().startswith(f"error: {path.name}: ")
    assert "\n" not in caught.value.line()
    return caught.value


def test_defaults(write_stack) -> None:
    inputs = load(write_stack())
    settings = inputs.settings
    assert settings.protect is False
    assert settings.saml_app.label == "Gainsight"
    assert settings.saml_app.user_name_template == "${user.email}"
    assert settings.saml_app.import_id is None
    assert settings.scim_app.label == "Gainsight SCIM Integration"
    assert settings.scim_app.provisioning_enabled is False
    assert inputs.name_id_format == NAME_ID_FORMATS["emailAddress"]  # the metadata lists it
    assert inputs.okta.base_url == "oktapreview.com"


def test_name_id_format_defaults_to_unspecified_when_metadata_lacks_email(write_stack, tmp_path: Path) -> None:
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(formats=(mb.PERSISTENT,)))))
    inputs = load(write_stack({"gainsight-okta:metadataFile": str(metadata)}))
    assert inputs.name_id_format == NAME_ID_FORMATS["unspecified"]


def test_name_id_format_must_be_one_gainsight_accepts(write_stack) -> None:
    error = error_for(write_stack, {"gainsight-okta:samlApp": {"nameIdFormat": "x509SubjectName"}})
    assert error.location == "gainsight-okta:samlApp.nameIdFormat"
    assert "not among the NameID formats" in error.message


@pytest.mark.parametrize("value", ["persistent", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"])
def test_name_id_format_short_or_full(write_stack, value: str) -> None:
    inputs = load(write_stack({"gainsight-okta:samlApp": {"nameIdFormat": value}}))
    assert inputs.name_id_format == NAME_ID_FORMATS["persistent"]


def test_unknown_name_id_format(write_stack) -> None:
    error = error_for(write_stack, {"gainsight-okta:samlApp": {"nameIdFormat": "email"}})
    assert error.location == "gainsight-okta:samlApp.nameIdFormat"
    assert "emailAddress" in error.message


@pytest.mark.parametrize("key", ["tenantUrl", "metadataFile"])
def test_required_keys(write_stack, key: str) -> None:
    error = error_for(write_stack, {f"gainsight-okta:{key}": None})
    assert error.location == f"gainsight-okta:{key}"
    assert "is required" in error.message


def test_client_id_is_required_only_once_provisioning_is_on(write_stack) -> None:
    """The Gainsight OAuth app that issues it needs the SCIM app's Okta name, known only after the first up."""
    before = write_stack({"gainsight-okta:oauthClientId": None})
    assert load_stack_inputs(read_stack_file(before).config, before.name, ROOT).settings.oauth_client_id is None
    error = error_for(
        write_stack, {"gainsight-okta:oauthClientId": None, "gainsight-okta:scimApp": {"provisioningEnabled": True}}
    )
    assert error.location == "gainsight-okta:oauthClientId"
    assert "is required once scimApp.provisioningEnabled is true" in error.message


@pytest.mark.parametrize(
    "url",
    [
        "http://acme.gainsightcloud.com",
        "https://acme.gainsightcloud.com/v1/users",
        "https://acme.gainsightcloud.com?x=1",
        "https://user:pw@acme.gainsightcloud.com",
        "acme.gainsightcloud.com",
        "https://",
    ],
)
def test_tenant_url_must_be_an_https_origin(write_stack, url: str) -> None:
    error = error_for(write_stack, {"gainsight-okta:tenantUrl": url})
    assert error.location == "gainsight-okta:tenantUrl"
    assert url in error.message


def test_tenant_url_is_normalised(write_stack) -> None:
    inputs = load(write_stack({"gainsight-okta:tenantUrl": "https://ACME.gainsightcloud.com/"}))
    assert inputs.settings.tenant_url == "https://acme.gainsightcloud.com"


def test_metadata_file_relative_to_project_root(write_stack) -> None:
    inputs = load(write_stack({"gainsight-okta:metadataFile": "metadata/prod.xml"}))
    assert inputs.metadata.entity_id == "urn:auth0:gainsight:acme-prod"


def test_missing_metadata_file_names_the_stack_key(write_stack) -> None:
    error = error_for(write_stack, {"gainsight-okta:metadataFile": "metadata/missing.xml"})
    assert error.location == "gainsight-okta:metadataFile"
    assert "metadata/missing.xml not found" in error.message


def test_bad_metadata_names_the_metadata_file_and_element(write_stack, tmp_path: Path) -> None:
    bad = mb.write(
        tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=mb.acs("http://a.example/cb")))), "bad.xml"
    )
    path = write_stack({"gainsight-okta:metadataFile": str(bad)})
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.source == str(bad)
    assert caught.value.location == "<AssertionConsumerService>"


@pytest.mark.parametrize("value", ["yes", "1", "on", "", 1])
def test_protect_accepts_only_true_or_false(write_stack, value: Any) -> None:
    error = error_for(write_stack, {"gainsight-okta:protect": value})
    assert error.location == "gainsight-okta:protect"
    assert "true or false" in error.message


@pytest.mark.parametrize("value", [True, "true", "TRUE"])
def test_protect_true(write_stack, value: Any) -> None:
    assert load(write_stack({"gainsight-okta:protect": value})).settings.protect is True


def test_provisioning_enabled_is_a_strict_boolean(write_stack) -> None:
    error = error_for(write_stack, {"gainsight-okta:scimApp": {"provisioningEnabled": "sure"}})
    assert error.location == "gainsight-okta:scimApp.provisioningEnabled"


@pytest.mark.parametrize(
    ("changes", "location", "fragment"),
    [
        ({"gainsight-okta:tenantURL": "x"}, "gainsight-okta:tenantURL", "did you mean 'tenantUrl'"),
        ({"gainsight-okta:samlApp": {"lable": "x"}}, "gainsight-okta:samlApp.lable", "did you mean 'label'"),
        ({"gainsight-okta:scimApp": {"provisioning": True}}, "gainsight-okta:scimApp.provisioning", "did you mean"),
        (
            {"gainsight-okta:samlApp": "Gainsight"},
            "gainsight-okta:samlApp",
            "must be a mapping of settings (label, nameIdFormat",
        ),
        ({"gainsight-okta:samlApp": {"label": ""}}, "gainsight-okta:samlApp.label", "must not be empty"),
        ({"gainsight-okta:samlApp": {"label": "x" * 101}}, "gainsight-okta:samlApp.label", "at most 100"),
        (
            {"gainsight-okta:samlApp": {"userNameTemplate": "user.email"}},
            "gainsight-okta:samlApp.userNameTemplate",
            "${",
        ),
        ({"gainsight-okta:samlApp": {"importId": "12345"}}, "gainsight-okta:samlApp.importId", "0oa"),
        ({"gainsight-okta:scimApp": {"importId": "0ob1b2c3d4e5f6g7h8i9"}}, "gainsight-okta:scimApp.importId", "0oa"),
        ({"gainsight-okta:oauthClientId": ""}, "gainsight-okta:oauthClientId", "must not be empty"),
        ({"gainsight-okta:oauthClientId": "abc def"}, "gainsight-okta:oauthClientId", "spaces"),
    ],
)
def test_bad_values(write_stack, changes: dict[str, Any], location: str, fragment: str) -> None:
    error = error_for(write_stack, changes)
    assert error.location == location
    assert fragment in error.message


def test_import_ids_and_labels(write_stack) -> None:
    inputs = load(
        write_stack(
            {
                "gainsight-okta:samlApp": {"label": "Gainsight", "importId": "0oa1b2c3d4e5f6g7h8i9"},
                "gainsight-okta:scimApp": {"label": "SCIM", "importId": "0oa9z8y7x6w5v4u3t2s1"},
            }
        )
    )
    assert inputs.settings.saml_app.import_id == "0oa1b2c3d4e5f6g7h8i9"
    assert inputs.settings.scim_app.import_id == "0oa9z8y7x6w5v4u3t2s1"
    assert inputs.settings.scim_app.label == "SCIM"


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"okta:baseUrl": "https://acme.okta.com"}, "okta:baseUrl"),
        ({"okta:baseUrl": "okta"}, "okta:baseUrl"),
        ({"okta:orgName": "acme.okta.com"}, "okta:orgName"),
    ],
)
def test_okta_provider_keys_are_checked(write_stack, changes: dict[str, Any], location: str) -> None:
    error = error_for(write_stack, changes)
    assert error.location == location


def test_okta_base_url_is_normalised(write_stack) -> None:
    inputs = load(write_stack({"okta:baseUrl": "OKTA-EMEA.com"}))
    assert inputs.okta.base_url == "okta-emea.com"
    assert inputs.okta.admin_host == "system-admin.okta-emea.com"


SAML_SPEC_X509 = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName"
OKTA_X509 = "urn:oasis:names:tc:SAML:1.1:nameid-format:x509SubjectName"


@pytest.mark.parametrize("value", ["x509SubjectName", SAML_SPEC_X509, OKTA_X509])
def test_the_x509_name_id_format_is_sent_as_okta_spells_it(write_stack, tmp_path: Path, value: str) -> None:
    """Okta's OpenAPI spec spells it x509SubjectName (small x) in SamlApplicationSettingsSignOn's enum, and the
    okta SDK refuses the SAML spec's capital X; Gainsight's metadata may offer either."""
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(formats=(mb.EMAIL, SAML_SPEC_X509)))))
    stack = {"gainsight-okta:metadataFile": str(metadata), "gainsight-okta:samlApp": {"nameIdFormat": value}}
    assert load(write_stack(stack)).name_id_format == OKTA_X509


def test_okta_s_x509_spelling_passes_the_sdk_model_and_the_other_does_not() -> None:
    from okta.models import SamlApplicationSettingsSignOn

    assert SamlApplicationSettingsSignOn.from_dict({"subjectNameIdFormat": OKTA_X509}) is not None
    with pytest.raises(ValueError):
        SamlApplicationSettingsSignOn.from_dict({"subjectNameIdFormat": SAML_SPEC_X509})


def test_okta_request_timeout_is_refused_with_the_reason(write_stack) -> None:
    """Issue 32, item 4: the provider's request_timeout cancels each request before its body is read
    (sdk/v2_requestExecutor.go; okta-sdk-golang #370): measured on the real engine, the first look-up then fails."""
    from components.inputs.stack_file import read_stack_file
    from components.inputs.stack_inputs import parse_settings

    for value, refused in ((30, True), (0, False)):
        path = write_stack({"okta:requestTimeout": value})
        config = read_stack_file(path).config
        if not refused:
            parse_settings(config, path.name)
            continue
        with pytest.raises(InputError) as caught:
            parse_settings(config, path.name)
        line = caught.value.line()
        assert line.startswith("error: Pulumi.test.yaml: okta:requestTimeout: must be left unset: the okta provider")
        assert "timeout-minutes" in line
