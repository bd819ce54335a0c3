"""What waits on the manual SCIM step, said the same way by `pulumi up`, the offline plan and the runbook."""

from __future__ import annotations

from components.command_name import hint
from components.inputs.stack_inputs import StackInputs


def held_back(inputs: StackInputs) -> list[str]:
    """What `pulumi up` declares only once `scimApp.provisioningEnabled` is true."""
    waiting = []
    if inputs.attributes:
        waiting.append(f"{len(inputs.attributes)} Profile Editor attribute(s)")
    if scim_groups := [group for group in inputs.groups if group.scim]:
        waiting.append(f"the SCIM app's assignments of {len(scim_groups)} group(s) with their Gainsight values")
    if any(attribute.source for attribute in inputs.attributes):
        waiting.append("the profile mapping of personal attributes")
    return waiting


def runbook_hint(inputs: StackInputs, stack: str) -> str:
    """Where the runbook is: the repository's command, or the component's output in another program."""
    if inputs.from_stack_file:
        return f"`{hint('runbook', '--stack', stack)}`"
    return "the component's `runbook` output"


def waiting_on_manual_step(inputs: StackInputs, stack: str) -> str | None:
    if inputs.provisioning_enabled:
        return None
    waiting = held_back(inputs)
    label = inputs.settings.scim_app.label
    held = f" Held back until then: {'; '.join(waiting)}." if waiting else ""
    return (
        f"SCIM provisioning is waiting on a manual step: in Okta, switch the app {label!r} to Provisioning: SCIM "
        f"and connect it to Gainsight with OAuth 2.0 ({runbook_hint(inputs, stack)} says how), then set "
        f"{inputs.setting('scimApp.provisioningEnabled', 'true')} and run `pulumi up` again.{held}"
    )
