"""What a run takes away from the SCIM app, compared with the last run, said plainly before it happens.

Unassigning a group from the SCIM app makes Okta deactivate its members in Gainsight when Deactivate Users is
on (unless another assigned group still covers them); switching `provisioningEnabled` back to false
unassigns every group. The engine shows these as plain deletions, so the program reads its own stack's last
outputs (resources/previous_run.py) and names the groups and attributes about to go.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi

from components.inputs.stack_inputs import StackInputs
from components.resources.previous_run import PreviousRun

SCIM_GROUPS_OUTPUT = "scimAssignedGroups"  # group names assigned to the SCIM app, in priority order
SCIM_ATTRIBUTES_OUTPUT = "scimAttributes"  # attribute names declared on the SCIM app
SSO_GROUPS_OUTPUT = "ssoAssignedGroups"  # group names assigned to the SSO app, in priority order
# Removed writers are deleted by the engine at once: it orders deletes by recorded dependencies, and the writers
# record none (write_order.py). Okta answers overlapping writes to one app 500 E0000009 now and then (#1198, #1373):
# measured with the emulator in e2e/test_protect_and_secrets.py, a run again deletes the rest.
PARALLEL_DELETES = (
    "{app}: this run removes {count} group assignments at once, and Okta answers overlapping writes to one app's "
    "assignments with 500 E0000009 now and then (provider #1373). If the run fails on one, run it again: it "
    "removes the rest, and no other assignment is touched"
)


def scim_assigned_groups(inputs: StackInputs) -> list[str]:
    return [group.name for group in inputs.groups if group.scim] if inputs.provisioning_enabled else []


def sso_assigned_groups(inputs: StackInputs) -> list[str]:
    return [group.name for group in inputs.groups if group.sso]


def scim_attributes(inputs: StackInputs) -> list[str]:
    return [attribute.name for attribute in inputs.attributes] if inputs.provisioning_enabled else []


def _names(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _listed(names: Sequence[str], limit: int = 20) -> str:
    listed = ", ".join(repr(name) for name in names[:limit])
    return listed + (f" and {len(names) - limit} more" if len(names) > limit else "")


def removal_warnings(
    label: str,
    previous_groups: Any,
    previous_attributes: Any,
    groups: Sequence[str],
    attributes: Sequence[str],
    renamed: Sequence[str] = (),
) -> list[str]:
    """Plain-words warnings for groups unassigned from, and attributes removed from, the SCIM app. A group renamed
    with previousName (its old name in `renamed`) keeps its assignment: it is not unassigned."""
    warnings = []
    unassigned = [name for name in _names(previous_groups) if name not in groups and name not in renamed]
    if unassigned:
        everyone = not groups
        warnings.append(
            f"SCIM app {label!r}: this run unassigns {'every group' if everyone else 'the group(s)'} "
            f"{_listed(unassigned)}. When Deactivate Users is on, Okta deactivates "
            f"{'every user it provisioned' if everyone else 'their members'} in Gainsight"
            f"{'' if everyone else ', except those still assigned through another group'}."
        )
    if len(unassigned) > 1:
        warnings.append(PARALLEL_DELETES.format(app=f"SCIM app {label!r}", count=len(unassigned)))
    removed = [name for name in _names(previous_attributes) if name not in attributes]
    if removed:
        warnings.append(
            f"SCIM app {label!r}: this run deletes the attribute(s) {_listed(removed)}; Okta stops sending "
            "them to Gainsight, and the values set on groups are lost."
        )
    return warnings


def warn_about_removals(inputs: StackInputs, previous: PreviousRun) -> pulumi.Output[list[str]]:
    """Compare with the last run's outputs and warn; returns the warnings (for the record, and to be awaited)."""
    label = inputs.settings.scim_app.label
    groups, attributes = scim_assigned_groups(inputs), scim_attributes(inputs)
    renamed = [group.previous_name for group in inputs.groups if group.previous_name]

    def warn(values: list[Any]) -> list[str]:
        warnings = removal_warnings(label, values[0], values[1], groups, attributes, renamed)
        for warning in warnings:
            pulumi.log.warn(warning)
        return warnings

    return pulumi.Output.all(previous.output(SCIM_GROUPS_OUTPUT), previous.output(SCIM_ATTRIBUTES_OUTPUT)).apply(warn)
