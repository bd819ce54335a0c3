"""Placeholders a stack file must not keep: `adopt` writes `CHANGE-ME` where Okta cannot tell a value (the
Gainsight tenant, the OAuth client id). `validate`, `plan`, `runbook` and `pulumi up` refuse them, naming the key,
so a runbook never carries `clientId=CHANGE-ME-…` and no app is made for a tenant that does not exist."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from components.errors import InputError
from components.inputs.settings import NAMESPACE

PLACEHOLDER = "CHANGE-ME"


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def refuse_placeholders(config: Mapping[str, str], source: str) -> None:
    """`config` in Pulumi's wire form (objects and lists as JSON text)."""
    for key, raw in config.items():
        if not key.startswith(f"{NAMESPACE}:") or PLACEHOLDER not in raw:
            continue
        try:
            value = json.loads(raw) if raw[:1] in "[{" else raw
        except ValueError:
            value = raw
        for path, text in _strings(value, key):
            if PLACEHOLDER in text:
                raise InputError(source, path, f"is a placeholder ({text[:80]!r}): set the real value")
