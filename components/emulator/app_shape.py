"""An app as Okta returns it: the defaults Okta fills in on every create and replace, and what it drops.

All from Okta's responses recorded by the provider's acceptance tests (/work/shared/okta-recordings):
ResourceOktaAppSaml_crud.oie-00.yaml #0 (create) and #13 (replace) for a custom SAML app, and the OIDC apps of the
other recordings (#0 of each) for what every app gets:

- `orn`, `universalLogout` null (and `settings.emOptInStatus` NONE: both returned in the 2025-08 and 2026
  recordings, not yet in the 2025-03 ones); `accessibility.errorRedirectUrl` / `loginRedirectUrl` null and
  `selfService` false when not given;
  `visibility.autoLaunch` / `autoSubmitToolbar` false and `appLinks` {"<name>_link": true};
- `settings.app` {}, `settings.notifications.vpn` (connection DISABLED), `manualProvisioning` and
  `implicitAssignment` false, `settings.notes` admin and enduser null;
- for SAML 2.0, in `settings.signOn`: the `…Override` fields are write-only (never returned); `idpIssuer`
  defaults to `http://www.okta.com/${org.externalKey}`; `spIssuer` is the SLO issuer or null; `requestCompressed`
  false, `inlineHooks` [], `assertionEncryption` {enabled: false}, `acsEndpoints` [] unless given.
"""

from __future__ import annotations

import copy
from typing import Any

ORG_ID = "00oEMULATEDorg000001"
_WRITE_ONLY_SIGN_ON = ("audienceOverride", "destinationOverride", "recipientOverride", "ssoAcsUrlOverride")


def _settings(app: dict[str, Any]) -> None:
    settings = app.setdefault("settings", {})
    settings.setdefault("app", {})
    settings.setdefault(
        "notifications", {"vpn": {"network": {"connection": "DISABLED"}, "message": None, "helpUrl": None}}
    )
    settings.setdefault("manualProvisioning", False)
    settings.setdefault("implicitAssignment", False)
    settings.setdefault("emOptInStatus", "NONE")  # as universalLogout
    notes = settings.setdefault("notes", {})
    notes.setdefault("admin", None)
    notes.setdefault("enduser", None)


def _saml_sign_on(sign_on: dict[str, Any]) -> None:
    for name in _WRITE_ONLY_SIGN_ON:
        sign_on.pop(name, None)
    sign_on.setdefault("idpIssuer", "http://www.okta.com/${org.externalKey}")
    slo = sign_on.get("slo") or {}
    sign_on["spIssuer"] = slo.get("issuer") if slo.get("enabled") else None
    sign_on.setdefault("requestCompressed", False)
    sign_on.setdefault("inlineHooks", [])
    sign_on.setdefault("assertionEncryption", {"enabled": False})
    sign_on.setdefault("acsEndpoints", [])
    for statement in sign_on.get("attributeStatements") or []:
        if statement.get("type") == "GROUP":
            statement.pop("values", None)  # a group statement is its filter; Okta returns no values


# An OIDC app's client settings that Okta fills in (ResourceOktaAppUserSchemas_crud #0: the fixture app of the
# provider's tests of schemas, assignments and user assignments).
_OAUTH_CLIENT_DEFAULTS: dict[str, Any] = {
    "client_uri": None,
    "logo_uri": None,
    "dpop_bound_access_tokens": False,
    "participate_slo": False,
}


def _oidc(app: dict[str, Any], app_id: str, secret: str) -> None:
    """An OIDC app: its client id is the app's id, its secret Okta's; the client settings with Okta's defaults."""
    given = app.setdefault("credentials", {}).get("oauthClient") or {}
    app["credentials"]["oauthClient"] = {
        "autoKeyRotation": given.get("autoKeyRotation", True),
        "client_id": app_id,
        "client_secret": secret,
        "token_endpoint_auth_method": given.get("token_endpoint_auth_method", "client_secret_basic"),
        "pkce_required": given.get("pkce_required", False),
    }
    client = app["settings"].setdefault("oauthClient", {})
    for key, value in _OAUTH_CLIENT_DEFAULTS.items():
        client.setdefault(key, value)


def shaped(body: dict[str, Any], app_id: str, name: str, secret: str = "") -> dict[str, Any]:
    """`body` (a create or replace) with what Okta adds; `id`, `name`, `status` and the times are the caller's."""
    app = copy.deepcopy(body)
    app["orn"] = f"orn:okta:idp:{ORG_ID}:apps:{name}:{app_id}"
    app.setdefault("universalLogout", None)  # returned since 2025-08 (skipAuthenticationPolicy #0), OIDC too
    accessibility = app.setdefault("accessibility", {})
    accessibility.setdefault("selfService", False)
    accessibility.setdefault("errorRedirectUrl", None)
    accessibility.setdefault("loginRedirectUrl", None)
    visibility = app.setdefault("visibility", {})
    visibility.setdefault("autoLaunch", False)
    visibility.setdefault("autoSubmitToolbar", False)
    visibility.setdefault("hide", {"iOS": False, "web": False})
    visibility["appLinks"] = visibility.get("appLinks") or {f"{name}_link": True}
    _settings(app)
    if app.get("signOnMode") == "SAML_2_0":
        _saml_sign_on(app["settings"].setdefault("signOn", {}))
    if app.get("signOnMode") == "OPENID_CONNECT":
        _oidc(app, app_id, secret)
    return app
