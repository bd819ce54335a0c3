"""Builds Gainsight-style (Auth0) SP metadata variants for tests, with the real certificates of metadata/dev.xml."""

from __future__ import annotations

import re
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
ENTITY_ID = "urn:auth0:gainsight:acme-dev"
ACS = "https://secured.gainsightcloud.com/login/callback?connection=acme-dev"
SLO = "https://secured.gainsightcloud.com/logout"


def _dev_certificates() -> tuple[str, str]:
    text = (PROJECT_ROOT / "metadata" / "dev.xml").read_text()
    found = re.findall(r"<X509Certificate>(.*?)</X509Certificate>", text, re.S)
    return found[0], found[1]


SIGNING_PEM_BODY, ENCRYPTION_PEM_BODY = _dev_certificates()  # with Auth0's 64-column line breaks
SIGNING_CERT = "".join(SIGNING_PEM_BODY.split())
ENCRYPTION_CERT = "".join(ENCRYPTION_PEM_BODY.split())


def key_descriptor(use: str | None, certificate: str) -> str:
    use_attr = f' use="{use}"' if use else ""
    return (
        f'<KeyDescriptor{use_attr}><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data>'
        f"<X509Certificate>{certificate}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
    )


def acs(location: str = ACS, binding: str = POST, index: int | str | None = 0, default: str | None = "true") -> str:
    attrs = f'Binding="{binding}" Location="{location}"'
    if index is not None:
        attrs += f' index="{index}"'
    if default is not None:
        attrs += f' isDefault="{default}"'
    return f"<AssertionConsumerService {attrs}/>"


def slo(location: str = SLO, binding: str = REDIRECT) -> str:
    return f'<SingleLogoutService Binding="{binding}" Location="{location}"/>'


def sp_descriptor(
    *,
    keys: str | None = None,
    logout: str | None = None,
    formats: tuple[str, ...] = (UNSPECIFIED, EMAIL, PERSISTENT),
    services: str | None = None,
    sp_attrs: str = 'AuthnRequestsSigned="true" WantAssertionsSigned="true"',
) -> str:
    keys = (
        keys
        if keys is not None
        else key_descriptor("signing", SIGNING_PEM_BODY) + key_descriptor("encryption", ENCRYPTION_PEM_BODY)
    )
    logout = logout if logout is not None else slo(binding=REDIRECT) + slo(binding=POST)
    services = services if services is not None else acs()
    name_ids = "".join(f"<NameIDFormat>{f}</NameIDFormat>" for f in formats)
    return (
        f'<SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" {sp_attrs}>'
        f"{keys}{logout}{name_ids}{services}</SPSSODescriptor>"
    )


def entity(descriptor: str | None = None, entity_id: str | None = ENTITY_ID) -> str:
    id_attr = f' entityID="{entity_id}"' if entity_id is not None else ""
    body = descriptor if descriptor is not None else sp_descriptor()
    return f'<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"{id_attr}>{body}</EntityDescriptor>'


def document(root: str | None = None) -> str:
    return '<?xml version="1.0"?>\n' + (root if root is not None else entity())


def write(tmp_path: Path, text: str | bytes, name: str = "metadata.xml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path
