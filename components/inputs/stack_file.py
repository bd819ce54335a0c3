"""Read a Pulumi.<stack>.yaml into the flat `namespace:key -> string` map Pulumi hands a program.

The offline runner feeds this map to Pulumi's mocks with `set_all_config`, so the program reads its
settings the same way under `plan` as under `pulumi up`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from components.errors import InputError
from components.user_files import read_user_text

from .settings import NAMESPACE


@dataclass(frozen=True)
class StackFile:
    path: Path
    config: dict[str, str]  # Pulumi's wire form: scalars as text, objects and lists as JSON
    secret_keys: tuple[str, ...]  # `secure:` values, never decrypted nor passed on


def to_wire(value: Any) -> str:
    """Encode a YAML value the way the Pulumi CLI passes config to a program."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    if value is None:
        return ""
    return str(value)


def _is_secure(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"secure"}


def read_stack_file(path: Path, display_name: str | None = None) -> StackFile:
    """Read a stack file; errors name it as `display_name` (what the user typed, or a relative path)."""
    shown = display_name or str(path)
    text = read_user_text(path, shown, "stack file not found; pass --config FILE or create it")
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise InputError(shown, where, f"not valid YAML: {problem}") from None
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise InputError(shown, "", "must be a YAML mapping with a `config:` section")
    section = document.get("config") or {}
    if not isinstance(section, dict):
        raise InputError(shown, "config", "must be a mapping of `namespace:key: value`")

    config: dict[str, str] = {}
    secret_keys: list[str] = []
    for key, value in section.items():
        key = str(key)
        namespace, _, name = key.partition(":")
        if not name:
            raise InputError(shown, key, f"config keys must be namespaced, e.g. `{NAMESPACE}:{key}`")
        if _is_secure(value):
            if namespace == NAMESPACE:
                raise InputError(path, key, "is encrypted (`secure:`), but it is not a secret; set it in plain text")
            secret_keys.append(key)
            continue
        config[key] = to_wire(value)
    return StackFile(path=path, config=config, secret_keys=tuple(secret_keys))
