"""Read a Pulumi.<stack>.yaml into the flat `namespace:key -> string` map Pulumi hands a program.

The file is read as Pulumi's CLI reads it (`yaml_v3`: Go's yaml.v3 into untyped values), and each value is
encoded as the CLI passes it on: text stays text, everything else is JSON. The offline runner feeds this map to
Pulumi's mocks with `set_all_config`, so the program reads its settings the same way under `plan` as under
`pulumi up`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from components.errors import InputError
from components.inputs.settings import NAMESPACE
from components.inputs.yaml_v3 import YamlError, load
from components.user_files import read_user_text


@dataclass(frozen=True)
class StackFile:
    path: Path
    config: dict[str, str]  # Pulumi's wire form: scalars as text, objects and lists as JSON
    secret_keys: tuple[str, ...]  # `secure:` values, never decrypted nor passed on


def _go_number(value: float) -> Any:
    # Go's encoding/json writes 1000.0 as 1000 and 1.5e21 as 1.5e+21: match it, so both runners read one value.
    if value.is_integer() and abs(value) < 1e21:
        return int(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return _go_number(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def to_wire(value: Any) -> str:
    """Encode a YAML value the way the Pulumi CLI passes config to a program."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(_plain(value), ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value):
        return json.dumps(_go_number(value))
    return str(value)


def _is_secure(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"secure"}


def _holds_secure(value: Any) -> bool:
    """True when a `secure:` value sits anywhere inside (checked without recursion: values may nest 64 deep)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if _is_secure(item):
            return True
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def read_stack_file(path: Path, display_name: str | None = None) -> StackFile:
    """Read a stack file; errors name it as `display_name` (what the user typed, or a relative path)."""
    display_name = display_name or str(path)
    text = read_user_text(path, display_name, "stack file not found; pass --config FILE or create it")
    try:
        document = load(text)
    except YamlError as error:
        raise InputError(display_name, error.where, error.message) from None
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise InputError(display_name, "", "must be a YAML mapping with a `config:` section")
    stray = [key for key in document if isinstance(key, str) and ":" in key]
    if stray and "config" not in document:
        # The settings were written at the top level, as the README's fragments show them.
        raise InputError(
            display_name, stray[0], "is at the top level: put the settings under a `config:` section, indented"
        )
    section = document.get("config") or {}
    if not isinstance(section, dict):
        raise InputError(display_name, "config", "must be a mapping of `namespace:key: value`")

    config: dict[str, str] = {}
    secret_keys: list[str] = []
    for key, value in section.items():
        namespace, _, name = key.partition(":")
        if not name:
            raise InputError(display_name, key, f"config keys must be namespaced, e.g. `{NAMESPACE}:{key}`")
        if _holds_secure(value):
            if namespace == NAMESPACE:
                # Said without the ciphertext: nothing under gainsight-okta is a secret.
                raise InputError(
                    display_name, key, "is encrypted (`secure:`), but it is not a secret; set it in plain text"
                )
            secret_keys.append(key)
            continue
        config[key] = to_wire(value)
    return StackFile(path=path, config=config, secret_keys=tuple(secret_keys))
