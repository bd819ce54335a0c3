"""Attributes, groups and assignments as declared under Pulumi's mocks, and the gate on the manual SCIM step."""

from __future__ import annotations

import itertools
import json

import pytest

from components.inputs.gainsight_schema import OKTA_GROUP_SCOPED_BASE_ATTRIBUTES, SCIM_NAMESPACE
from tests.conftest import ARTICLE_ATTRIBUTES, ARTICLE_GROUPS, article_stack, resource

ATTR = "okta:index/appUserSchemaProperty:AppUserSchemaProperty"
ASSIGNMENTS = "okta:index/appGroupAssignments:AppGroupAssignments"
WRITER = "okta:app/groupAssignment:GroupAssignment"
GROUP = "okta:group/group:Group"
MAPPING = "okta:profile/mapping:Mapping"


def writers(document: dict, kind: str) -> list[dict]:
    """The app's per-group assignments, in the stack's priority order."""
    found = [r for r in of_type(document, WRITER) if r["name"].startswith(f"gainsight-{kind}-assignment-")]
    return sorted(found, key=lambda r: r["inputs"]["priority"])


def of_type(document: dict, type_: str) -> list[dict]:
    return [r for r in document["resources"] if r["type"] == type_]


def test_attributes_in_gainsights_namespace_with_exact_external_names(plan_stack) -> None:
    document = plan_stack(article_stack())
    attributes = {r["name"]: r for r in of_type(document, ATTR)}
    assert set(attributes) == {"gainsight-attr-IsSuperAdmin", "gainsight-attr-LicenseType", "gainsight-attr-Department"}
    for spec in ARTICLE_ATTRIBUTES:
        inputs = attributes[f"gainsight-attr-{spec['name']}"]["inputs"]
        assert inputs["index"] == inputs["externalName"] == spec["name"]
        assert inputs["externalNamespace"] == SCIM_NAMESPACE
        assert inputs["type"] == spec["type"]
        assert inputs["scope"] == "NONE"
        assert inputs["appId"] == "placeholder-id-gainsight-scim"  # on the SCIM app, never the SSO app


def test_picklist_and_multi_picklist_values(plan_stack) -> None:
    document = plan_stack(article_stack())
    license_type = resource(document, "gainsight-attr-LicenseType")["inputs"]
    assert license_type["enums"] == ["Full", "Viewer", "Viewer_Analytics"]
    assert license_type["oneOfs"] == [{"const": v, "title": v} for v in ["Full", "Viewer", "Viewer_Analytics"]]
    assert "arrayType" not in license_type
    department = resource(document, "gainsight-attr-Department")["inputs"]
    assert department["arrayType"] == "string"
    assert department["arrayEnums"] == ["Support", "Services", "Engineering"]
    assert department["arrayOneOfs"][0] == {"const": "Support", "title": "Support"}
    assert "enums" not in department and "oneOfs" not in department  # the provider refuses both forms at once
    assert department["union"] is False
    boolean = resource(document, "gainsight-attr-IsSuperAdmin")["inputs"]
    assert not {"enums", "oneOfs", "arrayType", "union"} & set(boolean)


def test_scope_union_title_and_description(plan_stack) -> None:
    attributes = [
        {"name": "Tags", "type": "array", "enum": ["a", "b"], "union": True, "title": "Tags!", "description": "d"},
        {"name": "Region", "type": "string", "scope": "personal"},
    ]
    document = plan_stack(article_stack(**{"gainsight-okta:attributes": attributes, "gainsight-okta:groups": []}))
    tags = resource(document, "gainsight-attr-Tags")["inputs"]
    assert tags["union"] is True and tags["title"] == "Tags!" and tags["description"] == "d"
    assert resource(document, "gainsight-attr-Region")["inputs"]["scope"] == "SELF"


def test_groups_are_created_and_assigned_to_both_apps_in_priority_order(plan_stack) -> None:
    document = plan_stack(article_stack())
    created = {r["inputs"]["name"]: r for r in of_type(document, GROUP)}
    assert set(created) == {"Admins", "Viewer"}
    assert created["Admins"]["name"] == "gainsight-group-Admins"
    scim = [resource(document, f"gainsight-scim-assignment-{g['name']}")["inputs"] for g in ARTICLE_GROUPS]
    assert {s["appId"] for s in scim} == {"placeholder-id-gainsight-scim"}
    assert [(s["groupId"], s["priority"]) for s in scim] == [
        ("placeholder-id-gainsight-group-Admins", 10),
        ("placeholder-id-gainsight-group-Viewer", 20),
    ]
    # Every group-scoped attribute is declared, null where the group sets none: Okta's read (provider #669).
    unset = dict.fromkeys(OKTA_GROUP_SCOPED_BASE_ATTRIBUTES) | {
        a["name"]: None for a in ARTICLE_ATTRIBUTES if a.get("scope", "group") == "group"
    }
    assert [json.loads(s["profile"]) for s in scim] == [unset | g["profile"] for g in ARTICLE_GROUPS]
    sso = [resource(document, f"gainsight-sso-assignment-{g['name']}")["inputs"] for g in ARTICLE_GROUPS]
    assert {s["appId"] for s in sso} == {"placeholder-id-gainsight-sso"}
    assert [json.loads(s["profile"]) for s in sso] == [{}, {}]  # sign-in needs no Gainsight values


def test_sso_false_keeps_a_group_off_the_sso_app(plan_stack) -> None:
    groups = [{"name": "Provisioned only", "sso": False}, {"name": "Everyone else"}]
    document = plan_stack(article_stack(**{"gainsight-okta:groups": groups}))
    sso_ids = [r["inputs"]["groupId"] for r in writers(document, "sso")]
    scim_ids = [r["inputs"]["groupId"] for r in writers(document, "scim")]
    assert sso_ids == ["placeholder-id-gainsight-group-Everyone else"]
    assert len(scim_ids) == 2


def test_no_sso_groups_leaves_the_sso_apps_assignments_alone(plan_stack) -> None:
    document = plan_stack(article_stack(**{"gainsight-okta:groups": [{"name": "A", "sso": False}]}))
    assert [r["name"] for r in of_type(document, ASSIGNMENTS)] == ["gainsight-scim-assignments"]


def test_existing_groups_are_looked_up_not_created(plan_stack) -> None:
    groups = [{"name": "Everyone", "existing": True}, {"name": "Sales", "id": "00g1a2b3c4d5e6f7g8h9"}]
    document = plan_stack(article_stack(**{"gainsight-okta:groups": groups}))
    assert of_type(document, GROUP) == []
    ids = [r["inputs"]["groupId"] for r in writers(document, "scim")]
    assert ids == ["placeholder-id-group-named-Everyone", "00g1a2b3c4d5e6f7g8h9"]


def test_scim_assignments_wait_for_the_attributes_without_a_chain(plan_stack) -> None:
    document = plan_stack(article_stack())
    by_name = {r["name"]: r for r in of_type(document, ATTR)}
    names = [f"gainsight-attr-{a['name']}" for a in ARTICLE_ATTRIBUTES]
    # The attributes write one app schema one after another: a short chain, as long as the attribute list.
    assert by_name[names[0]]["options"]["dependsOn"] == []
    for before, after in itertools.pairwise(names):
        assert by_name[after]["options"]["dependsOn"] == [by_name[before]["urn"]]
    for writer in writers(document, "scim"):
        assert writer["options"]["dependsOn"] == [by_name[names[-1]]["urn"]]  # the last attribute: all are there
    assert all(w["options"]["dependsOn"] == [] for w in writers(document, "sso"))  # groups never chain


def test_personal_attribute_with_source_is_mapped_from_the_okta_user(plan_stack) -> None:
    attributes = [
        *ARTICLE_ATTRIBUTES,
        {"name": "Region", "type": "string", "scope": "personal", "source": "user.countryCode"},
    ]
    document = plan_stack(article_stack(**{"gainsight-okta:attributes": attributes}))
    mapping = resource(document, "gainsight-scim-mapping")
    assert mapping["type"] == MAPPING
    assert mapping["inputs"]["sourceId"] == "placeholder-id-okta-user-profile"
    assert mapping["inputs"]["targetId"] == "placeholder-id-gainsight-scim"
    assert mapping["inputs"]["mappings"] == [{"expression": "user.countryCode", "id": "Region", "pushStatus": "PUSH"}]
    assert mapping["inputs"]["deleteWhenAbsent"] is False
    assert "urn:pulumi:test::gainsight-okta::gainsight-okta:index:GainsightOkta$" in mapping["options"]["dependsOn"][0]


def test_no_mapping_without_sourced_attributes(plan_stack) -> None:
    assert of_type(plan_stack(article_stack()), MAPPING) == []


def test_gate_closed_declares_apps_groups_and_sso_assignments_only(plan_stack) -> None:
    document = plan_stack(article_stack(provisioning=False))
    types = {r["type"] for r in document["resources"]}
    assert of_type(document, ATTR) == []
    assert MAPPING not in types
    assert [r["name"] for r in of_type(document, ASSIGNMENTS)] == ["gainsight-sso-assignments"]
    assert len(of_type(document, GROUP)) == 2


def test_gate_closed_says_what_waits(write_stack) -> None:
    from components.inputs.stack_file import read_stack_file
    from components.offline.plan import run_offline

    path = write_stack(article_stack(provisioning=False))
    plan = run_offline("test", read_stack_file(path), path.name)
    (notice,) = plan.notices
    assert notice.startswith("warning: SCIM provisioning is waiting on a manual step")
    assert "3 Profile Editor attribute(s)" in notice
    assert "assignments of 2 group(s)" in notice
    assert "provisioningEnabled: true" in notice

    opened = run_offline("test", read_stack_file(write_stack(article_stack())), path.name)
    assert not any("waiting on a manual step" in notice for notice in opened.notices)
    # Offline the provisioning check is simply unknown: nothing reads like a failure.
    assert opened.notices == []


@pytest.mark.parametrize("provisioning", [True, False])
def test_assignment_priorities_are_unique_per_app(plan_stack, provisioning: bool) -> None:
    groups = [{"name": f"G{i}"} for i in range(12)]
    document = plan_stack(article_stack(provisioning, **{"gainsight-okta:groups": groups}))
    for kind in ("sso", "scim") if provisioning else ("sso",):
        priorities = [w["inputs"]["priority"] for w in writers(document, kind)]
        assert len(priorities) == 12
        assert priorities == sorted(set(priorities)) and min(priorities) >= 1  # list order, unique, never 0


def test_depends_on_is_listed_in_a_stable_order(plan_stack) -> None:
    """The SDK sends dependencies as a set; plans of the same code must compare equal line by line."""
    groups = [{"name": f"G{i:02d}"} for i in range(30)]
    document = plan_stack(article_stack(**{"gainsight-okta:groups": groups}))
    depends_on = resource(document, "gainsight-scim-assignments")["options"]["dependsOn"]
    assert len(depends_on) == 31  # the watcher waits for its 30 writers (and the last attribute)
    assert depends_on == sorted(depends_on)
