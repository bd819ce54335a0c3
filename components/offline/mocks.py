"""What the offline run returns in place of Okta: placeholder ids, and nothing Okta computes.

Outputs only Okta can know (an app's internal name, its certificate) are left out, so under the
preview-mode mocks they stay unknown, exactly as `pulumi preview` shows them before the first `up`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pulumi.runtime import MockCallArgs, MockResourceArgs, Mocks

from components.resources.previous_run import READ_STACK_OUTPUTS, READ_STACK_RESOURCE_OUTPUTS
from components.resources.provider_facts import SAML_APP, SAML_APP_LOOKUP
from components.resources.urns import COMPONENT_NAME, COMPONENT_TYPE, PROJECT, child_urn, sso_resource_name


def placeholder_id(name: str) -> str:
    return f"placeholder-id-{name}"


# Look-ups the program makes, returned as placeholders that say what Okta would be asked.
_INVOKE_RESULTS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "okta:group/getGroup:getGroup": lambda args: {
        "id": placeholder_id(f"group-named-{args.get('name')}"),
        "name": args.get("name"),
        "type": "OKTA_GROUP",
        "description": "",
        "users": [],
    },
    # The SCIM app's look-up before a run with provisioningEnabled (resources/provisioning_gate.py): offline, the
    # stack's word is taken that the manual step is done; `pulumi up` reads the app and refuses if it is not.
    SAML_APP_LOOKUP: lambda args: {
        "id": args.get("id") or placeholder_id("scim-app-looked-up"),
        "label": args.get("label"),
        "features": ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"],
    },
    "okta:user/getUserProfileMappingSource:getUserProfileMappingSource": lambda args: {
        "id": placeholder_id("okta-user-profile"),
        "name": "user",
        "type": "user",
    },
}


class OfflineMocks(Mocks):
    """`previous_outputs`: the stack outputs of the last run, as the program's read of its own stack gets
    them (none offline: the offline plan has no state; `plan-diff` compares two plans instead)."""

    def __init__(self, previous_outputs: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.previous_outputs = dict(previous_outputs or {})

    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        if not args.custom:
            return "", {}  # components have no id in Pulumi's state either
        # An adopted resource keeps the id it is imported by; a new one gets a recognisable placeholder.
        resource_id = args.resource_id or placeholder_id(args.name)
        return resource_id, dict(args.inputs)

    def call(self, args: MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        if args.token == READ_STACK_OUTPUTS:  # the engine's builtin (resources/previous_run.py)
            stack = args.args.get("name", "")
            return {"name": stack, "outputs": self.previous_outputs, "secretOutputNames": []}, []
        if args.token == READ_STACK_RESOURCE_OUTPUTS:
            return {"name": args.args.get("stackName", ""), "outputs": self._last_resource_states(args.args)}, []
        invoked = _INVOKE_RESULTS.get(args.token)
        result = invoked(args.args) if invoked else {}
        if args.token == SAML_APP_LOOKUP and args.args.get("id") == self.previous_outputs.get("ssoAppId"):
            result["keyId"] = self.previous_outputs.get("idpSigningKeyId")  # the key the last run saw, as Okta's
        return result, []  # the mock monitor iterates the failures

    def _last_resource_states(self, args: dict[str, Any]) -> dict[str, Any]:
        """The checkpoint as the program reads it, from the previous plan's outputs: the component's outputs (a
        component in another program reads its own, resources/previous_run.py), and the SSO app as the
        signing-key gate reads it (resources/signing_key_gate.py): offline, the last run's key is taken to be
        both the state's and Okta's."""
        stack = str(args.get("stackName", ""))
        states: dict[str, Any] = {}
        if self.previous_outputs:
            component = f"urn:pulumi:{stack}::{PROJECT}::{COMPONENT_TYPE}::{COMPONENT_NAME}"
            states[component] = {"type": COMPONENT_TYPE, "outputs": dict(self.previous_outputs)}
        app_id, kid = self.previous_outputs.get("ssoAppId"), self.previous_outputs.get("idpSigningKeyId")
        if isinstance(app_id, str) and isinstance(kid, str):
            urn = child_urn(stack, SAML_APP, sso_resource_name())
            states[urn] = {"type": SAML_APP, "outputs": {"id": app_id, "keyId": kid}}
        return states
