"""`plan`: run the Pulumi program offline under Pulumi's mocks, and print what it declares (text or `--json`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from components.inputs.placeholders import refuse_placeholders
from components.inputs.pulumi_json import read_previous_outputs
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_selection import display, stack_file_path, warn_about_stack
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.offline.plan_text import render_plan_text


def run_plan(args: argparse.Namespace) -> int:
    path = stack_file_path(args)
    mocks = None
    if args.previous_outputs:
        mocks = OfflineMocks(read_previous_outputs(Path(args.previous_outputs), args.previous_outputs, args.stack))
    stack_file = read_stack_file(path, display(path))
    refuse_placeholders(stack_file.config, display(path))
    plan = run_offline(args.stack, stack_file, display(path), mocks)
    warn_about_stack(args, plan.inputs)
    document = plan.to_json()
    if args.json:
        print(json.dumps(document, indent=2))
    else:
        sys.stdout.write(render_plan_text(document, plan.notices))
    return 0
