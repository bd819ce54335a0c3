"""The command line as a new user meets it: help, version, pipes, other directories, files that are not files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from components.cli.main import COMMANDS
from tests.conftest import PROJECT_ROOT, run_cli


@pytest.mark.parametrize("command", [command.name for command in COMMANDS])
def test_every_command_has_help_with_a_description_and_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    summary = next(c.summary for c in COMMANDS if c.name == command)
    text = " ".join(result.stdout.split())  # argparse wraps the description
    assert summary[1:] in text
    assert f"example: venv/bin/gainsight-okta {command}" in text


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("gainsight-okta ")


def test_piping_into_head_exits_quietly() -> None:
    shell = f"{sys.executable} -m components plan --stack prod | head -1"
    result = subprocess.run(
        ["sh", "-c", shell],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.startswith("Offline plan of stack prod")
    assert result.stderr == ""


def test_runs_from_a_folder_inside_the_project_and_finds_it(tmp_path: Path) -> None:
    """The project is the nearest folder holding a Pulumi.yaml at or above the working directory, as the Pulumi CLI
    finds it: from `metadata/` the command reads the project's stack files, with no PYTHONPATH."""
    result = subprocess.run(
        [sys.executable, "-m", "components", "validate", "--stack", "dev"],
        cwd=PROJECT_ROOT / "metadata",
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "Pulumi.dev.yaml: valid." in result.stdout


def test_outside_any_project_the_working_directory_is_the_project(tmp_path: Path) -> None:
    """Never the folder the code is installed in: an empty folder has no stack file, and says so."""
    from components.inputs.project import project_root

    assert project_root(tmp_path) == tmp_path.resolve()
    assert project_root(PROJECT_ROOT / "metadata") == PROJECT_ROOT
    result = subprocess.run(
        [sys.executable, "-m", "components", "validate", "--stack", "dev"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2 and result.stderr.startswith("error: Pulumi.dev.yaml"), result.stderr


def test_an_empty_config_option_is_an_error() -> None:
    result = run_cli("validate", "--stack", "dev", "--config", "")
    assert result.returncode == 2 and result.stderr.startswith("error: --config: is empty")


def test_a_stack_file_of_another_stack_warns() -> None:
    result = run_cli("validate", "--stack", "prod", "--config", "Pulumi.dev.yaml")
    assert result.returncode == 0
    assert "warning: --config Pulumi.dev.yaml is named for stack 'dev', but --stack says 'prod'" in result.stderr


@pytest.mark.parametrize("option", ["--config", "--outputs"])
def test_a_fifo_or_a_device_is_refused_without_hanging(tmp_path: Path, option: str) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for target, kind in ((fifo, "named pipe"), (Path("/dev/zero"), "device")):
        args = ["runbook", "--stack", "dev"] + (
            ["--config", str(target)] if option == "--config" else ["--outputs", str(target)]
        )
        result = run_cli(*args)
        assert result.returncode == 2 and kind in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_50_mb_stack_file_is_refused_at_the_cap(tmp_path: Path) -> None:
    big = tmp_path / "Pulumi.big.yaml"
    with big.open("w") as handle:
        handle.write("config:\n  other:pad: |\n")
        line = "    " + "x" * 96 + "\n"
        handle.writelines(line for _ in range(50 * 1024 * 1024 // len(line)))
    result = run_cli("validate", "--stack", "big", "--config", str(big))
    assert result.returncode == 2 and "larger than 1 MiB" in result.stderr


def test_metadata_and_validate_do_not_load_the_pulumi_runtime() -> None:
    for args in (["metadata", "metadata/dev.xml"], ["validate", "--stack", "dev"]):
        code = "import runpy, sys; sys.argv = ['components', *sys.argv[1:]]\n"
        code += "try:\n    runpy.run_module('components', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        code += "print('pulumi' in sys.modules, file=sys.stderr)"
        result = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"},
        )
        assert result.stderr.strip().endswith("False"), result.stderr
