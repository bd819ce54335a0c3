"""`samlApp.attributeStatements`: what the SAML assertion carries, as Okta expressions or as a group filter.

Okta's two kinds (the provider's `attribute_statements` block, resource_okta_app_saml.go): an EXPRESSION
statement sends the values of its expressions; a GROUP statement sends the names of the user's groups that
match `filterType` and `filterValue`, and takes no values (the provider's validateAppSaml refuses both at once).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from components.inputs.model_base import SettingsModel, Text

StatementType = Literal["expression", "group"]
FilterType = Literal["STARTS_WITH", "EQUALS", "CONTAINS", "REGEX"]  # as Okta spells them: sent verbatim
STATEMENT_TYPES: tuple[str, ...] = get_args(StatementType)
FILTER_TYPES: tuple[str, ...] = get_args(FilterType)
UNSPECIFIED_NAMESPACE = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
Namespace = Literal[
    "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified",
    "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
    "urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
]


def _one_of(choices: tuple[str, ...], what: str) -> Any:
    def check(value: Any) -> Any:
        # Before pydantic's Literal check, whose "Input should be…" names no setting.
        if value not in choices:
            raise ValueError(f"{value!r} is not {what}; use one of {', '.join(choices)}")
        return value

    return BeforeValidator(check)


def _name(value: str) -> str:
    # Not stricter than Okta: `adopt` writes the names an org holds, and they must read back.
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _filter_value(value: str) -> str:
    # Spaces inside are fine (group names have them); a blank filter would match every group or none.
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _problem(at: str, message: str, **context: str) -> PydanticCustomError:
    # `at` names the key inside the statement (stack_inputs appends it to the error's location).
    return PydanticCustomError("attribute_statement", message, {"at": at, **context})


class AttributeStatementSettings(SettingsModel):
    """One SAML attribute statement: `name` in the assertion, then Okta expressions or a group filter."""

    name: Annotated[Text, AfterValidator(_name)]
    type: Annotated[StatementType, _one_of(STATEMENT_TYPES, "an attribute statement type")] = "expression"
    values: list[Text] | None = None  # expression statements only
    filter_type: Annotated[FilterType, _one_of(FILTER_TYPES, "a group filter type")] | None = None
    filter_value: Annotated[Text, AfterValidator(_filter_value)] | None = None
    namespace: Namespace = UNSPECIFIED_NAMESPACE

    @property
    def is_group(self) -> bool:
        return self.type == "group"

    @model_validator(mode="after")
    def _fields_of_its_type(self) -> AttributeStatementSettings:
        if self.is_group:
            self._check_group()
        elif self.filter_type is not None or self.filter_value is not None:
            # First: a statement with a filter and no values most likely lacks its `type: group`.
            at = "filterType" if self.filter_type is not None else "filterValue"
            raise _problem(at, "is only for group statements: add `type: group` (and remove values), or remove it")
        elif self.values is None:
            raise _problem("values", "is required: the Okta expressions the statement sends, e.g. [user.email]")
        return self

    def _check_group(self) -> None:
        if self.values is not None:
            raise _problem(
                "values",
                "is not allowed on a group statement (type: group): it sends the user's groups that match "
                "filterType and filterValue; remove values",
            )
        if self.filter_type is None:
            raise _problem("filterType", f"is required on a group statement: one of {', '.join(FILTER_TYPES)}")
        if self.filter_value is None:
            raise _problem("filterValue", "is required on a group statement: what group names are matched against")
        if self.filter_type == "REGEX":
            try:
                re.compile(self.filter_value)
            except re.error as exc:
                # Passed as context: braces in a pattern (`a{2}`) are not a message template's.
                problem = f"{self.filter_value!r} is not a regular expression ({exc})"
                raise _problem("filterValue", "{problem}", problem=problem) from None
