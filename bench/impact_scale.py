"""Calls, time and peak memory of `impact` at 1,000, 10,000 and 50,000 users, for a one-group and a two-group change.

Each case builds the emulator's article org with `seed_people` (CS 50 %, Sales 30 %, Support 15 %, every 20th
person in two groups, 1 % assigned one by one), adopts it (the base stack file), changes the stack file the way a
pull request would, and runs the real `impact --json` in a process of its own against the emulator on 127.0.0.1,
at Okta's Workforce rate limits (the emulator's buckets, a real minute each). `impact` keeps to a quarter of each
bucket a minute, so the time includes its waits for the next window; peak memory is the process's own (wait4).

One-group change: CS's LicenseType. Two-group change: Sales and Support swap priority.

Usage: venv/bin/python bench/impact_scale.py [--users 1000,10000,50000] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from components.emulator.people_seeds import seed_people  # noqa: E402
from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID, article_org  # noqa: E402
from components.emulator.server import EmulatorServer  # noqa: E402

TOKEN = "00benchTOKENforIMPACTscale0000000000000000"
GROUPS = {"CS": 0.5, "Sales": 0.3, "Support": 0.15}
PROFILES = {
    "CS": {"LicenseType": "Full"},
    "Sales": {"LicenseType": "Viewer"},
    "Support": {"LicenseType": "Viewer_Analytics"},
}
TIMEOUT_SECONDS = 1800


def one_group(groups: list[dict[str, Any]]) -> None:
    next(g for g in groups if g["name"] == "CS")["profile"]["LicenseType"] = "Viewer"


def two_groups(groups: list[dict[str, Any]]) -> None:
    names = [g["name"] for g in groups]
    sales, support = names.index("Sales"), names.index("Support")
    groups[sales], groups[support] = groups[support], groups[sales]


CHANGES = {"one group": one_group, "two groups": two_groups}


@dataclass
class Case:
    users: int
    change: str
    seconds: float
    peak_mib: float
    calls: dict[str, int]
    summary: dict[str, Any]
    waits: int
    status: int


def _run(command: list[str], stdout: Any, stderr: Any) -> tuple[int, Any]:
    environment = {"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin", "OKTA_API_TOKEN": TOKEN}
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), usage


def run_case(users: int, change: str) -> Case:
    org = article_org()
    org.token = TOKEN
    seed_people(org, SCIM_APP_ID, users=users, groups=GROUPS, profiles=PROFILES, individual=users // 100)
    with tempfile.TemporaryDirectory() as directory, EmulatorServer(org) as url:
        folder = Path(directory)
        base = folder / "base" / "Pulumi.bench.yaml"
        base.parent.mkdir()
        adopt = [
            sys.executable, "-m", "components", "adopt", "--stack", "bench", "--sso-app", SSO_APP_ID,
            "--scim-app", SCIM_APP_ID, "--okta-url", url, "--metadata", "metadata/dev.xml", "--output", str(base),
            "--tenant-url", "https://acme-dev.gainsightcloud.com",
        ]  # fmt: skip
        status, _ = _run(adopt, subprocess.DEVNULL, subprocess.DEVNULL)
        if status != 0:
            raise SystemExit(f"error: adopt of the {users}-user org failed ({status})")
        document = yaml.safe_load(base.read_text())
        CHANGES[change](document["config"]["gainsight-okta:groups"])
        head = folder / "Pulumi.bench.yaml"
        head.write_text(yaml.safe_dump(document, sort_keys=False))
        org.rate_limits = type(org.rate_limits)()  # a fresh minute for the measured run: adopt's calls left out
        impact = [
            sys.executable, "-m", "components", "impact", "--stack", "bench", "--config", str(head),
            "--base-config", str(base), "--okta-url", url, "--json", "--timeout", str(TIMEOUT_SECONDS),
        ]  # fmt: skip
        started = time.monotonic()
        with open(folder / "out", "w") as out, open(folder / "err", "w") as err:
            status, usage = _run(impact, out, err)
        seconds = time.monotonic() - started
        waits = (folder / "err").read_text().count("waiting ")
        result = json.loads((folder / "out").read_text()) if status == 0 else {"apiCalls": {}, "summary": {}}
        if status != 0:
            print((folder / "err").read_text().strip(), file=sys.stderr)
    return Case(users, change, seconds, usage.ru_maxrss / 1024, result["apiCalls"], result["summary"], waits, status)


def _calls(case: Case) -> str:
    return ", ".join(f"{bucket} {count}" for bucket, count in case.calls.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="1000,10000,50000", help="comma-separated org sizes")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    sizes = [int(size) for size in args.users.split(",")]
    cases = []
    if args.markdown:
        print("| users | change | calls (per bucket) | waits | time | peak memory | touched |")
        print("| ---: | --- | --- | ---: | ---: | ---: | --- |")
    for users in sizes:
        for change in CHANGES:
            case = run_case(users, change)
            cases.append(case)
            touched = ", ".join(f"{k} {v}" for k, v in case.summary.get("licenseType", {}).items()) or "nobody"
            if args.markdown:
                print(
                    f"| {users:,} | {change} | {sum(case.calls.values())} ({_calls(case)}) | {case.waits} | "
                    f"{case.seconds:.1f} s | {case.peak_mib:.0f} MiB | {touched} |"
                )
            else:
                print(
                    f"{users:>6} {change:11} exit {case.status} {case.seconds:7.1f} s {case.peak_mib:6.0f} MiB "
                    f"waits {case.waits}  calls {sum(case.calls.values())}: {_calls(case)}  [{touched}]"
                )
            sys.stdout.flush()
    return 1 if any(case.status != 0 for case in cases) else 0


if __name__ == "__main__":
    sys.exit(main())
