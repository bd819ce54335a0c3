from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.metadata_builder import PROJECT_ROOT


def base_config() -> dict[str, Any]:
    """A complete, valid stack `config:` section, as a user would write it in YAML."""
    return {
        "okta:orgName": "acme-dev",
        "okta:baseUrl": "oktapreview.com",
        "gainsight-okta:tenantUrl": "https://acme.gainsightcloud.com",
        "gainsight-okta:metadataFile": str(PROJECT_ROOT / "metadata" / "dev.xml"),
        "gainsight-okta:oauthClientId": "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10",
    }


@pytest.fixture
def write_stack(tmp_path: Path):
    """Write a Pulumi.<stack>.yaml from base_config() plus changes; a value of None removes the key."""

    def write(changes: dict[str, Any] | None = None, name: str = "Pulumi.test.yaml") -> Path:
        config = base_config()
        for key, value in (changes or {}).items():
            if value is None:
                config.pop(key, None)
            else:
                config[key] = value
        path = tmp_path / name
        path.write_text(yaml.safe_dump({"config": config}, sort_keys=False))
        return path

    return write


@pytest.fixture
def plan_stack(write_stack):
    """Run the real program offline under Pulumi's mocks for base_config() plus changes; return plan JSON."""
    from components.inputs.stack_file import read_stack_file
    from components.offline.plan import run_offline

    def plan(changes: dict[str, Any] | None = None, stack: str = "test") -> dict[str, Any]:
        path = write_stack(changes)
        return run_offline(stack, read_stack_file(path), path.name).to_json()

    return plan


def resource(document: dict[str, Any], name: str) -> dict[str, Any]:
    found = [r for r in document["resources"] if r["name"] == name]
    assert len(found) == 1, f"expected one resource named {name}, found {len(found)}"
    return found[0]


# The article's worked example: IsSuperAdmin, LicenseType, a Department multi-picklist, a Viewer group.
ARTICLE_ATTRIBUTES: list[dict[str, Any]] = [
    {"name": "IsSuperAdmin", "type": "boolean"},
    {"name": "LicenseType", "type": "string", "enum": ["Full", "Viewer", "Viewer_Analytics"]},
    {"name": "Department", "type": "array", "enum": ["Support", "Services", "Engineering"]},
]
ARTICLE_GROUPS: list[dict[str, Any]] = [
    {"name": "Admins", "profile": {"IsSuperAdmin": True, "LicenseType": "Full"}},
    {"name": "Viewer", "profile": {"LicenseType": "Viewer", "Department": ["Support"]}},
]


def article_stack(provisioning: bool = True, **changes: Any) -> dict[str, Any]:
    return {
        "gainsight-okta:scimApp": {"provisioningEnabled": provisioning},
        "gainsight-okta:attributes": ARTICLE_ATTRIBUTES,
        "gainsight-okta:groups": ARTICLE_GROUPS,
        **changes,
    }


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m components ARGS` from the project root, as a user runs it, with a bare environment."""
    return subprocess.run(
        [sys.executable, "-m", "components", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin", **(env or {})},
    )
