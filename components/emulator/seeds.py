"""Orgs to start from: `empty`, or `article`, the setup Gainsight's article walks an admin through by hand.

The article's org: an SSO app and a hidden custom SAML app switched to SCIM (Create, Update and Deactivate Users),
the Profile Editor attributes in Gainsight's namespace, and the groups "Test" and "Viewer" assigned in priority
order with their Gainsight values ("Test": Full and super admin; "Viewer": Viewer, Support), and three people in
those groups.
"""

from __future__ import annotations

from typing import Any

from components.emulator.certificates import jwk_fields, self_signed_certificate
from components.emulator.org import NOW, PROVISIONING_FEATURES, SCIM_BASE_PROPERTIES, SCIM_NAMESPACE, EmulatedOrg
from components.emulator.users import add_app_user, add_member, add_user

SSO_APP_ID = "0oa1sso2gainsight3x4"
SCIM_APP_ID = "0oa9scim8gainsight7x6"
# The article's SAML settings are those of Gainsight's metadata shipped as metadata/dev.xml (tests/emulator checks
# they are), so that the docs' commands against `emulate --seed article` with that file give the docs' output.
ACS_URL = "https://secured.gainsightcloud.com/login/callback?connection=acme-dev"
SP_ENTITY_ID = "urn:auth0:gainsight:acme-dev"
SP_LOGOUT_URL = "https://secured.gainsightcloud.com/logout"
SP_CERTIFICATE = (
    "MIIDLzCCAhegAwIBAgIUJDunqFNAC+mEpRM8E9vVg9GKAzYwDQYJKoZIhvcNAQELBQAwJzElMCMGA1UEAwwcZ2FpbnNpZ2h0LWFj"
    "bWUtZGV2LmF1dGgwLmNvbTAeFw0yNjExMjgxNzEyNThaFw0zNjExMjUxNzEyNThaMCcxJTAjBgNVBAMMHGdhaW5zaWdodC1hY21l"
    "LWRldi5hdXRoMC5jb20wggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDFvyU5IVICumKXDJ6d7XWRIKBL7ViW9jyV5iDP"
    "5pa9OKWhoq3f5HttSfSVdgx75T7hVwdJG8OljKD8z9BF7rrHds4msU+97PAn1WGu8sWWzkDk9GA27MSkd3xLJt3K0R478KGbn8yp"
    "06hhevehj9PD56bIBP8vBhjohrmZEUWxfzWzdaqMLJ9gjT1D0Dp1LgWsgmjR2HCNI+lH6UYn3nuvQlcau7UgsDLBOTBrNCmhxfSF"
    "1Wln0sPGHVK4xfNJ86aenxu19WreR8q/th2xVkUFMPwG7WiI5+/Fe4lMDO9k6KBxzYB5W5JtI1yxREHg59gMBp8zwgH0q3oEK9RI"
    "WWrHAgMBAAGjUzBRMB0GA1UdDgQWBBTshf/Eg66V4p86LybEBB8pb4D8KDAfBgNVHSMEGDAWgBTshf/Eg66V4p86LybEBB8pb4D8"
    "KDAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQCpZM6coGyZb3K6jPbrajhqJI491b4lyw2uX+dyTOombKHWaYXP"
    "sSUqpqIWJ2Q0ig3oLA2ryqj6gVxcQY+7mGuNEdGoGn8aDoLh+mxteUEkCkkZz6fiKGiEreukpMBdUP9bIl6PJfFWNIbAuzEyZew/"
    "6lKIe73qnaTgp8Qm7evO+ffX35IoBbN3zEeVvqncma+O/iPMwtE5Rc2+yIfEF0Ts5MbM7h3Y58EWpz2FR8peQg0FC8Wc5ucLrW86"
    "nd79s5VAkaieR9Vh50/btZKclFoCauJnVTJloNqTFb+hcGy+r36TPwmY3CrzfTnR2br/vA6TjwueMgYI0AqiJuQCOdR8"
)
UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"


def _saml_app(app_id: str, label: str, *, hidden: bool, features: list[str]) -> dict[str, Any]:
    return {
        "id": app_id,
        "name": f"emulatedorg_{label.lower().replace(' ', '')}_1",
        "label": label,
        "status": "ACTIVE",
        "signOnMode": "SAML_2_0",
        "created": NOW,
        "lastUpdated": NOW,
        "accessibility": {"selfService": False, "errorRedirectUrl": None, "loginRedirectUrl": None},
        "visibility": {"autoSubmitToolbar": False, "hide": {"iOS": hidden, "web": hidden}, "appLinks": {}},
        "features": list(features),
        "credentials": {
            "userNameTemplate": {"template": "${source.login}", "type": "BUILT_IN"},
            "signing": {"kid": f"kid-{app_id}"},
        },
        "settings": {
            "app": {},
            "signOn": {
                "defaultRelayState": "",
                "ssoAcsUrl": ACS_URL,
                "idpIssuer": "http://www.okta.com/${org.externalKey}",
                "audience": SP_ENTITY_ID,
                "recipient": ACS_URL,
                "destination": ACS_URL,
                "subjectNameIdTemplate": "${user.email}",
                "subjectNameIdFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
                "responseSigned": True,
                "assertionSigned": True,
                "signatureAlgorithm": "RSA_SHA256",
                "digestAlgorithm": "SHA256",
                "honorForceAuthn": True,
                "authnContextClassRef": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
                "samlSignedRequestEnabled": False,
                "attributeStatements": [
                    {"type": "EXPRESSION", "name": name, "namespace": UNSPECIFIED, "values": [f"user.{name}"]}
                    for name in ("email", "firstName", "lastName")
                ],
                "slo": {"enabled": True, "issuer": SP_ENTITY_ID, "logoutUrl": SP_LOGOUT_URL},
                "spCertificate": {"x5c": [SP_CERTIFICATE]},
                "acsEndpoints": [],
                "allowMultipleAcsEndpoints": False,
            },
        },
        "_links": {},
    }


def _attribute(name: str, type_: str, **extra: Any) -> dict[str, Any]:
    return {
        "title": name,
        "type": type_,
        "scope": "NONE",
        "master": {"type": "PROFILE_MASTER"},
        "externalName": name,
        "externalNamespace": SCIM_NAMESPACE,
        "permissions": [{"principal": "SELF", "action": "READ_ONLY"}],
        **extra,
    }


def _people(org: EmulatedOrg, test: str, viewer: str) -> None:
    """Three people: one in each group and one in both. Their app users are derived from the groups (Test, first in
    priority, gives carol IsSuperAdmin and LicenseType; only Viewer sets Department); the SCIM app's records hold
    the push state."""
    for login, groups in (
        ("alice@acme.example", (test,)),
        ("bob@acme.example", (viewer,)),
        ("carol@acme.example", (test, viewer)),
    ):
        user_id = add_user(org, login, login.split("@")[0].title(), "Example")
        for group_id in groups:
            add_member(org, group_id, user_id)
        add_app_user(org, SCIM_APP_ID, user_id)


def article_org(org: EmulatedOrg | None = None) -> EmulatedOrg:
    """The article's setup, in `org` (a new one by default)."""
    org = org if org is not None else EmulatedOrg()
    scim_features = ["IMPORT_NEW_USERS", "IMPORT_PROFILE_UPDATES", *PROVISIONING_FEATURES.values()]
    org.apps[SSO_APP_ID] = _saml_app(SSO_APP_ID, "Gainsight", hidden=False, features=[])
    org.apps[SCIM_APP_ID] = _saml_app(SCIM_APP_ID, "Gainsight SCIM Integration", hidden=True, features=scim_features)
    org.base_schemas[SCIM_APP_ID] = dict(SCIM_BASE_PROPERTIES)
    licenses = ["Full", "Viewer", "Viewer_Analytics"]
    departments = ["Support", "Services", "Engineering"]
    org.schemas[SCIM_APP_ID] = {
        "IsSuperAdmin": _attribute("IsSuperAdmin", "boolean"),
        "LicenseType": _attribute(
            "LicenseType", "string", enum=licenses, oneOf=[{"const": v, "title": v} for v in licenses]
        ),
        "Department": _attribute(
            "Department",
            "array",
            items={"type": "string", "enum": departments, "oneOf": [{"const": v, "title": v} for v in departments]},
            union="DISABLE",
        ),
    }
    test = org.add_group("Test", "Gainsight admins")
    viewer = org.add_group("Viewer", "Read-only Gainsight users")
    org.assign(SCIM_APP_ID, test, 0, {"IsSuperAdmin": True, "LicenseType": "Full"})
    org.assign(SCIM_APP_ID, viewer, 1, {"LicenseType": "Viewer", "Department": ["Support"]})
    org.assign(SSO_APP_ID, test, 0)
    org.assign(SSO_APP_ID, viewer, 1)
    _people(org, test, viewer)
    org.mappings["prm1user2scim"] = {
        "id": "prm1user2scim",
        "source": {"id": "oty1emulateduser000", "name": "user", "type": "user"},
        "target": {"id": SCIM_APP_ID, "name": org.apps[SCIM_APP_ID]["name"], "type": "appuser"},
        "properties": {
            "userName": {"expression": "user.email", "pushStatus": "PUSH"},
            "givenName": {"expression": "user.firstName", "pushStatus": "PUSH"},
        },
    }
    for app_id in (SSO_APP_ID, SCIM_APP_ID):
        certificate = self_signed_certificate(400)
        org.keys[app_id] = [
            {
                "kid": f"kid-{app_id}",
                "kty": "RSA",
                "use": "sig",
                "x5c": [certificate],
                **jwk_fields(certificate),
                "created": NOW,
                "lastUpdated": NOW,
                "expiresAt": "2028-01-01T00:00:00.000Z",
            }
        ]
    return org


SEEDS = {"empty": EmulatedOrg, "article": lambda: article_org()}
