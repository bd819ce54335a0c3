"""Hints name the command as it was run (components/command_name.py): a wheel installed anywhere, a project venv,
`python -m components`, the console script found on PATH."""

from __future__ import annotations

import os
from pathlib import Path

from components.command_name import COMMAND, as_run, beside_interpreter


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_the_console_script_found_on_path_is_named_by_its_name(tmp_path: Path) -> None:
    script = executable(tmp_path / "opt" / "bin" / "gainsight-okta")
    python = executable(tmp_path / "opt" / "bin" / "python")
    assert as_run(str(script), str(python), tmp_path / "project", str(script.parent)) == "gainsight-okta"


def test_a_console_script_off_path_is_named_by_its_path(tmp_path: Path) -> None:
    project = tmp_path / "project"
    script = executable(project / "venv" / "bin" / "gainsight-okta")
    python = executable(project / "venv" / "bin" / "python")
    assert as_run(str(script), str(python), project, "/usr/bin:/bin") == "venv/bin/gainsight-okta"
    assert as_run("venv/bin/gainsight-okta", str(python), project, "/usr/bin:/bin") == "venv/bin/gainsight-okta"
    elsewhere = executable(tmp_path / "tools" / "bin" / "gainsight-okta")
    assert as_run(str(elsewhere), str(python), project, "/usr/bin:/bin") == str(elsewhere)
    # Another gainsight-okta first on PATH is not the one that ran.
    other = executable(tmp_path / "other" / "gainsight-okta")
    assert as_run(str(script), str(python), project, str(other.parent)) == "venv/bin/gainsight-okta"


def test_python_dash_m_names_the_interpreter_that_has_the_packages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    main = project / "components" / "__main__.py"
    python = project / "venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    system = executable(tmp_path / "usr" / "bin" / "python")
    os.symlink(system, python)  # a venv's python links to the system's, which lacks the packages
    assert as_run(str(main), str(python), project, str(system.parent)) == "venv/bin/python -m components"
    assert as_run(str(main), str(python), project, str(python.parent)) == "python -m components"


def test_without_a_command_line_the_script_beside_the_interpreter(tmp_path: Path) -> None:
    project = tmp_path / "project"
    executable(project / "venv" / "bin" / "gainsight-okta")
    assert beside_interpreter(str(project / "venv" / "bin" / "python"), project) == "venv/bin/gainsight-okta"
    wheel = executable(tmp_path / "wheel-venv" / "bin" / "gainsight-okta")
    assert beside_interpreter(str(wheel.parent / "python"), project) == str(wheel)
    assert beside_interpreter(str(tmp_path / "bare" / "python"), project) == COMMAND
