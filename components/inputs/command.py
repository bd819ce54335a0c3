"""`validate`: check a stack's settings and the metadata they name, with the warnings about its sibling stacks."""

from __future__ import annotations

import argparse

from components.inputs.stack_selection import stack_inputs, warn_about_stack


def run_validate(args: argparse.Namespace) -> int:
    display_name, inputs = stack_inputs(args)
    warn_about_stack(args, inputs)
    print(
        f"{display_name}: valid. SSO app {inputs.settings.saml_app.label!r} and SCIM app "
        f"{inputs.settings.scim_app.label!r} for {inputs.metadata.entity_id}."
    )
    return 0
