from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from dataclasses import dataclass
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


@dataclass(frozen=True)
class CliRun:
    """What a run of the command line left: its exit status and what it printed (as subprocess.CompletedProcess)."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> CliRun:
    """`python -m components ARGS` from the project root with a bare environment, as a user runs it: `main(argv)`
    in this process, its output captured, so that no test pays for a new interpreter or waits on the real clock.
    tests/test_cli_smoke.py runs every command once as a real subprocess."""
    from components.cli.main import main
    from components.http import clock

    saved_environ, saved_cwd = dict(os.environ), os.getcwd()
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        os.environ.clear()
        os.environ.update({"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin", **(env or {})})
        os.chdir(PROJECT_ROOT)
        # Waits for rate limits and back-offs pass at once on a virtual clock, counted as they would be.
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), clock.virtual():
            try:
                status = main(list(args))
            except SystemExit as exit_:  # argparse: --help, --version, a usage error
                status = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
            except Exception:  # what the interpreter would print: a test that asserts no traceback sees it
                traceback.print_exc()
                status = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_environ)
    return CliRun(status, stdout.getvalue(), stderr.getvalue())


def run_cli_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m components ARGS` as a real subprocess, from the project root, with a bare environment."""
    return subprocess.run(
        [sys.executable, "-m", "components", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin", **(env or {})},
    )
