"""The one Pulumi program. `pulumi up` runs it through __main__.py; `plan` runs it under mocks."""

from __future__ import annotations

import pulumi
from pulumi.runtime import config as runtime_config

from components.errors import InputError
from components.inputs.component_args import args_from_inputs
from components.inputs.placeholders import refuse_placeholders
from components.inputs.project import load_inputs, project_root
from components.inputs.pulumi_json import STACK_NAME_OUTPUT
from components.inputs.stack_inputs import StackInputs
from components.limits import MAX_XML_BYTES
from components.resources.gainsight_okta import OUTPUTS, GainsightOkta, StackFileOrigin
from components.resources.previous_run import PreviousRun
from components.resources.urns import COMPONENT_NAME
from components.user_files import read_user_text


def runtime_config_map() -> dict[str, str]:
    """All config the engine gave this program: PULUMI_CONFIG under `pulumi up`, set_all_config under mocks."""
    values: dict[str, str] = dict(pulumi.runtime.get_config_env())
    # No public API lists set_all_config's values (pyproject.toml's private-api list; pulumi pinned to a minor).
    values.update(runtime_config.CONFIG.get())
    return values


def runtime_secret_keys() -> tuple[str, ...]:
    """The config keys the engine marked secret (PULUMI_CONFIG_SECRET_KEYS, or set_all_config's list)."""
    marked = {key for key in runtime_config_map() if pulumi.runtime.is_config_secret(key)}
    return tuple(sorted(set(pulumi.runtime.get_config_secret_keys_env()) | marked))


def declare(inputs: StackInputs) -> GainsightOkta:
    """The component, from the checked stack file, and every one of its outputs exported under its own name."""
    settings = inputs.settings
    metadata_xml = read_user_text(settings.metadata_path(project_root()), settings.metadata_file, limit=MAX_XML_BYTES)
    integration = GainsightOkta(
        COMPONENT_NAME,
        args_from_inputs(inputs, metadata_xml),
        stack_file=StackFileOrigin(inputs.source, inputs.settings.metadata_file),
        previous=PreviousRun.of_stack(),
    )
    pulumi.export(STACK_NAME_OUTPUT, pulumi.get_stack())  # tells one stack's `stack output --json` from another's
    for output, attribute in OUTPUTS.items():
        if (value := getattr(integration, attribute)) is not None:
            pulumi.export(output, value)
    return integration


def run(source: str | None = None) -> GainsightOkta:
    """Validate everything, then declare. `source` names the stack file in error messages."""
    stack_file = source or f"Pulumi.{pulumi.get_stack()}.yaml"
    inputs = load_inputs(runtime_config_map(), stack_file, runtime_secret_keys())
    return declare(inputs)


def main() -> None:
    """Entry point for `pulumi up`: bad input stops the run with one line and no traceback."""
    try:
        refuse_placeholders(runtime_config_map(), f"Pulumi.{pulumi.get_stack()}.yaml")
        run()
    except InputError as error:
        # The engine prints a RunError as "error: <message>" (seen in e2e): the line without its own prefix.
        raise pulumi.RunError(error.line().removeprefix("error: ")) from None
