"""A live SAML app as the okta provider's Read puts it into state, in the program's input names (camelCase).

resource_okta_app_saml.go (resourceAppSamlRead) and app.go (setSamlSettings, appRead): what an `import` of the
app compares the declared inputs with. Undeclared optional inputs are compared with the provider's defaults.
"""

from __future__ import annotations

from typing import Any

from .org import LiveApp

# Inputs the program never declares, with the value the provider sends for them (its schema defaults).
PROVIDER_DEFAULTS: dict[str, Any] = {
    "honorForceAuthn": False,
    "samlSignedRequestEnabled": False,
    "autoSubmitToolbar": False,
    "implicitAssignment": False,
    "accessibilitySelfService": False,
    "defaultRelayState": "",
    "status": "ACTIVE",
}


def _acs(sign_on: dict[str, Any]) -> dict[str, Any]:
    endpoints = sign_on.get("acsEndpoints") or []
    if not sign_on.get("allowMultipleAcsEndpoints") or not endpoints:
        return {}
    if all(endpoint.get("index") == position for position, endpoint in enumerate(endpoints)):
        return {"acsEndpoints": [endpoint.get("url") for endpoint in endpoints]}
    ordered = sorted(endpoints, key=lambda endpoint: endpoint.get("index") or 0)
    return {"acsEndpointsIndices": [{"index": e.get("index"), "url": e.get("url")} for e in ordered]}


def _single_logout(sign_on: dict[str, Any]) -> dict[str, Any]:
    slo = sign_on.get("slo") or {}
    if not slo.get("enabled"):
        return {}
    found = {"singleLogoutIssuer": slo.get("issuer"), "singleLogoutUrl": slo.get("logoutUrl")}
    chain = (sign_on.get("spCertificate") or {}).get("x5c") or []
    if chain:
        found["singleLogoutCertificate"] = "".join(str(chain[0]).split())
    return found


def live_saml_inputs(app: LiveApp) -> dict[str, Any]:
    sign_on = app.sign_on
    hide = ((app.raw.get("visibility") or {}).get("hide")) or {}
    username = app.username_template
    inputs: dict[str, Any] = {
        "label": app.label,
        "ssoUrl": sign_on.get("ssoAcsUrl"),
        "recipient": sign_on.get("recipient"),
        "destination": sign_on.get("destination"),
        "audience": sign_on.get("audience"),
        "subjectNameIdTemplate": sign_on.get("subjectNameIdTemplate"),
        "subjectNameIdFormat": sign_on.get("subjectNameIdFormat"),
        "responseSigned": bool(sign_on.get("responseSigned")),
        "assertionSigned": bool(sign_on.get("assertionSigned")),
        "signatureAlgorithm": sign_on.get("signatureAlgorithm"),
        "digestAlgorithm": sign_on.get("digestAlgorithm"),
        "honorForceAuthn": bool(sign_on.get("honorForceAuthn")),
        "authnContextClassRef": sign_on.get("authnContextClassRef"),
        "samlSignedRequestEnabled": bool(sign_on.get("samlSignedRequestEnabled")),
        "defaultRelayState": sign_on.get("defaultRelayState") or "",
        "attributeStatements": [
            {
                "name": statement.get("name"),
                "namespace": statement.get("namespace"),
                "type": statement.get("type") or "EXPRESSION",
                "values": list(statement.get("values") or []),
            }
            for statement in sign_on.get("attributeStatements") or []
        ],
        "hideWeb": bool(hide.get("web")),
        "hideIos": bool(hide.get("iOS")),
        "userNameTemplate": username.get("template") or "${source.login}",
        "userNameTemplateType": username.get("type") or "BUILT_IN",
        "status": app.status,
        **_acs(sign_on),
        **_single_logout(sign_on),
    }
    return inputs


def input_differences(declared: dict[str, Any], live: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(input, live value, what `pulumi up` would send) for each input an import would see as changed."""
    found = []
    keys = [*declared, *(key for key in live if key not in declared)]
    for key in keys:
        want = declared.get(key, PROVIDER_DEFAULTS.get(key))
        if key not in declared and key not in PROVIDER_DEFAULTS:
            # Declared by neither side of the comparison: e.g. ACS endpoints Gainsight's metadata no longer lists.
            want = None
        have = live.get(key)
        if key == "attributeStatements":
            want = [{k: v for k, v in s.items() if v not in (None, "")} for s in want or []]
            have = [{k: v for k, v in s.items() if v not in (None, "")} for s in have or []]
        if want != have and not (want in (None, [], "") and have in (None, [], "")):
            found.append((key, have, want))
    return found
