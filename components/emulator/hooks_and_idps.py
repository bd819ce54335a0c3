"""Inline hooks and social identity providers: what the provider's own acceptance tests make as fixtures for a SAML
app (`inline_hook_id`) and for a profile mapping (an IdP's mapping to the Okta user), served so that those tests
run here (e2e/conformance). This project's program makes neither.

- An inline hook (Okta's Inline Hooks API): created ACTIVE, its `authScheme.value` never answered (the provider's
  noChangeInObjectFromUnmarshaledChannelJSON: "Okta does not return … config.authScheme.value"); activated and
  deactivated by lifecycle calls; deleted once INACTIVE (the provider deactivates first).
- A social IdP (ResourceOktaProfileMapping_crud #0, #1, #38, #39): its `policy` and `protocol` as sent (the client
  secret answered too: the recording's README says it redacted it); Okta makes its profile mapping to the Okta user
  at once (#4: the IdP user's `appuser.*` expressions, DONT_PUSH); deactivated, then deleted.
"""

from __future__ import annotations

import copy
from typing import Any

from components.emulator.links import USER_TYPE_ID
from components.emulator.okta_errors import OktaError, invalid, not_found
from components.emulator.org import NOW, EmulatedOrg, okta_id
from components.emulator.request import Answer, Request, ok


def _hook(org: EmulatedOrg, request: Request) -> dict[str, Any]:
    hook = org.inline_hooks.get(request.params["hookId"])
    if hook is None:
        raise not_found(request.path)
    return hook


def _shown_hook(hook: dict[str, Any], base: str) -> dict[str, Any]:
    answer = copy.deepcopy(hook)
    scheme = ((answer.get("channel") or {}).get("config") or {}).get("authScheme")
    if isinstance(scheme, dict):
        scheme["value"] = None
    here = f"{base}/api/v1/inlineHooks/{hook['id']}"
    action = "deactivate" if hook["status"] == "ACTIVE" else "activate"
    answer["_links"] = {"self": {"href": here}, action: {"href": f"{here}/lifecycle/{action}"}}
    return answer


def _checked_hook(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or not body.get("name") or not isinstance(body.get("channel"), dict):
        raise invalid("name", "name: The field cannot be left blank", "channel: The field cannot be left blank")
    return {k: copy.deepcopy(v) for k, v in body.items() if k not in ("id", "status", "_links", "created")}


def no_email_template(org: EmulatedOrg, request: Request) -> Answer:
    """GET /api/v1/templates/emails/{id}: the provider's test of profile mappings checks its mapping is gone with
    this read of an email template (its CheckDestroy); there is none, as there is none at Okta."""
    raise not_found(request.path)


def create_hook(org: EmulatedOrg, request: Request) -> Answer:
    hook_id = okta_id("cal")
    hook = {"id": hook_id, "status": "ACTIVE", "created": NOW, "lastUpdated": NOW, **_checked_hook(request.json())}
    org.inline_hooks[hook_id] = hook
    return ok(_shown_hook(hook, request.base))


def get_hook(org: EmulatedOrg, request: Request) -> Answer:
    return ok(_shown_hook(_hook(org, request), request.base))


def replace_hook(org: EmulatedOrg, request: Request) -> Answer:
    hook = _hook(org, request)
    kept = {key: hook[key] for key in ("id", "status", "created")}
    org.inline_hooks[hook["id"]] = {**kept, "lastUpdated": NOW, **_checked_hook(request.json())}
    return ok(_shown_hook(org.inline_hooks[hook["id"]], request.base))


def activate_hook(org: EmulatedOrg, request: Request) -> Answer:
    _hook(org, request)["status"] = "ACTIVE"
    return ok(_shown_hook(_hook(org, request), request.base))


def deactivate_hook(org: EmulatedOrg, request: Request) -> Answer:
    _hook(org, request)["status"] = "INACTIVE"
    return ok(_shown_hook(_hook(org, request), request.base))


def delete_hook(org: EmulatedOrg, request: Request) -> Answer:
    hook = _hook(org, request)
    if hook["status"] != "INACTIVE":
        raise OktaError(403, "E0000006", "You do not have permission to perform the requested action")
    del org.inline_hooks[hook["id"]]
    return Answer(204, None)


# The profile mapping Okta makes from a new social IdP's users to the Okta user (#4 of the recording).
_IDP_MAPPED = (
    "login", "email", "firstName", "middleName", "lastName", "honorificPrefix", "honorificSuffix", "displayName",
    "profileUrl",
)  # fmt: skip
_IDP_EXPRESSION = {"login": "appuser.email"}


def _idp(org: EmulatedOrg, request: Request) -> dict[str, Any]:
    idp = org.idps.get(request.params["idpId"])
    if idp is None:
        raise not_found(request.path)
    return idp


def _shown_idp(idp: dict[str, Any], base: str) -> dict[str, Any]:
    answer = copy.deepcopy(idp)  # the client secret as given: the recordings hold it REDACTED by their README
    answer["_links"] = {
        "authorize": {
            "href": f"{base}/oauth2/v1/authorize?idp={idp['id']}&client_id={{clientId}}&response_type={{responseType}}"
            "&response_mode={responseMode}&scope={scopes}&redirect_uri={redirectUri}&state={state}&nonce={nonce}",
            "templated": True,
            "hints": {"allow": ["GET"]},
        },
        "clientRedirectUri": {"href": f"{base}/oauth2/v1/authorize/callback", "hints": {"allow": ["POST"]}},
    }
    return answer


def create_idp(org: EmulatedOrg, request: Request) -> Answer:
    body = request.json()
    if not isinstance(body, dict) or not body.get("name") or not body.get("type"):
        raise invalid("name", "name: The field cannot be left blank", "type: The field cannot be left blank")
    idp_id = okta_id("0oa")
    idp = {
        "id": idp_id,
        "issuerMode": body.get("issuerMode", "ORG_URL"),
        "name": body["name"],
        "status": "ACTIVE",
        "created": NOW,
        "lastUpdated": NOW,
        **{k: copy.deepcopy(v) for k, v in body.items() if k in ("protocol", "policy", "type")},
    }
    org.idps[idp_id] = idp
    mapping_id = okta_id("prm")
    idp_name = f"{str(body['type']).lower()}_idp"
    org.mappings[mapping_id] = {
        "id": mapping_id,
        "source": {"id": idp_id, "name": idp_name, "type": "appuser"},
        "target": {"id": USER_TYPE_ID, "name": "user", "type": "user"},
        "properties": {
            name: {"expression": _IDP_EXPRESSION.get(name, f"appuser.{name}"), "pushStatus": "DONT_PUSH"}
            for name in _IDP_MAPPED
        },
    }
    return ok(_shown_idp(idp, request.base))


def get_idp(org: EmulatedOrg, request: Request) -> Answer:
    return ok(_shown_idp(_idp(org, request), request.base))


def deactivate_idp(org: EmulatedOrg, request: Request) -> Answer:
    idp = _idp(org, request)
    idp["status"] = "INACTIVE"
    return ok(_shown_idp(idp, request.base))


def delete_idp(org: EmulatedOrg, request: Request) -> Answer:
    idp = _idp(org, request)
    del org.idps[idp["id"]]
    for mapping_id in [m for m, mapping in org.mappings.items() if mapping["source"]["id"] == idp["id"]]:
        del org.mappings[mapping_id]
    return Answer(204, None)
