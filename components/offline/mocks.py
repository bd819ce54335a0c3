"""What the offline run answers in place of Okta: placeholder ids, and nothing Okta computes.

Outputs only Okta can know (an app's internal name, its certificate) are left out, so under the
preview-mode mocks they stay unknown, exactly as `pulumi preview` shows them before the first `up`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pulumi.runtime.mocks import MockCallArgs, MockResourceArgs, Mocks


def placeholder_id(name: str) -> str:
    return f"placeholder-id-{name}"


# Look-ups the program makes, answered with placeholders that say what Okta would be asked.
_INVOKE_ANSWERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "okta:group/getGroup:getGroup": lambda args: {
        "id": placeholder_id(f"group-named-{args.get('name')}"),
        "name": args.get("name"),
        "type": "OKTA_GROUP",
        "description": "",
        "users": [],
    },
    "okta:user/getUserProfileMappingSource:getUserProfileMappingSource": lambda args: {
        "id": placeholder_id("okta-user-profile"),
        "name": "user",
        "type": "user",
    },
}


# Reads only the real org can answer, refused the way a provider refuses a read (a check failure), so the
# program treats them as it treats Okta refusing: a warning, never a failed run.
_OKTA_ONLY_READS = {
    "okta:app/getFeatures:getFeatures": ("appId", "not read: the offline plan contacts no Okta org"),
}


class OfflineMocks(Mocks):
    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        if not args.custom:
            return "", {}  # components have no id in Pulumi's state either
        # An adopted resource keeps the id it is imported by; a new one gets a recognisable placeholder.
        resource_id = args.resource_id or placeholder_id(args.name)
        return resource_id, dict(args.inputs)

    def call(self, args: MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        if args.token in _OKTA_ONLY_READS:
            return {}, [_OKTA_ONLY_READS[args.token]]
        answer = _INVOKE_ANSWERS.get(args.token)
        return (answer(args.args) if answer else {}), []  # the mock monitor iterates the failures
