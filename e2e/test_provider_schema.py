"""The engine warns that the SDK asks for okta 7.0.1 while the plugin is 6.12.0. What that gap could break is an
input the program sends that the plugin does not know, or the reverse: for every resource type and data source the
program uses, the plugin's schema (its own GetSchema, through `pulumi package get-schema`) and the installed
`pulumi_okta` SDK have the same input properties."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pulumi_okta as okta
import pytest

from .engine import Project, Pulumi

# What the program declares and calls (components/resources/, components/program.py).
RESOURCES = {
    "okta:app/saml:Saml": okta.app.SamlArgs,
    "okta:app/groupAssignment:GroupAssignment": okta.app.GroupAssignmentArgs,
    "okta:index/appGroupAssignments:AppGroupAssignments": okta.AppGroupAssignmentsArgs,
    "okta:index/appUserSchemaProperty:AppUserSchemaProperty": okta.AppUserSchemaPropertyArgs,
    "okta:group/group:Group": okta.group.GroupArgs,
    "okta:profile/mapping:Mapping": okta.profile.MappingArgs,
}
FUNCTIONS = {
    "okta:group/getGroup:getGroup": okta.group.get_group,
    "okta:app/getMetadataSaml:getMetadataSaml": okta.app.get_metadata_saml,
    "okta:app/getSaml:getSaml": okta.app.get_saml,
    "okta:user/getUserProfileMappingSource:getUserProfileMappingSource": okta.user.get_user_profile_mapping_source,
}


def sdk_inputs(args_type: type) -> set[str]:
    """The wire (camelCase) names of an `…Args` class: each property's `pulumi.getter(name=…)`."""
    names = set()
    for attribute in vars(args_type).values():
        if isinstance(attribute, property) and attribute.fget is not None:
            names.add(getattr(attribute.fget, "_pulumi_name", attribute.fget.__name__))
    return names


def sdk_function_inputs(function: Any) -> set[str]:
    """The names a data source sends: the keys of its `__args__` in the SDK's source."""
    return set(re.findall(r"__args__\['(\w+)'\]", inspect.getsource(function)))


@pytest.fixture(scope="module")
def schema(bin_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("schema")
    pulumi = Pulumi(bin_dir, Project(root / "project"), root / "state", "http://127.0.0.1:1")
    return pulumi.run("package", "get-schema", str(bin_dir / "pulumi-resource-okta")).json()


def test_the_plugin_is_the_provider_built_from_source(schema: dict[str, Any]) -> None:
    assert schema["name"] == "okta" and schema["version"] == "6.12.0"


@pytest.mark.parametrize("token", sorted(RESOURCES))
def test_resource_inputs_match_the_sdk(schema: dict[str, Any], token: str) -> None:
    assert set(schema["resources"][token]["inputProperties"]) == sdk_inputs(RESOURCES[token])


@pytest.mark.parametrize("token", sorted(FUNCTIONS))
def test_data_source_inputs_match_the_sdk(schema: dict[str, Any], token: str) -> None:
    inputs = set(schema["functions"][token].get("inputs", {}).get("properties", {}))
    assert inputs == sdk_function_inputs(FUNCTIONS[token])


def test_the_sdk_names_are_read() -> None:
    # The comparison above means nothing if the SDK's names came back empty.
    assert {"appId", "groupId", "priority", "profile"} <= sdk_inputs(okta.app.GroupAssignmentArgs)
    assert {"name"} <= sdk_function_inputs(okta.group.get_group)
