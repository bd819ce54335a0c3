"""Profile mappings: list (by source or target), read, update; Okta makes the user -> app one when SCIM is on."""

from __future__ import annotations

import copy

from components.emulator.okta_errors import invalid, not_found
from components.emulator.org import EmulatedOrg
from components.emulator.paging import page
from components.emulator.request import Answer, Request, ok


def list_mappings(org: EmulatedOrg, request: Request) -> Answer:
    source, target = request.arg("sourceId") or None, request.arg("targetId") or None
    items = [
        {key: copy.deepcopy(value) for key, value in m.items() if key != "properties"}
        for m in org.mappings.values()
        if (source is None or m["source"]["id"] == source) and (target is None or m["target"]["id"] == target)
    ]
    items_page, links = page(items, request.query, request.base, request.path, default=20, cap=org.page_size_cap)
    return ok(items_page, links=links)


def get_mapping(org: EmulatedOrg, request: Request) -> Answer:
    mapping = org.mappings.get(request.params["mappingId"])
    if mapping is None:
        raise not_found(request.path)
    return ok(copy.deepcopy(mapping))


def update_mapping(org: EmulatedOrg, request: Request) -> Answer:
    """POST /api/v1/mappings/{id}: the given properties are set; one set to null is removed."""
    mapping = org.mappings.get(request.params["mappingId"])
    if mapping is None:
        raise not_found(request.path)
    properties = (request.json() or {}).get("properties")
    if not isinstance(properties, dict):
        raise invalid("properties", "properties: must be an object")
    for name, spec in properties.items():
        if spec is None:
            mapping["properties"].pop(name, None)
        elif not isinstance(spec, dict) or not isinstance(spec.get("expression"), str):
            raise invalid(f"properties.{name}", f"properties.{name}.expression: must be an Okta expression")
        else:
            mapping["properties"][name] = {"expression": spec["expression"], "pushStatus": spec.get("pushStatus")}
    return ok(copy.deepcopy(mapping))
