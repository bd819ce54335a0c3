"""A live SAML app as the okta provider's Read puts it into state, in the program's input names (camelCase).

resource_okta_app_saml.go (resourceAppSamlRead) and app.go (setSamlSettings, appRead): what an `import` of the
app compares the declared inputs with. Undeclared optional inputs are compared with the provider's defaults.
"""

from __future__ import annotations

from typing import Any

from components.okta.models.apps import AttributeStatement, SignOn
from components.okta.org import LiveApp

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


def _acs(sign_on: SignOn) -> dict[str, Any]:
    endpoints = sign_on.acs_endpoints or []
    if not sign_on.allow_multiple_acs_endpoints or not endpoints:
        return {}
    if all(endpoint.index == position for position, endpoint in enumerate(endpoints)):
        return {"acsEndpoints": [endpoint.url for endpoint in endpoints]}
    ordered = sorted(endpoints, key=lambda endpoint: endpoint.index or 0)
    return {"acsEndpointsIndices": [{"index": e.index, "url": e.url} for e in ordered]}


def _single_logout(sign_on: SignOn) -> dict[str, Any]:
    slo = sign_on.slo
    if slo is None or not slo.enabled:
        return {}
    found = {"singleLogoutIssuer": slo.issuer, "singleLogoutUrl": slo.logout_url}
    chain = (sign_on.sp_certificate.x5c if sign_on.sp_certificate else None) or []
    if chain:
        found["singleLogoutCertificate"] = "".join(str(chain[0]).split())
    return found


def statement_inputs(statement: AttributeStatement) -> dict[str, Any]:
    """One statement as the provider's Read puts it into state: values for EXPRESSION, the filter for GROUP."""
    return {
        "name": statement.name,
        "namespace": statement.namespace,
        "type": statement.type or "EXPRESSION",
        "values": list(statement.values or []),
        "filterType": statement.filter_type,
        "filterValue": statement.filter_value,
    }


def live_saml_inputs(app: LiveApp) -> dict[str, Any]:
    sign_on = app.sign_on
    hide = app.document.hide
    username = app.username_template
    inputs: dict[str, Any] = {
        "label": app.label,
        "ssoUrl": sign_on.sso_acs_url,
        "recipient": sign_on.recipient,
        "destination": sign_on.destination,
        "audience": sign_on.audience,
        "subjectNameIdTemplate": sign_on.subject_name_id_template,
        "subjectNameIdFormat": sign_on.subject_name_id_format,
        "responseSigned": bool(sign_on.response_signed),
        "assertionSigned": bool(sign_on.assertion_signed),
        "signatureAlgorithm": sign_on.signature_algorithm,
        "digestAlgorithm": sign_on.digest_algorithm,
        "honorForceAuthn": bool(sign_on.honor_force_authn),
        "authnContextClassRef": sign_on.authn_context_class_ref,
        "samlSignedRequestEnabled": bool(sign_on.saml_signed_request_enabled),
        "defaultRelayState": sign_on.default_relay_state or "",
        "attributeStatements": [statement_inputs(statement) for statement in app.statements],
        "hideWeb": bool(hide.web),
        "hideIos": bool(hide.ios),
        "userNameTemplate": username.template or "${source.login}",
        "userNameTemplateType": username.type or "BUILT_IN",
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
            want = [{k: v for k, v in s.items() if v not in (None, "", [])} for s in want or []]
            have = [{k: v for k, v in s.items() if v not in (None, "", [])} for s in have or []]
        if want != have and not (want in (None, [], "") and have in (None, [], "")):
            found.append((key, have, want))
    return found
