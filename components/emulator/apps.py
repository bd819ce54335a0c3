"""Apps: create, read, replace, lifecycle and delete; SAML metadata; signing keys."""

from __future__ import annotations

import copy
import secrets
import uuid
from typing import Any

from components.emulator.app_shape import shaped
from components.emulator.certificates import jwk_fields, self_signed_certificate
from components.emulator.links import app_links
from components.emulator.okta_errors import OktaError, invalid, not_found
from components.emulator.org import NOW, EmulatedOrg, okta_id
from components.emulator.org_policies import default_access_policy_link
from components.emulator.paging import page
from components.emulator.request import Answer, Request, ok

KEY_CERTIFICATE_DAYS = 365 * 2
EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"


def _app(org: EmulatedOrg, request: Request) -> dict[str, Any]:
    app = org.apps.get(request.params["appId"])
    if app is None:
        raise not_found(request.path)
    return app


def _new_key(certificate: str, years: int = 2) -> dict[str, Any]:
    return {
        "kid": f"kid{uuid.uuid4().hex[:17]}",
        "kty": "RSA",
        "use": "sig",
        "x5c": [certificate],
        **jwk_fields(certificate),  # e, n, x5t#S256: Okta returns a key as a JWK (recordings: SAML_crud #6)
        "created": NOW,
        "lastUpdated": NOW,
        "expiresAt": f"{2026 + years}-01-01T00:00:00.000Z",
    }


def shown(org: EmulatedOrg, app: dict[str, Any], base: str) -> dict[str, Any]:
    """An app as Okta answers it: a copy, with the links Okta puts on it (links.py) and its access policy's."""
    answer = copy.deepcopy(app)
    stored = answer.get("_links") or {}
    answer["_links"] = {
        **app_links(answer, base, org.profile_enrollment_policy),
        **{key: value for key, value in stored.items() if key == "accessPolicy"},
    }
    return answer


def list_apps(org: EmulatedOrg, request: Request) -> Answer:
    prefix = request.arg("q").lower()
    items = [
        shown(org, a, request.base) for a in org.apps.values() if str(a.get("label", "")).lower().startswith(prefix)
    ]
    items_page, links = page(items, request.query, request.base, request.path, default=20, cap=org.page_size_cap)
    return ok(items_page, links=links)


def get_app(org: EmulatedOrg, request: Request) -> Answer:
    return ok(shown(org, _app(org, request), request.base))


# Okta's Application `signOnMode`: the `okta` SDK's ApplicationSignOnMode, from Okta's OpenAPI spec (the SDK is a test
# dependency only: tests/emulator/test_okta_models.py checks this list against it).
SIGN_ON_MODES = frozenset(
    {
        "AUTO_LOGIN",
        "BASIC_AUTH",
        "BOOKMARK",
        "BROWSER_PLUGIN",
        "OPENID_CONNECT",
        "SAML_1_1",
        "SAML_2_0",
        "SECURE_PASSWORD_STORE",
        "WS_FEDERATION",
    }
)
# What a custom SAML 2.0 app cannot go without (Okta's "Add custom SAML application"; the provider's
# customAppSamlRequiredFields begins with the same two): where Okta posts the assertion, and for whom.
SAML_REQUIRED = ("ssoAcsUrl", "audience")


def _checked_app(body: Any) -> dict[str, Any]:
    """An app as Okta takes it on create and replace, or Okta's 400."""
    if not isinstance(body, dict):
        raise OktaError(400, "E0000003", "The request body was not well-formed.")
    if not body.get("label") or not isinstance(body["label"], str):
        raise invalid("label", "label: The field cannot be left blank")
    mode = body.get("signOnMode")
    if mode is None:
        raise invalid("signOnMode", "signOnMode: The field cannot be left blank")
    if mode not in SIGN_ON_MODES:
        raise OktaError(400, "E0000003", "The request body was not well-formed.")  # an unknown enum value
    if mode == "SAML_2_0" and not body.get("name"):  # a custom SAML app (an OIN one is named by its key)
        sign_on = ((body.get("settings") or {}).get("signOn")) or {}
        missing = [field for field in SAML_REQUIRED if not sign_on.get(field)]
        if missing:
            raise invalid(missing[0], *(f"{field}: The field cannot be left blank" for field in missing))
    return body


def create_app(org: EmulatedOrg, request: Request) -> Answer:
    """POST /api/v1/apps: a custom SAML app; `features` is read-only and starts empty (no provisioning)."""
    body = _checked_app(request.json())
    app_id = okta_id("0oa")
    key = _new_key(self_signed_certificate())
    org.keys[app_id] = [key]
    label = str(body["label"])
    name = body.get("name") or f"emulatedorg_{''.join(c for c in label.lower() if c.isalnum())}_1"
    app = shaped(body, app_id, name, secrets.token_urlsafe(30))
    app.update(
        {
            "id": app_id,
            "name": name,
            "status": "INACTIVE" if request.arg("activate", "true") == "false" else "ACTIVE",
            "created": NOW,
            "lastUpdated": NOW,
            "features": [],
            "_links": {},
        }
    )
    access_policy = default_access_policy_link(org, request.base)
    if access_policy is not None:
        app["_links"]["accessPolicy"] = access_policy
    credentials = app.setdefault("credentials", {})
    credentials.setdefault("signing", {})["kid"] = key["kid"]
    org.apps[app_id] = app
    return ok(shown(org, app, request.base))


def replace_app(org: EmulatedOrg, request: Request) -> Answer:
    """PUT /api/v1/apps/{id} replaces the app. Okta keeps no provisioning the PUT does not carry: an update of a
    custom SAML app without its `features` reset Provisioning from SCIM to none (provider #655)."""
    app_id = request.params["appId"]
    current = _app(org, request)
    body = _checked_app(request.json())
    kid = ((body.get("credentials") or {}).get("signing") or {}).get("kid")
    if kid is not None and kid not in {key["kid"] for key in org.keys.get(app_id, [])}:
        raise invalid("credentials.signing.kid", "credentials.signing.kid: no key of this app has that id")
    secret = ((current.get("credentials") or {}).get("oauthClient") or {}).get("client_secret", "")
    app = shaped(body, app_id, current["name"], secret)
    for kept in ("id", "name", "orn", "created", "status", "_links"):
        if kept in current:
            app[kept] = current[kept]
    # `features` is read-only: sent, it changes nothing (facts: sending SCIM_PROVISIONING is dropped); left out of
    # the PUT, Okta drops the app's provisioning.
    if current.get("features") and not body.get("features"):
        org.provisioning_resets.append(app_id)
    app["features"] = list(current.get("features") or []) if body.get("features") else []
    app["lastUpdated"] = NOW
    if kid is None:
        app.setdefault("credentials", {}).setdefault("signing", {})["kid"] = current["credentials"]["signing"]["kid"]
    org.apps[app_id] = app
    return ok(shown(org, app, request.base))


def activate(org: EmulatedOrg, request: Request) -> Answer:
    _app(org, request)["status"] = "ACTIVE"
    return ok({})


def deactivate(org: EmulatedOrg, request: Request) -> Answer:
    _app(org, request)["status"] = "INACTIVE"
    return ok({})


def delete_app(org: EmulatedOrg, request: Request) -> Answer:
    """Okta deletes an inactive app only (its Apps API: "Deletes an inactive application"; the provider deactivates
    first, as the recording shows: SAML_crud, lifecycle/deactivate then DELETE 204)."""
    app = _app(org, request)
    if app.get("status") != "INACTIVE":
        raise OktaError(403, "E0000056", "Delete application forbidden.")
    app_id = app["id"]
    for table in (org.apps, org.app_groups, org.schemas, org.base_schemas, org.keys, org.app_users, org.stale):
        table.pop(app_id, None)
    org.changed()
    return Answer(204, None)


def list_keys(org: EmulatedOrg, request: Request) -> Answer:
    app_id = _app(org, request)["id"]
    return ok(copy.deepcopy(org.keys.get(app_id, [])))


def get_key(org: EmulatedOrg, request: Request) -> Answer:
    app_id = _app(org, request)["id"]
    key = next((k for k in org.keys.get(app_id, []) if k["kid"] == request.params["kid"]), None)
    if key is None:
        raise not_found(request.path)
    return ok(copy.deepcopy(key))


def generate_key(org: EmulatedOrg, request: Request) -> Answer:
    """POST …/credentials/keys/generate?validityYears=N: a new key the app uses only once it is switched to it."""
    app_id = _app(org, request)["id"]
    try:
        years = int(request.arg("validityYears", "2"))
    except ValueError:
        raise invalid("validityYears", "validityYears: must be a whole number of years") from None
    if not 2 <= years <= 10:
        raise invalid("validityYears", "validityYears: must be between 2 and 10")
    key = _new_key(self_signed_certificate(365 * years), years)
    org.keys.setdefault(app_id, []).append(key)
    return ok(copy.deepcopy(key), status=201)


def id_token_settings(org: EmulatedOrg, request: Request) -> Answer:
    """An OIDC app's ID token issuer, read (GET) or set (POST, `issuerMode`): Okta's internal endpoint that the
    provider calls for every OIDC app it creates and reads (ResourceOktaAppUserSchemas_crud #1: the POST answers
    nulls and the mode; #6: a read gives the org's URL as issuer and the client id as audience)."""
    app = _app(org, request)
    if request.method == "POST":
        body = request.json()
        mode = body.get("issuerMode") if isinstance(body, dict) else None
        if mode not in ("ORG_URL", "CUSTOM_URL", "DYNAMIC"):
            raise invalid("issuerMode", "issuerMode: must be ORG_URL, CUSTOM_URL or DYNAMIC")
        org.id_token_modes[app["id"]] = mode
        return ok({"issuer": None, "orgUrl": None, "customUrl": None, "audience": None, "issuerMode": mode})
    mode = org.id_token_modes.get(app["id"], "ORG_URL")
    return ok({"issuer": request.base, "orgUrl": None, "customUrl": None, "audience": app["id"], "issuerMode": mode})


def saml_metadata(org: EmulatedOrg, request: Request) -> Answer:
    """GET …/sso/saml/metadata?kid=: the IdP metadata signed with that key (the app's active one by default)."""
    app = _app(org, request)
    kid = request.arg("kid") or app["credentials"]["signing"]["kid"]
    key = next((k for k in org.keys.get(app["id"], []) if k["kid"] == kid), None)
    if key is None:
        raise not_found(request.path)
    entity = f"http://www.okta.com/exk{app['id'][3:]}"
    sso = f"{request.base}/app/{app['name']}/exk{app['id'][3:]}/sso/saml"
    sign_on = (app.get("settings") or {}).get("signOn") or {}
    # The app's NameID format, then the email address one (SAML_crud #5: unspecified, emailAddress; #16 after the
    # PUT to emailAddress: that one only); SLO endpoints once SLO is on (#16, after #13 enabled it).
    formats = dict.fromkeys([sign_on.get("subjectNameIdFormat") or EMAIL_FORMAT, EMAIL_FORMAT])
    slo = f"{request.base}/app/{app['name']}/exk{app['id'][3:]}/slo/saml"
    logout = "".join(
        f'<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:{b}" Location="{slo}"/>'
        for b in ("HTTP-POST", "HTTP-Redirect")
        if (sign_on.get("slo") or {}).get("enabled")
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor '
        f'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{entity}"><md:IDPSSODescriptor '
        'WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
        '<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>'
        f"<ds:X509Certificate>{key['x5c'][0]}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        f"{logout}{''.join(f'<md:NameIDFormat>{f}</md:NameIDFormat>' for f in formats)}"
        f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{sso}"/>'
        f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{sso}"/>'
        "</md:IDPSSODescriptor></md:EntityDescriptor>"
    )
    return Answer(200, xml, [("Content-Type", "application/xml")])
