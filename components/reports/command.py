"""The report commands, for the workflows and for people: `runbook`, `plan-diff`, `drift-report` and `drift-status`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from components.errors import InputError
from components.inputs.pulumi_json import read_digest, read_plan, read_stack_outputs
from components.inputs.stack_selection import stack_inputs
from components.rendering.templates import render_runbook
from components.reports.drift import drift_status, render_drift_report
from components.reports.plan_diff import diff_plans, render_plan_diff


def run_runbook(args: argparse.Namespace) -> int:
    _, inputs = stack_inputs(args)
    outputs = read_stack_outputs(Path(args.outputs), args.outputs, args.stack) if args.outputs else None
    sys.stdout.write(render_runbook(inputs, args.stack, outputs))
    return 0


def run_plan_diff(args: argparse.Namespace) -> int:
    base = read_plan(Path(args.base), args.base)
    head = read_plan(Path(args.head), args.head)
    sys.stdout.write(render_plan_diff(diff_plans(base, head)))
    return 0


def run_drift_report(args: argparse.Namespace) -> int:
    sys.stdout.write(render_drift_report(read_digest(Path(args.file), args.file), args.stack, args.exit_code))
    return 0


def run_drift_status(args: argparse.Namespace) -> int:
    try:
        digest = read_digest(Path(args.file), args.file)
    except InputError:
        digest = None  # absent, empty, half-written or not a digest: then only a drift exit code speaks
    print(drift_status(args.exit_code, digest))
    return 0
