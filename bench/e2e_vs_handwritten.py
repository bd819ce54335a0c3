"""Benchmark: real `pulumi` runs of N groups, through the real engine, language host and okta provider against the
emulator: this project's program against the same Okta resources written by hand with pulumi_okta
(`bench/handwritten_program.py`), in its two forms: one `okta.AppGroupAssignments` per app (the plural resource,
the fastest peer), and one `okta.app.GroupAssignment` per group per app, chained.

Each program goes through the same steps on an org of its own, with Okta's rate limits lifted (so the engine is
measured, not the buckets; the emulator still counts every call):
- `first up`: `up` with provisioning off, the runbook's manual step, `up` with provisioning on;
- `preview` (three runs: the median), then `preview --refresh --expect-no-changes` (is it clean?);
- `deploy`: one group's value changed, then the deploy workflow's own steps: `refresh` without the per-group
  assignments (`--exclude`, as pulumi-up.yml runs it; it excludes nothing of the plural program) and `up`.

With `--okta-limits`, each program then deploys three changes at Okta's default limits (`/api/v1/apps*` 100 a
minute) with the stack file's provider settings (`okta:maxApiCapacity` 50, backoff): one group's value changed, a
group added at the top, the top group removed; wall time, calls and the 429s Okta answered.

Wall time is the CLI's, from start to exit. Peak memory is the largest total resident memory of the CLI's process
tree (engine, language host, program, provider), sampled from /proc every 50 ms; the program's own peak is its
Python process's. Calls are the emulator's, per rate-limit bucket.

The chained program runs only up to `--chained-up-to` groups (100): at 1,000 its preview alone takes minutes, all
of it the SDK's cycle check on a 1,000-link chain.

Usage: venv/bin/python bench/e2e_vs_handwritten.py [--groups 100 1000] [--programs ...] [--chained-up-to 100]
           [--okta-limits] [--changes ...] [--skip-checkpoints] [--markdown]   (after `make e2e-tools`)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.e2e_options import add_engine_options, tuned
from components.emulator.rate_limits import DEFAULT_LIMITS
from e2e.api_cost import calls, stack_config
from e2e.conftest import LIFTED, Engine, engine_in, make_org, serving
from e2e.engine import REPO, Run, changes, toolchain_bin
from e2e.steps import manual_step, provisioning
from e2e.workflows import PER_GROUP_ASSIGNMENTS

STACK = "bench"
PAGE = os.sysconf("SC_PAGE_SIZE")
# The SDK walks a `depends_on` chain recursively to rule out cycles: 1,000 chained assignments overflow Python's
# default recursion limit (RecursionError in resource_cycle_breaker.py), so the chained program raises it, as
# its author would have to (this project's program needs no chain: components/resources/write_order.py).
HANDWRITTEN_MAIN = {
    "AppGroupAssignments per app": (
        "from bench.handwritten_program import declare_from_pulumi_config\n\ndeclare_from_pulumi_config(plural=True)\n"
    ),
    "GroupAssignment per group, chained": (
        "import sys\n\nfrom bench.handwritten_program import declare_from_pulumi_config\n\n"
        "sys.setrecursionlimit(20_000)\ndeclare_from_pulumi_config()\n"
    ),
}
PROGRAMS = ("gainsight-okta", *HANDWRITTEN_MAIN)
CHAINED = PROGRAMS[2]
STEPS = ("first up", "preview", "preview --refresh", "deploy")


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid -> (parent pid, command name, resident bytes), from /proc."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # gone since listdir
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry)] = (int(fields[1]), name, int(fields[21]) * PAGE)
    return found


class TreeMemory:
    """The peak resident memory of this process's descendants (not of itself: the emulator runs here)."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_tree = 0
        self.peak_program = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            processes = _processes()
            tree, frontier = set(), {me}
            while frontier:
                frontier = {pid for pid, (parent, _, _) in processes.items() if parent in frontier} - tree
                tree |= frontier
            self.peak_tree = max(self.peak_tree, sum(processes[pid][2] for pid in tree))
            python = [processes[pid][2] for pid in tree if processes[pid][1].startswith("python")]
            self.peak_program = max([self.peak_program, *python])
            self._stop.wait(self.interval)


def _delta(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {bucket: after[bucket] - before.get(bucket, 0) for bucket in after if after[bucket] != before.get(bucket, 0)}


def measured(engine: Engine, *runs: Callable[[], Any]) -> tuple[dict[str, Any], list[Any]]:
    """Run one after another; their time, peak memory, calls per bucket and 429s, taken together."""
    limits = engine.org.state.rate_limits
    before, refused = calls(engine), limits.refused_by_bucket()
    started = time.perf_counter()
    with TreeMemory() as memory:
        results = [run() for run in runs]
    by_bucket = _delta(calls(engine), before)
    figures = {
        "seconds": round(time.perf_counter() - started, 1),
        "peak_tree_mib": round(memory.peak_tree / 2**20),
        "peak_program_mib": round(memory.peak_program / 2**20),
        "calls": sum(by_bucket.values()),
        "calls_by_bucket": by_bucket,
        "refused": sum(_delta(limits.refused_by_bucket(), refused).values()),
    }
    return figures, results


def change_value(config: dict[str, Any]) -> None:
    """Group 3's license, Viewer_Analytics, or back to Full when it already is (each call is a change)."""
    group = config["gainsight-okta:groups"][3]
    new = "Full" if group["profile"].get("LicenseType") == "Viewer_Analytics" else "Viewer_Analytics"
    group["profile"] = {**group["profile"], "LicenseType": new}


def _add_at_top(config: dict[str, Any]) -> None:
    config["gainsight-okta:groups"].insert(0, {"name": f"{STACK} added", "profile": {"LicenseType": "Full"}})


def _remove_top(config: dict[str, Any]) -> None:
    config["gainsight-okta:groups"].pop(0)


CHANGES_AT_OKTA_LIMITS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("one group's value", change_value),
    ("a group added at the top", _add_at_top),
    ("the top group removed", _remove_top),
]


def deploy_steps(engine: Engine) -> list[Callable[[], Run]]:
    """pulumi-up.yml's refresh and `up` (its rotate-key and verify steps call this project's tool, not Pulumi)."""
    pulumi = engine.pulumi
    return [
        lambda: pulumi.run("refresh", "--yes", "--skip-preview", "--stack", STACK, "--exclude", PER_GROUP_ASSIGNMENTS),
        lambda: pulumi.up(STACK),
    ]


def run_program(program: str, groups: int, folder: Path, bin_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    with serving(make_org()) as org:
        engine = engine_in(folder, bin_dir, org)
        tuned(engine.pulumi, args)
        if program != PROGRAMS[0]:
            (engine.project.root / "__main__.py").write_text(HANDWRITTEN_MAIN[program])
            # `bench` is not installed (the wheel holds `components` only): the program imports it from here.
            engine.pulumi.env["PYTHONPATH"] = str(REPO)
        pulumi = engine.pulumi
        config = stack_config(engine, STACK, groups)
        provisioning(config, False)
        engine.write_stack(STACK, config)
        pulumi.init(STACK)
        steps: dict[str, dict[str, Any]] = {}

        def switched_on() -> None:
            manual_step(engine, STACK)
            engine.edit(STACK, lambda c: provisioning(c, True))

        steps["first up"], _ = measured(engine, lambda: pulumi.up(STACK), switched_on, lambda: pulumi.up(STACK))
        previews = [measured(engine, lambda: pulumi.preview(STACK))[0] for _ in range(3)]
        steps["preview"] = sorted(previews, key=lambda figures: figures["seconds"])[1]
        steps["preview"]["runs"] = [figures["seconds"] for figures in previews]
        steps["preview --refresh"], (refreshed,) = measured(
            engine,
            lambda: pulumi.run(
                "preview", "--stack", STACK, "--json", "--refresh", "--diff", "--expect-no-changes", ok=()
            ),
        )
        steps["preview --refresh"]["exit"] = refreshed.code
        steps["preview --refresh"]["changes"] = len(changes(refreshed.json())) if refreshed.stdout.strip() else None
        engine.edit(STACK, change_value)
        steps["deploy"], _ = measured(engine, *deploy_steps(engine))
        result: dict[str, Any] = {"resources": len(pulumi.export(STACK)["deployment"]["resources"]), "steps": steps}
        if args.okta_limits:
            org.state.rate_limits.enforce(DEFAULT_LIMITS)
            at_limits: dict[str, dict[str, Any]] = {}
            for name, change in CHANGES_AT_OKTA_LIMITS:
                if name not in args.changes:
                    continue
                engine.edit(STACK, change)
                at_limits[name], _ = measured(engine, *deploy_steps(engine))
            org.state.rate_limits.enforce(LIFTED)
            result["at_okta_limits"] = at_limits
        return result


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}\N{MULTIPLICATION SIGN}" if theirs else "n/a"


def _cell(figures: dict[str, Any]) -> str:
    apps = figures["calls_by_bucket"].get("/api/v1/apps", 0)
    cell = f"{figures['seconds']:,} s / {figures['peak_tree_mib']} MiB / {figures['calls']:,} ({apps:,} apps)"
    if "exit" in figures:
        cell += " clean" if figures["exit"] == 0 else f" **not clean** (exit {figures['exit']})"
    return cell


def markdown(results: dict[int, dict[str, dict[str, Any]]]) -> str:
    programs = [p for p in PROGRAMS if any(p in by_program for by_program in results.values())]
    ours, plural = PROGRAMS[0], PROGRAMS[1]
    rows = [
        "| groups | step | "
        + " | ".join(f"{p}: s / tree MiB / calls (apps bucket)" for p in programs)
        + " | ours ÷ plural, time |",
        "| --- | --- | " + " | ".join("---" for _ in programs) + " | --- |",
    ]
    for groups, by_program in sorted(results.items()):
        for step in STEPS:
            cells = [_cell(by_program[p]["steps"][step]) if p in by_program else "not run" for p in programs]
            pair = (
                ratio(by_program[ours]["steps"][step]["seconds"], by_program[plural]["steps"][step]["seconds"])
                if ours in by_program and plural in by_program
                else ""
            )
            rows.append(f"| {groups:,} | {step} | " + " | ".join(cells) + f" | {pair} |")
    limited = [
        (g, p) for g, by_program in results.items() for p in programs if "at_okta_limits" in by_program.get(p, {})
    ]
    if limited:
        rows += ["", "| groups | change, at Okta's limits | program | wall time | calls (apps bucket) | 429s |"]
        rows.append("| --- | --- | --- | --- | --- | --- |")
        for groups, program in sorted(limited):
            for change, figures in results[groups][program]["at_okta_limits"].items():
                apps = figures["calls_by_bucket"].get("/api/v1/apps", 0)
                rows.append(
                    f"| {groups:,} | {change} | {program} | {figures['seconds']:,} s | {figures['calls']:,} ({apps:,}) "
                    f"| {figures['refused']} |"
                )
    return "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--programs", nargs="+", choices=PROGRAMS, default=list(PROGRAMS))
    parser.add_argument(
        "--chained-up-to",
        type=int,
        default=100,
        metavar="GROUPS",
        help=f"run {CHAINED!r} only up to this many groups (its cycle check grows with the square of them)",
    )
    parser.add_argument("--okta-limits", action="store_true", help="also deploy three changes at Okta's limits")
    parser.add_argument(
        "--changes",
        nargs="+",
        choices=[name for name, _ in CHANGES_AT_OKTA_LIMITS],
        default=[name for name, _ in CHANGES_AT_OKTA_LIMITS],
        help="which changes to deploy at Okta's limits",
    )
    add_engine_options(parser)
    parser.add_argument("--markdown", action="store_true", help="print the tables of docs/api-cost.md")
    args = parser.parse_args()
    bin_dir = toolchain_bin()
    results: dict[int, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for groups in args.groups:
            results[groups] = {}
            for number, program in enumerate(args.programs):
                if program == CHAINED and groups > args.chained_up_to:
                    continue
                folder = Path(scratch) / f"{groups}-{number}"
                results[groups][program] = run_program(program, groups, folder, bin_dir, args)
                # As each finishes: a long run that fails later keeps what it measured.
                print(json.dumps({groups: {program: results[groups][program]}}), file=sys.stderr, flush=True)
    print(markdown(results) if args.markdown else json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
