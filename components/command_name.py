"""How a person runs this tool, for every hint it prints: the command line they can copy.

A command run from a shell names itself as it was run (`remember`, called by `main()`): `gainsight-okta` when the
console script found on PATH is the one running, the path as typed otherwise (`venv/bin/gainsight-okta`), or
`venv/bin/python -m components`. Where no command line ran (the Pulumi program, a test calling `main(argv)`), the
console script installed beside the running interpreter is named: `venv/bin/gainsight-okta` in a project's venv
(the documented setup, `make venv`), its absolute path in a virtualenv elsewhere (a wheel installed there).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

COMMAND = "venv/bin/gainsight-okta"  # pyproject.toml's console script, installed by `make venv`
SCRIPT = "gainsight-okta"

_as_run: str | None = None


def _shown(path: Path, cwd: Path) -> str:
    """A path relative to the working directory when it lies under it, else absolute."""
    absolute = path if path.is_absolute() else cwd / path
    try:
        return str(absolute.relative_to(cwd))
    except ValueError:
        return str(absolute)


def _same_file(found: str | None, path: Path) -> bool:
    """The same path, symlinks not followed: a venv's python links to the system one, which lacks the packages."""
    return found is not None and os.path.abspath(found) == os.path.abspath(path)


def as_run(argv0: str, executable: str, cwd: Path, path_variable: str | None) -> str:
    """The command line that ran this process (argv[0] and the interpreter), as a person would type it again."""
    script = Path(argv0)
    if script.name == "__main__.py" and script.parent.name == "components":  # python -m components
        python = Path(executable)
        on_path = _same_file(shutil.which(python.name, path=path_variable), python)
        return f"{python.name if on_path else _shown(python, cwd)} -m components"
    if _same_file(shutil.which(script.name, path=path_variable), script if script.is_absolute() else cwd / script):
        return script.name
    return argv0 if not script.is_absolute() else _shown(script, cwd)


def beside_interpreter(executable: str, cwd: Path) -> str:
    """The console script in the running interpreter's bin folder (the Pulumi program runs the project's venv)."""
    script = Path(executable).parent / SCRIPT
    return _shown(script, cwd) if script.exists() else COMMAND


def remember(argv0: str) -> None:
    """Called once by the command line's entry point: hints then name the command as it was run."""
    global _as_run
    _as_run = as_run(argv0, sys.executable, Path.cwd(), os.environ.get("PATH"))


def command() -> str:
    return _as_run or beside_interpreter(sys.executable, Path.cwd())


def hint(*words: str) -> str:
    """A complete command line to copy: `hint("runbook", "--stack", "dev")`."""
    return " ".join((command(), *words))
