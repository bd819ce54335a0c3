"""`gainsight-okta:groups`: Okta groups in priority order, with the Gainsight values each one sets."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StrictStr

from components.errors import InputError
from components.inputs.attributes import AttributeSettings
from components.inputs.model_base import STACK_FILE_PREFIX, SettingsModel, StrictBool, Text

_OKTA_GROUP_ID = re.compile(r"^00g[0-9A-Za-z]{10,30}$")


def _group_name(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if value != value.strip():
        raise ValueError(f"{value!r} must not start or end with spaces")
    if "::" in value:
        raise ValueError("must not contain '::' (it would break the resource's Pulumi URN)")
    if len(value) > 255:
        raise ValueError("must be at most 255 characters (Okta's limit for group names)")
    return value


def _group_id(value: str) -> str:
    if not _OKTA_GROUP_ID.match(value):
        raise ValueError(f"{value!r} is not an Okta group id (it starts with 00g)")
    return value


class GroupSettings(SettingsModel):
    name: Annotated[Text, AfterValidator(_group_name)]
    description: Text | None = None
    existing: StrictBool = False
    id: Annotated[StrictStr, AfterValidator(_group_id)] | None = None
    profile: dict[StrictStr, Any] = Field(default_factory=dict)
    sso: StrictBool = True
    # False: a sign-in-only group, assigned to the SSO app but not provisioned to Gainsight.
    scim: StrictBool = True
    # The name this group had before a rename: the created Okta group is renamed in place, keeping its members.
    previous_name: Annotated[Text, AfterValidator(_group_name)] | None = None

    @property
    def is_existing(self) -> bool:
        """An existing group is looked up (by id or by name) instead of created."""
        return self.existing or self.id is not None


def quoted_value(value: Any) -> str:
    """A value for an error message; an encrypted (`secure:`) value is never echoed."""
    if isinstance(value, dict) and "secure" in value:
        return "[secret]"
    if isinstance(value, (dict, list)):
        return "[secret]" if "secure" in json.dumps(value) else json.dumps(value)[:80]
    return repr(value)[:80]


def _value_error(attribute: AttributeSettings, value: Any) -> str | None:
    if attribute.type == "boolean":
        return None if isinstance(value, bool) else f"must be true or false, not {quoted_value(value)}"
    if attribute.type == "string":
        if not isinstance(value, str):
            return f"must be a string, not {quoted_value(value)}"
        if attribute.enum is not None and value not in attribute.enum:
            return f"{value!r} is not one of its values: {', '.join(attribute.enum)}"
        return None
    # array: a Multi-Picklist takes a list of its values
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return f"is a Multi-Picklist and takes a list of values, not {quoted_value(value)}"
    wrong = [item for item in value if attribute.enum is not None and item not in attribute.enum]
    if wrong:
        return f"{wrong[0]!r} is not one of its values: {', '.join(attribute.enum or ())}"
    if len(set(value)) != len(value):
        return "lists a value twice"
    return None


def _check_previous_name(group: GroupSettings, groups: list[GroupSettings], where: str, source: str) -> None:
    if group.is_existing:
        raise InputError(
            source, where, f"group {group.name!r}: only a group this stack creates can be renamed; drop previousName"
        )
    if group.previous_name == group.name:
        raise InputError(source, where, f"group {group.name!r}: previousName is the same as name; drop it")
    if any(other.name == group.previous_name for other in groups):
        raise InputError(
            source, where, f"group {group.name!r}: {group.previous_name!r} is still listed as a group of its own"
        )
    renamed_from_same = [other.name for other in groups if other.previous_name == group.previous_name]
    if len(renamed_from_same) > 1:
        raise InputError(
            source, where, f"group {group.name!r}: {', '.join(map(repr, renamed_from_same))} share one previousName"
        )


def check_groups(
    groups: list[GroupSettings],
    attributes: tuple[AttributeSettings, ...],
    source: str,
    prefix: str = STACK_FILE_PREFIX,
) -> tuple[GroupSettings, ...]:
    by_name = {attribute.name: attribute for attribute in attributes}
    seen: dict[str, str] = {}
    for position, group in enumerate(groups):
        at = f"{prefix}groups[{position}]"
        key = group.name.casefold()
        if key in seen:
            raise InputError(source, f"{at}.name", f"group {group.name!r} is listed twice (also as {seen[key]!r})")
        seen[key] = group.name
        if group.is_existing and group.description is not None:
            raise InputError(
                source,
                f"{at}.description",
                f"group {group.name!r}: only a group this stack creates takes a description",
            )
        if not group.sso and not group.scim:
            raise InputError(
                source, f"{at}.scim", f"group {group.name!r}: with sso and scim false it is assigned nowhere"
            )
        if not group.scim and group.profile:
            raise InputError(
                source, f"{at}.profile", f"group {group.name!r}: a group with scim: false sends Gainsight no values"
            )
        if group.previous_name is not None:
            _check_previous_name(group, groups, f"{at}.previousName", source)
        for attribute_name, value in group.profile.items():
            where = f"{at}.profile.{attribute_name}"
            attribute = by_name.get(attribute_name)
            if attribute is None:
                raise InputError(source, where, f"group {group.name!r}: {attribute_name!r} is not a declared attribute")
            if not attribute.is_group_scope:
                raise InputError(
                    source,
                    where,
                    f"group {group.name!r}: {attribute_name!r} is a personal attribute; only group-scope ones "
                    "take a value per group",
                )
            if (problem := _value_error(attribute, value)) is not None:
                raise InputError(source, where, f"group {group.name!r}: {attribute_name} {problem}")
    return tuple(groups)
