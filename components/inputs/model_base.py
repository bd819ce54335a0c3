"""Shared pydantic settings base and field types for everything read from a stack file."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict
from pydantic.alias_generators import to_camel


def _strict_bool(value: Any) -> Any:
    # Pulumi hands booleans to the program as "true"/"false"; YAML gives real booleans. Nothing else
    # ("yes", "1", "on") is accepted, so a typo cannot quietly switch protection off.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError("must be true or false")


StrictBool = Annotated[bool, BeforeValidator(_strict_bool)]


class SettingsModel(BaseModel):
    """Frozen, camelCase in the stack file, and no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=to_camel, populate_by_name=True)
