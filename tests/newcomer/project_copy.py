"""A copy of the project in a temporary directory, as a fresh clone is, with `venv/bin/gainsight-okta` in it
running this interpreter on the copy's code: what a newcomer's commands write lands in the copy."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT

_NOT_COPIED = shutil.ignore_patterns("venv", ".git", "__pycache__", ".*_cache", "*.egg-info", "build", ".pytest_cache")


def project_copy(target: Path) -> Path:
    root = target / "gainsight-okta"
    shutil.copytree(PROJECT_ROOT, root, ignore=_NOT_COPIED)
    script = root / "venv" / "bin" / "gainsight-okta"
    script.parent.mkdir(parents=True)
    # What pip writes for a console script, on the copy's code: argv[0] is the script as typed.
    script.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(root)!r})\n"
        "from components.cli.main import main\nsys.exit(main())\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return root


def run_in(root: Path, command: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A command line as printed, run from the project root with a bare environment (plus `extra`, e.g. the
    credential a live command reads)."""
    environment = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), **(extra or {})}
    return subprocess.run(
        ["/bin/sh", "-c", command], cwd=root, capture_output=True, text=True, timeout=300, env=environment
    )
