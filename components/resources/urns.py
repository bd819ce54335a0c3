"""The URNs the engine gives this program's resources, for `pulumi refresh --target` after `verify`.

A child's URN carries its parent's type chain: `urn:pulumi:STACK::PROJECT::PARENT_TYPE$TYPE::NAME`; the stack
itself is left out of the chain (pkg/resource/urn.go), so the component's children have one parent type.
"""

from __future__ import annotations

PROJECT = "gainsight-okta"  # Pulumi.yaml's name
COMPONENT_TYPE = "gainsight-okta:index:GainsightOkta"
COMPONENT_NAME = "gainsight"
SAML_APP_TYPE = "okta:app/saml:Saml"
GROUP_ASSIGNMENT_TYPE = "okta:app/groupAssignment:GroupAssignment"
ATTRIBUTE_TYPE = "okta:index/appUserSchemaProperty:AppUserSchemaProperty"


def child_urn(stack: str, type_: str, name: str) -> str:
    return f"urn:pulumi:{stack}::{PROJECT}::{COMPONENT_TYPE}${type_}::{name}"


def sso_resource_name(prefix: str = COMPONENT_NAME) -> str:
    return f"{prefix}-sso"


def assignment_resource_name(app_kind: str, group_name: str, prefix: str = COMPONENT_NAME) -> str:
    return f"{prefix}-{app_kind}-assignment-{group_name}"


def attribute_resource_name(attribute_name: str, prefix: str = COMPONENT_NAME) -> str:
    return f"{prefix}-attr-{attribute_name}"
