"""`samlApp.attributeStatements`: Okta expression statements and group statements, one error per mistake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import load_stack_inputs
from tests.metadata_builder import PROJECT_ROOT

AT = "gainsight-okta:samlApp.attributeStatements[0]"
GROUPS = {"name": "groups", "type": "group", "filterType": "STARTS_WITH", "filterValue": "Gainsight"}


def statements_of(write_stack, *statements: dict[str, Any]) -> tuple[Any, ...]:
    path = write_stack({"gainsight-okta:samlApp": {"attributeStatements": list(statements)}})
    settings = load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT).settings
    return tuple(settings.saml_app.attribute_statements or ())


def error_for(write_stack, statement: dict[str, Any]) -> InputError:
    path: Path = write_stack({"gainsight-okta:samlApp": {"attributeStatements": [statement]}})
    with pytest.raises(InputError) as caught:
        load_stack_inputs(read_stack_file(path).config, path.name, PROJECT_ROOT)
    assert caught.value.line().startswith(f"error: {path.name}: ")
    assert "\n" not in caught.value.line()
    return caught.value


def test_a_group_statement(write_stack) -> None:
    (statement,) = statements_of(
        write_stack, {**GROUPS, "namespace": "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"}
    )
    assert statement.is_group
    assert (statement.name, statement.filter_type, statement.filter_value) == ("groups", "STARTS_WITH", "Gainsight")
    assert statement.values is None
    assert statement.namespace == "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"


@pytest.mark.parametrize("filter_type", ["STARTS_WITH", "EQUALS", "CONTAINS", "REGEX"])
def test_every_okta_filter_type(write_stack, filter_type: str) -> None:
    (statement,) = statements_of(write_stack, {**GROUPS, "filterType": filter_type, "filterValue": "Gainsight.*"})
    assert statement.filter_type == filter_type


def test_expression_is_the_default_type_and_may_be_written(write_stack) -> None:
    implicit, explicit = statements_of(
        write_stack,
        {"name": "mail", "values": ["user.email"]},
        {"name": "mail2", "type": "expression", "values": ["user.email"]},
    )
    assert implicit.type == explicit.type == "expression"
    assert not implicit.is_group and implicit.filter_type is None and implicit.values == ["user.email"]


@pytest.mark.parametrize(
    ("statement", "location", "fragment"),
    [
        (
            {"name": "groups", "type": "group", "filterValue": "Gainsight"},
            f"{AT}.filterType",
            "is required on a group statement: one of STARTS_WITH, EQUALS, CONTAINS, REGEX",
        ),
        (
            {**GROUPS, "filterType": "starts_with"},
            f"{AT}.filterType",
            "'starts_with' is not a group filter type; use one of STARTS_WITH, EQUALS, CONTAINS, REGEX",
        ),
        ({**GROUPS, "filterType": "LIKE"}, f"{AT}.filterType", "'LIKE' is not a group filter type"),
        (
            {"name": "groups", "type": "group", "filterType": "EQUALS"},
            f"{AT}.filterValue",
            "is required on a group statement",
        ),
        ({**GROUPS, "filterValue": "  "}, f"{AT}.filterValue", "must not be empty"),
        ({**GROUPS, "values": ["user.email"]}, f"{AT}.values", "is not allowed on a group statement"),
        ({**GROUPS, "values": []}, f"{AT}.values", "is not allowed on a group statement"),
        (
            {"name": "groups", "values": ["user.email"], "filterType": "EQUALS"},
            f"{AT}.filterType",
            "is only for group statements: add `type: group`",
        ),
        (
            {"name": "groups", "values": ["user.email"], "filterValue": "Gainsight"},
            f"{AT}.filterValue",
            "is only for group statements",
        ),
        (  # a forgotten `type: group`: the filter is named, not the missing values
            {"name": "groups", "filterType": "EQUALS", "filterValue": "Gainsight"},
            f"{AT}.filterType",
            "is only for group statements",
        ),
        ({"name": "mail"}, f"{AT}.values", "is required: the Okta expressions"),
        ({**GROUPS, "type": "GROUP"}, f"{AT}.type", "'GROUP' is not an attribute statement type; use one of"),
        ({**GROUPS, "filtertype": "EQUALS"}, f"{AT}.filtertype", "did you mean 'filterType'?"),
    ],
)
def test_bad_statements(write_stack, statement: dict[str, Any], location: str, fragment: str) -> None:
    error = error_for(write_stack, statement)
    assert error.location == location
    assert fragment in error.message


@pytest.mark.parametrize("pattern", ["Gainsight-(admins", "[a-", "*Gainsight"])
def test_a_regex_filter_must_compile(write_stack, pattern: str) -> None:
    error = error_for(write_stack, {**GROUPS, "filterType": "REGEX", "filterValue": pattern})
    assert error.location == f"{AT}.filterValue"
    assert error.message.startswith(f"{pattern!r} is not a regular expression (")


def test_braces_in_a_bad_pattern_are_shown_as_written(write_stack) -> None:
    error = error_for(write_stack, {**GROUPS, "filterType": "REGEX", "filterValue": "{at}{2}("})
    assert error.message.startswith("'{at}{2}(' is not a regular expression (")


def test_only_a_regex_filter_is_compiled(write_stack) -> None:
    (statement,) = statements_of(write_stack, {**GROUPS, "filterType": "CONTAINS", "filterValue": "Sales ("})
    assert statement.filter_value == "Sales ("
