"""The options the e2e benchmarks share: a CLI run's time limit, and the file backend's checkpoints."""

from __future__ import annotations

import argparse

from e2e.engine import Pulumi

STEP_SECONDS = 4 * 3600  # a 1,000-group `up` on 2 cores takes far longer than `make e2e`'s limit per step


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--step-seconds", type=float, default=STEP_SECONDS, help="one CLI run's time limit")
    parser.add_argument(
        "--skip-checkpoints",
        action="store_true",
        help="PULUMI_SKIP_CHECKPOINTS=true: the file backend writes the state once at the end, not after every step",
    )


def tuned(pulumi: Pulumi, args: argparse.Namespace) -> Pulumi:
    pulumi.step_seconds = args.step_seconds
    if args.skip_checkpoints:
        pulumi.env["PULUMI_SKIP_CHECKPOINTS"] = "true"
    return pulumi
