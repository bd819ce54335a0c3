"""Validate raw Pulumi config and Gainsight's metadata into one frozen `StackInputs`.

Both runners (`pulumi up` and the offline `plan`) come through here before any resource is declared.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from components.errors import InputError, key_path
from components.inputs.attributes import AttributeSettings, check_attributes
from components.inputs.config_keys import check_config_keys, check_request_timeout
from components.inputs.groups import GroupSettings, check_groups
from components.inputs.model_base import STACK_FILE_PREFIX, written_setting
from components.inputs.settings import (
    NAME_ID_FORMATS,
    NAMESPACE,
    IntegrationSettings,
    OktaSettings,
    Settings,
    okta_name_id_format,
)
from components.metadata.sp_metadata import SpMetadata, read_sp_metadata

_OBJECT_KEYS = {"samlApp", "scimApp", "attributes", "groups"}
_MISSING_HINTS = {
    "tenantUrl": "your Gainsight tenant, e.g. https://acme.gainsightcloud.com",
    "metadataFile": "the path of Gainsight's metadata.xml, e.g. metadata/dev.xml",
    "oauthClientId": "the Client ID of the Gainsight OAuth application",
}


@dataclass(frozen=True)
class StackInputs:
    """Validated settings plus the metadata they point at: all the program needs."""

    source: str  # the stack file, or the component's args, for messages
    settings: IntegrationSettings  # a stack file's `Settings`, or the component's `ComponentSettings`
    okta: OktaSettings
    metadata: SpMetadata
    name_id_format: str
    attributes: tuple[AttributeSettings, ...]  # checked, with Gainsight's defaults filled in
    groups: tuple[GroupSettings, ...]  # priority order
    # How messages name a setting: `gainsight-okta:groups[2]` in a stack file, `groups[2]` in the component's args.
    key_prefix: str = STACK_FILE_PREFIX

    def key(self, path: str) -> str:
        return f"{self.key_prefix}{path}"

    def setting(self, path: str, value: str) -> str:
        """How to set `path` to `value` where the settings are written: nested YAML in the stack file, or the
        component's args (`scimApp.provisioningEnabled` to `true`)."""
        if self.from_stack_file:
            return f"{written_setting(path, value)} in `{self.source}`"
        return f"`{path}` to `{value}` in the args of {self.source}"

    @property
    def from_stack_file(self) -> bool:
        """Said by a stack file of this repository's program (its CLI's commands apply), not by another program's
        `GainsightOkta` args."""
        return self.key_prefix == STACK_FILE_PREFIX

    @property
    def provisioning_enabled(self) -> bool:
        return self.settings.scim_app.provisioning_enabled


def _decode(name: str, value: str) -> Any:
    """Pulumi passes objects and lists as JSON text and scalars as text: undo the first, keep the second.

    A scalar setting whose text is a JSON list or object came from a YAML list or mapping (`oauthClientId: [a]`):
    decoded, pydantic refuses it as "not text" instead of taking `["a"]` for a client id.
    """
    if not isinstance(value, str):
        return value
    if name in _OBJECT_KEYS or value.lstrip().startswith(("[", "{")):
        try:
            decoded = json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            return value
        return decoded if name in _OBJECT_KEYS or isinstance(decoded, (list, dict)) else value
    return value


def _known_keys(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The settings model inside a field's annotation, however nested (`list[Model] | None`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in getattr(annotation, "__args__", ()) if (m := _model_in(arg)) is not None), None)


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The settings model that holds the last key of `loc` (for suggesting a known key)."""
    model = root
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = next((f for n, f in model.model_fields.items() if part in (n, f.alias)), None)
        found = _model_in(getattr(field, "annotation", None))
        if found is None:
            break
        model = found
    return model


_SCALAR_KINDS = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return "text"


def _message(error: Any, loc: tuple[int | str, ...], root: type[BaseModel] = Settings) -> str:
    """One plain sentence for a pydantic error: never its internals ("or instance of SamlAppSettings")."""
    kind = error["type"]
    given = _kind_of(error.get("input"))
    if kind == "string_type":
        return f"must be text, not {given}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a mapping of settings ({', '.join(_known_keys(_model_at(root, (*loc, '?'))))}), not {given}"
    if kind == "list_type":
        return f"must be a list, not {given}"
    if kind in _SCALAR_KINDS:
        return f"must be {_SCALAR_KINDS[kind]}, not {given}"
    if kind == "missing":
        hint = _MISSING_HINTS.get(str(loc[-1]), "")
        return f"is required{': ' + hint if hint else ''}"
    if kind == "extra_forbidden":
        known = _known_keys(_model_at(root, loc))
        key = str(loc[-1])
        if key == "priority" and "groups" in loc:
            return (
                "is not a setting: a group's priority is its place in the groups list (the first group wins for a "
                "user in several); move the group up or down"
            )
        parent, _, child = key.partition(".")
        if child and parent in known and root is Settings:
            return (
                f"is not a known setting: a dotted key is not nested in a stack file; write `{NAMESPACE}:{parent}:` "
                f"with `{child}:` indented under it (or `pulumi config set --path '{NAMESPACE}:{key}' VALUE`)"
            )
        close = difflib.get_close_matches(key, known, n=1)
        suggestion = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(known)}"
        return f"is not a known setting{suggestion}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _as_keys(root: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """`loc` with each field as its key (camelCase): a Python program passes a component's args by their
    snake_case names, and the message names them as the schema and the docs do (`samlApp.signingKeyId`)."""
    model: type[BaseModel] | None = root
    keys: list[int | str] = []
    for part in loc:
        if isinstance(part, int) or model is None:
            keys.append(part)
            continue
        field = next((f for n, f in model.model_fields.items() if part in (n, f.alias)), None)
        keys.append(field.alias or part if field is not None else part)
        model = _model_in(field.annotation) if field is not None else None
    return tuple(keys)


def _error_location(error: Any) -> tuple[int | str, ...]:
    loc = tuple(error["loc"])
    at = (error.get("ctx") or {}).get("at")
    return (*loc, at) if at else loc


def _most_telling(errors: list[Any]) -> Any:
    """An unknown key before a missing one: `tenantURL` makes `tenantUrl` missing, and "did you mean" is the fix."""
    unknown = [error for error in errors if error["type"] == "extra_forbidden"]
    missing = {str(error["loc"][-1]) for error in errors if error["type"] == "missing"}
    for error in unknown:
        if difflib.get_close_matches(str(error["loc"][-1]), missing, n=1) or "." in str(error["loc"][-1]):
            return error
    return errors[0]


SettingsT = TypeVar("SettingsT", bound=BaseModel)


def validate_settings(raw: Mapping[str, Any], model: type[SettingsT], source: str, prefix: str) -> SettingsT:
    """The settings model from plain values; InputError naming the first key at fault as `prefix` + its path."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = _most_telling(exc.errors())
        loc = _as_keys(model, _error_location(first))
        raise InputError(source, f"{prefix}{key_path(loc)}", _message(first, loc, model)) from None


def parse_settings(
    config: Mapping[str, str], source: str, secret_keys: tuple[str, ...] = ()
) -> tuple[Settings, OktaSettings]:
    check_config_keys(config, secret_keys, source)
    check_request_timeout(config, source)
    ours = {
        key.partition(":")[2]: _decode(key.partition(":")[2], value)
        for key, value in config.items()
        if key.partition(":")[0] == NAMESPACE
    }
    settings = validate_settings(ours, Settings, source, STACK_FILE_PREFIX)
    return settings, okta_settings(config, source)


def okta_settings(config: Mapping[str, str], source: str) -> OktaSettings:
    """The org the okta provider reaches: its config keys, else the environment variables it falls back to."""
    # The provider itself falls back to these variables, so the runbook must too.
    okta_raw = {
        "orgName": config.get("okta:orgName") or os.environ.get("OKTA_ORG_NAME") or None,
        "baseUrl": config.get("okta:baseUrl") or os.environ.get("OKTA_BASE_URL") or None,
        "httpProxy": config.get("okta:httpProxy") or None,
    }
    try:
        okta = OktaSettings.model_validate(okta_raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0])
        raise InputError(source, f"okta:{key}", _message(first, tuple(first["loc"]))) from None
    return okta


def _choose_name_id_format(settings: IntegrationSettings, metadata: SpMetadata, source: str, prefix: str) -> str:
    wanted = settings.saml_app.name_id_format
    offered = [okta_name_id_format(name_id) for name_id in metadata.name_id_formats]
    if wanted is None:
        email = NAME_ID_FORMATS["emailAddress"]
        return email if email in offered else NAME_ID_FORMATS["unspecified"]
    if offered and wanted not in offered:
        raise InputError(
            source,
            f"{prefix}samlApp.nameIdFormat",
            f"{wanted} is not among the NameID formats Gainsight's metadata accepts: {', '.join(offered)}",
        )
    return wanted


def checked_inputs(
    settings: IntegrationSettings, okta: OktaSettings, metadata: SpMetadata, source: str, prefix: str
) -> StackInputs:
    """Gainsight's and Okta's rules across settings: the same for a stack file and for the component's args."""
    name_id_format = _choose_name_id_format(settings, metadata, source, prefix)
    attributes = check_attributes(settings.attributes, source, prefix)
    groups = check_groups(settings.groups, attributes, source, prefix)
    return StackInputs(
        source=source,
        settings=settings,
        okta=okta,
        metadata=metadata,
        name_id_format=name_id_format,
        attributes=attributes,
        groups=groups,
        key_prefix=prefix,
    )


def load_stack_inputs(
    config: Mapping[str, str], source: str, project_root: Path, secret_keys: tuple[str, ...] = ()
) -> StackInputs:
    settings, okta = parse_settings(config, source, secret_keys)
    path = settings.metadata_path(project_root)
    if not path.exists():
        raise InputError(source, f"{NAMESPACE}:metadataFile", f"{settings.metadata_file} not found (looked at {path})")
    metadata = read_sp_metadata(path, display_name=settings.metadata_file)
    return checked_inputs(settings, okta, metadata, source, STACK_FILE_PREFIX)


def group_scope(inputs: StackInputs) -> dict[str, bool]:
    """The stack's group-scope attributes, each with whether it combines values across groups."""
    return {attribute.name: attribute.union for attribute in inputs.attributes if attribute.is_group_scope}
