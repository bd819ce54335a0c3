"""Benchmark: a real `pulumi preview` and `pulumi up` of N groups, through the real engine, language host and okta
provider against the emulator: this project's program against the same Okta resources written by hand with
pulumi_okta (`bench/handwritten_program.py`). The emulator runs with Okta's rate limits lifted (a 1,000-group `up`
would otherwise be a matter of waiting); its counters still count every call.

Each program goes through the same steps on an org of its own, as a new stack does: `up` with provisioning off,
the runbook's manual step, a preview and an `up` with provisioning on, then a refreshed preview (which must show
no change). Wall time is the CLI's, from start to exit. Peak memory is the largest total resident memory of the
CLI's process tree (engine, language host, program, provider), sampled from /proc every 50 ms; the program's own
peak is its Python process's. Calls are the emulator's.

Usage: venv/bin/python bench/e2e_vs_handwritten.py [--groups 100 1000] [--markdown]   (after `make e2e-tools`)
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
from e2e.api_cost import calls, stack_config
from e2e.conftest import Engine, engine_in, make_org, serving
from e2e.engine import REPO, changes, toolchain_bin
from e2e.steps import manual_step, provisioning

STACK = "bench"
PAGE = os.sysconf("SC_PAGE_SIZE")
# The SDK walks a `depends_on` chain recursively to rule out cycles: 1,000 chained assignments overflow Python's
# default recursion limit (RecursionError in resource_cycle_breaker.py), so the hand-written program raises it, as
# its author would have to (this project's program needs no chain: components/resources/write_order.py).
HANDWRITTEN_MAIN = (
    "import sys\n\nfrom bench.handwritten_program import declare_from_pulumi_config\n\n"
    "sys.setrecursionlimit(20_000)\ndeclare_from_pulumi_config()\n"
)
PROGRAMS = ("gainsight-okta", "hand-written pulumi_okta")
STEPS = ("up, provisioning off", "preview, provisioning on", "up, provisioning on", "refreshed preview")


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


def measured(engine: Engine, run: Callable[[], Any]) -> tuple[dict[str, Any], Any]:
    before = sum(calls(engine).values())
    started = time.perf_counter()
    with TreeMemory() as memory:
        result = run()
    figures = {
        "seconds": round(time.perf_counter() - started, 1),
        "peak_tree_mib": round(memory.peak_tree / 2**20),
        "peak_program_mib": round(memory.peak_program / 2**20),
        "calls": sum(calls(engine).values()) - before,
    }
    return figures, result


def run_program(program: str, groups: int, folder: Path, bin_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    with serving(make_org()) as org:
        engine = engine_in(folder, bin_dir, org)
        tuned(engine.pulumi, args)
        if program != PROGRAMS[0]:
            (engine.project.root / "__main__.py").write_text(HANDWRITTEN_MAIN)
            # `bench` is not installed (the wheel holds `components` only): the program imports it from here.
            engine.pulumi.env["PYTHONPATH"] = str(REPO)
        pulumi = engine.pulumi
        config = stack_config(engine, STACK, groups)
        provisioning(config, False)
        engine.write_stack(STACK, config)
        pulumi.init(STACK)
        steps: dict[str, dict[str, Any]] = {}
        steps[STEPS[0]], _ = measured(engine, lambda: pulumi.up(STACK))
        manual_step(engine, STACK)
        engine.edit(STACK, lambda c: provisioning(c, True))
        steps[STEPS[1]], _ = measured(engine, lambda: pulumi.preview(STACK))
        steps[STEPS[2]], _ = measured(engine, lambda: pulumi.up(STACK))
        steps[STEPS[3]], digest = measured(engine, lambda: pulumi.refreshed_preview(STACK))
        steps[STEPS[3]]["changes"] = len(changes(digest))
        resources = len(pulumi.export(STACK)["deployment"]["resources"])
        return {"resources": resources, "steps": steps}


def ratio(ours: dict[str, float], theirs: dict[str, float], key: str) -> str:
    return f"{ours[key] / theirs[key]:.2f}\N{MULTIPLICATION SIGN}"


def markdown(results: dict[int, dict[str, dict[str, Any]]]) -> str:
    ours, theirs = PROGRAMS
    rows = [
        "| groups | step | wall time: ours / by hand (ratio) | peak memory, tree: ours / by hand (ratio) "
        "| program's peak: ours / by hand | calls: ours / by hand |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for groups, by_program in sorted(results.items()):
        for step in STEPS:
            a, b = by_program[ours]["steps"][step], by_program[theirs]["steps"][step]
            rows.append(
                f"| {groups:,} | {step} | {a['seconds']} s / {b['seconds']} s ({ratio(a, b, 'seconds')}) "
                f"| {a['peak_tree_mib']} / {b['peak_tree_mib']} MiB ({ratio(a, b, 'peak_tree_mib')}) "
                f"| {a['peak_program_mib']} / {b['peak_program_mib']} MiB | {a['calls']:,} / {b['calls']:,} |"
            )
        total = [{"seconds": sum(by_program[p]["steps"][s]["seconds"] for s in STEPS)} for p in PROGRAMS]
        rows.append(
            f"| {groups:,} | the four | {total[0]['seconds']:.1f} s / {total[1]['seconds']:.1f} s "
            f"({ratio(*total, 'seconds')}) | | | |"
        )
    return "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, nargs="+", default=[100, 1000])
    add_engine_options(parser)
    parser.add_argument("--markdown", action="store_true", help="print the table of docs/design.md")
    args = parser.parse_args()
    bin_dir = toolchain_bin()
    results: dict[int, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for groups in args.groups:
            results[groups] = {}
            for number, program in enumerate(PROGRAMS):
                folder = Path(scratch) / f"{groups}-{number}"
                results[groups][program] = run_program(program, groups, folder, bin_dir, args)
                # As each finishes: a long run that fails later keeps what it measured.
                print(json.dumps({groups: {program: results[groups][program]}}), file=sys.stderr, flush=True)
    print(markdown(results) if args.markdown else json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
