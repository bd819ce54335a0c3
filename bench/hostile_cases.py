"""Time and peak memory of `adopt` against each hostile server mode (components.emulator.hostile).

Each case runs the real command in a process of its own, as a user runs it, with the default deadline (or
--timeout), against the emulator on 127.0.0.1 misbehaving on one path; peak resident memory is the process's own
(wait4's ru_maxrss). Targets (issue 16): every case ends within the default deadline and under 256 MiB.

Usage: venv/bin/python bench/hostile_cases.py [--timeout SECONDS] [--cases silent,gzip-bomb,...] [--markdown]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from components.emulator.hostile import HOSTILE_MODES  # noqa: E402
from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID, article_org  # noqa: E402
from components.emulator.server import EmulatorServer  # noqa: E402
from components.http.budget import DEFAULT_TIMEOUT_SECONDS  # noqa: E402

TOKEN = "00benchTOKENforHOSTILEcases00000000000000"
MEMORY_TARGET_MIB = 256
# The path each mode is served on: the first request adopt makes, or a list for the modes about pages.
LIST_MODES = {"self-link", "lone-surrogate"}


@dataclass
class Case:
    mode: str
    seconds: float
    peak_mib: float
    status: int
    line: str

    def within(self, deadline: float) -> bool:
        return self.status == 2 and self.seconds <= deadline and self.peak_mib < MEMORY_TARGET_MIB


def run_case(mode: str, timeout: float | None) -> Case:
    org = article_org()
    org.token = TOKEN
    path = f"/api/v1/apps/{SCIM_APP_ID}/groups" if mode in LIST_MODES else f"/api/v1/apps/{SSO_APP_ID}"
    org.hostile[path] = mode
    with tempfile.TemporaryDirectory() as directory, EmulatorServer(org) as url:
        stderr_path = Path(directory) / "stderr"
        command = [
            sys.executable, "-m", "components", "adopt", "--stack", "bench", "--sso-app", SSO_APP_ID,
            "--scim-app", SCIM_APP_ID, "--okta-url", url, "--metadata", "metadata/dev.xml",
            "--output", str(Path(directory) / "Pulumi.bench.yaml"),
            *(("--timeout", f"{timeout:g}") if timeout else ()),
        ]  # fmt: skip
        environment = {"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin", "OKTA_API_TOKEN": TOKEN}
        started = time.monotonic()
        with open(stderr_path, "w") as stderr:
            process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=stderr
            )
            _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        line = (stderr_path.read_text().splitlines() or [""])[0]
    return Case(mode, seconds, usage.ru_maxrss / 1024, process.returncode, line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, help="passed to adopt (default: adopt's own)")
    parser.add_argument("--cases", help="comma-separated modes (default: all)")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    modes = args.cases.split(",") if args.cases else list(HOSTILE_MODES)
    unknown = [mode for mode in modes if mode not in HOSTILE_MODES]
    if unknown:
        print(f"error: --cases: unknown mode(s) {', '.join(unknown)}; known: {', '.join(HOSTILE_MODES)}")
        return 2
    deadline = args.timeout or DEFAULT_TIMEOUT_SECONDS
    cases = []
    for mode in modes:
        case = run_case(mode, args.timeout)
        cases.append(case)
        if not args.markdown:
            mark = "ok" if case.within(deadline) else "MISSED"
            numbers = f"{case.seconds:7.1f} s {case.peak_mib:7.1f} MiB  exit {case.status}"
            print(f"{mode:20} {numbers}  {mark}  {case.line[:110]}")
    if args.markdown:
        print("| case | time | peak memory | exit | message |\n| --- | ---: | ---: | ---: | --- |")
        for case in cases:
            print(
                f"| {case.mode} | {case.seconds:.1f} s | {case.peak_mib:.0f} MiB | {case.status} | `{case.line[:90]}` |"
            )
    missed = [case.mode for case in cases if not case.within(deadline)]
    print(
        f"{len(cases) - len(missed)} of {len(cases)} within {deadline:g} s and {MEMORY_TARGET_MIB} MiB"
        + (f"; missed: {', '.join(missed)}" if missed else "")
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
