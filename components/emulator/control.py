"""What a person does in the Admin Console and Okta's API cannot: one control call, outside Okta's API.

`POST /_emulator/apps/{appId}/provisioning` with `{"createUsers": true, "updateUsers": true,
"deactivateUsers": true}` is the manual step: Provisioning: SCIM on a custom app, its connector, "To App". Okta then
shows the SCIM base attributes and makes the Okta user -> app profile mapping.
`POST /_emulator/apps/{appId}/schema-cleanup` ends the clean-up after deleted schema properties, as waiting would.
The other `/_emulator/` reads give the tests and the e2e what happened: the calls by bucket, the priority
collisions, the provisioning resets.
"""

from __future__ import annotations

from typing import Any

from components.emulator.links import USER_TYPE_ID
from components.emulator.okta_errors import invalid, not_found
from components.emulator.org import PROVISIONING_FEATURES, SCIM_BASE_PROPERTIES, EmulatedOrg, okta_id
from components.emulator.request import Answer, Request, ok


def switch_on_provisioning(org: EmulatedOrg, request: Request) -> Answer:
    app_id = request.params["appId"]
    app = org.apps.get(app_id)
    if app is None:
        raise not_found(request.path)
    body = request.json()
    if not isinstance(body, dict) or not all(isinstance(body.get(k, False), bool) for k in PROVISIONING_FEATURES):
        raise invalid("provisioning", f"give {', '.join(PROVISIONING_FEATURES)} as true or false")
    with org.lock:
        app["features"] = [feature for key, feature in PROVISIONING_FEATURES.items() if body.get(key)]
        org.base_schemas[app_id] = SCIM_BASE_PROPERTIES
        org.changed()
        if not any(m["target"]["id"] == app_id for m in org.mappings.values()):
            mapping_id = okta_id("prm")
            org.mappings[mapping_id] = {
                "id": mapping_id,
                "source": {"id": USER_TYPE_ID, "name": "user", "type": "user"},
                "target": {"id": app_id, "name": app.get("name", ""), "type": "appuser"},
                "properties": {"userName": {"expression": "user.email", "pushStatus": "PUSH"}},
            }
    return ok({"appId": app_id, "features": list(app["features"])})


def finish_schema_cleanup(org: EmulatedOrg, request: Request) -> Answer:
    """What waiting does: Okta's clean-up after the app's deleted schema properties ends now (schemas.py)."""
    app_id = request.params["appId"]
    if app_id not in org.apps:
        raise not_found(request.path)
    with org.lock:
        finished = sorted(org.deleting.pop(app_id, {}))
    return ok({"appId": app_id, "finished": finished})


def calls(org: EmulatedOrg, request: Request) -> Answer:
    rows: list[dict[str, Any]] = [
        {"method": method, "path": template, "bucket": bucket, "count": count}
        for (method, template, bucket), count in sorted(org.calls.items())
    ]
    return ok(rows)


def events(org: EmulatedOrg, request: Request) -> Answer:
    return ok({"collisions": list(org.collisions), "provisioningResets": list(org.provisioning_resets)})


def unrouted(org: EmulatedOrg, request: Request) -> Answer:
    """Every request no endpoint serves, as method and path, in order: `make e2e` fails on any of them."""
    with org.lock:
        return ok([{"method": method, "path": path} for method, path in org.unrouted])
