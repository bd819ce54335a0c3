"""Before anything is declared: a change that would replace a Profile Editor attribute is refused, with the two
deploys that do it safely.

A change of an attribute's type, scope, array type, external name or namespace replaces the
`okta_app_user_schema_property` (its ForceNew fields, provider_facts.FORCE_NEW), and the program replaces attributes
delete-first (attributes.py). Okta answers the deletion at once but then clears the property from every app user,
and until that clean-up ends it refuses a property of the same name: "the deletion process for an attribute with
the same variable name is incomplete" (provider #587, #1974, #1972). The provider retries exactly that for 10 s,
within 30 s (resource_okta_app_user_custom_schema_property.go); a clean-up that takes longer ends the `up` with the
attribute gone, its group values cleared, and the group assignments that set it failing.

So the program compares each declared attribute with its state in the stack's last checkpoint (the engine's
`readStackResourceOutputs`, read once through PreviousRun): `pulumi up` is refused in one line naming the two-step
way; a preview warns that the `up` will be. The offline `plan-diff` says the same from two plans.
"""

from __future__ import annotations

from typing import Any

from components.errors import InputError
from components.inputs.stack_inputs import StackInputs
from components.resources.attributes import attribute_args
from components.resources.previous_run import PreviousRun
from components.resources.provider_facts import APP_USER_SCHEMA_PROPERTY, FORCE_NEW
from components.resources.urns import attribute_resource_name

# The replacing inputs the program declares, as the state names them -> as the SDK's Args name them. `index` is the
# attribute's name, so it never changes for one resource; `unique` is never declared.
_DECLARED = {
    "type": "type",
    "arrayType": "array_type",
    "scope": "scope",
    "externalName": "external_name",
    "externalNamespace": "external_namespace",
}
assert set(_DECLARED) <= FORCE_NEW[APP_USER_SCHEMA_PROPERTY]

TWO_STEPS = (
    "do it in two deploys: first remove the attribute (and the values groups set for it) and run `pulumi up`; a few "
    "minutes later, once Okta has cleared it from every user, add it back changed and run `pulumi up` again"
)


def _plain(value: Any) -> Any:
    return value if value not in (None, "") else None


def replaced_attributes(inputs: StackInputs, previous: PreviousRun, prefix: str) -> list[tuple[int, str, str]]:
    """(position in the stack file, name, what changes) of each declared attribute this run would replace."""
    found = []
    for position, attribute in enumerate(inputs.attributes):
        state = previous.resource_state(APP_USER_SCHEMA_PROPERTY, attribute_resource_name(attribute.name, prefix))
        if state is None:
            continue
        declared = attribute_args(attribute, "")
        changes = [
            f"{field} {_plain(state.get(field))} -> {getattr(declared, python)}"
            for field, python in _DECLARED.items()
            if getattr(declared, python) is not None and _plain(state.get(field)) != getattr(declared, python)
        ]
        if changes:
            found.append((position, attribute.name, ", ".join(changes)))
    return found


def guard_attribute_replacements(
    inputs: StackInputs, previous: PreviousRun, prefix: str, *, dry_run: bool
) -> list[str]:
    """Refuse (InputError) an `up` that would replace an attribute; in a preview, the warnings to show instead."""
    if not inputs.provisioning_enabled:
        return []
    notices = []
    for position, name, changes in replaced_attributes(inputs, previous, prefix):
        message = (
            f"changing attribute {name!r} ({changes}) replaces it in Okta: deleted, then created again, and Okta "
            'refuses the new one while it still clears the old one from every user ("the deletion process for an '
            'attribute with the same variable name is incomplete"), which would leave it gone and its group values '
            f"lost; {TWO_STEPS}"
        )
        if not dry_run:
            raise InputError(inputs.source, inputs.key(f"attributes[{position}]"), f"{message}; nothing was changed")
        notices.append(f"`pulumi up` will refuse this stack: {inputs.source}: attributes[{position}]: {message}.")
    return notices
