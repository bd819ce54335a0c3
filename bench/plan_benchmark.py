"""Benchmark: the offline plan of a 1,000-group, 40-attribute stack against the same Okta resources written by
hand with pulumi_okta, in its two forms (one GroupAssignment per group per app, chained; one AppGroupAssignments
per app), under the same mocks, in the same run.

Each program runs in its own process, measured from outside: wall time, and peak resident memory from
the child's own rusage. Usage: venv/bin/python bench/plan_benchmark.py [--groups N] [--attributes M] [--runs R]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate_stack import PROJECT_ROOT, write_stack


def measure(command: list[str]) -> tuple[float, float, str]:
    """Run `command` once; return (wall seconds, peak RSS in MiB, stdout)."""
    # Output goes to files, not pipes: a plan is larger than a pipe buffer, and wait4 must not block on it.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{err.read()}")
        return elapsed, usage.ru_maxrss / 1024, out.read()  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--attributes", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--with-chained",
        action="store_true",
        help="also the chained program (its SDK cycle check is quadratic: minutes a run at 1,000 groups)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        stack = write_stack(Path(scratch) / "Pulumi.bench.yaml", args.groups, args.attributes)
        ours = [sys.executable, "-m", "components", "plan", "--stack", "bench", "--config", str(stack), "--json"]
        by_hand = [sys.executable, str(PROJECT_ROOT / "bench" / "handwritten_program.py"), str(stack)]
        programs = (
            ("gainsight-okta plan", ours),
            ("hand-written, GroupAssignment per group, chained", by_hand),
            ("hand-written, AppGroupAssignments per app", [*by_hand, "--plural"]),
        )
        results = {}
        for label, command in programs:
            if "chained" in label and not args.with_chained:
                continue
            runs = [measure(command) for _ in range(args.runs)]
            output = runs[0][2]
            count = len(json.loads(output)["resources"]) if label.startswith("gainsight") else int(output.strip())
            results[label] = {
                "resources": count,
                "wall_seconds_median": round(statistics.median(r[0] for r in runs), 2),
                "wall_seconds_runs": [round(r[0], 2) for r in runs],
                "peak_rss_mib_max": round(max(r[1] for r in runs), 1),
            }

    if args.json:
        print(json.dumps({"groups": args.groups, "attributes": args.attributes, "results": results}, indent=2))
        return 0
    print(f"{args.groups} groups, {args.attributes} attributes, {args.runs} runs each (median wall time, peak RSS)")
    print("| program | resources | wall time | peak memory |")
    print("| --- | --- | --- | --- |")
    for label, figures in results.items():
        print(
            f"| {label} | {figures['resources']} | {figures['wall_seconds_median']:.2f} s | "
            f"{figures['peak_rss_mib_max']:.0f} MiB |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
