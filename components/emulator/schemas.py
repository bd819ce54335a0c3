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
import re
import time
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


# Okta's variable name rule for a custom property (Profile Editor: "Variable name"; the project's validator cites
# the same rule): a letter, then letters, digits and underscores.
_VARIABLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,99}$")
_SCOPES = ("NONE", "SELF")  # Okta's UserSchemaAttributeScope (the `okta` SDK)


def _checked(name: str, spec: Any, provisioning: bool) -> dict[str, Any]:
    where = f"definitions.custom.properties.{name}"
    if not _VARIABLE_NAME.match(name):
        raise invalid(where, f"{name}: Variable name is invalid: use letters, digits and underscores only")
    if not isinstance(spec, dict) or spec.get("type") not in _TYPES or not spec.get("title"):
        raise invalid(where, f"{name}: needs a title and a type of {_TYPES}")
    if "scope" in spec and spec["scope"] not in _SCOPES:
        raise OktaError(400, "E0000003", "The request body was not well-formed.")  # not one of the enum's values
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


def _update_base(org: EmulatedOrg, app_id: str, given: Any) -> None:
    """A base property's settings (`required`, `permissions`, `master`, its title): merged into what Okta holds; its
    type and name stay (the provider's okta_app_user_base_schema_property, TestAccResourceOktaAppUserBaseSchema_change:
    `name` of an OIDC app made required and READ_ONLY, then not required)."""
    if given is None:
        return
    if not isinstance(given, dict):
        raise invalid("definitions.base.properties", "definitions.base.properties: must be an object")
    base = copy.deepcopy(org.base_properties(app_id))
    for name, spec in given.items():
        if name not in base or not isinstance(spec, dict):
            raise invalid(f"definitions.base.properties.{name}", f"{name}: not a base property of this app")
        if spec.get("type", base[name]["type"]) != base[name]["type"]:
            raise invalid(f"definitions.base.properties.{name}", f"{name}: a base property's type cannot change")
        base[name] = {**base[name], **copy.deepcopy(spec)}
        if not base[name].get("required"):
            base[name].pop("required", None)
    org.base_schemas[app_id] = base


def _custom_properties(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `definitions` of a schema POST, and its custom properties (none when only the base is given)."""
    body = request.json()
    definitions = (body or {}).get("definitions") if isinstance(body, dict) else None
    definitions = definitions if isinstance(definitions, dict) else {}
    properties = (definitions.get("custom") or {}).get("properties", {} if "base" in definitions else None)
    if not isinstance(properties, dict):
        raise invalid("definitions.custom.properties", "definitions.custom.properties: must be an object")
    return definitions, properties


def _write(
    org: EmulatedOrg, key: str, path: str, properties: dict[str, Any], checked: dict[str, Any]
) -> dict[str, Any]:
    """One write of the custom properties kept under `key` (an app's id, or GROUP_SCHEMA), as Okta makes it: from
    the schema as it was when the write began, `schema_write_seconds` later, the last writer winning; a removed
    property's clean-up begins. The caller holds the lock, which this leaves while the write is under way."""
    running = cleaning_up(org, key)
    refused = [name for name, spec in properties.items() if spec is not None and name in running]
    if refused:
        raise _deletion_incomplete(refused[0])
    began = copy.deepcopy(org.schemas.get(key, {}))  # what this write starts from
    started = org.begin_write("schema", key, path, "POST")
    org.lock.release()
    try:
        if org.schema_write_seconds:
            time.sleep(org.schema_write_seconds)
    finally:
        org.lock.acquire()
        org.end_write(started)
    for name, spec in properties.items():
        if spec is not None:
            began[name] = checked[name]
            continue
        if began.pop(name, None) is not None and org.schema_deletion_seconds:
            cleaning_up(org, key)[name] = org.clock() + org.schema_deletion_seconds
        for assignment in org.app_groups.get(key, []):
            assignment.get("profile", {}).pop(name, None)  # the values set on groups are lost
    org.schemas[key] = began  # last writer wins
    org.changed()
    return began


def update_schema(org: EmulatedOrg, request: Request) -> Answer:
    """POST …/default: a partial update of the custom properties; a property set to null is removed.

    - Its removal answers at once, but Okta then clears it from every app user, and until that clean-up ends a
      property of the same name is refused (`schema_deletion_seconds`; the maintainer in provider #587: removal
      "sometimes takes time… has to update all the users").
    - A write takes `schema_write_seconds`, and is made from the schema as it was when it began: two writes to one
      app's schema at once lose one of them, the last writer wins (provider issues #27, #632, #889: properties
      created or destroyed in parallel went missing; the provider's own acceptance test of parallel calls,
      TestAccResourceOktaAppUserSchemas_parallel_api_calls, exists for it). Each answers with what it wrote.
      Every such overlap is recorded in `org.overlaps`.
    """
    app_id = request.params["appId"]
    definitions, properties = _custom_properties(request)
    with org.lock:
        if app_id not in org.apps:
            raise not_found(request.path)
        _update_base(org, app_id, (definitions.get("base") or {}).get("properties"))
        provisioning = org.has_provisioning(app_id)
        checked = {name: _checked(name, spec, provisioning) for name, spec in properties.items() if spec is not None}
        _write(org, app_id, request.path, properties, checked)
        if app_id not in org.apps:
            raise not_found(request.path)  # deleted while the write was under way
        return ok(_document(org, app_id, request.base))


# The group profile's schema (Okta's Schemas API, `/api/v1/meta/schemas/group/default`): the base `name` and
# `description`, and custom properties the provider's okta_group_schema_property adds (TestAccResourceOktaGroup_
# customschema). Its custom properties are kept as sent, under this key of `org.schemas`.
GROUP_SCHEMA = "group"
GROUP_BASE_PROPERTIES: dict[str, dict[str, Any]] = {
    "name": {"title": "Name", "description": "Name", "type": "string", "required": True, "maxLength": 255,
             "mutability": "READ_WRITE", "scope": "NONE",
             "permissions": [{"principal": "SELF", "action": "READ_ONLY"}]},
    "description": {"title": "Description", "description": "Description", "type": "string", "maxLength": 1024,
                    "mutability": "READ_WRITE", "scope": "NONE",
                    "permissions": [{"principal": "SELF", "action": "READ_ONLY"}]},
}  # fmt: skip


def _group_document(org: EmulatedOrg, base: str) -> dict[str, Any]:
    custom = copy.deepcopy(org.schemas.get(GROUP_SCHEMA, {}))
    return {
        "id": f"{base}/meta/schemas/group/default",
        "$schema": "http://json-schema.org/draft-04/schema#",
        "name": "group",
        "title": "Okta group",
        "description": "Okta group profile template",
        "lastUpdated": NOW,
        "created": NOW,
        "type": "object",
        "definitions": {
            "base": {
                "id": "#base",
                "type": "object",
                "properties": copy.deepcopy(GROUP_BASE_PROPERTIES),
                "required": ["name"],
            },
            "custom": {
                "id": "#custom",
                "type": "object",
                "properties": custom,
                "required": [n for n, spec in custom.items() if spec.get("required")],
            },
        },
        "properties": {"profile": {"allOf": [{"$ref": "#/definitions/custom"}, {"$ref": "#/definitions/base"}]}},
    }


def get_group_schema(org: EmulatedOrg, request: Request) -> Answer:
    return ok(_group_document(org, request.base))


def update_group_schema(org: EmulatedOrg, request: Request) -> Answer:
    """POST: a partial update of the group profile's custom properties, as an app's (the same write model)."""
    _, properties = _custom_properties(request)
    with org.lock:
        checked = {}
        for name, spec in properties.items():
            if spec is None:
                continue
            _checked(name, spec, provisioning=True)  # the same rules for a name, a type and a scope
            checked[name] = copy.deepcopy(spec)
        _write(org, GROUP_SCHEMA, request.path, properties, checked)
        return ok(_group_document(org, request.base))
