"""Profile mappings: list (by source or target), read, update; Okta makes the user -> app one when SCIM is on."""

from __future__ import annotations

import copy
from typing import Any

from components.emulator.links import mapping_end_links, mapping_links
from components.emulator.okta_errors import invalid, not_found
from components.emulator.org import EmulatedOrg
from components.emulator.paging import page
from components.emulator.request import Answer, Request, ok


def shown_mapping(mapping: dict[str, Any], base: str, *, with_properties: bool = True) -> dict[str, Any]:
    """A mapping as Okta answers it: a copy, with its links and its ends' (links.py); a list leaves `properties`
    out."""
    answer = {key: copy.deepcopy(value) for key, value in mapping.items() if with_properties or key != "properties"}
    for end in ("source", "target"):
        answer[end] = {**answer[end], "_links": mapping_end_links(answer[end], base)}
    answer["_links"] = mapping_links(mapping["id"], base)
    return answer


def list_mappings(org: EmulatedOrg, request: Request) -> Answer:
    source, target = request.arg("sourceId") or None, request.arg("targetId") or None
    items = [
        shown_mapping(m, request.base, with_properties=False)
        for m in org.mappings.values()
        if (source is None or m["source"]["id"] == source) and (target is None or m["target"]["id"] == target)
    ]
    items_page, links = page(items, request.query, request.base, request.path, default=20, cap=org.page_size_cap)
    return ok(items_page, links=links)


def get_mapping(org: EmulatedOrg, request: Request) -> Answer:
    mapping = org.mappings.get(request.params["mappingId"])
    if mapping is None:
        raise not_found(request.path)
    return ok(shown_mapping(mapping, request.base))


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
    return ok(shown_mapping(mapping, request.base))
