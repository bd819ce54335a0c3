"""`venv/bin/gainsight-okta`, the command every hint prints: installed by `make venv`; it runs from any folder
and works on the project it is in."""

from __future__ import annotations

import subprocess
from pathlib import Path

from components.command_name import COMMAND, hint
from tests.conftest import PROJECT_ROOT


def test_the_console_script_is_the_command_line_from_any_directory(tmp_path: Path) -> None:
    script = PROJECT_ROOT / COMMAND  # `make test` installs it (make venv)
    result = subprocess.run([str(script), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("gainsight-okta "), result.stderr


def test_a_hint_is_a_whole_command_line() -> None:
    assert hint("runbook", "--stack", "dev") == "venv/bin/gainsight-okta runbook --stack dev"
