"""`gainsight-okta` (also `python -m components`): the commands. `COMMAND --help` describes each one."""

# Thin: the parser, and a table of commands whose handlers live in their feature packages.

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from components import __version__
from components.cli.arguments import add_arguments
from components.command_name import hint, remember
from components.errors import InputError
from components.inputs.stack_selection import WARNINGS

PROG = "gainsight-okta"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other input error, so scripts and CI logs stay readable.
        self.exit(2, f"error: {self.prog}: {message} (see --help)\n")


# Each command's handler is its feature package's `run_*` function, imported when the command runs: `metadata` and
# `validate` never load the Pulumi runtime, and only the live commands load httpx.
Handler = Callable[[argparse.Namespace], int]


def _init(args: argparse.Namespace) -> int:
    from components.init.command import run_init

    return run_init(args)


def _metadata(args: argparse.Namespace) -> int:
    from components.metadata.command import run_metadata

    return run_metadata(args)


def _validate(args: argparse.Namespace) -> int:
    from components.inputs.command import run_validate

    return run_validate(args)


def _plan(args: argparse.Namespace) -> int:
    from components.offline.command import run_plan

    return run_plan(args)


def _explain(args: argparse.Namespace) -> int:
    from components.explain.command import run_explain

    return run_explain(args)


def _runbook(args: argparse.Namespace) -> int:
    from components.reports.command import run_runbook

    return run_runbook(args)


def _plan_diff(args: argparse.Namespace) -> int:
    from components.reports.command import run_plan_diff

    return run_plan_diff(args)


def _drift_report(args: argparse.Namespace) -> int:
    from components.reports.command import run_drift_report

    return run_drift_report(args)


def _drift_status(args: argparse.Namespace) -> int:
    from components.reports.command import run_drift_status

    return run_drift_status(args)


def _adopt(args: argparse.Namespace) -> int:
    from components.adopt.command import run_adopt

    return run_adopt(args)


def _verify(args: argparse.Namespace) -> int:
    from components.verify.command import run_verify

    return run_verify(args)


def _impact(args: argparse.Namespace) -> int:
    from components.impact.command import run_impact

    return run_impact(args)


def _rotate_key(args: argparse.Namespace) -> int:
    from components.rotate_key.command import run_rotate_key

    return run_rotate_key(args)


def _emulate(args: argparse.Namespace) -> int:
    from components.emulator.command import run_emulate

    return run_emulate(args)


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    summary: str
    example: str
    stack: bool = False  # takes --stack and --config


COMMANDS = (
    Command(
        "init",
        _init,
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
        _adopt,
        "read a Gainsight setup made by hand in Okta (read only) and write a stack file that adopts it",
        "adopt --stack prod --sso-app 0oa1b2c3d4e5f6g7h8i9 --scim-app 0oa9z8y7x6w5v4u3t2s1",
    ),
    Command(
        "verify",
        _verify,
        "compare the live Okta org with a stack (read only); exit 1 when something is wrong",
        "verify --stack prod --json",
        True,
    ),
    Command(
        "impact",
        _impact,
        "who a change deactivates, re-licenses or makes super admin in Gainsight (reads Okta, read only)",
        "impact --stack prod --config Pulumi.prod.yaml --base-config base/Pulumi.prod.yaml --markdown",
        True,
    ),
    Command(
        "rotate-key",
        _rotate_key,
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
        _emulate,
        "serve an emulated Okta org on 127.0.0.1 until interrupted",
        "emulate --seed article",
    ),
)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=__doc__,
        epilog=f"From the project root: {hint('COMMAND', '--help')}",
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
    if argv is None:  # a real command line: hints name the command as it was run
        remember(sys.argv[0])
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
