"""What the real okta provider does with what we declare, pinned from its source (okta/services/idaas/ of
terraform-provider-okta v6.12, bridged by pulumi_okta 7.0): no silent deletions, no perpetual diffs.

The mocks accept anything, so each test states the provider behaviour it guards against and checks the
declaration (options and inputs) that keeps users safe from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.provider_facts import GROUP_LOOKUP
from tests import metadata_builder as mb
from tests.conftest import PROJECT_ROOT, article_stack, resource, run_cli

ATTR = "okta:index/appUserSchemaProperty:AppUserSchemaProperty"
SOURCED = {"name": "CostCenter", "type": "string", "scope": "personal", "source": "user.costCenter"}


def with_sourced_attribute(**changes: Any) -> dict[str, Any]:
    stack = article_stack(**changes)
    stack["gainsight-okta:attributes"] = [*stack["gainsight-okta:attributes"], SOURCED]
    return stack


def test_profile_mapping_is_never_deleted_by_pulumi(plan_stack) -> None:
    """resource_okta_profile_mapping.go, resourceProfileMappingDelete: sets every property of the Okta user ->
    app mapping to nil except `login`, whatever `delete_when_absent` says. So the mapping is retain_on_delete."""
    mapping = resource(plan_stack(with_sourced_attribute()), "gainsight-scim-mapping")
    assert mapping["options"]["retainOnDelete"] is True
    assert mapping["inputs"]["deleteWhenAbsent"] is False  # Create/Update leave undeclared mappings alone


def test_a_new_scim_app_replaces_the_mapping_instead_of_editing_the_old_one(write_stack) -> None:
    """resource_okta_profile_mapping.go: source_id and target_id are not ForceNew, and Update edits the mapping
    by the id in state (GetProfileMapping(d.Id())): after the SCIM app is replaced it would edit the old app's
    mapping. A changed target replaces the resource; Create finds the mapping of the new pair."""
    path = write_stack(with_sourced_attribute())
    plan = run_offline("test", read_stack_file(path), path.name)
    (mapping,) = [r for r in plan.recording.registrations if r.name == "gainsight-scim-mapping"]
    assert mapping.replace_on_changes == ["sourceId", "targetId"]
    assert mapping.retain_on_delete  # the replaced one is forgotten, not emptied


@pytest.mark.parametrize("protect", [True, False])
def test_scim_side_is_protected_in_protected_stacks(plan_stack, protect: bool) -> None:
    """Removing the SCIM app's assignments unassigns every group (resourceAppGroupAssignmentsDelete deletes each
    one), and Okta then deactivates every Gainsight user when Deactivate Users is on."""
    document = plan_stack(with_sourced_attribute(**{"gainsight-okta:protect": protect}))
    scim_side = [r for r in document["resources"] if r["type"] == ATTR] + [
        resource(document, "gainsight-scim-assignments"),
        resource(document, "gainsight-sso-assignments"),
        resource(document, "gainsight-scim-mapping"),
    ]
    assert {r["options"]["protect"] for r in scim_side} == {protect}


def test_attributes_are_deleted_before_they_are_replaced(plan_stack) -> None:
    """resource_okta_app_user_custom_schema_property.go: the id is always `app_id/index`; Delete posts a nil
    property for that index; scope, type, array_type, external_name, external_namespace, index and unique are
    ForceNew (user_schema_property.go). Create-before-delete would let the old Delete remove the new attribute
    (provider #2593, pulumi-okta #1082), so every attribute is deleteBeforeReplace."""
    attributes = [r for r in plan_stack(article_stack())["resources"] if r["type"] == ATTR]
    assert attributes and all(r["options"]["deleteBeforeReplace"] for r in attributes)


def test_created_groups_survive_their_removal_from_the_stack(plan_stack) -> None:
    """resource_okta_group.go: Delete deletes the Okta group and with it every membership. Removing a group
    from the stack, or switching it to `existing: true`, must not do that: retain_on_delete."""
    groups = [r for r in plan_stack(article_stack())["resources"] if r["type"] == "okta:group/group:Group"]
    assert groups and all(r["options"]["retainOnDelete"] for r in groups)


def test_previous_name_is_an_alias_so_a_rename_updates_in_place(plan_stack) -> None:
    """resource_okta_group.go: `name` is not ForceNew, so with the old URN as an alias the provider renames the
    group (an update) instead of deleting it and creating another."""
    groups = [{"name": "Gainsight Viewers", "previousName": "Viewer", "profile": {"LicenseType": "Viewer"}}]
    group = resource(
        plan_stack(article_stack(**{"gainsight-okta:groups": groups})), "gainsight-group-Gainsight Viewers"
    )
    assert group["inputs"]["name"] == "Gainsight Viewers"
    assert group["options"]["aliases"] == [
        "urn:pulumi:test::gainsight-okta::gainsight-okta:index:GainsightOkta$okta:group/group:Group::gainsight-group-Viewer"
    ]


@pytest.mark.parametrize(
    ("group", "message"),
    [
        ({"name": "A", "previousName": "A"}, "previousName is the same as name"),
        ({"name": "A", "existing": True, "previousName": "B"}, "only a group this stack creates can be renamed"),
        ({"name": "A", "previousName": "Viewer"}, "'Viewer' is still listed as a group of its own"),
    ],
)
def test_previous_name_mistakes_are_errors(write_stack, group: dict[str, Any], message: str) -> None:
    from components.inputs.stack_inputs import load_stack_inputs

    groups = [group, {"name": "Viewer"}]
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    with pytest.raises(InputError) as caught:
        load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)
    assert caught.value.location == "gainsight-okta:groups[0].previousName"
    assert message in caught.value.message


class PrefixMatchingOkta(OfflineMocks):
    """data_source_okta_group.go, findGroup: Okta's `q` is a name *prefix* search, and a single match is used
    even when its name differs ("using partial match"), with only a log line."""

    def __init__(self) -> None:
        super().__init__()
        self.declared: list[str] = []

    def call(self, args: MockCallArgs):
        if args.token == GROUP_LOOKUP:
            return {"id": "00gPARTIALmatch0001", "name": f"{args.args['name']} (Contractors)"}, []
        return super().call(args)

    def new_resource(self, args):
        self.declared.append(args.name)
        return super().new_resource(args)


def test_an_existing_group_found_only_by_prefix_is_refused_before_anything_is_declared(write_stack) -> None:
    groups = [{"name": "Admins", "profile": {"IsSuperAdmin": True}}, {"name": "Sales", "existing": True}]
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    mocks = PrefixMatchingOkta()
    with pytest.raises(InputError) as caught:
        run_offline("test", read_stack_file(path), path.name, mocks)
    assert caught.value.location == "gainsight-okta:groups[1].name"
    assert "'Sales (Contractors)' (00gPARTIALmatch0001)" in caught.value.message
    assert [name for name in mocks.declared if not name.startswith("gainsight-previous")] == []


def test_sequential_acs_indices_are_declared_as_the_list_okta_reads_back(plan_stack, tmp_path: Path) -> None:
    """app.go, isACSEndpointSequential and resourceAppSamlRead: indices exactly 0..n-1 are read back as
    `acs_endpoints` (and `acs_endpoints_indices` cleared). Declaring them as indices would diff forever."""
    services = mb.acs("https://a.example/zero", index=0, default="true") + mb.acs("https://a.example/one", index=1)
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    for name in ("gainsight-sso", "gainsight-scim"):
        inputs = resource(plan_stack({"gainsight-okta:metadataFile": str(metadata)}), name)["inputs"]
        assert inputs["acsEndpoints"] == ["https://a.example/zero", "https://a.example/one"]
        assert "acsEndpointsIndices" not in inputs


def test_non_sequential_acs_indices_keep_their_indices(plan_stack, tmp_path: Path) -> None:
    services = mb.acs("https://a.example/one", index=1, default="true") + mb.acs("https://a.example/five", index=5)
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    inputs = resource(plan_stack({"gainsight-okta:metadataFile": str(metadata)}), "gainsight-sso")["inputs"]
    assert inputs["acsEndpointsIndices"] == [
        {"index": 1, "url": "https://a.example/one"},
        {"index": 5, "url": "https://a.example/five"},
    ]
    assert "acsEndpoints" not in inputs


def test_app_username_is_declared_on_both_apps(plan_stack) -> None:
    """app.go, baseAppSwaSchema: `user_name_template` defaults to `${source.login}` and buildSamlApp sends it on
    every update; it is the SCIM `userName` Gainsight receives. Declared, `${source.email}` by default."""
    document = plan_stack()
    for name in ("gainsight-sso", "gainsight-scim"):
        inputs = resource(document, name)["inputs"]
        assert inputs["userNameTemplate"] == "${source.email}"
        assert inputs["userNameTemplateType"] == "BUILT_IN"
        assert inputs["subjectNameIdTemplate"] == "${user.email}"  # the NameID: samlApp.userNameTemplate


def test_app_username_is_configurable_per_app(plan_stack) -> None:
    custom = '${fn:substringBefore(source.email, "@")}.gs'
    document = plan_stack(
        {
            "gainsight-okta:samlApp": {"appUsernameTemplate": "${source.login}"},
            "gainsight-okta:scimApp": {"appUsernameTemplate": custom},
        }
    )
    sso, scim = resource(document, "gainsight-sso")["inputs"], resource(document, "gainsight-scim")["inputs"]
    assert (sso["userNameTemplate"], sso["userNameTemplateType"]) == ("${source.login}", "BUILT_IN")
    assert (scim["userNameTemplate"], scim["userNameTemplateType"]) == (custom, "CUSTOM")


@pytest.mark.parametrize("template", ["source.email", "${user.email}", "${source.email", "email"])
def test_app_username_must_be_an_okta_template_over_source(write_stack, template: str) -> None:
    path = write_stack({"gainsight-okta:scimApp": {"appUsernameTemplate": template}})
    result = run_cli("validate", "--stack", "t", "--config", str(path))
    assert result.returncode == 2
    assert "gainsight-okta:scimApp.appUsernameTemplate" in result.stderr


def test_shipped_dev_stack_waits_for_the_manual_step() -> None:
    """A user copies the dev stack: attributes created before SCIM is switched on lack the external namespace
    (Okta KB) and never reach Gainsight, so it ships with the gate closed."""
    config = read_stack_file(PROJECT_ROOT / "Pulumi.dev.yaml").config
    assert '"provisioningEnabled": false' in config["gainsight-okta:scimApp"]
    assert len(eval_json(config["gainsight-okta:attributes"])) == 4  # the article's attributes are in place


def eval_json(text: str) -> Any:
    import json

    return json.loads(text)
