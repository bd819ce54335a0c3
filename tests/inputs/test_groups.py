"""`groups`: unique names, and profiles of declared group-scope attributes with values of the right kind."""

from __future__ import annotations

from typing import Any

import pytest

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs, load_stack_inputs
from tests.conftest import ARTICLE_ATTRIBUTES, ARTICLE_GROUPS
from tests.metadata_builder import PROJECT_ROOT

PERSONAL = {"name": "Region", "type": "string", "scope": "personal"}


def load(write_stack, groups: list[dict[str, Any]]) -> StackInputs:
    path = write_stack({"gainsight-okta:attributes": [*ARTICLE_ATTRIBUTES, PERSONAL], "gainsight-okta:groups": groups})
    return load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)


def refused(write_stack, groups: list[dict[str, Any]]) -> InputError:
    with pytest.raises(InputError) as caught:
        load(write_stack, groups)
    assert caught.value.source == "Pulumi.test.yaml"
    return caught.value


def test_article_groups_keep_their_order(write_stack) -> None:
    groups = load(write_stack, ARTICLE_GROUPS).groups
    assert [g.name for g in groups] == ["Admins", "Viewer"]
    assert all(g.sso and not g.is_existing for g in groups)


def test_existing_groups_by_name_or_id(write_stack) -> None:
    groups = load(
        write_stack, [{"name": "Everyone", "existing": True}, {"name": "Sales", "id": "00g1a2b3c4d5e6f7g8h9"}]
    ).groups
    assert groups[0].is_existing and groups[0].id is None
    assert groups[1].is_existing and groups[1].id == "00g1a2b3c4d5e6f7g8h9"


@pytest.mark.parametrize(
    ("groups", "location", "fragment"),
    [
        ([{"name": "A"}, {"name": "a"}], "groups[1].name", "listed twice"),
        ([{"name": ""}], "groups[0].name", "must not be empty"),
        ([{"name": "A::B"}], "groups[0].name", "'::'"),
        ([{"description": "x"}], "groups[0].name", "required"),
        ([{"name": "A", "id": "0oa1a2b3c4d5e6f7g8h9"}], "groups[0].id", "00g"),
        (
            [{"name": "A", "existing": True, "description": "x"}],
            "groups[0].description",
            "only a group this stack creates",
        ),
        ([{"name": "A", "sso": "no"}], "groups[0].sso", "true or false"),
        ([{"name": "A", "profile": ["LicenseType"]}], "groups[0].profile", "must be a mapping"),
        ([{"name": "A", "profile": {"Tier": "x"}}], "groups[0].profile.Tier", "not a declared attribute"),
        ([{"name": "A", "profile": {"Region": "EU"}}], "groups[0].profile.Region", "personal attribute"),
        ([{"name": "A", "profile": {"IsSuperAdmin": "true"}}], "groups[0].profile.IsSuperAdmin", "true or false"),
        (
            [{"name": "A", "profile": {"LicenseType": "Admin"}}],
            "groups[0].profile.LicenseType",
            "'Admin' is not one of",
        ),
        ([{"name": "A", "profile": {"LicenseType": ["Full"]}}], "groups[0].profile.LicenseType", "must be a string"),
        ([{"name": "A", "profile": {"Department": "Support"}}], "groups[0].profile.Department", "takes a list"),
        (
            [{"name": "A", "profile": {"Department": ["Sales"]}}],
            "groups[0].profile.Department",
            "'Sales' is not one of",
        ),
        ([{"name": "A", "profile": {"Department": ["Support", "Support"]}}], "groups[0].profile.Department", "twice"),
        ([{"name": "A", "profile": {"Department": [1]}}], "groups[0].profile.Department", "takes a list"),
    ],
)
def test_group_rules(write_stack, groups: list[dict[str, Any]], location: str, fragment: str) -> None:
    error = refused(write_stack, groups)
    assert error.location == f"gainsight-okta:{location}"
    assert fragment in error.message


def test_profile_errors_name_the_group_and_the_attribute(write_stack) -> None:
    error = refused(write_stack, [{"name": "Ok"}, {"name": "Viewers", "profile": {"LicenseType": "viewer"}}])
    assert error.location == "gainsight-okta:groups[1].profile.LicenseType"
    assert "group 'Viewers'" in error.message and "LicenseType" in error.message
