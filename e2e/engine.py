"""The real Pulumi CLI, run as users and the workflows run it: `pulumi up` starts the Python language host, which
runs this project's program with the project's venv, and the okta provider found on PATH talks to the emulator.

Every run has a `file://` backend of its own, no plugin downloads and no update check, and a time limit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "e2e-passphrase-not-a-secret"
API_TOKEN = "00e2eEMULATORtoken0000000000000000000000aa"  # what the emulator accepts; checked absent from state
OKTA_SDK_PLUGIN = "7.0.1"  # the plugin version the locked pulumi-okta SDK names
RUN_SECONDS = 600  # a step's limit under `make e2e`; the benchmarks set `Pulumi.step_seconds` higher


class PulumiError(AssertionError):
    pass


@dataclass
class Run:
    args: list[str]
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def toolchain_bin() -> Path:
    """The folder `make -s e2e-bin` prints: pulumi, the language host and pulumi-resource-okta."""
    given = os.environ.get("E2E_BIN")
    if given:
        return Path(given)
    answer = subprocess.run(
        [str(REPO / "e2e" / "toolchain" / "build.sh"), "--print-bin"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if answer.returncode != 0:
        raise PulumiError(answer.stderr.strip() or "make e2e-tools has not been run")
    return Path(answer.stdout.strip())


class Project:
    """A copy of this project in a temporary folder: the stack files a test writes, the repository's program,
    metadata and venv. `components` is imported from the repository (the venv's editable install)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.use_program(REPO)
        shutil.copytree(REPO / "metadata", root / "metadata")
        (root / "venv").symlink_to(REPO / "venv")

    def use_program(self, source: Path) -> None:
        """The program of another checkout (`source`): its Pulumi.yaml and __main__.py; the Pulumi CLI must then
        run with PYTHONPATH at `source` so that its `components` is the one imported."""
        for name in ("Pulumi.yaml", "__main__.py"):
            shutil.copy(source / name, self.root / name)

    def stack_file(self, stack: str) -> Path:
        return self.root / f"Pulumi.{stack}.yaml"


class Pulumi:
    """One project, one backend, one emulator: `pulumi ...` with the toolchain first on PATH."""

    def __init__(self, bin_dir: Path, project: Project, state: Path, okta_url: str) -> None:
        self.project = project
        self.okta_url = okta_url
        self.bin_dir = bin_dir
        state.mkdir(parents=True, exist_ok=True)
        (state / "home").mkdir(exist_ok=True)
        self.env = {
            "PATH": os.pathsep.join([str(bin_dir), str(REPO / "venv" / "bin"), os.environ.get("PATH", "")]),
            "HOME": os.environ.get("HOME", str(state)),
            "PULUMI_HOME": str(state / "home"),
            "PULUMI_BACKEND_URL": f"file://{state / 'backend'}",
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK": "true",
            "OKTA_API_TOKEN": API_TOKEN,
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",
        }
        self.backend = state / "backend"
        self.backend.mkdir(exist_ok=True)
        self.step_seconds: float = RUN_SECONDS

    def run(self, *args: str, ok: tuple[int, ...] = (0,), timeout: float | None = None) -> Run:
        argv = ["pulumi", *args, "--non-interactive", "--color", "never"]
        done = subprocess.run(
            argv,
            cwd=self.project.root,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=self.step_seconds if timeout is None else timeout,
        )
        run = Run(argv, done.returncode, done.stdout, done.stderr)
        if ok and run.code not in ok:
            raise PulumiError(f"{' '.join(argv)} exited {run.code}:\n{run.output[-6000:]}")
        return run

    def install_okta_plugin(self, version: str = OKTA_SDK_PLUGIN) -> None:
        """The okta plugin at the version pulumi-okta's SDK asks for, from the built binary, into this run's
        PULUMI_HOME: a Python plugin whose virtualenv has pulumi-okta (the component package's) makes the CLI
        fetch that exact version from get.pulumi.com, which these machines cannot reach."""
        binary = self.bin_dir / "pulumi-resource-okta"
        self.run("plugin", "install", "resource", "okta", version, "--file", str(binary))

    # ---- what the workflows run -----------------------------------------------------------------------

    def init(self, stack: str) -> None:
        self.run("stack", "init", stack)

    def up(self, stack: str, *extra: str, ok: tuple[int, ...] = (0,)) -> Run:
        return self.run("up", "--stack", stack, "--yes", "--skip-preview", *extra, ok=ok)

    def preview(self, stack: str, *extra: str, ok: tuple[int, ...] = (0,)) -> dict[str, Any]:
        """`pulumi preview --json`: the PreviewDigest (steps, diagnostics, changeSummary)."""
        return self.run("preview", "--stack", stack, "--json", *extra, ok=ok).json()

    def refreshed_preview(self, stack: str) -> dict[str, Any]:
        return self.preview(stack, "--refresh", "--diff")

    def assert_no_changes(self, stack: str) -> None:
        """`pulumi preview --refresh --expect-no-changes`: the engine's own verdict (exit 7 on changes)."""
        run = self.run("preview", "--stack", stack, "--json", "--refresh", "--diff", "--expect-no-changes", ok=())
        assert run.code == 0, f"exit {run.code}: {changes(run.json()) if run.stdout.strip() else run.output[-4000:]}"
        assert changes(run.json()) == []

    def outputs(self, stack: str) -> dict[str, Any]:
        return self.run("stack", "output", "--stack", stack, "--json").json()

    def export(self, stack: str) -> dict[str, Any]:
        return self.run("stack", "export", "--stack", stack).json()

    def outputs_file(self, stack: str) -> Path:
        path = self.project.root / f"outputs.{stack}.json"
        path.write_text(json.dumps(self.outputs(stack)))
        return path


def changes(digest: dict[str, Any]) -> list[tuple[str, str]]:
    """(op, urn) of every step of a preview that would change something. A `refresh` step only says a resource was
    read again: what it found different shows as the `update`, `create` or `delete` step that follows."""
    return [
        (step["op"], step["urn"]) for step in digest.get("steps", []) if step["op"] not in ("same", "read", "refresh")
    ]


def gainsight_okta(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> Run:
    """The tool's own command line, as the workflows call it."""
    argv = [str(REPO / "venv" / "bin" / "gainsight-okta"), *args]
    done = subprocess.run(
        argv,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    return Run(argv, done.returncode, done.stdout, done.stderr)
