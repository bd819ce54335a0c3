"""`adopt` writes CHANGE-ME where Okta cannot tell a value; validate, plan and runbook refuse the stack until the
real value is set, naming the key (and `pulumi up` through the same check in the program's entry)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from components.errors import InputError
from components.inputs.placeholders import refuse_placeholders
from tests.newcomer.project_copy import project_copy, run_in


@pytest.mark.parametrize("command", ["validate", "plan", "runbook"])
def test_a_placeholder_is_refused_naming_the_key(tmp_path: Path, command: str) -> None:
    root = project_copy(tmp_path)
    path = root / "Pulumi.dev.yaml"
    document = yaml.safe_load(path.read_text())
    document["config"]["gainsight-okta:oauthClientId"] = "CHANGE-ME-gainsight-oauth-client-id"
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    result = run_in(root, f"venv/bin/gainsight-okta {command} --stack dev")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "error: Pulumi.dev.yaml: gainsight-okta:oauthClientId: is a placeholder "
        "('CHANGE-ME-gainsight-oauth-client-id'): set the real value\n"
    )


def test_a_placeholder_inside_a_setting_is_named_by_its_path() -> None:
    config = {"gainsight-okta:groups": '[{"name": "Admins", "profile": {"LicenseType": "CHANGE-ME"}}]'}
    with pytest.raises(InputError) as caught:
        refuse_placeholders(config, "Pulumi.x.yaml")
    assert caught.value.location == "gainsight-okta:groups[0].profile.LicenseType"
    refuse_placeholders({"gainsight-okta:tenantUrl": "https://acme.gainsightcloud.com"}, "Pulumi.x.yaml")


def test_adopt_without_metadata_names_the_flag() -> None:
    from tests.conftest import run_cli

    result = run_cli(
        "adopt", "--stack", "nosuchstack", "--sso-app", "0oa1b2c3d4e5f6g7h8i9", env={"OKTA_API_TOKEN": "x"}
    )
    assert result.returncode == 2 and result.stderr == (
        "error: --metadata: is not given and metadata/nosuchstack.xml does not exist: pass Gainsight's metadata.xml\n"
    )
