"""The report commands on malformed and mistaken documents: one `error:` line, never a traceback or a wrong verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def write(tmp_path: Path, document: object, name: str = "doc.json") -> str:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return str(path)


def one_error(result, *fragments: str) -> None:
    assert result.returncode == 2 and result.stdout == "", result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in line


GOOD_RESOURCE = {"urn": "urn:pulumi:dev::p::t::a", "type": "t", "name": "a", "inputs": {}, "options": {}}


@pytest.mark.parametrize(
    ("resource", "where"),
    [
        ({"urn": "urn:a", "name": "a", "inputs": {}}, "resources[0].type: is missing"),
        ({**GOOD_RESOURCE, "inputs": "label=x"}, "resources[0].inputs: must be a JSON object"),
        ({**GOOD_RESOURCE, "options": {"protect": "yes"}}, "resources[0].options.protect: must be true or false"),
    ],
)
def test_plan_diff_on_malformed_plans(tmp_path: Path, resource: dict, where: str) -> None:
    good = write(tmp_path, {"stack": "dev", "resources": [GOOD_RESOURCE]}, "good.json")
    bad = write(tmp_path, {"stack": "dev", "resources": [resource]}, "bad.json")
    one_error(run_cli("plan-diff", good, bad), "bad.json", where)


def test_plan_diff_on_a_pulumi_digest_says_so(tmp_path: Path) -> None:
    good = write(tmp_path, {"stack": "dev", "resources": [GOOD_RESOURCE]}, "good.json")
    one_error(
        run_cli("plan-diff", good, str(FIXTURES / "refresh-drift.json")), "not the output of `gainsight-okta plan"
    )


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"changeSummary": "x"}, "changeSummary: must be a JSON object"),
        ({"steps": [{"op": "update"}]}, "steps[0].urn: is missing"),
        ({"steps": "none"}, "steps: must be a JSON list"),
        ({"steps": [], "diagnostics": [{"severity": 3}]}, "diagnostics[0].severity: must be text"),
    ],
)
def test_drift_report_on_malformed_digests(tmp_path: Path, document: dict, where: str) -> None:
    one_error(run_cli("drift-report", write(tmp_path, document)), where)


def test_drift_report_refuses_a_plan_given_by_mistake(tmp_path: Path) -> None:
    plan = write(tmp_path, {"stack": "dev", "resources": [GOOD_RESOURCE], "outputs": {}})
    one_error(run_cli("drift-report", plan), "is the output of `gainsight-okta plan --json`")


def test_a_clean_refresh_names_its_stack_and_says_no_drift() -> None:
    result = run_cli("drift-report", str(FIXTURES / "refresh-clean.json"))
    assert result.returncode == 0
    assert result.stdout.startswith("## No drift in stack `prod`")
    assert "`?`" not in result.stdout


def test_a_previews_creations_are_not_called_drift() -> None:
    result = run_cli("drift-report", str(FIXTURES / "preview-changes.json"))
    assert result.returncode == 0
    assert "changed outside" not in result.stdout and "Someone changed" not in result.stdout
    assert "Not drift: 2 change(s) the program would still make" in result.stdout


@pytest.mark.parametrize("garbage", ["", "{half", '{"changeSummary": "x"}', '{"stack": "dev", "resources": []}', "[]"])
@pytest.mark.parametrize("exit_code", [0, 1, 255])
def test_drift_status_on_garbage_is_error_never_clean(tmp_path: Path, garbage: str, exit_code: int) -> None:
    result = run_cli("drift-status", write(tmp_path, garbage), "--exit-code", str(exit_code))
    assert result.returncode == 0 and result.stdout.strip() == "error"


def test_drift_status_still_trusts_the_drift_exit_code(tmp_path: Path) -> None:
    assert run_cli("drift-status", write(tmp_path, "{half"), "--exit-code", "7").stdout.strip() == "drift"
