"""Reading a JSON object from a file the user named: bounded, and every failure one `error:` line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from components.errors import InputError
from components.user_files import MIB, read_user_text

MAX_JSON_BYTES = 64 * MIB  # a 2,000-group plan is about 3 MiB; a preview of it a few times that


def read_json_object(path: Path, shown: str, what: str, when_missing: str = "not found") -> dict[str, Any]:
    text = read_user_text(path, shown, when_missing, limit=MAX_JSON_BYTES)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(shown, f"line {exc.lineno}", f"not JSON: {exc.msg}") from None
    except RecursionError:
        raise InputError(shown, "", "is nested too deeply to be a Pulumi document") from None
    if not isinstance(document, dict):
        raise InputError(shown, "", f"must be {what} (a JSON object)")
    return document
