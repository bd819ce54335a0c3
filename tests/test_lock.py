"""The one lock, requirements.txt, is current with pyproject.toml: every declared dependency (the `dev` extra's
too) is pinned within its range with its hashes, and nothing is pinned as declared that pyproject.toml no longer
declares. `make lock` makes it again."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
DECLARED_BY = "gainsight-okta (pyproject.toml)"


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(text) for text in project["dependencies"] + project["optional-dependencies"]["dev"]]
    return {canonicalize_name(requirement.name): requirement for requirement in requirements}


def locked(text: str) -> dict[str, tuple[str, bool, bool]]:
    """name -> (pinned version, has hashes, declared by pyproject.toml), from a pip-compile lock."""
    found: dict[str, tuple[str, bool, bool]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9_.-]+)==([^\s\\;]+)", block)
        if match:
            via = block.split("# via", 1)[-1]
            found[canonicalize_name(match[1])] = (match[2], "--hash=sha256:" in block, DECLARED_BY in via)
    return found


def stale(declared_: dict[str, Requirement], locked_: dict[str, tuple[str, bool, bool]]) -> list[str]:
    problems = []
    for name, requirement in sorted(declared_.items()):
        if name not in locked_:
            problems.append(f"{name}: declared, not in the lock")
            continue
        version, hashed, _ = locked_[name]
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{name}: locked at {version}, outside {requirement.specifier}")
        if not hashed:
            problems.append(f"{name}: locked without hashes")
    problems += [f"{name}: locked as declared, no longer declared" for name, (_, _, direct) in sorted(locked_.items())
                 if direct and name not in declared_]  # fmt: skip
    return problems


def test_the_lock_is_current_with_pyproject() -> None:
    lock = locked((ROOT / "requirements.txt").read_text())
    assert {"pulumi", "pulumi-okta", "httpx", "httpcore", "pytest"} <= set(lock)
    assert all(hashed for _, hashed, _ in lock.values()), "every pin has its hashes (pip --require-hashes)"
    assert stale(declared(), lock) == [], "run: make lock"


def test_a_stale_lock_is_found() -> None:
    lock = {"pulumi": ("3.1.0", True, True), "leftover": ("1.0", True, True)}
    problems = stale({"pulumi": Requirement("pulumi>=3.200,<4"), "lxml": Requirement("lxml>=5")}, lock)
    assert problems == [
        "lxml: declared, not in the lock",
        "pulumi: locked at 3.1.0, outside <4,>=3.200",
        "leftover: locked as declared, no longer declared",
    ]


def test_the_policy_pack_and_pulumi_install_read_the_one_lock() -> None:
    assert "-r ../requirements.txt" in (ROOT / "policy" / "requirements.txt").read_text().splitlines()
    assert "toolchain: pip" in (ROOT / "Pulumi.yaml").read_text()  # pulumi install reads requirements.txt


def test_make_lock_runs_one_well_formed_pip_compile() -> None:
    """`make lock` once passed a stray `\\` to pip-compile, which then refused to run: its command line, checked."""
    import os
    import shlex
    import subprocess

    environ = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}  # under make
    shown = subprocess.run(
        ["make", "--no-print-directory", "-n", "-W", "venv/.installed", "lock"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=environ,
    ).stdout
    command = next(line for line in shown.replace("\\\n", " ").splitlines() if "pip-compile" in line)
    words = shlex.split(command)
    assert words[0].endswith("pip-compile"), shown
    positional = [word for i, word in enumerate(words[1:], 1) if not word.startswith("--") and words[i - 1] not in
                  ("--extra", "--output-file")]  # fmt: skip
    assert positional == ["pyproject.toml"], words
    assert "--generate-hashes" in words and words[words.index("--output-file") + 1] == "requirements.txt"
