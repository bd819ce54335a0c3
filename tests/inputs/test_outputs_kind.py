"""`--outputs` and `--previous-outputs` take only this project's `pulumi stack output --json`, of the same stack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.inputs.pulumi_json import PROGRAM_OUTPUTS
from components.inputs.stack_file import read_stack_file
from components.offline.plan import run_offline
from tests.conftest import PROJECT_ROOT, run_cli

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


def test_the_list_of_outputs_is_the_program_s() -> None:
    """The outputs a plan of the prod stack (the one with every feature) declares are all known by name."""
    plan = run_offline("prod", read_stack_file(PROJECT_ROOT / "Pulumi.prod.yaml"), "Pulumi.prod.yaml").to_json()
    assert set(plan["outputs"]) <= set(PROGRAM_OUTPUTS) and "stackName" in plan["outputs"]


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ({"stackName": "prod", "ssoAppId": "0oa1"}, "stackName: holds the outputs of stack 'prod', not 'dev'"),
        ({"steps": [], "changeSummary": {}}, "is the output of `pulumi preview --json`"),
        ({"vpcId": "vpc-1"}, "is not the JSON of `pulumi stack output --json` of this project"),
    ],
)
@pytest.mark.parametrize("command", ["runbook --outputs", "plan --previous-outputs"])
def test_the_wrong_outputs_are_refused(tmp_path: Path, document: dict, fragment: str, command: str) -> None:
    path = tmp_path / "outputs.json"
    path.write_text(json.dumps(document))
    flag = command.split()[1]
    result = run_cli(command.split()[0], "--stack", "dev", flag, str(path))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert fragment in result.stderr


def test_outputs_of_the_same_stack_or_before_any_up_are_taken(tmp_path: Path) -> None:
    path = tmp_path / "outputs.json"
    for document in ({}, {"stackName": "dev", "ssoAppId": "0oa1b2c3d4e5f6g7h8i9"}):
        path.write_text(json.dumps(document))
        assert run_cli("runbook", "--stack", "dev", "--outputs", str(path)).returncode == 0
