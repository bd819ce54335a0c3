"""Reading the JSON of `pulumi stack output --json`, for documents that need values only Okta knows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from components.errors import InputError

from .json_documents import read_json_object


def read_stack_outputs(path: Path, display_name: str | None = None) -> dict[str, Any]:
    shown = display_name or str(path)
    document = read_json_object(
        path,
        shown,
        "the JSON object `pulumi stack output --json` prints",
        when_missing="not found; create it with `pulumi stack output --json > FILE`",
    )
    for key in ("scimAppName", "ssoAppName", "idpSsoUrl", "idpCertificate"):
        if key in document and not isinstance(document[key], str):
            raise InputError(shown, key, f"must be a string, not {type(document[key]).__name__}")
    return document
