"""Okta's official models (the `okta` SDK 3.x) as the contract for what the emulator answers.

`conforms(Model, payload)` validates the payload with the SDK's pydantic model (wrong types and enum spellings
fail) and returns the keys the model does not know, recursively, so a test can list exactly which fields Okta's
published models lack (a schema property's `items` and `union`) and check those by hand.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside Optional[...], List[...] or Dict[str, ...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, dict):
        for argument in typing.get_args(annotation):
            if (found := _model_of(argument)) is not None:
                return found
    return None


def unknown_keys(model: type[BaseModel], payload: Any, where: str = "") -> list[str]:
    if isinstance(payload, list):
        return sorted({key for item in payload for key in unknown_keys(model, item, where)})
    if not isinstance(payload, dict):
        return []
    if "actual_instance" in model.model_fields:  # an anyOf wrapper: check against the variant that matched
        return unknown_keys(type(model.from_dict(payload).actual_instance), payload, where)  # type: ignore[attr-defined]
    fields = {(field.alias or name): field for name, field in model.model_fields.items()}
    unknown = []
    for key, value in payload.items():
        field = fields.get(key)
        if field is None:
            unknown.append(f"{where}.{key}".lstrip("."))
            continue
        nested = _model_of(field.annotation)
        if nested is not None:
            is_map = typing.get_origin(field.annotation) is dict or (
                any(typing.get_origin(a) is dict for a in typing.get_args(field.annotation))
            )
            if is_map and isinstance(value, dict):
                for name, item in value.items():
                    unknown += unknown_keys(nested, item, f"{where}.{key}.{name}")
            else:
                unknown += unknown_keys(nested, value, f"{where}.{key}")
    return unknown


def conforms(model: type[BaseModel], payload: Any) -> list[str]:
    """Validate `payload` (an object or a list of them) with the SDK model; the keys the model lacks."""
    for item in payload if isinstance(payload, list) else [payload]:
        model.from_dict(item)  # type: ignore[attr-defined]  # raises on a wrong type or spelling
    return unknown_keys(model, payload)


# Links Okta sends that the SDK's models lack: a group's `owners` (the 2026 recordings,
# ResourceOktaAppGroupAssignment_crud #0), and the `method` of a user's lifecycle links (POST: the recordings'
# users, DataSourceOktaAppUserAssignments_read #1 and #3).
GROUP_LINKS_LACKING = {"_links.owners"}
USER_LINKS_LACKING = {
    f"_links.{action}.method" for action in ("deactivate", "reactivate", "resetFactors", "resetPassword", "suspend")
}
