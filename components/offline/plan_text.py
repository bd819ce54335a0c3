"""The offline plan as a readable tree: what `pulumi up` would declare, resource by resource."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from components.command_name import hint

_MAX_VALUE = 100


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _wrapped(value: Any, indent: str) -> list[str]:
    """The whole value, wrapped at about 100 characters: profiles and statements are what reviewers check."""
    text = _text(value)
    return textwrap.wrap(text, _MAX_VALUE, subsequent_indent=indent, break_on_hyphens=False) or [text]


def _flags(resource: dict[str, Any]) -> str:
    options = resource["options"]
    flags = []
    if options["protect"]:
        flags.append("protected")
    if options["import"]:
        flags.append(f"import {options['import']}")
    if options["retainOnDelete"]:
        flags.append("retain on delete")
    if options.get("deleteBeforeReplace"):
        flags.append("delete before replace")
    if options.get("ignoreChanges"):
        flags.append(f"ignores changes to {', '.join(options['ignoreChanges'])}")
    flags += [f"formerly {alias.rsplit('::', 1)[-1]}" for alias in options.get("aliases") or ()]
    return f"  [{', '.join(flags)}]" if flags else ""


def render_plan_text(document: dict[str, Any], notices: list[str]) -> str:
    resources = document["resources"]
    children: dict[str | None, list[dict[str, Any]]] = {}
    for resource in resources:
        children.setdefault(resource["parent"], []).append(resource)

    lines = [
        f"Offline plan of stack {document['stack']} (project {document['project']}): "
        f"{sum(1 for r in resources if r['id'] is not None)} Okta resources.",
        "Nothing was sent to Okta. Run `pulumi preview` with your Okta credentials to compare with the real org.",
        "",
    ]

    def walk(resource: dict[str, Any], prefix: str, last: bool, root: bool) -> None:
        branch = "" if root else ("└─ " if last else "├─ ")
        lines.append(f"{prefix}{branch}{resource['type']}  {resource['name']}{_flags(resource)}")
        inner = prefix + ("" if root else ("   " if last else "│  "))
        kids = children.get(resource["urn"], [])
        detail = inner + ("│    " if kids else "     ")
        for key, value in resource["inputs"].items():
            if isinstance(value, list) and len(json.dumps(value)) > _MAX_VALUE:
                # Long lists (group assignments, ACS endpoints) read best one item a line.
                lines.append(f"{detail}{key}:")
                for item in value:
                    first, *rest = _wrapped(item, "")
                    lines.append(f"{detail}  - {first}")
                    lines.extend(f"{detail}    {line}" for line in rest)
            else:
                if "certificate" in key.lower() and isinstance(value, str) and len(value) > _MAX_VALUE:
                    value = f"{value[:24]}…{value[-8:]} ({len(value):,} characters of base64)"
                first, *rest = _wrapped(value, "")
                lines.append(f"{detail}{key}: {first}")
                lines.extend(f"{detail}    {line}" for line in rest)
        for position, kid in enumerate(kids):
            walk(kid, inner, position == len(kids) - 1, False)

    for top in children.get(None, []):
        walk(top, "", True, True)

    lines += ["", "Outputs:"]
    for key, value in document["outputs"].items():
        # The runbook output is a whole document; its own command prints it.
        output_text = (
            f"(the runbook: `{hint('runbook', '--stack', document['stack'])}`)"
            if key == "runbook" and len(_text(value)) > 200
            else value
        )
        first, *rest = _wrapped(output_text, "")
        lines.append(f"    {key}: {first}")
        lines.extend(f"        {line}" for line in rest)
    if notices:
        lines += ["", "Notices:"]
        lines += [f"    {notice}" for notice in notices]
    return "\n".join(lines) + "\n"
