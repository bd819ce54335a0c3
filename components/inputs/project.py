"""Where the project lives, and the one way both runners turn config into `StackInputs`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from components.inputs.stack_inputs import StackInputs, load_stack_inputs


def project_root(start: Path | None = None) -> Path:
    """The project a command works on: the nearest folder at or above the working directory (or `start`) that
    holds a Pulumi.yaml, as the Pulumi CLI finds it; the working directory itself when none does (a new project,
    before `init`). Never where this code is installed: an installed command would read site-packages."""
    here = (start or Path.cwd()).resolve()
    return next((folder for folder in (here, *here.parents) if (folder / "Pulumi.yaml").is_file()), here)


def load_inputs(config: Mapping[str, str], source: str, secret_keys: Sequence[str] = ()) -> StackInputs:
    """Relative metadata paths in a stack file are relative to the project root, whatever the working directory."""
    return load_stack_inputs(config, source, project_root(), tuple(secret_keys))
