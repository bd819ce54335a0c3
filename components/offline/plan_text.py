"""The offline plan as a readable tree: what `pulumi up` would declare, resource by resource."""

from __future__ import annotations

import json
from typing import Any

_MAX_VALUE = 100


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


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
                lines.extend(f"{detail}  - {_short(item)}" for item in value)
            else:
                lines.append(f"{detail}{key}: {_short(value)}")
        for position, kid in enumerate(kids):
            walk(kid, inner, position == len(kids) - 1, False)

    for top in children.get(None, []):
        walk(top, "", True, True)

    lines += ["", "Outputs:"]
    lines += [f"    {key}: {_short(value)}" for key, value in document["outputs"].items()]
    if notices:
        lines += ["", "Notices:"]
        lines += [f"    {notice}" for notice in notices]
    return "\n".join(lines) + "\n"
