"""Which stack file a command reads (--stack, --config), validated, and the warnings said once it succeeds."""

from __future__ import annotations

import argparse
from pathlib import Path

from components.errors import InputError
from components.inputs.placeholders import refuse_placeholders
from components.inputs.project import load_inputs, project_root
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs
from components.inputs.stack_warnings import stack_warnings

WARNINGS: list[str] = []  # said after a command succeeds; a failing one says only its one error line


def stack_file_path(args: argparse.Namespace) -> Path:
    if args.config is not None:
        if not args.config.strip():
            raise InputError("--config", "", "is empty; name a stack file, or leave --config out")
        path = Path(args.config)
        if path.name.startswith("Pulumi.") and path.name.endswith(".yaml") and path.name[7:-5] != args.stack:
            WARNINGS.append(
                f"warning: --config {args.config} is named for stack {path.name[7:-5]!r}, but --stack says "
                f"{args.stack!r}: names and URNs use {args.stack!r}"
            )
        return path
    return project_root() / f"Pulumi.{args.stack}.yaml"


def stack_inputs(args: argparse.Namespace) -> tuple[str, StackInputs]:
    """The stack file named by --stack/--config, validated: (how to name it in messages, its inputs)."""
    path = stack_file_path(args)
    display_name = display(path)
    stack_file = read_stack_file(path, display_name)
    refuse_placeholders(stack_file.config, display_name)
    return display_name, load_inputs(stack_file.config, display_name, stack_file.secret_keys)


def named_stack_file(args: argparse.Namespace) -> tuple[Path, str]:
    """The stack file named by --stack/--config, and how to name it in messages."""
    path = stack_file_path(args)
    return path, display(path)


def read_stack_inputs(path: Path, display_name: str) -> tuple[dict, StackInputs]:
    """A stack file's config (the provider's keys included) and its validated inputs."""
    stack_file = read_stack_file(path, display_name)
    return stack_file.config, load_inputs(stack_file.config, display_name, stack_file.secret_keys)


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def warn_about_stack(args: argparse.Namespace, inputs: StackInputs) -> None:
    """What is likely wrong with this stack though it is valid (validate, plan): components.inputs.stack_warnings."""
    own_file = Path(args.config) if args.config else None  # (stack_file_path has warned about its name already)
    WARNINGS.extend(stack_warnings(args.stack, inputs, project_root(), own_file))
