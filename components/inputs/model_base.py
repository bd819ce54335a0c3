"""Shared pydantic settings base and field types for everything read from a stack file."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StrictStr
from pydantic.alias_generators import to_camel

STACK_FILE_PREFIX = "gainsight-okta:"  # the namespace of this project's keys in a stack file


def written_setting(path: str, value: str) -> str:
    """A setting as a stack file holds it, for a hint to paste: `gainsight-okta:oauthClientId: X`, and a nested one
    as `provisioningEnabled: true` under `gainsight-okta:scimApp` (a dotted key is not nested in a stack file)."""
    head, _, rest = path.partition(".")
    if not rest:
        return f"`{STACK_FILE_PREFIX}{head}: {value}`"
    return f"`{rest}: {value}` under `{STACK_FILE_PREFIX}{head}`"


def _strict_bool(value: Any) -> Any:
    # Pulumi hands booleans to the program as "true"/"false"; YAML gives real booleans. Nothing else
    # ("yes", "1", "on") is accepted, so a typo cannot quietly switch protection off.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError("must be true or false")


StrictBool = Annotated[bool, BeforeValidator(_strict_bool)]


def control_character(value: str) -> str | None:
    """The first control character in `value` (newline, tab, NUL...), described, or None."""
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            return f"U+{ord(ch):04X}" + {"\n": " (newline)", "\t": " (tab)", "\r": " (carriage return)"}.get(ch, "")
    return None


def _no_control_characters(value: str) -> str:
    if (found := control_character(value)) is not None:
        # They break the runbook's Markdown tables and Okta's own forms; no Okta name or label needs one.
        raise ValueError(f"must not contain control characters; found {found}")
    return value


Text = Annotated[StrictStr, AfterValidator(_no_control_characters)]


class SettingsModel(BaseModel):
    """Frozen, camelCase in the stack file, and no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=to_camel, populate_by_name=True)
