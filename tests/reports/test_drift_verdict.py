"""`drift-status` and `drift-report` give one verdict on one file: both ask `drift_status`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.reports.drift import drift_status, render_drift_report
from tests.conftest import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEADINGS = {"## Drift in": "drift", "## No drift in": "clean", "## Drift check failed for": "error"}
FAILED = {"steps": [], "diagnostics": [{"severity": "error", "message": "401 Unauthorized"}], "changeSummary": {}}
SUMMARY_ONLY = {"steps": [], "changeSummary": {"update": 2, "same": 8}}


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def reported(text: str) -> str:
    (verdict,) = [status for heading, status in HEADINGS.items() if text.startswith(heading)]
    return verdict


def write(tmp_path: Path, content: str | dict | None) -> Path:
    path = tmp_path / "refresh.json"
    if content is not None:  # None: the run died before writing anything
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


# Each file with the exit code pulumi gives with it; the report is not told the code.
CASES = [
    ("empty file", "", 255, "error"),
    ("missing file", None, 1, "error"),
    ("changes", fixture("refresh-drift.json"), 7, "drift"),
    ("changes, an older CLI", fixture("refresh-drift.json"), 255, "drift"),
    ("no changes", fixture("refresh-clean.json"), 0, "clean"),
    ("errors in the diagnostics", FAILED, 255, "error"),
    ("an error diagnostic with exit code 0", FAILED, 0, "error"),
    ("changes counted but no steps", SUMMARY_ONLY, 7, "drift"),
    ("a preview's own changes", fixture("preview-changes.json"), 0, "clean"),
]


@pytest.mark.parametrize(("content", "exit_code", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_both_commands_agree(tmp_path: Path, content: str | dict | None, exit_code: int, expected: str) -> None:
    path = write(tmp_path, content)
    status = run_cli("drift-status", str(path), "--exit-code", str(exit_code))
    assert status.returncode == 0 and status.stdout.strip() == expected
    report = run_cli("drift-report", str(path), "--stack", "prod")
    # An unreadable file is an `error:` line, never a report; a readable one is headed by the verdict.
    assert (report.returncode, reported(report.stdout) if report.returncode == 0 else "error") == (
        0 if isinstance(content, dict) else 2,
        expected,
    )


@pytest.mark.parametrize(
    "document",
    [FAILED, SUMMARY_ONLY, *(fixture(n) for n in ("refresh-drift.json", "refresh-clean.json", "preview-changes.json"))],
)
@pytest.mark.parametrize("exit_code", [None, 0, 1, 7, 255])
def test_the_report_is_headed_by_the_status(document: dict, exit_code: int | None) -> None:
    assert reported(render_drift_report(document, "prod", exit_code)) == drift_status(exit_code, document)


def test_a_failed_check_says_so_and_shows_the_errors() -> None:
    text = render_drift_report(FAILED, "prod", 255)
    assert text.startswith("## Drift check failed for stack `prod`")
    assert "(exit code 255): this is neither drift nor a clean result" in text
    assert "- error: 401 Unauthorized" in text and "no drift" not in text.lower()
