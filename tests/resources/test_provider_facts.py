"""The provider facts the documents rely on: ForceNew fields per declared type, and OAuth scopes per workflow."""

from __future__ import annotations

import re
from typing import Any

from pulumi.runtime.mocks import MockCallArgs

from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.provider_facts import FORCE_NEW, SCOPES, deploy_scopes, read_scopes
from tests.conftest import PROJECT_ROOT, article_stack

# Transcribed from terraform-provider-okta v6.12, okta/services/idaas/ (snake_case as in the Go schema):
# every field marked `ForceNew: true` for each resource type the program declares.
PROVIDER_FORCE_NEW = {
    "okta:app/saml:Saml": {"preconfigured_app"},  # resource_okta_app_saml.go; app.go's base schema has none
    "okta:group/group:Group": set(),  # resource_okta_group.go
    "okta:index/appGroupAssignments:AppGroupAssignments": {"app_id"},  # resource_okta_app_group_assignments.go
    "okta:app/groupAssignment:GroupAssignment": {"app_id", "group_id"},  # resource_okta_app_group_assignment.go
    # resource_okta_app_user_custom_schema_property.go (scope) + user_schema_property.go (userSchemaSchema:
    # array_type, external_name, external_namespace, unique; userBaseSchemaSchema: index, type).
    "okta:index/appUserSchemaProperty:AppUserSchemaProperty": {
        "scope",
        "array_type",
        "external_name",
        "external_namespace",
        "unique",
        "index",
        "type",
    },
    "okta:profile/mapping:Mapping": set(),  # resource_okta_profile_mapping.go
}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class RecordingInvokes(OfflineMocks):
    def __init__(self) -> None:
        super().__init__()
        self.tokens: set[str] = set()

    def call(self, args: MockCallArgs):
        self.tokens.add(args.token)
        return super().call(args)


def everything_declared(write_stack) -> tuple[set[str], set[str]]:
    """Resource types and look-ups of a stack that uses every feature (existing groups, sourced attributes)."""
    stack: dict[str, Any] = article_stack()
    stack["gainsight-okta:attributes"] = [
        *stack["gainsight-okta:attributes"],
        {"name": "CostCenter", "type": "string", "scope": "personal", "source": "user.costCenter"},
    ]
    stack["gainsight-okta:groups"] = [*stack["gainsight-okta:groups"], {"name": "Everyone", "existing": True}]
    stack["gainsight-okta:samlApp"] = {"signingKeyId": "kid-next"}  # the rotation's metadata look-up
    mocks = RecordingInvokes()
    path = write_stack(stack)
    plan = run_offline("test", read_stack_file(path), path.name, mocks).to_json()
    types = {r["type"] for r in plan["resources"] if r["type"].startswith("okta:")}
    return types, {token for token in mocks.tokens if token.startswith("okta:")}


def test_replacement_table_is_the_providers_force_new_fields(write_stack) -> None:
    assert {kind: set(fields) for kind, fields in FORCE_NEW.items()} == {
        kind: {camel(field) for field in fields} for kind, fields in PROVIDER_FORCE_NEW.items()
    }
    types, _ = everything_declared(write_stack)
    assert types == set(FORCE_NEW)  # every declared type has its row, and no row is stale
    assert "appId" not in FORCE_NEW["okta:index/appUserSchemaProperty:AppUserSchemaProperty"]


def test_every_declared_type_and_look_up_has_its_scopes(write_stack) -> None:
    types, tokens = everything_declared(write_stack)
    assert types | tokens == set(SCOPES)
    assert "okta.profileMappings.manage" in deploy_scopes()
    assert "okta.profileMappings.read" in read_scopes()
    assert not [scope for scope in read_scopes() if scope.endswith(".manage")]


def test_readme_lists_the_scopes_of_each_workflow() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text()
    deploy = re.search(r"Deploy \(`pulumi up`\): `([^`]+)`", readme)
    read = re.search(r"Preview and drift \(read only\): `([^`]+)`", readme)
    assert deploy and read, "the README's OAuth scopes lines are missing"
    assert sorted(deploy.group(1).split(",")) == deploy_scopes()
    assert sorted(read.group(1).split(",")) == read_scopes()
