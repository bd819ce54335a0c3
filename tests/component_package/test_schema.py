"""The component package's schema, built in process from the type hints as `pulumi package get-schema` builds it
(components/component_package/provider.py): every setting a stack file accepts is an input, every input and output
is described, and the outputs are the ones the repository's program exports."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from pydantic import BaseModel

from components.component_package.provider import PACKAGE_NAME, package_schema
from components.inputs.settings import ComponentSettings
from components.resources.gainsight_okta import OUTPUTS
from components.resources.urns import COMPONENT_TYPE

SCHEMA = package_schema()
RESOURCE = SCHEMA["resources"][COMPONENT_TYPE]


def _type_of(reference: str) -> dict[str, Any]:
    return SCHEMA["types"][reference.removeprefix("#/types/")]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model a field holds, directly, in a list, or optional."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        if (inner := _model_of_args(candidate)) is not None:
            return inner
    return None


def _model_of_args(annotation: Any) -> type[BaseModel] | None:
    for candidate in typing.get_args(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _missing(model: type[BaseModel], properties: dict[str, Any], path: str) -> list[str]:
    """The settings (by their camelCase key, as a stack file spells them) the schema's properties lack."""
    missing = []
    for field_name, field in model.model_fields.items():
        key = field.alias or field_name
        if key not in properties:
            missing.append(f"{path}{key}")
            continue
        nested = _model_of(field.annotation)
        if nested is None:
            continue
        prop = properties[key]
        reference = prop.get("$ref") or prop.get("items", {}).get("$ref")
        assert reference, f"{path}{key} holds {nested.__name__} but the schema has no type for it: {prop}"
        missing += _missing(nested, _type_of(reference)["properties"], f"{path}{key}.")
    return missing


def test_every_setting_a_stack_file_accepts_is_an_input() -> None:
    assert _missing(ComponentSettings, RESOURCE["inputProperties"], "") == []


def test_the_check_finds_an_input_that_disappears() -> None:
    inputs = dict(RESOURCE["inputProperties"])
    del inputs["oauthClientId"]
    saml_app = _type_of(inputs["samlApp"]["$ref"])
    assert "signingKeyId" in saml_app["properties"]
    assert _missing(ComponentSettings, inputs, "") == ["oauthClientId"]


def _undescribed(properties: dict[str, Any], path: str) -> list[str]:
    found = []
    for key, prop in properties.items():
        if not (prop.get("description") or "").strip():
            found.append(f"{path}{key}")
        if not (prop.get("type") or prop.get("$ref")):
            found.append(f"{path}{key} (no type)")
    return found


def test_every_input_output_and_type_is_described() -> None:
    undescribed = _undescribed(RESOURCE["inputProperties"], "inputs.")
    undescribed += _undescribed(RESOURCE["properties"], "outputs.")
    for token, type_ in SCHEMA["types"].items():
        if not (type_.get("description") or "").strip():
            undescribed.append(token)
        undescribed += _undescribed(type_["properties"], f"{token}.")
    assert undescribed == []
    assert RESOURCE["description"].startswith("Okta for Gainsight") and "\n    " not in RESOURCE["description"]


def test_the_outputs_are_the_issue_s_and_the_program_s() -> None:
    outputs = set(RESOURCE["properties"])
    assert outputs == set(OUTPUTS)
    asked = {"ssoAppId", "idpSsoUrl", "idpEntityId", "idpMetadataUrl", "idpCertificate", "scimAppId"}
    asked |= {"ssoPriorities", "scimPriorities", "provisioningCheck", "runbook"}
    assert asked <= outputs
    assert RESOURCE["properties"]["ssoPriorities"]["additionalProperties"]["type"] == "integer"
    assert "provisioningCheck" not in RESOURCE["required"]  # only with provisioning on


def test_inputs_are_plain_so_every_rule_runs_before_anything_is_declared() -> None:
    """An Output's value is unknown when the checks run: a consumer must pass known values, and the schema says so."""
    assert all(prop.get("plain") is True for prop in RESOURCE["inputProperties"].values())
    assert RESOURCE["requiredInputs"] == ["metadataXml", "tenantUrl"]
    group = _type_of(RESOURCE["inputProperties"]["groups"]["items"]["$ref"])
    assert group["required"] == ["name"]
    assert group["properties"]["profile"]["additionalProperties"]["$ref"] == "pulumi.json#/Any"


def test_the_package_depends_on_no_other_plugin() -> None:
    """Outputs are plain strings, not okta resources: get-schema would otherwise fetch okta's plugin."""
    assert SCHEMA["name"] == PACKAGE_NAME == COMPONENT_TYPE.split(":")[0]
    assert not SCHEMA.get("dependencies")


def test_an_annotation_the_analyzer_cannot_read_fails_the_build() -> None:
    """Why component_args.py keeps to TypedDicts, str and bool: a Literal (as a pydantic model would use) fails
    the schema, so this file's tests fail with it."""
    from typing import Literal, TypedDict

    import pulumi
    from pulumi.provider.experimental.analyzer import Analyzer

    good_args = TypedDict("GoodArgs", {"scope": str})  # type: ignore[misc]  # noqa: UP013
    # Built with real types, not strings (this module has `from __future__ import annotations`).
    bad_args = TypedDict("BadArgs", {"scope": Literal["group", "personal"]})  # noqa: UP013

    class Bad(pulumi.ComponentResource):
        def __init__(self, name, args, opts=None):  # type: ignore[no-untyped-def]
            super().__init__("bad:index:Bad", name, None, opts)

    class Good(pulumi.ComponentResource):
        def __init__(self, name, args, opts=None):  # type: ignore[no-untyped-def]
            super().__init__("bad:index:Good", name, None, opts)

    Bad.__init__.__annotations__.update(name=str, args=bad_args, opts=pulumi.ResourceOptions | None)
    Good.__init__.__annotations__.update(name=str, args=good_args, opts=pulumi.ResourceOptions | None)
    Analyzer("bad").analyze([Good])  # the same component with a str: built
    with pytest.raises(TypeError, match="must be a class"):
        Analyzer("bad").analyze([Bad])
