"""Reading a JSON object from a file the user named: bounded, and every failure one `error:` line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from components.errors import InputError
from components.limits import MAX_JSON_BYTES
from components.user_files import read_user_text


def read_json_object(path: Path, display_name: str, what: str, when_missing: str = "not found") -> dict[str, Any]:
    text = read_user_text(path, display_name, when_missing, limit=MAX_JSON_BYTES)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(display_name, f"line {exc.lineno}", f"not JSON: {exc.msg}") from None
    except RecursionError:
        raise InputError(display_name, "", "is nested too deeply to be a Pulumi document") from None
    if not isinstance(document, dict):
        raise InputError(display_name, "", f"must be {what} (a JSON object)")
    return document
