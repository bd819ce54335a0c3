"""Which Okta app a live command reads: the stack's `importId`, then the stack's outputs, then its label."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from components.errors import InputError
from components.inputs.pulumi_json import read_stack_outputs
from components.inputs.settings import okta_app_id
from components.okta.client import OktaClient
from components.okta.models.apps import AppSummary
from components.okta.models.base import read_documents

_OUTPUT_KEYS = {"samlApp": "ssoAppId", "scimApp": "scimAppId"}  # the program's exports of each app's id


def app_id_of(
    args: argparse.Namespace, client: OktaClient, display_name: str, key: str, import_id: str | None, label: str
) -> str:
    """An app to check: its `importId`, then `--outputs` (pulumi stack output --json), then an exact label search."""
    found: Any = import_id
    outputs = getattr(args, "outputs", None)
    if not found and outputs:
        found = read_stack_outputs(Path(outputs), outputs, args.stack).get(_OUTPUT_KEYS[key])
    if isinstance(found, str) and found.startswith("0oa"):
        try:
            return okta_app_id(found)
        except ValueError as error:
            raise InputError(outputs or display_name, _OUTPUT_KEYS[key], str(error)) from None
    listed = read_documents(AppSummary, list(client.iterate("/api/v1/apps", {"q": label})), "GET /api/v1/apps")
    matches = [app for app in listed if app.label == label]
    if len(matches) != 1:
        what = "no app" if not matches else f"{len(matches)} apps"
        raise InputError(
            display_name,
            f"gainsight-okta:{key}.importId",
            f"is not set and Okta has {what} labelled {label!r}; set it, or pass --outputs (pulumi stack output)",
        )
    return matches[0].id
