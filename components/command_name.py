"""How a person runs this tool, for every hint it prints: from the project root, with the project's virtualenv."""

from __future__ import annotations

COMMAND = "venv/bin/gainsight-okta"  # pyproject.toml's console script, installed by `make venv`


def hint(*words: str) -> str:
    """A complete command line to copy: `hint("runbook", "--stack", "dev")`."""
    return " ".join((COMMAND, *words))
