"""Values that would break documents or Okta, and keys that would be silently ignored: refused with the key named."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from components.errors import InputError
from components.inputs.project import load_inputs
from components.inputs.stack_file import read_stack_file
from tests.conftest import PROJECT_ROOT, article_stack


def error_for(write_stack, changes: dict[str, Any]) -> InputError:
    path = write_stack(changes)
    stack = read_stack_file(path, path.name)
    with pytest.raises(InputError) as caught:
        load_inputs(stack.config, path.name, stack.secret_keys)
    assert "\n" not in caught.value.line()
    return caught.value


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [
        ("gainsight_okta:protect", "gainsight-okta:protect"),
        ("gainsight-Okta:protect", "gainsight-okta:protect"),
        ("GainsightOkta:protect", "gainsight-okta:protect"),
        ("okta:baseURL", "okta:baseUrl"),
        ("okta:org_name", "okta:orgName"),
        ("okta:maxApiCapacaty", "okta:maxApiCapacity"),
    ],
)
def test_near_miss_keys_are_refused_with_the_right_spelling(write_stack, key: str, suggestion: str) -> None:
    error = error_for(write_stack, {key: "true"})
    assert error.location == key
    assert f"did you mean '{suggestion}'?" in error.message


def test_other_namespaces_stay_allowed(write_stack) -> None:
    path = write_stack({"aws:region": "eu-west-1", "okta:maxRetries": 5})
    stack = read_stack_file(path)
    assert load_inputs(stack.config, path.name, stack.secret_keys).settings.protect is False


@pytest.mark.parametrize(
    ("changes", "location", "fragment"),
    [
        ({"gainsight-okta:oauthClientId": ["a"]}, "gainsight-okta:oauthClientId", "must be text, not a list"),
        ({"gainsight-okta:tenantUrl": {"host": "x"}}, "gainsight-okta:tenantUrl", "must be text, not a mapping"),
        ({"gainsight-okta:samlApp": "Gainsight"}, "gainsight-okta:samlApp", "must be a mapping of settings"),
        ({"gainsight-okta:tenantUrl": "https://acme gainsight.com"}, "gainsight-okta:tenantUrl", "no spaces"),
        ({"gainsight-okta:tenantUrl": "https://acme.gainsightcloud.com:99999"}, "gainsight-okta:tenantUrl", "port"),
        ({"gainsight-okta:tenantUrl": "https://acme.gainsightcloud.com:x"}, "gainsight-okta:tenantUrl", "port"),
        ({"gainsight-okta:tenantUrl": "https://acme%2egainsightcloud.com"}, "gainsight-okta:tenantUrl", "plain host"),
        ({"gainsight-okta:tenantUrl": "https://acme.gainsight;cloud.com"}, "gainsight-okta:tenantUrl", "plain host"),
        ({"gainsight-okta:tenantUrl": "https://acme`.gainsightcloud.com"}, "gainsight-okta:tenantUrl", "plain host"),
        ({"gainsight-okta:tenantUrl": "https://acme|x.gainsightcloud.com"}, "gainsight-okta:tenantUrl", "plain host"),
        ({"gainsight-okta:samlApp": {"label": "Gain\nsight"}}, "gainsight-okta:samlApp.label", "U+000A (newline)"),
        ({"gainsight-okta:scimApp": {"label": "A\tB"}}, "gainsight-okta:scimApp.label", "(tab)"),
    ],
)
def test_values_that_break_documents_or_okta(write_stack, changes, location: str, fragment: str) -> None:
    error = error_for(write_stack, changes)
    assert error.location == location
    assert fragment in error.message
    assert "instance of" not in error.message and "Input should" not in error.message  # no pydantic internals


@pytest.mark.parametrize(
    ("groups", "location", "fragment"),
    [
        ([{"name": "Sales\x00"}], "groups[0].name", "U+0000"),
        ([{"name": "Sales", "description": "a\nb"}], "groups[0].description", "newline"),
        ([{"name": "Sales"}, {"name": "Sales "}], "groups[1].name", "must not start or end with spaces"),
    ],
)
def test_group_names_and_descriptions(write_stack, groups, location: str, fragment: str) -> None:
    error = error_for(write_stack, article_stack(**{"gainsight-okta:groups": groups}))
    assert error.location == f"gainsight-okta:{location}"
    assert fragment in error.message


def test_attribute_titles_refuse_control_characters(write_stack) -> None:
    attributes = [{"name": "Region", "type": "string", "title": "Re\tgion"}]
    error = error_for(
        write_stack, article_stack(**{"gainsight-okta:attributes": attributes, "gainsight-okta:groups": []})
    )
    assert error.location == "gainsight-okta:attributes[0].title"


def test_encrypted_profile_value_is_refused_without_echoing_the_ciphertext(write_stack) -> None:
    groups = [{"name": "Sales", "profile": {"LicenseType": {"secure": "v1:CIPHERTEXTCIPHERTEXT"}}}]
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    with pytest.raises(InputError) as caught:
        read_stack_file(path, path.name)
    assert caught.value.location == "gainsight-okta:groups"
    assert "CIPHERTEXT" not in caught.value.line()


def test_a_secret_key_under_pulumi_up_is_refused_without_its_value(write_stack) -> None:
    """Under `pulumi up` the engine decrypts: PULUMI_CONFIG_SECRET_KEYS says which keys held secrets."""
    groups = [{"name": "Sales", "profile": {"LicenseType": "DecryptedSecretValue"}}]
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    stack = read_stack_file(path, path.name)
    with pytest.raises(InputError) as caught:
        load_inputs(stack.config, path.name, ("gainsight-okta:groups",))
    assert caught.value.location == "gainsight-okta:groups"
    assert "DecryptedSecretValue" not in caught.value.line()


def test_metadata_file_may_have_spaces_in_its_name(write_stack, tmp_path: Path) -> None:
    saved = tmp_path / "metadata (1).xml"
    shutil.copy(PROJECT_ROOT / "metadata" / "dev.xml", saved)
    path = write_stack({"gainsight-okta:metadataFile": str(saved)})
    stack = read_stack_file(path)
    assert load_inputs(stack.config, path.name).metadata.entity_id == "urn:auth0:gainsight:acme-dev"
    assert (
        error_for(write_stack, {"gainsight-okta:metadataFile": f" {saved}"}).location == "gainsight-okta:metadataFile"
    )


def test_a_fifo_as_metadata_file_is_refused_without_hanging(write_stack, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "metadata.xml"
    os.mkfifo(fifo)
    error = error_for(write_stack, {"gainsight-okta:metadataFile": str(fifo)})
    assert "named pipe" in error.message
