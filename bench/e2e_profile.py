"""Where the time of a real `pulumi preview` and `pulumi up` goes, for this project's program and the plural
hand-written one (one `okta.AppGroupAssignments` per app), with the real engine, language host and okta provider
against the emulator (rate limits lifted; Okta's write latency kept, as in `make e2e`).

Each program is deployed with N groups (provisioning on), then profiled: a `preview`, a `preview --refresh`, and
an `up` of one group's value changed. The program runs under `bench/profiled_main.py`, which notes when its
phases end; the emulator notes when it answered. The split of the CLI's wall time:
- engine start: the CLI's start until the program's process starts (plugins, backend, config; a refresh's
  reads happen here), less the provider's calls;
- interpreter and SDK: the process's start until `pulumi` and `pulumi_okta` are imported;
- program imports: the program's own modules;
- live reads: every `pulumi.runtime.invoke` of the program (gates, existing groups, last outputs), end to end;
- registering: the rest of the program's own run, until it returns;
- engine per resource: from the program's return until its process exits (the engine diffs, checks and, in an
  `up`, creates or updates each resource and writes checkpoints; the SDK waits for every registration), less the
  provider's calls in that window;
- provider calls: the time "Okta" (the emulator) spent answering outside the live reads, overlaps merged;
- engine wrap-up: from the program's exit to the CLI's (the last checkpoint, the summary, plugins stopping), less
  the provider's calls.

Usage: venv/bin/python bench/e2e_profile.py [--groups 100 1000] [--skip-checkpoints] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.e2e_options import add_engine_options, tuned
from bench.e2e_vs_handwritten import change_value
from e2e.api_cost import stack_config
from e2e.conftest import Engine, engine_in, make_org, serving
from e2e.engine import REPO, toolchain_bin
from e2e.steps import deployed_from

STACK = "bench"
PROGRAMS = {"gainsight-okta": "gainsight-okta", "AppGroupAssignments per app": "plural"}
RUNS = ("preview", "preview --refresh", "up, one group's value")
PARTS = (
    "engine start",
    "interpreter and SDK",
    "program imports",
    "live reads",
    "registering",
    "engine per resource",
    "provider calls",
    "engine wrap-up",
)


def _union(intervals: list[tuple[float, float]]) -> float:
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return total


def _clip(intervals: list[tuple[float, float]], low: float, high: float) -> list[tuple[float, float]]:
    return [(max(a, low), min(b, high)) for a, b in intervals if b > low and a < high]


def split(
    started: float, ended: float, phases: dict[str, Any], answered: list[tuple[float, float]]
) -> dict[str, float]:
    reads = [(a, b) for _, a, b in phases["reads"]]
    read_seconds = _union(reads)
    process, declared, exited = phases["process_start"], phases["declared"], phases["exited"]

    def calls(low: float, high: float) -> float:
        """The provider's calls in an engine window (a refresh's reads run before the program starts)."""
        return _union(_clip(answered, low, high))

    before, during, after = calls(started, process), calls(declared, exited), calls(exited, ended)
    parts = {
        "engine start": process - started - before,
        "interpreter and SDK": phases["sdk_imported"] - process,
        "program imports": phases["program_imported"] - phases["sdk_imported"],
        "live reads": read_seconds,
        "registering": declared - phases["program_imported"] - read_seconds,
        "engine per resource": exited - declared - during,
        "provider calls": before + during + after,
        "engine wrap-up": ended - exited - after,
    }
    return {name: round(seconds, 2) for name, seconds in parts.items()}


def profiled(engine: Engine, folder: Path, run: Callable[[], Any]) -> dict[str, Any]:
    phases_file = folder / "phases.json"
    phases_file.unlink(missing_ok=True)
    answered = engine.org.state.answered
    assert answered is not None
    count = len(answered)
    started = time.time()
    run()
    ended = time.time()
    phases = json.loads(phases_file.read_text())
    return {"seconds": round(ended - started, 2), "parts": split(started, ended, phases, answered[count:])}


def run_program(program: str, groups: int, folder: Path, bin_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    state = make_org()
    state.answered = []  # the emulator notes when it answered
    with serving(state) as org:
        engine = engine_in(folder, bin_dir, org)
        tuned(engine.pulumi, args)
        (engine.project.root / "__main__.py").write_text((REPO / "bench" / "profiled_main.py").read_text())
        engine.pulumi.env.update(
            {
                "PYTHONPATH": str(REPO),
                "PROFILE_PROGRAM": PROGRAMS[program],
                "PROFILE_PHASES": str(folder / "phases.json"),
            }
        )
        pulumi = engine.pulumi
        deployed_from(engine, STACK, stack_config(engine, STACK, groups))
        results = {
            "preview": profiled(engine, folder, lambda: pulumi.preview(STACK)),
            "preview --refresh": profiled(engine, folder, lambda: pulumi.preview(STACK, "--refresh", ok=(0, 255))),
        }
        engine.edit(STACK, change_value)
        results["up, one group's value"] = profiled(engine, folder, lambda: pulumi.up(STACK))
        return results


def markdown(results: dict[int, dict[str, dict[str, Any]]]) -> str:
    rows = [
        "| groups | program | run | wall | " + " | ".join(PARTS) + " |",
        "| --- | --- | --- | --- | " + " | ".join("---" for _ in PARTS) + " |",
    ]
    for groups, by_program in sorted(results.items()):
        for program, runs in by_program.items():
            for run, figures in runs.items():
                parts = " | ".join(f"{figures['parts'][part]:.2f}" for part in PARTS)
                rows.append(f"| {groups:,} | {program} | {run} | {figures['seconds']:.2f} s | {parts} |")
    return "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--programs", nargs="+", choices=list(PROGRAMS), default=list(PROGRAMS))
    add_engine_options(parser)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    bin_dir = toolchain_bin()
    results: dict[int, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for groups in args.groups:
            results[groups] = {}
            for number, program in enumerate(args.programs):
                folder = Path(scratch) / f"{groups}-{number}"
                folder.mkdir()
                results[groups][program] = run_program(program, groups, folder, bin_dir, args)
                print(json.dumps({groups: {program: results[groups][program]}}), file=sys.stderr, flush=True)
    print(markdown(results) if args.markdown else json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
