"""A change that replaces a Profile Editor attribute is refused before anything is declared
(resources/attribute_replacements.py): Okta refuses a property of the same name while the clean-up after its
deletion runs ("the deletion process for an attribute with the same variable name is incomplete", provider #587,
#1974), and the provider retries that for 10 s only. The emulator's side: tests/emulator/test_org_behaviour.py."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.errors import InputError
from components.inputs.gainsight_schema import SCIM_NAMESPACE
from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.previous_run import READ_STACK_RESOURCE_OUTPUTS
from components.resources.provider_facts import APP_USER_SCHEMA_PROPERTY
from tests.conftest import article_stack

PREFIX = "urn:pulumi:test::gainsight-okta::gainsight-okta:index:GainsightOkta$"


def state_of(name: str, **fields: Any) -> dict[str, Any]:
    """An attribute's outputs as the provider's Read leaves them (resource_okta_app_user_custom_schema_property.go)."""
    outputs = {
        "id": f"0oascim/{name}",
        "index": name,
        "type": "string",
        "arrayType": "",
        "scope": "NONE",
        "externalName": name,
        "externalNamespace": SCIM_NAMESPACE,
        "unique": "NOT_UNIQUE",
        **fields,
    }
    return {
        f"{PREFIX}{APP_USER_SCHEMA_PROPERTY}::gainsight-attr-{name}": {
            "type": APP_USER_SCHEMA_PROPERTY,
            "outputs": outputs,
        }
    }


class Deployed(OfflineMocks):
    def __init__(self, resources: dict[str, Any]) -> None:
        super().__init__()
        self.resources = resources

    def call(self, args: MockCallArgs):
        if args.token == READ_STACK_RESOURCE_OUTPUTS:
            return {"name": args.args["stackName"], "outputs": self.resources}, []
        return super().call(args)


AS_DEPLOYED = {
    **state_of("IsSuperAdmin", type="boolean"),
    **state_of("LicenseType"),
    **state_of("Department", type="array", arrayType="string"),
}


def planned(write_stack, resources: dict[str, Any], monkeypatch, *, up: bool, **changes: Any):
    if up:
        monkeypatch.setattr(pulumi.runtime, "is_dry_run", lambda: False)
    path = write_stack(article_stack(**changes))
    return run_offline("test", read_stack_file(path), path.name, Deployed(resources))


def test_attributes_as_deployed_pass(write_stack, monkeypatch) -> None:
    result = planned(write_stack, AS_DEPLOYED, monkeypatch, up=True)
    assert not [notice for notice in result.notices if "replaces it" in notice]


def test_a_type_change_is_refused_with_the_two_steps(write_stack, monkeypatch) -> None:
    resources = {**AS_DEPLOYED, **state_of("Department", type="string")}  # deployed as a string, now an array
    with pytest.raises(InputError) as refused:
        planned(write_stack, resources, monkeypatch, up=True)
    line = refused.value.line()
    assert line.startswith("error: Pulumi.test.yaml: gainsight-okta:attributes[2]: changing attribute 'Department'")
    assert "type string -> array" in line and "arrayType None -> string" in line
    assert "deletion process for an attribute with the same variable name is incomplete" in line
    assert "two deploys" in line and line.endswith("nothing was changed")


def test_a_scope_change_is_refused(write_stack, monkeypatch) -> None:
    resources = {**AS_DEPLOYED, **state_of("LicenseType", scope="SELF")}
    with pytest.raises(InputError, match=r"attributes\[1\]: changing attribute 'LicenseType' \(scope SELF -> NONE\)"):
        planned(write_stack, resources, monkeypatch, up=True)


def test_an_attribute_made_without_the_namespace_is_refused(write_stack, monkeypatch) -> None:
    """One made by hand before provisioning (Okta KB), then adopted: giving it the namespace replaces it."""
    resources = {**AS_DEPLOYED, **state_of("IsSuperAdmin", type="boolean", externalNamespace="", externalName="")}
    with pytest.raises(InputError, match="externalNamespace None -> urn:ietf"):
        planned(write_stack, resources, monkeypatch, up=True)


def test_a_preview_warns_instead(write_stack, monkeypatch) -> None:
    resources = {**AS_DEPLOYED, **state_of("Department", type="string")}
    result = planned(write_stack, resources, monkeypatch, up=False)
    warned = [notice for notice in result.notices if "`pulumi up` will refuse this stack" in notice]
    assert len(warned) == 1 and "attributes[2]" in warned[0] and "two deploys" in warned[0]


def test_nothing_is_compared_before_provisioning(write_stack, monkeypatch) -> None:
    resources = {**AS_DEPLOYED, **state_of("Department", type="string")}
    result = planned(
        write_stack, resources, monkeypatch, up=True, **{"gainsight-okta:scimApp": {"provisioningEnabled": False}}
    )
    assert not [notice for notice in result.notices if "replaces it" in notice]
