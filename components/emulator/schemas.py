"""The app user schema: base and custom properties; custom ones added, changed or removed (set to null).

A custom property created while the app has no provisioning gets no external name or namespace, and so never
reaches the SCIM server (Okta KB, in the design facts: "a custom app attribute without external namespace is not
sent to the SCIM server; this happens when it was created before provisioning was enabled").

What Okta keeps of a posted property, and the document it returns, are as recorded (/work/shared/okta-recordings,
ResourceOktaAppUserSchemas_crud #7, #16, #17, _enum_string #7, _array_enum_string #7): `master`, `permissions`,
`required: false` and (but on an array) `union` are dropped; `required: true` is kept and named in
`definitions.custom.required`, which is absent once no custom property is left; the POST returns the whole document,
with `created` and `lastUpdated`; its `title` is the app's label and " User"; its `id` has no `/api/v1`."""

from __future__ import annotations

import copy
from typing import Any

from components.emulator.okta_errors import OktaError, invalid, not_found
from components.emulator.org import NOW, EmulatedOrg
from components.emulator.request import Answer, Request, ok

_TYPES = ("string", "boolean", "number", "integer", "array")


def _document(org: EmulatedOrg, app_id: str, base: str) -> dict[str, Any]:
    base_properties = copy.deepcopy(org.base_properties(app_id))
    custom_properties = copy.deepcopy(org.schemas.get(app_id, {}))
    custom: dict[str, Any] = {"id": "#custom", "type": "object", "properties": custom_properties}
    if custom_properties:
        # A test may plant a property in a shape Okta never sends (as in org.group_scoped): not a required one.
        custom["required"] = [
            n for n, spec in custom_properties.items() if isinstance(spec, dict) and spec.get("required")
        ]
    return {
        "id": f"{base}/meta/schemas/apps/{app_id}/default",
        "$schema": "http://json-schema.org/draft-04/schema#",
        "name": org.apps[app_id].get("name", ""),
        "title": f"{org.apps[app_id].get('label', '')} User",
        "lastUpdated": NOW,
        "created": NOW,
        "type": "object",
        "definitions": {
            "base": {
                "id": "#base",
                "type": "object",
                "properties": base_properties,
                "required": [n for n, spec in base_properties.items() if spec.get("required")],
            },
            "custom": custom,
        },
        "properties": {"profile": {"allOf": [{"$ref": "#/definitions/custom"}, {"$ref": "#/definitions/base"}]}},
    }


def get_schema(org: EmulatedOrg, request: Request) -> Answer:
    app_id = request.params["appId"]
    if app_id not in org.apps:
        raise not_found(request.path)
    return ok(_document(org, app_id, request.base))


def _checked(name: str, spec: Any, provisioning: bool) -> dict[str, Any]:
    if not isinstance(spec, dict) or spec.get("type") not in _TYPES or not spec.get("title"):
        raise invalid(f"definitions.custom.properties.{name}", f"{name}: needs a title and a type of {_TYPES}")
    if spec.get("union") == "ENABLE" and spec.get("scope") == "SELF":
        raise invalid(name, f"{name}: union is not allowed for a Personal attribute")
    stored = {key: copy.deepcopy(value) for key, value in spec.items() if key not in ("master", "permissions")}
    stored.setdefault("scope", "NONE")
    if not stored.get("required"):
        stored.pop("required", None)
    if stored.get("type") != "array":
        stored.pop("union", None)
    if not provisioning:
        stored.pop("externalName", None)
        stored.pop("externalNamespace", None)
    return stored


def _deletion_incomplete(name: str) -> OktaError:
    """Okta's answer to a property created while the clean-up after one of the same name runs: 400 E0000001 with
    the cause the provider looks for (resource_okta_app_user_custom_schema_property.go retries on it for 10 s),
    worded as Okta words it (provider #587)."""
    return invalid(
        "updateAppUserSchemas",
        f"You cannot add the attribute with the variable name '{name}' because the deletion process for an attribute "
        "with the same variable name is incomplete. Wait until the data clean up process finishes and then try again",
    )


def cleaning_up(org: EmulatedOrg, app_id: str) -> dict[str, float]:
    """The app's properties whose clean-up still runs (name -> when it ends); finished ones are forgotten."""
    now = org.clock()
    running = {name: end for name, end in org.deleting.get(app_id, {}).items() if end > now}
    org.deleting[app_id] = running
    return running


def update_schema(org: EmulatedOrg, request: Request) -> Answer:
    """POST …/default: a partial update of the custom properties; a property set to null is removed. Its removal
    answers at once, but Okta then clears it from every app user, and until that clean-up ends a property of the
    same name is refused (`schema_deletion_seconds`; the maintainer in provider #587: removal "sometimes takes
    time… has to update all the users")."""
    app_id = request.params["appId"]
    if app_id not in org.apps:
        raise not_found(request.path)
    body = request.json()
    properties = (((body or {}).get("definitions") or {}).get("custom") or {}).get("properties")
    if not isinstance(properties, dict):
        raise invalid("definitions.custom.properties", "definitions.custom.properties: must be an object")
    custom = org.schemas.setdefault(app_id, {})
    provisioning = org.has_provisioning(app_id)
    with org.lock:
        running = cleaning_up(org, app_id)
        refused = [name for name, spec in properties.items() if spec is not None and name in running]
        if refused:
            raise _deletion_incomplete(refused[0])
        for name, spec in properties.items():
            if spec is None:
                if custom.pop(name, None) is not None and org.schema_deletion_seconds:
                    running[name] = org.clock() + org.schema_deletion_seconds
                for assignment in org.app_groups.get(app_id, []):
                    assignment.get("profile", {}).pop(name, None)  # the values set on groups are lost
            else:
                custom[name] = _checked(name, spec, provisioning)
        org.changed()
    return ok(_document(org, app_id, request.base))
