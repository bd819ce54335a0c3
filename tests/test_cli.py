"""`python -m components` as users and other tools call it: output shapes, exit codes, error lines."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests import metadata_builder as mb
from tests.conftest import run_cli

ROOT = mb.PROJECT_ROOT


cli = run_cli


def assert_one_error_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_metadata_json_is_exactly_one_object() -> None:
    result = cli("metadata", "metadata/dev.xml", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["entityId"] == "urn:auth0:gainsight:acme-dev"
    assert document["ssoUrl"] == document["acsUrls"][0]
    assert document["authnRequestsSigned"] is True


def test_metadata_text() -> None:
    result = cli("metadata", "metadata/prod.xml")
    assert result.returncode == 0
    assert "entityId: urn:auth0:gainsight:acme-prod" in result.stdout


def test_hostile_metadata_is_one_error_line(tmp_path: Path) -> None:
    path = mb.write(tmp_path, '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + mb.entity(entity_id="&e;"))
    assert_one_error_line(cli("metadata", str(path), "--json"), str(path), "<!DOCTYPE>")


def test_validate_shipped_stacks() -> None:
    for stack in ("dev", "prod"):
        result = cli("validate", "--stack", stack)
        assert result.returncode == 0, result.stderr
        assert "valid" in result.stdout


def test_plan_json_for_the_dev_stack() -> None:
    result = cli("plan", "--stack", "dev", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    # `heldBack` only while provisioning is off (dev's stack file): the SCIM groups' values no resource declares yet.
    assert list(document) == ["project", "stack", "resources", "outputs", "heldBack"]
    assert list(document["heldBack"]) == ["groupValues"]
    assert document["project"] == "gainsight-okta" and document["stack"] == "dev"
    for entry in document["resources"]:
        assert list(entry) == ["urn", "type", "name", "id", "parent", "inputs", "options"]
        assert list(entry["options"]) == [
            "protect",
            "dependsOn",
            "import",
            "ignoreChanges",
            "retainOnDelete",
            "deleteBeforeReplace",
            "aliases",
        ]
    apps = {r["name"]: r for r in document["resources"] if r["type"] == "okta:app/saml:Saml"}
    assert apps["gainsight-sso"]["inputs"]["label"] == "Gainsight (dev)"
    assert apps["gainsight-scim"]["inputs"]["hideWeb"] is True
    assert apps["gainsight-sso"]["id"] == document["outputs"]["ssoAppId"]
    assert document["outputs"]["provisioningEnabled"] is False  # a new stack starts before the manual step
    assert not [
        r for r in document["resources"] if r["type"] == "okta:index/appUserSchemaProperty:AppUserSchemaProperty"
    ]


def test_plan_text_shows_the_tree_and_the_manual_step() -> None:
    prod = cli("plan", "--stack", "prod")
    assert prod.returncode == 0, prod.stderr
    assert "okta:app/saml:Saml  gainsight-sso  [protected]" in prod.stdout
    dev = cli("plan", "--stack", "dev")
    assert "waiting on a manual step" in dev.stdout


def test_plan_with_explicit_config_file(write_stack) -> None:
    path = write_stack({"gainsight-okta:samlApp": {"label": "From elsewhere"}})
    result = cli("plan", "--stack", "elsewhere", "--config", str(path), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["stack"] == "elsewhere"
    assert any(r["inputs"].get("label") == "From elsewhere" for r in document["resources"])


@pytest.mark.parametrize("command", ["validate", "plan"])
def test_bad_config_value_is_one_error_line_and_nothing_on_stdout(write_stack, command: str) -> None:
    path = write_stack({"gainsight-okta:scimApp": {"provisioningEnabled": "maybe"}})
    result = cli(command, "--stack", "x", "--config", str(path), *(["--json"] if command == "plan" else []))
    assert_one_error_line(result, "gainsight-okta:scimApp.provisioningEnabled", path.name)


def test_bad_metadata_in_a_stack_names_the_metadata_file(write_stack, tmp_path: Path) -> None:
    metadata = mb.write(tmp_path, "<html><body>Sign in</body></html>", "saved-login-page.xml")
    path = write_stack({"gainsight-okta:metadataFile": str(metadata)})
    assert_one_error_line(cli("plan", "--stack", "x", "--config", str(path)), "saved-login-page.xml", "HTML page")


def test_missing_stack_file() -> None:
    assert_one_error_line(cli("plan", "--stack", "nonexistent"), "Pulumi.nonexistent.yaml")


def test_usage_errors_are_one_line() -> None:
    assert_one_error_line(cli("plan"), "--stack")
    assert_one_error_line(cli("frobnicate"), "invalid choice")


def test_secrets_in_the_stack_file_never_reach_the_plan(write_stack) -> None:
    path = write_stack({"okta:apiToken": {"secure": "v1:SUPERSECRETCIPHERTEXT"}})
    for extra in ((), ("--json",)):
        result = cli("plan", "--stack", "x", "--config", str(path), *extra)
        assert result.returncode == 0, result.stderr
        assert "SUPERSECRETCIPHERTEXT" not in result.stdout + result.stderr
