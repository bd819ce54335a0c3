"""Validate raw Pulumi config and Gainsight's metadata into one frozen `StackInputs`.

Both runners (`pulumi up` and the offline `plan`) come through here before any resource is declared.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError
from .metadata import SpMetadata, read_sp_metadata
from .settings import NAME_ID_FORMATS, NAMESPACE, OktaSettings, SamlAppSettings, ScimAppSettings, Settings

_OBJECT_KEYS = {"samlApp", "scimApp", "attributes", "groups"}
_MISSING_HINTS = {
    "tenantUrl": "your Gainsight tenant, e.g. https://acme.gainsightcloud.com",
    "metadataFile": "the path of Gainsight's metadata.xml, e.g. metadata/dev.xml",
    "oauthClientId": "the Client ID of the Gainsight OAuth application",
}


@dataclass(frozen=True)
class StackInputs:
    """Validated settings plus the metadata they point at: all the program needs."""

    source: str  # the stack file, for messages
    settings: Settings
    okta: OktaSettings
    metadata: SpMetadata
    name_id_format: str


def _decode(name: str, value: str) -> Any:
    # Pulumi passes objects and lists as JSON text; scalars stay text for pydantic to check.
    if name in _OBJECT_KEYS and isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _location(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return f"{NAMESPACE}:{path}"


def _known_keys(model: type[Settings] | type[SamlAppSettings] | type[ScimAppSettings]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def _message(error: Any, loc: tuple[int | str, ...]) -> str:
    kind = error["type"]
    if kind == "missing":
        hint = _MISSING_HINTS.get(str(loc[-1]), "")
        return f"is required{': ' + hint if hint else ''}"
    if kind == "extra_forbidden":
        parent = {"samlApp": SamlAppSettings, "scimApp": ScimAppSettings}.get(str(loc[0]), Settings)
        known = _known_keys(parent if len(loc) > 1 else Settings)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        suggestion = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(known)}"
        return f"is not a known setting{suggestion}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def parse_settings(config: Mapping[str, str], source: str) -> tuple[Settings, OktaSettings]:
    ours = {
        key.partition(":")[2]: _decode(key.partition(":")[2], value)
        for key, value in config.items()
        if key.partition(":")[0] == NAMESPACE
    }
    try:
        settings = Settings.model_validate(ours)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise InputError(source, _location(loc), _message(first, loc)) from None
    okta = OktaSettings(org_name=config.get("okta:orgName"), base_url=config.get("okta:baseUrl"))
    return settings, okta


def _choose_name_id_format(settings: Settings, metadata: SpMetadata, source: str) -> str:
    wanted = settings.saml_app.name_id_format
    offered = metadata.name_id_formats
    if wanted is None:
        email = NAME_ID_FORMATS["emailAddress"]
        return email if email in offered else NAME_ID_FORMATS["unspecified"]
    if offered and wanted not in offered:
        raise InputError(
            source,
            f"{NAMESPACE}:samlApp.nameIdFormat",
            f"{wanted} is not among the NameID formats Gainsight's metadata accepts: {', '.join(offered)}",
        )
    return wanted


def load_stack_inputs(config: Mapping[str, str], source: str, project_root: Path) -> StackInputs:
    settings, okta = parse_settings(config, source)
    path = settings.metadata_path(project_root)
    if not path.is_file():
        raise InputError(source, f"{NAMESPACE}:metadataFile", f"{settings.metadata_file} not found (looked at {path})")
    metadata = read_sp_metadata(path, display_name=settings.metadata_file)
    name_id_format = _choose_name_id_format(settings, metadata, source)
    return StackInputs(source=source, settings=settings, okta=okta, metadata=metadata, name_id_format=name_id_format)
