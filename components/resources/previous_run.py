"""The stack's own outputs from its last run, read through a StackReference to itself.

Two things need the last run: the plain-words warnings about what a run takes away from the SCIM app, and the
group priorities, which stay as they were wherever the order allows. The first run of a stack (and the offline
plan, unless given a previous plan's outputs) reads nothing, and starts fresh.
"""

from __future__ import annotations

from typing import Any

import pulumi

PREVIOUS_RUN = "gainsight-previous-run"


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


READ_STACK_OUTPUTS = "pulumi:pulumi:readStackOutputs"  # the engine's builtin (pkg/resource/deploy/builtins.go)


def own_stack() -> str:
    return own_stack_name(pulumi.get_organization(), pulumi.get_project(), pulumi.get_stack())


def last_outputs() -> dict[str, Any]:
    """The stack's outputs from its last run, read now, before anything is declared: the engine's builtin that
    a StackReference reads too, invoked synchronously. Empty on a stack's first run."""
    answer = pulumi.runtime.invoke(READ_STACK_OUTPUTS, {"name": own_stack()}).value
    outputs = answer.get("outputs") if isinstance(answer, dict) else None
    return dict(outputs) if isinstance(outputs, dict) else {}


class PreviousRun:
    def __init__(self) -> None:
        self._reference = pulumi.StackReference(PREVIOUS_RUN, stack_name=own_stack())

    def output(self, name: str) -> pulumi.Output[Any]:
        return self._reference.get_output(name)

    def mapping(self, name: str) -> pulumi.Output[dict[str, Any]]:
        """An output that should be a JSON object; anything else (absent, garbage) reads as empty."""
        return self.output(name).apply(lambda value: dict(value) if isinstance(value, dict) else {})
