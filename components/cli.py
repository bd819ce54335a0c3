"""`gainsight-okta` (also `python -m components`): the commands. `COMMAND --help` describes each one."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from components import __version__
from components.command_name import hint
from components.inputs.placeholders import refuse_placeholders
from components.inputs.stack_file import read_stack_file
from components.metadata.sp_metadata import read_sp_metadata

from .cli_arguments import add_arguments
from .cli_stack_files import WARNINGS, display, stack_file_path, stack_inputs, warn_about_siblings
from .errors import InputError

PROG = "gainsight-okta"
PEOPLE_COMMANDS = ("run_impact", "run_explain_user")  # components.people_commands


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other input error, so scripts and CI logs stay readable.
        self.exit(2, f"error: {self.prog}: {message} (see --help)\n")


def _metadata(args: argparse.Namespace) -> int:
    metadata = read_sp_metadata(Path(args.file), display_name=args.file)
    if args.json:
        print(json.dumps(metadata.to_json(), indent=2))
        return 0
    for key, value in metadata.to_json().items():
        if isinstance(value, list):
            print(f"{key}:")
            for item in value:
                print(f"  - {item if len(item) <= 72 else item[:71] + '…'}")
        else:
            print(f"{key}: {json.dumps(value) if not isinstance(value, str) else value}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    shown, inputs = stack_inputs(args)
    warn_about_siblings(args, inputs)
    print(
        f"{shown}: valid. SSO app {inputs.settings.saml_app.label!r} and SCIM app "
        f"{inputs.settings.scim_app.label!r} for {inputs.metadata.entity_id}."
    )
    return 0


def _plan(args: argparse.Namespace) -> int:
    # Imported here so that `metadata` and `validate` never load the Pulumi runtime.
    from components.offline.plan import run_offline
    from components.offline.plan_text import render_plan_text

    path = stack_file_path(args)
    mocks = None
    if args.previous_outputs:
        from components.documents.pulumi_json import read_previous_outputs
        from components.offline.mocks import OfflineMocks

        mocks = OfflineMocks(read_previous_outputs(Path(args.previous_outputs), args.previous_outputs, args.stack))
    stack_file = read_stack_file(path, display(path))
    refuse_placeholders(stack_file.config, display(path))
    plan = run_offline(args.stack, stack_file, display(path), mocks)
    warn_about_siblings(args, plan.inputs)
    document = plan.to_json()
    if args.json:
        print(json.dumps(document, indent=2))
    else:
        sys.stdout.write(render_plan_text(document, plan.notices))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from components.documents.explain import explain, explain_json, explain_text

    if args.user is not None or args.live:
        if args.user is None or not args.live or args.groups is not None:
            raise InputError("explain", "--user", "--live takes --user LOGIN (and no --groups); --user needs --live")
        return _live("run_explain_user", with_stack_file=True)(args)
    if args.groups is None:
        raise InputError("explain", "--groups", "name the groups (--groups), or one person (--user LOGIN --live)")
    shown, inputs = stack_inputs(args)
    names = [name.strip() for name in args.groups.split(",") if name.strip()]
    if not names:
        raise InputError(shown, "--groups", 'name at least one group, e.g. --groups "Viewers,Admins"')
    received = explain(inputs, names)
    if args.json:
        print(json.dumps(explain_json(received), indent=2))
    else:
        sys.stdout.write(explain_text(inputs, names, received))
    return 0


def _runbook(args: argparse.Namespace) -> int:
    from components.documents.pulumi_json import read_stack_outputs
    from components.documents.templates import render_runbook

    _, inputs = stack_inputs(args)
    outputs = read_stack_outputs(Path(args.outputs), args.outputs, args.stack) if args.outputs else None
    sys.stdout.write(render_runbook(inputs, args.stack, outputs))
    return 0


def _plan_diff(args: argparse.Namespace) -> int:
    from components.documents.plan_diff import diff_plans, render_plan_diff
    from components.documents.pulumi_json import read_plan

    base = read_plan(Path(args.base), args.base)
    head = read_plan(Path(args.head), args.head)
    sys.stdout.write(render_plan_diff(diff_plans(base, head)))
    return 0


def _drift_report(args: argparse.Namespace) -> int:
    from components.documents.drift_report import render_drift_report
    from components.documents.pulumi_json import read_digest

    sys.stdout.write(render_drift_report(read_digest(Path(args.file), args.file), args.stack, args.exit_code))
    return 0


def _drift_status(args: argparse.Namespace) -> int:
    from components.documents.drift_report import drift_status
    from components.documents.pulumi_json import read_digest

    try:
        digest = read_digest(Path(args.file), args.file)
    except InputError:
        digest = None  # absent, empty, half-written or not a digest: then only a drift exit code speaks
    print(drift_status(args.exit_code, digest))
    return 0


def _live(name: str, with_stack_file: bool = False) -> Callable[[argparse.Namespace], int]:
    """A command of components.live_commands, imported when run: the others never load httpx or the emulator."""

    def run(args: argparse.Namespace) -> int:
        if name in PEOPLE_COMMANDS:
            from components import people_commands as module
        elif name == "run_init":
            from components import stack_init as module
        else:
            from components import live_commands as module
        handler = getattr(module, name)
        if not with_stack_file:
            return int(handler(args))
        path = stack_file_path(args)
        return int(handler(args, path, display(path)))

    return run


@dataclass(frozen=True)
class Command:
    name: str
    handler: Callable[[argparse.Namespace], int]
    summary: str
    example: str
    stack: bool = False  # takes --stack and --config


COMMANDS = (
    Command(
        "init",
        _live("run_init"),
        "start a new environment: write Pulumi.STACK.yaml and metadata/STACK.xml, checked",
        "init qa --metadata ~/Downloads/metadata.xml --tenant-url https://acme-qa.gainsightcloud.com",
    ),
    Command("metadata", _metadata, "read and check Gainsight's SP metadata.xml", "metadata metadata/dev.xml --json"),
    Command("validate", _validate, "check a stack's settings and the metadata they name", "validate --stack dev", True),
    Command(
        "plan",
        _plan,
        "run the Pulumi program offline under Pulumi's mocks and print what it declares",
        "plan --stack dev --json > plan.json",
        True,
    ),
    Command(
        "explain",
        _explain,
        "which Gainsight values a user in the given groups receives; with --user LOGIN --live, one person in Okta",
        'explain --stack dev --groups "Customer Success,Gainsight Viewers (dev)"',
        True,
    ),
    Command(
        "runbook",
        _runbook,
        "the manual SCIM steps and Gainsight hand-offs for a stack, as Markdown",
        "runbook --stack dev --outputs outputs.json > runbook.md",
        True,
    ),
    Command("plan-diff", _plan_diff, "compare two `plan --json` documents, as Markdown", "plan-diff a.json b.json"),
    Command(
        "drift-report",
        _drift_report,
        "render `pulumi preview --json` or `pulumi refresh --preview-only --json` output as Markdown",
        "drift-report refresh.json --stack prod",
    ),
    Command(
        "adopt",
        _live("run_adopt"),
        "read a Gainsight setup made by hand in Okta (read only) and write a stack file that adopts it",
        "adopt --stack prod --sso-app 0oa1b2c3d4e5f6g7h8i9 --scim-app 0oa9z8y7x6w5v4u3t2s1",
    ),
    Command(
        "verify",
        _live("run_verify", with_stack_file=True),
        "compare the live Okta org with a stack (read only); exit 1 when something is wrong",
        "verify --stack prod --json",
        True,
    ),
    Command(
        "impact",
        _live("run_impact", with_stack_file=True),
        "who a change deactivates, re-licenses or makes super admin in Gainsight (reads Okta, read only)",
        "impact --stack prod --config Pulumi.prod.yaml --base-config base/Pulumi.prod.yaml --markdown",
        True,
    ),
    Command(
        "rotate-key",
        _live("run_rotate_key", with_stack_file=True),
        "rotate the SSO app's IdP signing certificate in phases: status, generate, handoff, switch",
        "rotate-key generate --stack prod --years 2 --confirm",
        True,
    ),
    Command(
        "drift-status",
        _drift_status,
        "classify a `pulumi refresh --preview-only --expect-no-changes --json` run: drift, clean or error",
        "drift-status refresh.json --exit-code 7",
    ),
    Command(
        "emulate",
        _live("run_emulate"),
        "serve an emulated Okta org on 127.0.0.1 until interrupted",
        "emulate --seed article",
    ),
)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=__doc__,
        epilog="From the project root: venv/bin/gainsight-okta COMMAND --help (or venv/bin/python -m components)",
    )
    parser.add_argument("--version", action="version", version=f"gainsight-okta {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.summary,
            description=command.summary[0].upper() + command.summary[1:] + ".",
            epilog=f"example: {hint(command.example)}",
        )
        add_arguments(command.name, command.stack, sub)
        sub.set_defaults(handler=command.handler)
    return parser


def _quiet_broken_pipe() -> int:
    # The reader went away (`| head`): point stdout at /dev/null so the interpreter's final flush is silent too.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    WARNINGS.clear()
    try:
        args = build_parser().parse_args(argv)
        status = int(args.handler(args))
        for warning in WARNINGS:
            print(warning, file=sys.stderr)
        return status
    except InputError as error:
        print(error.line(), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _quiet_broken_pipe()
