"""What the offline run answers in place of Okta: placeholder ids, and nothing Okta computes.

Outputs only Okta can know (an app's internal name, its certificate) are left out, so under the
preview-mode mocks they stay unknown, exactly as `pulumi preview` shows them before the first `up`.
"""

from __future__ import annotations

from typing import Any

from pulumi.runtime.mocks import MockCallArgs, MockResourceArgs, Mocks


def placeholder_id(name: str) -> str:
    return f"placeholder-id-{name}"


class OfflineMocks(Mocks):
    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        if not args.custom:
            return "", {}  # components have no id in Pulumi's state either
        # An adopted resource keeps the id it is imported by; a new one gets a recognisable placeholder.
        resource_id = args.resource_id or placeholder_id(args.name)
        return resource_id, dict(args.inputs)

    def call(self, args: MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        return {}, None
