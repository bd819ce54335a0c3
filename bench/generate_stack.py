"""A large stack for the benchmark: N groups in priority order and M attributes of every Gainsight kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KINDS = ("boolean", "string", "picklist", "multi")


def attributes(count: int) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = [
        {"name": "IsSuperAdmin", "type": "boolean"},
        {"name": "LicenseType", "type": "string", "enum": ["Full", "Viewer", "Viewer_Analytics"]},
    ]
    for i in range(count - len(result)):
        kind = KINDS[i % len(KINDS)]
        spec: dict[str, Any] = {"name": f"Field{i:02d}", "title": f"Field {i}"}
        if kind == "boolean":
            spec["type"] = "boolean"
        elif kind == "string":
            spec["type"] = "string"
        elif kind == "picklist":
            spec |= {"type": "string", "enum": [f"v{j}" for j in range(5)]}
        else:
            spec |= {"type": "array", "enum": [f"v{j}" for j in range(5)], "union": i % 8 == 3}
        result.append(spec)
    return result


def value_for(spec: dict[str, Any], group: int) -> Any:
    if spec["type"] == "boolean":
        return group % 2 == 0
    if spec["name"] == "LicenseType":
        return spec["enum"][group % 3]
    if spec["type"] == "array":
        return spec["enum"][: 1 + group % 3]
    return spec["enum"][group % len(spec["enum"])] if "enum" in spec else f"g{group}"


def groups(count: int, specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    result = []
    for g in range(count):
        chosen = [specs[(g + k) % len(specs)] for k in range(4)]  # each group sets four values
        result.append(
            {
                "name": f"Gainsight Group {g:04d}",
                "description": f"Benchmark group {g}",
                "profile": {spec["name"]: value_for(spec, g) for spec in chosen},
            }
        )
    return result


def stack_config(group_count: int, attribute_count: int) -> dict[str, Any]:
    specs = attributes(attribute_count)
    return {
        "config": {
            "okta:orgName": "acme-bench",
            "okta:baseUrl": "oktapreview.com",
            "gainsight-okta:tenantUrl": "https://acme.gainsightcloud.com",
            "gainsight-okta:metadataFile": str(PROJECT_ROOT / "metadata" / "dev.xml"),
            "gainsight-okta:oauthClientId": "bench-client-id",
            "gainsight-okta:scimApp": {"provisioningEnabled": True},
            "gainsight-okta:attributes": specs,
            "gainsight-okta:groups": groups(group_count, specs),
        }
    }


def write_stack(path: Path, group_count: int, attribute_count: int) -> Path:
    path.write_text(yaml.safe_dump(stack_config(group_count, attribute_count), sort_keys=False))
    return path
