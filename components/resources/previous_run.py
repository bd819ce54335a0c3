"""The stack's own outputs from its last run, read through a StackReference to itself.

Two things need the last run: the plain-words warnings about what a run takes away from the SCIM app, and the
group priorities, which stay as they were wherever the order allows. The first run of a stack (and the offline
plan, unless given a previous plan's outputs) reads nothing, and starts fresh.
"""

from __future__ import annotations

from typing import Any

import pulumi

PREVIOUS_RUN = "gainsight-previous-run"


class PreviousRun:
    def __init__(self) -> None:
        organization = pulumi.get_organization() or "organization"  # what a self-managed backend calls it
        own_stack = f"{organization}/{pulumi.get_project()}/{pulumi.get_stack()}"
        self._reference = pulumi.StackReference(PREVIOUS_RUN, stack_name=own_stack)

    def output(self, name: str) -> pulumi.Output[Any]:
        return self._reference.get_output(name)

    def mapping(self, name: str) -> pulumi.Output[dict[str, Any]]:
        """An output that should be a JSON object; anything else (absent, garbage) reads as empty."""
        return self.output(name).apply(lambda value: dict(value) if isinstance(value, dict) else {})
