"""`python -m components`: metadata, validate, plan, explain, runbook, plan-diff, drift-report, drift-status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from components.inputs.project import PROJECT_ROOT, load_inputs
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs
from components.metadata.sp_metadata import read_sp_metadata

from .errors import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other input error, so scripts and CI logs stay readable.
        self.exit(2, f"error: {self.prog}: {message} (see --help)\n")


def _stack_file_path(args: argparse.Namespace) -> Path:
    return Path(args.config) if args.config else PROJECT_ROOT / f"Pulumi.{args.stack}.yaml"


def _stack_inputs(args: argparse.Namespace) -> tuple[str, StackInputs]:
    """The stack file named by --stack/--config, validated: (how to name it in messages, its inputs)."""
    path = _stack_file_path(args)
    shown = _display(path)
    return shown, load_inputs(read_stack_file(path, shown).config, shown)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _metadata(args: argparse.Namespace) -> int:
    metadata = read_sp_metadata(Path(args.file), display_name=args.file)
    if args.json:
        print(json.dumps(metadata.to_json(), indent=2))
        return 0
    document = metadata.to_json()
    for key, value in document.items():
        if isinstance(value, list):
            print(f"{key}:")
            for item in value:
                print(f"  - {item if len(item) <= 72 else item[:71] + '…'}")
        else:
            print(f"{key}: {json.dumps(value) if not isinstance(value, str) else value}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    shown, inputs = _stack_inputs(args)
    print(
        f"{shown}: valid. SSO app {inputs.settings.saml_app.label!r} and SCIM app "
        f"{inputs.settings.scim_app.label!r} for {inputs.metadata.entity_id}."
    )
    return 0


def _plan(args: argparse.Namespace) -> int:
    # Imported here so that `metadata` and `validate` never load the Pulumi runtime.
    from components.offline.plan import run_offline
    from components.offline.plan_text import render_plan_text

    path = _stack_file_path(args)
    plan = run_offline(args.stack, read_stack_file(path, _display(path)), _display(path))
    document = plan.to_json()
    if args.json:
        print(json.dumps(document, indent=2))
    else:
        sys.stdout.write(render_plan_text(document, plan.notices))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from components.documents.explain import explain, explain_json, explain_text

    shown, inputs = _stack_inputs(args)
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
    from components.documents.stack_outputs import read_stack_outputs
    from components.documents.templates import render_runbook

    _, inputs = _stack_inputs(args)
    outputs = read_stack_outputs(Path(args.outputs), args.outputs) if args.outputs else None
    sys.stdout.write(render_runbook(inputs, args.stack, outputs))
    return 0


def _plan_diff(args: argparse.Namespace) -> int:
    from components.documents.json_documents import read_plan
    from components.documents.plan_diff import diff_plans, render_plan_diff

    base = read_plan(Path(args.base), args.base)
    head = read_plan(Path(args.head), args.head)
    sys.stdout.write(render_plan_diff(diff_plans(base, head)))
    return 0


def _drift_report(args: argparse.Namespace) -> int:
    from components.documents.drift_report import render_drift_report
    from components.documents.json_documents import read_json_object

    digest = read_json_object(Path(args.file), args.file, "the output of `pulumi preview --json` or `refresh --json`")
    sys.stdout.write(render_drift_report(digest, args.stack))
    return 0


def _drift_status(args: argparse.Namespace) -> int:
    from components.documents.drift_report import drift_status
    from components.documents.json_documents import read_json_object

    digest = None
    if Path(args.file).is_file() and Path(args.file).stat().st_size > 0:
        try:
            digest = read_json_object(Path(args.file), args.file, "refresh JSON")
        except InputError:
            digest = None  # a failed run may leave half a document: then only the exit code speaks
    print(drift_status(args.exit_code, digest))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m components", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    metadata = commands.add_parser("metadata", help="read Gainsight's SP metadata.xml")
    metadata.add_argument("file")
    metadata.add_argument("--json", action="store_true", help="one JSON object")
    metadata.set_defaults(handler=_metadata)

    for name, handler, text in (
        ("validate", _validate, "check a stack's settings and metadata"),
        ("plan", _plan, "run the program offline under Pulumi's mocks and print what it declares"),
        ("explain", _explain, "which Gainsight values a user in the given groups receives"),
        ("runbook", _runbook, "the manual SCIM steps and Gainsight hand-offs for a stack, as Markdown"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("--stack", required=True, help="stack name, e.g. dev")
        command.add_argument("--config", help="stack file (default: Pulumi.<stack>.yaml in the project root)")
        if name == "explain":
            command.add_argument("--groups", required=True, help='comma-separated group names, e.g. "Viewers,Admins"')
        if name == "runbook":
            command.add_argument("--outputs", help="the JSON of `pulumi stack output --json`, for values Okta knows")
        if name in ("plan", "explain"):
            command.add_argument("--json", action="store_true", help="one JSON document")
        command.set_defaults(handler=handler)
    plan_diff = commands.add_parser("plan-diff", help="compare two `plan --json` documents; Markdown out")
    plan_diff.add_argument("base")
    plan_diff.add_argument("head")
    plan_diff.set_defaults(handler=_plan_diff)

    drift = commands.add_parser("drift-report", help="render `pulumi preview/refresh --json` output as Markdown")
    drift.add_argument("file")
    drift.add_argument("--stack", help="stack name for the heading (default: taken from the URNs)")
    drift.set_defaults(handler=_drift_report)

    status = commands.add_parser(
        "drift-status", help="classify a `pulumi refresh --preview-only --expect-no-changes --json` run"
    )
    status.add_argument("file", help="its JSON output (may be empty or missing when the run failed early)")
    status.add_argument("--exit-code", type=int, required=True, help="the exit code of that pulumi run")
    status.set_defaults(handler=_drift_status)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except InputError as error:
        print(error.line(), file=sys.stderr)
        return 2
