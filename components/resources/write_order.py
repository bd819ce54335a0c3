"""One assignment write at a time per app, without a dependency chain the SDK walks on every registration.

Okta has responded concurrent assignment writes to one app with 500 E0000009 and stored duplicate priorities
(provider issues #736, #1198, #1373), and resourceAppGroupAssignmentUpdate does not retry a 500. A `depends_on`
chain would serialise them, but the SDK checks every new dependency for cycles by walking the whole chain
recursively (runtime/resource_cycle_breaker.py): about 1,000 links overflow the recursion limit, and the walks
cost O(n²). Instead each writer's `priority` input resolves only once the writer above it has been registered,
which the engine sends after that resource's step has run (RegisterResource returns when the step is done).
The SDK sends a registration after all its inputs resolve, so the engine sees the writers one after another.
"""

from __future__ import annotations

from typing import TypeVar

import pulumi

T = TypeVar("T")


def after_registered(value: pulumi.Output[T], previous: pulumi.CustomResource | None) -> pulumi.Output[T]:
    """`value`, resolved no sooner than `previous` is registered; not a dependency the engine records. In a
    preview nothing is written, so the writers need not wait for each other: the same value, at once (the engine
    then diffs them side by side instead of one after another; bench/e2e_profile.py)."""
    if previous is None or pulumi.runtime.is_dry_run():
        return value

    async def gated_value() -> T:
        await previous.id.future(with_unknowns=True)  # resolves when the engine has acknowledged the registration
        return await value.future(with_unknowns=True)  # type: ignore[return-value]

    async def gated_known() -> bool:
        await previous.id.future(with_unknowns=True)
        return await value.is_known()

    # The value's own resources stay its dependencies; `previous` is not one.
    return pulumi.Output(value.resources(), gated_value(), gated_known(), value.is_secret())
