"""`gainsight-okta:attributes`: custom SCIM fields of the Gainsight SCIM app, and the rules Gainsight imposes."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictStr

from components.errors import InputError
from components.inputs.gainsight_schema import (
    KNOWN_FIELDS,
    LICENSE_TYPE,
    LICENSE_TYPES,
    OKTA_BASE_ATTRIBUTES,
    folded,
    near_miss,
)
from components.inputs.model_base import STACK_FILE_PREFIX, SettingsModel, StrictBool, Text

_VARIABLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,99}$")
_TYPES = ("boolean", "string", "array")


def _attribute_type(value: str) -> str:
    if value not in _TYPES:
        raise ValueError(
            f"{value!r} is not a type Gainsight supports; use boolean, string (with enum: a Picklist) "
            "or array (with enum: a Multi-Picklist)"
        )
    return value


def _expression(value: str) -> str:
    if not value.strip():
        raise ValueError("must be an Okta expression such as user.department")
    return value.strip()


class AttributeSettings(SettingsModel):
    name: Text
    title: Text | None = None
    description: Text | None = None
    type: Annotated[StrictStr, AfterValidator(_attribute_type)]
    enum: list[Text] | None = Field(default=None)
    scope: Literal["group", "personal"] = "group"
    union: StrictBool = False
    source: Annotated[Text, AfterValidator(_expression)] | None = None

    @property
    def display_title(self) -> str:
        return self.title or self.name

    @property
    def is_group_scope(self) -> bool:
        return self.scope == "group"


def _check_one(position: int, attribute: AttributeSettings, source: str, prefix: str) -> AttributeSettings:
    at = f"{prefix}attributes[{position}]"
    name = attribute.name

    def fail(key: str, message: str) -> InputError:
        return InputError(source, f"{at}.{key}", f"attribute {name!r}: {message}")

    if (meant := near_miss(name)) is not None:
        raise fail("name", f"Gainsight ignores fields it does not know by exact name; did you mean {meant!r}?")
    if not _VARIABLE_NAME.match(name):
        raise fail("name", "must start with a letter and hold only letters, digits and _ (Okta's variable name rule)")
    if name in OKTA_BASE_ATTRIBUTES:
        raise fail("name", "is already in the SCIM app's base profile; choose another name")
    if name in KNOWN_FIELDS and attribute.type != KNOWN_FIELDS[name]:
        raise fail("type", f"Gainsight's {name} must be {KNOWN_FIELDS[name]}")
    if attribute.enum is not None:
        if attribute.type == "boolean":
            raise fail("enum", "a boolean takes no enum")
        if not attribute.enum:
            raise fail("enum", "must list at least one value")
        if len(set(attribute.enum)) != len(attribute.enum):
            raise fail("enum", "lists a value twice")
        if any(not value.strip() for value in attribute.enum):
            raise fail("enum", "holds an empty value")
    if attribute.type == "array" and attribute.enum is None:
        raise fail("enum", "an array is a Gainsight Multi-Picklist and needs its values in enum")
    if name == LICENSE_TYPE:
        wrong = [value for value in attribute.enum or () if value not in LICENSE_TYPES]
        if wrong:
            raise fail("enum", f"{wrong[0]!r} is not a Gainsight license type; use {', '.join(LICENSE_TYPES)}")
        if attribute.enum is None:
            # A free-text LicenseType would let a typo through to Gainsight: make it the picklist it is.
            attribute = attribute.model_copy(update={"enum": list(LICENSE_TYPES)})
    if attribute.union and attribute.type != "array":
        raise fail("union", "only an array (Multi-Picklist) can combine values across groups")
    if attribute.union and attribute.scope == "personal":
        raise fail("union", "a personal attribute has one value per user; union needs scope group")
    if attribute.source is not None and attribute.scope != "personal":
        raise fail("source", "only a personal attribute is mapped from the Okta user profile; set scope: personal")
    return attribute


def check_attributes(
    attributes: list[AttributeSettings], source: str, prefix: str = STACK_FILE_PREFIX
) -> tuple[AttributeSettings, ...]:
    """Apply Gainsight's and Okta's rules; return the attributes with defaults filled in."""
    checked: list[AttributeSettings] = []
    seen: dict[str, str] = {}
    for position, attribute in enumerate(attributes):
        key = folded(attribute.name)
        if key in seen:
            raise InputError(
                source,
                f"{prefix}attributes[{position}].name",
                f"attribute {attribute.name!r} is declared twice (also as {seen[key]!r})",
            )
        seen[key] = attribute.name
        checked.append(_check_one(position, attribute, source, prefix))
    return tuple(checked)
