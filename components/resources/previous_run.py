"""The component's outputs from its last run, read once, before anything is declared.

Two things need the last run: the plain-words warnings about what a run takes away from the SCIM app, and the
group priorities, which stay as they were wherever the order allows; the SCIM app's provisioning check needs the
app's id. The first run of a stack (and the offline plan, unless given a previous plan's outputs) reads nothing,
and starts fresh.

The repository's program reads its stack outputs, which are the component's, with the engine's builtin
`pulumi:pulumi:readStackOutputs` (pkg/resource/deploy/builtins.go), the same read a StackReference makes, as one
synchronous invoke. A component in another program reads its own outputs in the last checkpoint
(`readStackResourceOutputs`, every resource's outputs by URN): the engine keeps what a component registers as its
outputs, so its caller need not export anything. Not a StackReference resource: under the real engine
(e2e) a reference to the stack itself showed as changed by every `pulumi refresh` (it holds the outputs of the
run before), and on a `file://` backend its read of the checkpoint raced the engine's write of it ("failed to
load checkpoint: EOF") and failed a first `up`. The invoke can be tried again; a resource cannot.
"""

from __future__ import annotations

import time
from typing import Any

import pulumi

READ_STACK_OUTPUTS = "pulumi:pulumi:readStackOutputs"
READ_STACK_RESOURCE_OUTPUTS = "pulumi:pulumi:readStackResourceOutputs"  # every resource's last outputs
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


def read_own_stack(token: str, args: dict[str, Any], what: str) -> dict[str, Any]:
    """One of the engine's builtin reads of this stack's last checkpoint (`readStackOutputs`,
    `readStackResourceOutputs`), tried again while the engine rewrites the checkpoint."""
    for attempt in range(1, CHECKPOINT_TRIES + 1):
        try:
            response = pulumi.runtime.invoke(token, args).value
            break
        except Exception as error:  # a failed invoke, as the SDK raises it
            if HALF_WRITTEN not in str(error) or attempt == CHECKPOINT_TRIES:
                # One line, no traceback (a RunError's), and nothing declared.
                raise pulumi.RunError(f"could not read this stack's {what} from the backend: {error}") from None
            time.sleep(CHECKPOINT_RETRY_SECONDS * attempt)
    return response if isinstance(response, dict) else {}


def last_outputs() -> dict[str, Any]:
    """The outputs of the stack's last run (empty on its first): plain values, secrets kept out."""
    response = read_own_stack(READ_STACK_OUTPUTS, {"name": own_stack()}, "last outputs")
    outputs = response.get("outputs")
    secret = set(response.get("secretOutputNames") or ())
    # Nothing the program reads back is a secret; a secret output is left out rather than handled as plain.
    return {k: v for k, v in outputs.items() if k not in secret} if isinstance(outputs, dict) else {}


def last_resource_states() -> dict[str, tuple[str, dict[str, Any]]]:
    """Each resource's type and outputs in the stack's last saved checkpoint, by URN: what the provider takes as a
    resource's state in this run's updates, unless the run refreshes first."""
    response = read_own_stack(READ_STACK_RESOURCE_OUTPUTS, {"stackName": own_stack()}, "resources")
    resources = response.get("outputs")
    if not isinstance(resources, dict):
        return {}
    return {
        urn: (str(resource.get("type")), dict(resource["outputs"]))
        for urn, resource in resources.items()
        if isinstance(urn, str) and isinstance(resource, dict) and isinstance(resource.get("outputs"), dict)
    }


class PreviousRun:
    """What the last run left: its outputs (read once, at the start), and each resource's last saved state (read
    once, when first asked)."""

    def __init__(self, outputs: dict[str, Any], states: dict[str, tuple[str, dict[str, Any]]] | None = None) -> None:
        self._outputs = outputs
        self._states = states

    @classmethod
    def of_stack(cls) -> PreviousRun:
        """The repository's program: its stack outputs (it exports every output of its one component)."""
        return cls(last_outputs())

    @classmethod
    def of_component(cls, type_: str, name: str) -> PreviousRun:
        """A component in any program: its own outputs in the stack's last checkpoint, found by its type and name,
        so the caller need not export anything under a name the component chose. None of them is a secret."""
        states = last_resource_states()
        own = next(
            (outputs for urn, (found, outputs) in states.items() if found == type_ and urn.endswith(f"::{name}")),
            {},
        )
        return cls(dict(own), states)

    @property
    def outputs(self) -> dict[str, Any]:
        return dict(self._outputs)

    def output(self, name: str) -> pulumi.Output[Any]:
        return pulumi.Output.from_input(self._outputs.get(name))

    def mapping(self, name: str) -> pulumi.Output[dict[str, Any]]:
        """An output that should be a JSON object; anything else (absent, garbage) reads as empty."""
        value = self._outputs.get(name)
        return pulumi.Output.from_input(dict(value) if isinstance(value, dict) else {})

    def resource_state(self, type_: str, name: str) -> dict[str, Any] | None:
        """One resource's outputs in the last saved checkpoint (None: not there), found by its type and name
        whatever its parents. The whole checkpoint is read once, on the first question."""
        if self._states is None:
            self._states = last_resource_states()
        for urn, (found_type, state) in self._states.items():
            if urn.endswith(f"::{name}") and found_type == type_:
                return dict(state)
        return None
