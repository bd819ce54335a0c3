"""`attributes`: every rule, each error naming the stack file, the exact key and the attribute."""

from __future__ import annotations

from typing import Any

import pytest

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs, load_stack_inputs
from tests.conftest import ARTICLE_ATTRIBUTES
from tests.metadata_builder import PROJECT_ROOT


def load(write_stack, attributes: list[dict[str, Any]], groups: list[dict[str, Any]] | None = None) -> StackInputs:
    path = write_stack({"gainsight-okta:attributes": attributes, "gainsight-okta:groups": groups or []})
    return load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)


def refused(write_stack, attributes: list[dict[str, Any]]) -> InputError:
    with pytest.raises(InputError) as caught:
        load(write_stack, attributes)
    assert caught.value.line().startswith("error: Pulumi.test.yaml: gainsight-okta:attributes[")
    return caught.value


def test_article_attributes_are_valid(write_stack) -> None:
    attributes = load(write_stack, ARTICLE_ATTRIBUTES).attributes
    assert [a.name for a in attributes] == ["IsSuperAdmin", "LicenseType", "Department"]
    assert all(a.scope == "group" and a.union is False for a in attributes)
    assert attributes[0].display_title == "IsSuperAdmin"  # title defaults to the name


def test_license_type_without_enum_becomes_gainsights_picklist(write_stack) -> None:
    (license_type,) = load(write_stack, [{"name": "LicenseType", "type": "string"}]).attributes
    assert license_type.enum == ["Full", "Viewer", "Viewer_Analytics"]


def test_license_type_may_offer_fewer_values(write_stack) -> None:
    (license_type,) = load(
        write_stack, [{"name": "LicenseType", "type": "string", "enum": ["Full", "Viewer"]}]
    ).attributes
    assert license_type.enum == ["Full", "Viewer"]


@pytest.mark.parametrize(
    ("attribute", "key", "fragment"),
    [
        ({"name": "Tier", "type": "number"}, "type", "not a type Gainsight supports"),
        ({"name": "Tier", "type": "object"}, "type", "boolean, string"),
        ({"name": "Tier"}, "type", "required"),
        ({"type": "string"}, "name", "required"),
        ({"name": "IsSuperAdmin", "type": "string"}, "type", "must be boolean"),
        ({"name": "LicenseType", "type": "boolean"}, "type", "must be string"),
        ({"name": "LicenseType", "type": "array", "enum": ["Full"]}, "type", "must be string"),
        (
            {"name": "LicenseType", "type": "string", "enum": ["Full", "Admin"]},
            "enum",
            "'Admin' is not a Gainsight license",
        ),
        ({"name": "isSuperAdmin", "type": "boolean"}, "name", "did you mean 'IsSuperAdmin'"),
        ({"name": "Is_Super_Admin", "type": "boolean"}, "name", "did you mean 'IsSuperAdmin'"),
        ({"name": "License_Type", "type": "string"}, "name", "did you mean 'LicenseType'"),
        ({"name": "licensetype", "type": "string"}, "name", "did you mean 'LicenseType'"),
        ({"name": "license-type", "type": "string"}, "name", "did you mean 'LicenseType'"),
        ({"name": "2fast", "type": "string"}, "name", "must start with a letter"),
        ({"name": "Cost Center", "type": "string"}, "name", "letters, digits and _"),
        ({"name": "userName", "type": "string"}, "name", "base profile"),
        ({"name": "Flag", "type": "boolean", "enum": ["a"]}, "enum", "a boolean takes no enum"),
        ({"name": "Tier", "type": "string", "enum": []}, "enum", "at least one value"),
        ({"name": "Tier", "type": "string", "enum": ["A", "A"]}, "enum", "twice"),
        ({"name": "Tier", "type": "string", "enum": ["A", " "]}, "enum", "empty value"),
        ({"name": "Tier", "type": "string", "enum": "A"}, "enum", "must be a list, not text"),
        ({"name": "Tags", "type": "array"}, "enum", "Multi-Picklist and needs its values"),
        ({"name": "Tier", "type": "string", "union": True}, "union", "only an array"),
        (
            {"name": "Tags", "type": "array", "enum": ["a"], "scope": "personal", "union": True},
            "union",
            "personal attribute",
        ),
        ({"name": "Tier", "type": "string", "source": "user.title"}, "source", "set scope: personal"),
        ({"name": "Tier", "type": "string", "scope": "personal", "source": " "}, "source", "Okta expression"),
        ({"name": "Tier", "type": "string", "scope": "Group"}, "scope", "'group' or 'personal'"),
        ({"name": "Tier", "type": "string", "union": "yes"}, "union", "true or false"),
        ({"name": "Tier", "type": "string", "kind": "x"}, "kind", "not a known setting"),
        ({"name": "Tier", "type": "string", "titel": "x"}, "titel", "did you mean 'title'"),
    ],
)
def test_attribute_rules(write_stack, attribute: dict[str, Any], key: str, fragment: str) -> None:
    error = refused(write_stack, [attribute])
    assert error.location == f"gainsight-okta:attributes[0].{key}"
    assert fragment in error.message


def test_rule_errors_name_the_attribute(write_stack) -> None:
    error = refused(write_stack, [{"name": "Region", "type": "string", "union": True}])
    assert "attribute 'Region'" in error.message


def test_duplicate_names_differing_only_in_case(write_stack) -> None:
    error = refused(write_stack, [{"name": "Region", "type": "string"}, {"name": "region", "type": "string"}])
    assert error.location == "gainsight-okta:attributes[1].name"
    assert "declared twice" in error.message


def test_error_names_the_right_position(write_stack) -> None:
    error = refused(write_stack, [*ARTICLE_ATTRIBUTES, {"name": "Tier", "type": "float"}])
    assert error.location == "gainsight-okta:attributes[3].type"


def test_personal_attribute_with_source(write_stack) -> None:
    (region,) = load(
        write_stack, [{"name": "Region", "type": "string", "scope": "personal", "source": "user.countryCode"}]
    ).attributes
    assert region.source == "user.countryCode"
    assert not region.is_group_scope
