"""The stack's own outputs from its last run, read once, before anything is declared.

Two things need the last run: the plain-words warnings about what a run takes away from the SCIM app, and the
group priorities, which stay as they were wherever the order allows; the SCIM app's provisioning check needs the
app's id. The first run of a stack (and the offline plan, unless given a previous plan's outputs) reads nothing,
and starts fresh.

They are read with the engine's builtin `pulumi:pulumi:readStackOutputs` (pkg/resource/deploy/builtins.go), the
same read a StackReference makes, as one synchronous invoke. Not a StackReference resource: under the real engine
(e2e) a reference to the stack itself showed as changed by every `pulumi refresh` (it holds the outputs of the
run before), and on a `file://` backend its read of the checkpoint raced the engine's write of it ("failed to
load checkpoint: EOF") and failed a first `up`. The invoke can be tried again; a resource cannot.
"""

from __future__ import annotations

import time
from typing import Any

import pulumi

READ_STACK_OUTPUTS = "pulumi:pulumi:readStackOutputs"
# A checkpoint read while the engine rewrites it: tried again, a few times, briefly.
CHECKPOINT_TRIES = 5
CHECKPOINT_RETRY_SECONDS = 0.2
HALF_WRITTEN = "failed to load checkpoint"

SELF_MANAGED_ORGANIZATION = "organization"  # what a self-managed (diy) backend calls every org


def own_stack_name(organization: str | None, project: str, stack: str) -> str:
    """The name this stack is referenced by, on the backend the program runs against.

    A self-managed backend runs programs with the organization "organization" (pkg/backend/diy/state.go). Its
    legacy layout parses a reference with tokens.ParseStackName, which refuses a `/`; its project layout accepts a
    bare stack name and fills in the organization and the current project (pkg/backend/diy/store.go,
    ParseReference). So there the bare name works in both layouts; Pulumi Cloud takes org/project/stack.
    """
    if not organization or organization == SELF_MANAGED_ORGANIZATION:
        return stack
    return f"{organization}/{project}/{stack}"


def own_stack() -> str:
    return own_stack_name(pulumi.get_organization(), pulumi.get_project(), pulumi.get_stack())


def last_outputs() -> dict[str, Any]:
    """The outputs of the stack's last run (empty on its first): plain values, secrets kept out."""
    for attempt in range(1, CHECKPOINT_TRIES + 1):
        try:
            response = pulumi.runtime.invoke(READ_STACK_OUTPUTS, {"name": own_stack()}).value
            break
        except Exception as error:  # a failed invoke, as the SDK raises it
            if HALF_WRITTEN not in str(error) or attempt == CHECKPOINT_TRIES:
                # One line, no traceback (a RunError's), and nothing declared.
                raise pulumi.RunError(f"could not read this stack's last outputs from the backend: {error}") from None
            time.sleep(CHECKPOINT_RETRY_SECONDS * attempt)
    outputs = response.get("outputs") if isinstance(response, dict) else None
    secret = set(response.get("secretOutputNames") or ()) if isinstance(response, dict) else set()
    # Nothing the program reads back is a secret; a secret output is left out rather than handled as plain.
    return {k: v for k, v in outputs.items() if k not in secret} if isinstance(outputs, dict) else {}


class PreviousRun:
    def __init__(self) -> None:
        self._outputs = last_outputs()

    @property
    def outputs(self) -> dict[str, Any]:
        return dict(self._outputs)

    def output(self, name: str) -> pulumi.Output[Any]:
        return pulumi.Output.from_input(self._outputs.get(name))

    def mapping(self, name: str) -> pulumi.Output[dict[str, Any]]:
        """An output that should be a JSON object; anything else (absent, garbage) reads as empty."""
        value = self._outputs.get(name)
        return pulumi.Output.from_input(dict(value) if isinstance(value, dict) else {})
