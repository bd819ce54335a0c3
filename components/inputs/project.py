"""Where the project lives, and the one way both runners turn config into `StackInputs`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from components.inputs.stack_inputs import StackInputs, load_stack_inputs

# Relative metadata paths in a stack file are relative to the project root, whatever the working directory.
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def load_inputs(config: Mapping[str, str], source: str, secret_keys: Sequence[str] = ()) -> StackInputs:
    return load_stack_inputs(config, source, PROJECT_ROOT, tuple(secret_keys))
