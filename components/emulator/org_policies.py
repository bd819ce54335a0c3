"""What the okta provider asks of an org besides the resources: who the token is, Classic or Identity Engine,
and the default authentication policy every new app gets.

- `GET /api/v1/users/me`: the user the API token acts for (Okta's Users API, "Retrieve a user": `me` is the
  caller). The provider calls it once when it is configured with an SSWS token (`config.VerifyCredentials`).
- `GET /.well-known/okta-organization`: the org's `id`, `pipeline` (`idx` for Identity Engine, `v1` for Classic)
  and `settings` (Okta's Org API, "Retrieve the well-known org metadata"; recorded in
  ResourceOktaAppSaml_crud.oie-00, interaction 1).
- `GET /api/v1/policies?type=ACCESS_POLICY`: the org's app sign-on policies; on Identity Engine exactly one has
  `system: true`, which the provider assigns to each new app (`findDefaultAccessPolicy`; recorded in
  ResourceOktaAppSaml_crud.oie-00, interaction 2).
- `PUT /api/v1/apps/{appId}/policies/{policyId}`: 204 and no body, after which the app's
  `_links.accessPolicy` names the policy (recorded: interactions 3 and 4).
"""

from __future__ import annotations

from typing import Any

from components.emulator.okta_errors import invalid, not_found
from components.emulator.org import NOW, EmulatedOrg
from components.emulator.request import Answer, Request, ok

ORG_ID = "00o1emulatedorg0000"
ADMIN_USER_ID = "00u1emulatedadmin00"


def current_user(org: EmulatedOrg, request: Request) -> Answer:
    """The token's user. Kept out of `org.users` so that seeded people stay exactly the people a test made."""
    return ok(
        {
            "id": ADMIN_USER_ID,
            "status": "ACTIVE",
            "created": NOW,
            "activated": NOW,
            "statusChanged": NOW,
            "lastLogin": NOW,
            "lastUpdated": NOW,
            "passwordChanged": NOW,
            "type": {"id": "oty1emulateduser000"},
            "profile": {
                "firstName": "Emulated",
                "lastName": "Admin",
                "email": "admin@example.com",
                "login": "admin@example.com",
            },
            "credentials": {"provider": {"type": "OKTA", "name": "OKTA"}},
            "_links": {"self": {"href": f"{request.base}/api/v1/users/{ADMIN_USER_ID}"}},
        }
    )


def well_known_organization(org: EmulatedOrg, request: Request) -> Answer:
    return ok(
        {
            "id": ORG_ID,
            "cell": "emulated",
            "_links": {"organization": {"href": request.base}},
            "pipeline": org.pipeline,
            "settings": {"analyticsCollectionEnabled": False, "bugReportingEnabled": True, "omEnabled": False},
        }
    )


def _policy(spec: dict[str, Any], base: str) -> dict[str, Any]:
    """A policy as Okta lists it; `spec` holds at least id, name, priority and system (and may hold all of it)."""
    policy: dict[str, Any] = {
        "status": "ACTIVE",
        "conditions": None,
        "created": NOW,
        "lastUpdated": NOW,
        "_embedded": {"resourceType": "APP"},
        "type": "ACCESS_POLICY",
        **{key: value for key, value in spec.items() if key != "_links"},
    }
    policy["_links"] = {"self": {"href": f"{base}/api/v1/policies/{spec['id']}"}}
    return policy


def list_policies(org: EmulatedOrg, request: Request) -> Answer:
    kind = request.arg("type")
    if not kind:
        raise invalid("type", "type: The type query parameter is required.")
    if kind != "ACCESS_POLICY" or org.pipeline != "idx":
        return ok([])  # Classic orgs have no app sign-on policies; other types are not modelled
    return ok([_policy(spec, request.base) for spec in org.access_policies])


def assign_policy(org: EmulatedOrg, request: Request) -> Answer:
    app = org.apps.get(request.params["appId"])
    policy_id = request.params["policyId"]
    if app is None or org.pipeline != "idx" or all(spec["id"] != policy_id for spec in org.access_policies):
        raise not_found(request.path)
    with org.lock:
        links = app.setdefault("_links", {})
        links["accessPolicy"] = {"href": f"{request.base}/api/v1/policies/{policy_id}"}
    return Answer(204, None)


def default_access_policy_link(org: EmulatedOrg, base: str) -> dict[str, Any] | None:
    """What a new app's `_links.accessPolicy` holds before the provider assigns one: Okta gives every new app the
    org's default policy, so the link is there already on Identity Engine (recording, interaction 0's response)."""
    if org.pipeline != "idx":
        return None
    default = next((spec for spec in org.access_policies if spec.get("system")), None)
    if default is None:
        return None
    return {"href": f"{base}/api/v1/policies/{default['id']}"}
