"""The okta provider's own comparison of an assignment profile, as its source has it, so tests can ask what a
real `pulumi preview` would show.

terraform-provider-okta, okta/services/idaas/resource_okta_app_group_assignment.go: `profile` has
`DiffSuppressFunc: utils.NoChangeInObjectFromUnmarshaledJSON`; its Read stores `json.Marshal(g.Profile)`.
okta/utils/utils.go: NoChangeInObjectFromUnmarshaledJSON returns true (no change) when the new JSON is blank, false
when either side is not a JSON object, and otherwise compares both after stripping every `false` boolean
(recursively, in maps) with reflect.DeepEqual: a key with `null` is kept, so `{}` and `{"a": null}` differ.
"""

from __future__ import annotations

import json
from typing import Any


def _strip_false(value: dict[str, Any]) -> dict[str, Any]:
    stripped = {}
    for key, item in value.items():
        if item is False:
            continue
        stripped[key] = _strip_false(item) if isinstance(item, dict) else item
    return stripped


def profile_unchanged(state_json: str, declared_json: str) -> bool:
    if declared_json == "":
        return True
    try:
        state, declared = json.loads(state_json), json.loads(declared_json)
    except json.JSONDecodeError:
        return False
    if not isinstance(state, dict) or not isinstance(declared, dict):
        return False
    return _strip_false(state) == _strip_false(declared)


def read_profile_json(assignment: dict[str, Any]) -> str:
    """What resourceAppGroupAssignmentRead stores: Go's json.Marshal of the profile map (keys sorted)."""
    return json.dumps(assignment.get("profile"), sort_keys=True, separators=(",", ":"))
