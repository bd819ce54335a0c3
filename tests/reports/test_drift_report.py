"""`drift-report` and `drift-status` on JSON shaped like `pulumi refresh --preview-only --json` output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.reports.drift import drift_status, drifted_resources, pending_resources, render_drift_report
from tests.conftest import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def test_drifted_resources_with_values_from_okta() -> None:
    drifted = {d.name: d for d in drifted_resources(fixture("refresh-drift.json"))}
    assert set(drifted) == {"gainsight-sso", "gainsight-sso-assignments"}
    (label,) = drifted["gainsight-sso"].properties
    assert (label.path, label.kind, label.before, label.after) == (
        "label",
        "update",
        "Gainsight",
        "Gainsight (renamed by hand)",
    )
    (added,) = drifted["gainsight-sso-assignments"].properties
    assert added.kind == "add" and added.before is None and added.after["id"] == "00g9zzzzzzzzzzzzzzz9"


def test_report_markdown() -> None:
    text = render_drift_report(fixture("refresh-drift.json"))
    assert text.startswith("## Drift in stack `prod`")
    assert "| `gainsight-sso` | `okta:app/saml:Saml` | update: label |" in text
    assert '- `label` (update): "Gainsight" → "Gainsight (renamed by hand)"' in text
    assert "Change summary: same 8, update 2." in text
    assert "- warning: SCIM app 'Gainsight SCIM Integration': not enabled" in text


def test_clean_refresh_reports_no_drift() -> None:
    text = render_drift_report(fixture("refresh-clean.json"), "prod")
    assert "no drift" in text
    assert drifted_resources(fixture("refresh-clean.json")) == []


def test_preview_inputs_and_replacements() -> None:
    assert drifted_resources(fixture("preview-changes.json")) == []  # the program's own changes are not drift
    (replace, create) = pending_resources(fixture("preview-changes.json"))
    assert replace.op == "replace" and replace.properties[0].kind == "update-replace"
    assert (replace.properties[0].before, replace.properties[0].after) == ("NONE", "SELF")  # inputs, as inputDiff says
    assert create.op == "create" and create.properties == ()


@pytest.mark.parametrize(
    ("exit_code", "name", "expected"),
    [
        (0, "refresh-clean.json", "clean"),
        (7, "refresh-drift.json", "drift"),
        (7, None, "drift"),
        (255, "refresh-drift.json", "drift"),  # an older CLI: non-zero, and the JSON shows changes
        (255, "refresh-clean.json", "error"),  # non-zero without changes: a real failure
        (1, None, "error"),  # e.g. bad credentials: no JSON at all
    ],
)
def test_status(exit_code: int, name: str | None, expected: str) -> None:
    assert drift_status(exit_code, fixture(name) if name else None) == expected


def test_cli(tmp_path: Path) -> None:
    run = run_cli
    report = run("drift-report", str(FIXTURES / "refresh-drift.json"), "--stack", "prod")
    assert report.returncode == 0 and "## Drift in stack `prod`" in report.stdout
    empty = tmp_path / "empty.json"
    empty.write_text("")
    assert run("drift-status", str(empty), "--exit-code", "1").stdout.strip() == "error"
    assert run("drift-status", str(tmp_path / "absent.json"), "--exit-code", "7").stdout.strip() == "drift"
    assert run("drift-status", str(FIXTURES / "refresh-drift.json"), "--exit-code", "255").stdout.strip() == "drift"
    broken = run("drift-report", str(empty))
    assert broken.returncode == 2 and broken.stderr.startswith(f"error: {empty}")
