"""The `sh` blocks of the README and docs/: the command lines a reader types, each run exactly as printed by a
scenario that sets up the world the text around it assumes and checks that the commands do what that text says.

Where each block runs: `tests/newcomer/test_shown_commands.py` (in `make test`, the live ones against the Okta
emulator on 127.0.0.1) or, for a block that runs the Pulumi CLI, `e2e/test_shown_commands.py` and
`e2e/test_paged_drift.py` (the real engine and okta provider against the emulator). Not run: `make test` (NOT_RUN)
and the benchmarks (BENCHMARK_BLOCKS), whose scripts and options are checked. `test_every_block_has_a_scenario`
keeps the lists whole."""

from __future__ import annotations

import fcntl
import os
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.doc_pages import ORG_URL, PAGES, Block, page_id, shell_lines, split_page, words

# A line no scenario can run as printed, and why: the suite itself, which would run this test again.
NOT_RUN = {"make test": "it is the command that runs this test (make test runs pytest, which runs this scenario)"}

# What stands for a value the reader supplies: replaced, and only this, before a line runs.
TOKEN_PLACEHOLDER = "OKTA_API_TOKEN=…"

# Blocks that need the Pulumi CLI: e2e/test_shown_commands.py runs them, keyed as `key` says.
E2E_BLOCKS = {
    "README.md: pulumi stack init qa",
    "README.md: pulumi refresh --stack qa --exclude **okta:app/groupAssignment:GroupAssignment::**",
    "docs/adopt-and-verify.md: pulumi stack export --stack prod > deployed.json",
    "docs/api-cost.md: pulumi refresh --stack prod --exclude **okta:app/groupAssignment:GroupAssignment::**",
    "docs/ci-workflows.md: make policy-venv",
    "docs/provider-behaviour.md: pulumi stack output --stack qa --json > outputs.json",
    "docs/api-cost.md: pulumi preview --stack prod --refresh --exclude **okta:app/groupAssignment:GroupAssignment::**",
}

# Benchmarks whose figures the page shows: each takes minutes to an hour, so a person runs them (the page says
# when, and what they printed); tests/newcomer/test_shown_commands.py checks that each names a script that exists.
BENCHMARK_BLOCKS = {
    "docs/api-cost.md: venv/bin/python bench/e2e_vs_handwritten.py --groups 100 1000 --okta-limits "
    "--skip-checkpoints --markdown",
    "docs/api-cost.md: venv/bin/python bench/e2e_profile.py --groups 100 --markdown",
}


@dataclass(frozen=True)
class ShownBlock:
    block: Block
    lines: tuple[str, ...]

    @property
    def key(self) -> str:
        """The page and the block's first command line, without its comment: stable when lines move."""
        return f"{page_id(self.block.page)}: {plain(self.lines[0])}"

    @property
    def runnable(self) -> tuple[str, ...]:
        """Its lines, less those in NOT_RUN."""
        return tuple(line for line in self.lines if plain(line) not in NOT_RUN)


def plain(line: str) -> str:
    """A command line without its comment or extra spaces."""
    return " ".join(words(line))


def sh_blocks() -> list[ShownBlock]:
    found = []
    for page in PAGES:
        for block in split_page(page)[0]:
            if block.language == "sh":
                found.append(ShownBlock(block, tuple(line for line in shell_lines(block) if line.strip())))
    return found


def shown_block(key: str) -> ShownBlock:
    matches = [shown for shown in sh_blocks() if shown.key == key]
    assert len(matches) == 1, f"no single `sh` block is {key!r}: {[s.key for s in sh_blocks()]}"
    return matches[0]


@dataclass
class Session:
    """One reader at one shell: each line of a block run in order, as printed, from the project's root. `export`
    lines carry over, as they do in a shell. `org_url` replaces the docs' `https://acme.okta.com` (how they show the
    emulator); `token` the docs' `OKTA_API_TOKEN=…`."""

    shown: ShownBlock
    root: Path
    env: dict[str, str]
    org_url: str | None = None
    token: str | None = None
    ran: list[str] = field(default_factory=list)

    @property
    def runnable(self) -> tuple[str, ...]:
        return self.shown.runnable

    def command(self, line: str) -> str:
        if self.org_url is not None:
            line = line.replace(ORG_URL, self.org_url)
        if self.token is not None:
            line = line.replace(TOKEN_PLACEHOLDER, f"OKTA_API_TOKEN={self.token}")
        return line

    def run(self, line: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        expected = self.shown.runnable
        assert len(self.ran) < len(expected) and line == expected[len(self.ran)], (
            f"{self.shown.key}: lines run out of order: {line!r}"
        )
        self.ran.append(line)
        command = self.command(line)
        argv = words(command)
        if argv[:1] == ["export"]:
            for assignment in argv[1:]:
                name, _, value = assignment.partition("=")
                self.env[name] = value
        return subprocess.run(
            ["/bin/sh", "-c", command], cwd=self.root, capture_output=True, text=True, timeout=timeout, env=self.env
        )

    def run_all(self) -> list[subprocess.CompletedProcess[str]]:
        return [self.run(line) for line in self.shown.runnable]

    def done(self) -> None:
        left = self.shown.runnable[len(self.ran) :]
        assert not left, f"{self.shown.key}: lines never run: {left}"


def bare_environment(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A reader's shell: a home of its own, and any stray HTTP request sent to a closed port on 127.0.0.1 instead
    of the Internet (only the emulator on 127.0.0.1 may be reached)."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "127.0.0.1,localhost",
        **(extra or {}),
    }


@contextmanager
def machine_wide(path: str) -> Iterator[None]:
    """Blocks that write a fixed path outside the project (`/tmp/base.yaml`) run one at a time across workers."""
    with open(f"{path}.gainsight-okta-tests.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            if os.path.exists(path):
                os.remove(path)
