"""A fake org set up by hand the way Gainsight's article (and its screenshots) show: an SSO app from the
metadata, a hidden custom SAML app switched to SCIM, the Profile Editor attributes in Gainsight's namespace,
and the groups "Test" and "Viewer" assigned in priority order with their Gainsight values."""

from __future__ import annotations

import base64
import datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from components.metadata.sp_metadata import SpMetadata, read_sp_metadata
from tests.conftest import PROJECT_ROOT
from tests.live.fake_okta import SCIM_NAMESPACE, FakeOrg

SSO_ID = "0oa1sso2gainsight3x4"
SCIM_ID = "0oa9scim8gainsight7x6"
UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
NULL_BASE_PROFILE = {"preferredLanguage": None, "locale": None, "timezone": None, "userType": None}


def dev_metadata() -> SpMetadata:
    return read_sp_metadata(PROJECT_ROOT / "metadata" / "dev.xml")


def certificate(days_left: int, name: str = "acme-idp") -> str:
    """A self-signed certificate, base64 DER, expiring in `days_left` days."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days_left))
        .sign(key, hashes.SHA256())
    )
    return base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()


def saml_app(app_id: str, label: str, metadata: SpMetadata, *, hidden: bool, features: list[str]) -> dict[str, Any]:
    acs = metadata.default_acs_url
    return {
        "id": app_id,
        "name": f"acmedev_{label.lower().replace(' ', '')}_1",
        "label": label,
        "status": "ACTIVE",
        "signOnMode": "SAML_2_0",
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
                "ssoAcsUrl": acs,
                "idpIssuer": "http://www.okta.com/${org.externalKey}",
                "audience": metadata.entity_id,
                "recipient": acs,
                "destination": acs,
                "subjectNameIdTemplate": "${user.email}",
                "subjectNameIdFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
                "responseSigned": True,
                "assertionSigned": True,
                "signatureAlgorithm": "RSA_SHA256",
                "digestAlgorithm": "SHA256",
                "honorForceAuthn": True,  # the app wizard's default
                "authnContextClassRef": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
                "samlSignedRequestEnabled": False,
                "attributeStatements": [
                    {"type": "EXPRESSION", "name": name, "namespace": UNSPECIFIED, "values": [f"user.{name}"]}
                    for name in ("email", "firstName", "lastName")
                ],
                "acsEndpoints": [],
                "allowMultipleAcsEndpoints": False,
                "slo": {"enabled": True, "issuer": metadata.entity_id, "logoutUrl": metadata.single_logout_url},
                "spCertificate": {"x5c": [metadata.signing_certificates[0]]},
            },
        },
        "_links": {"metadata": {"href": f"https://acme-dev.oktapreview.com/api/v1/apps/{app_id}/sso/saml/metadata"}},
    }


def attribute(name: str, type_: str, **extra: Any) -> dict[str, Any]:
    return {
        "title": extra.pop("title", name),
        "type": type_,
        "scope": extra.pop("scope", "NONE"),
        "master": {"type": "PROFILE_MASTER"},
        "externalName": name,
        "externalNamespace": SCIM_NAMESPACE,
        "permissions": [{"principal": "SELF", "action": "READ_ONLY"}],
        **extra,
    }


SCIM_FEATURES = [
    "IMPORT_NEW_USERS",
    "IMPORT_PROFILE_UPDATES",
    "PUSH_NEW_USERS",
    "PUSH_PROFILE_UPDATES",
    "PUSH_USER_DEACTIVATION",
]


def article_org(*, sso_cert_days: int = 400) -> FakeOrg:
    metadata = dev_metadata()
    org = FakeOrg()
    org.apps[SSO_ID] = saml_app(SSO_ID, "Gainsight", metadata, hidden=False, features=[])
    org.apps[SCIM_ID] = saml_app(SCIM_ID, "Gainsight SCIM Integration", metadata, hidden=True, features=SCIM_FEATURES)
    org.schemas[SCIM_ID] = {
        "IsSuperAdmin": attribute("IsSuperAdmin", "boolean"),
        "LicenseType": attribute(
            "LicenseType",
            "string",
            enum=["Full", "Viewer", "Viewer_Analytics"],
            oneOf=[{"const": v, "title": v} for v in ("Full", "Viewer", "Viewer_Analytics")],
        ),
        "Department": attribute(
            "Department",
            "array",
            items={
                "type": "string",
                "enum": ["Support", "Services", "Engineering"],
                "oneOf": [{"const": v, "title": v} for v in ("Support", "Services", "Engineering")],
            },
            union="DISABLE",
        ),
    }
    test = org.add_group("Test", "Gainsight admins")
    viewer = org.add_group("Viewer", "Read-only Gainsight users")
    org.assign(SCIM_ID, test, 0, {**NULL_BASE_PROFILE, "IsSuperAdmin": True, "LicenseType": "Full", "Department": None})
    org.assign(SCIM_ID, viewer, 1, {**NULL_BASE_PROFILE, "LicenseType": "Viewer", "Department": ["Support"]})
    org.assign(SSO_ID, test, 0)
    org.assign(SSO_ID, viewer, 1)
    org.mappings["prm1user2scim"] = {
        "id": "prm1user2scim",
        "source": {"id": "oty1user", "name": "user", "type": "user"},
        "target": {"id": SCIM_ID, "name": "acmedev_gainsightscimintegration_1", "type": "appuser"},
        "properties": {
            "userName": {"expression": "user.email", "pushStatus": "PUSH"},
            "givenName": {"expression": "user.firstName", "pushStatus": "PUSH"},
        },
    }
    org.keys[SSO_ID] = [
        {
            "kid": f"kid-{SSO_ID}",
            "kty": "RSA",
            "use": "sig",
            "x5c": [certificate(sso_cert_days)],
            "created": "2025-01-01T00:00:00.000Z",
            "expiresAt": (
                datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=sso_cert_days)
            ).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        }
    ]
    # Every app has a signing key of its own, which its PUT must name (credentials.signing.kid).
    org.keys[SCIM_ID] = [{"kid": f"kid-{SCIM_ID}", "kty": "RSA", "use": "sig", "x5c": [certificate(400)]}]
    return org
