"""Reading the JSON of `pulumi stack output --json`, for documents that need values only Okta knows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import InputError


def read_stack_outputs(path: Path, display_name: str | None = None) -> dict[str, Any]:
    shown = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(shown, "", "not found; create it with `pulumi stack output --json > FILE`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(shown, "", f"cannot be read: {exc}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(shown, f"line {exc.lineno}", f"not JSON: {exc.msg}") from None
    if not isinstance(document, dict):
        raise InputError(shown, "", "must be the JSON object `pulumi stack output --json` prints")
    for key in ("scimAppName", "ssoAppName", "idpSsoUrl", "idpCertificate"):
        if key in document and not isinstance(document[key], str):
            raise InputError(shown, key, f"must be a string, not {type(document[key]).__name__}")
    return document
