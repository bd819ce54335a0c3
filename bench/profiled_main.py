"""A Pulumi program's `__main__.py` for `bench/e2e_profile.py`: it runs a program (this project's, or the
hand-written one) and writes, when the process exits, when each of its phases ended: the process's start, the SDK's
imports, the program's own imports, each live read (every `pulumi.runtime.invoke`: the provisioning and
signing-key gates, the existing groups, the last run's outputs), and the program's return. An `*_output` invoke
(`pulumi.runtime.invoke_output`: the profile mapping's source, the next key's metadata) is not a phase: it runs
beside the registering, whose time it is counted in. The file is named by PROFILE_PHASES; PROFILE_PROGRAM is
`gainsight-okta`, `plural` or `chained`."""

from __future__ import annotations

import time

NOW = time.time()

import atexit  # noqa: E402 - the clock above comes first: what follows is the imports being measured
import json  # noqa: E402
import os  # noqa: E402


def _process_start() -> float:
    """When this process was started, from /proc (so the interpreter's own start is counted)."""
    stat = open("/proc/self/stat").read()  # noqa: SIM115 - read once, at start
    ticks = int(stat[stat.rindex(")") + 2 :].split()[19])
    uptime = float(open("/proc/uptime").read().split()[0])  # noqa: SIM115
    return NOW - (uptime - ticks / os.sysconf("SC_CLK_TCK"))


PHASES: dict[str, object] = {"process_start": _process_start(), "main_start": NOW}

import pulumi  # noqa: E402
import pulumi_okta  # noqa: E402, F401

PHASES["sdk_imported"] = time.time()
PROGRAM = os.environ.get("PROFILE_PROGRAM", "gainsight-okta")
if PROGRAM == "gainsight-okta":
    from components.program import main as run
else:
    from bench.handwritten_program import declare_from_pulumi_config

    def run() -> None:
        declare_from_pulumi_config(plural=PROGRAM == "plural")


PHASES["program_imported"] = time.time()
READS: list[tuple[str, float, float]] = []
_invoke = pulumi.runtime.invoke


def _timed_invoke(token: str, *args: object, **kwargs: object) -> object:
    started = time.time()
    try:
        return _invoke(token, *args, **kwargs)
    finally:
        READS.append((token, started, time.time()))


pulumi.runtime.invoke = _timed_invoke


def _write() -> None:
    PHASES["exited"] = time.time()
    PHASES["reads"] = READS
    with open(os.environ["PROFILE_PHASES"], "w") as out:
        json.dump(PHASES, out)


atexit.register(_write)
run()
PHASES["declared"] = time.time()
