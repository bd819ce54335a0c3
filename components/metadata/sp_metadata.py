"""Gainsight's SAML service-provider metadata, read into plain frozen values."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from lxml import etree

from components.errors import InputError
from components.limits import MAX_XML_BYTES
from components.metadata.safe_xml import parse_untrusted_xml, read_untrusted_xml

MD_NS = "urn:oasis:names:tc:SAML:2.0:metadata"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"

_XS_TRUE = {"true", "1"}
_XS_FALSE = {"false", "0"}


@dataclass(frozen=True)
class AcsEndpoint:
    url: str
    index: int | None


@dataclass(frozen=True)
class SpMetadata:
    """What Okta needs to know about Gainsight's service provider."""

    source: str
    entity_id: str
    default_acs_url: str
    acs_endpoints: tuple[AcsEndpoint, ...]  # HTTP-POST only, in index order
    name_id_formats: tuple[str, ...]
    single_logout_url: str | None
    signing_certificates: tuple[str, ...]  # base64 DER, no whitespace
    encryption_certificates: tuple[str, ...]
    want_assertions_signed: bool
    authn_requests_signed: bool | None

    @property
    def acs_urls(self) -> tuple[str, ...]:
        return tuple(endpoint.url for endpoint in self.acs_endpoints)

    def to_json(self) -> dict[str, object]:
        """The `metadata --json` document; its keys are an interface other tools read."""
        return {
            "entityId": self.entity_id,
            "ssoUrl": self.default_acs_url,
            "acsUrls": list(self.acs_urls),
            "nameIdFormats": list(self.name_id_formats),
            "singleLogoutUrl": self.single_logout_url,
            "signingCertificates": list(self.signing_certificates),
            "encryptionCertificates": list(self.encryption_certificates),
            "wantAssertionsSigned": self.want_assertions_signed,
            "authnRequestsSigned": self.authn_requests_signed,
        }


def _md(local: str) -> str:
    return f"{{{MD_NS}}}{local}"


def _local_name(element: etree._Element) -> str:
    return etree.QName(element).localname


def read_sp_metadata(path: Path, display_name: str | None = None) -> SpMetadata:
    """Read and check Gainsight's metadata.xml; raise InputError naming the element at fault."""
    source = display_name or str(path)
    root = read_untrusted_xml(path, source)
    return _parse(root, source)


def sp_metadata_from_text(text: str, display_name: str) -> SpMetadata:
    """The same checks on metadata handed over as text (the component's `metadataXml`), bounded like a file."""
    data = text.encode("utf-8")
    if len(data) > MAX_XML_BYTES:
        raise InputError(display_name, "", f"is {len(data)} bytes; SAML metadata is at most {MAX_XML_BYTES} bytes")
    return _parse(parse_untrusted_xml(data, display_name), display_name)


class _Reader:
    """Carries the source name so every check can raise a precise InputError."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, element: str, message: str) -> InputError:
        return InputError(self.source, f"<{element}>", message)

    def xs_boolean(self, element: etree._Element, attribute: str) -> bool | None:
        raw = element.get(attribute)
        if raw is None:
            return None
        value = raw.strip().lower()
        if value in _XS_TRUE:
            return True
        if value in _XS_FALSE:
            return False
        raise self.fail(_local_name(element), f"{attribute}={raw!r} is not a boolean (true or false)")

    def https_url(self, element: etree._Element, attribute: str = "Location") -> str:
        name = _local_name(element)
        url = (element.get(attribute) or "").strip()
        if not url:
            raise self.fail(name, f"has no {attribute}")
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - parsing the port raises on a bad one
        except ValueError as exc:
            raise self.fail(name, f"{attribute} {url!r} is not a valid URL ({exc})") from None
        if any(ch.isspace() or not ch.isprintable() for ch in url):
            raise self.fail(name, f"{attribute} {url!r} holds spaces or control characters")
        if parts.scheme.lower() == "http":
            raise self.fail(name, f"{attribute} {url} uses plain http://; Okta must post assertions over https://")
        if parts.scheme.lower() != "https" or not parts.hostname:
            raise self.fail(name, f"{attribute} {url!r} is not an https:// URL")
        return url


def _entity(root: etree._Element, reader: _Reader) -> etree._Element:
    if not isinstance(root.tag, str) or etree.QName(root).namespace != MD_NS:
        found = _local_name(root) if isinstance(root.tag, str) else "?"
        raise reader.fail(
            found,
            "is not SAML 2.0 metadata (expected <EntityDescriptor> in the SAML metadata namespace); "
            "download metadata.xml again from Gainsight",
        )
    if root.tag == _md("EntityDescriptor"):
        return root
    if root.tag != _md("EntitiesDescriptor"):
        raise reader.fail(_local_name(root), "is not an EntityDescriptor or EntitiesDescriptor")
    entities = list(root.iter(_md("EntityDescriptor")))
    if not entities:
        raise reader.fail("EntitiesDescriptor", "holds no EntityDescriptor")
    if len(entities) > 1:
        raise reader.fail(
            "EntitiesDescriptor",
            f"holds {len(entities)} entities; use the metadata of the one Gainsight SAML connection",
        )
    return entities[0]


SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol"


def _supports_saml2(descriptor: etree._Element) -> bool:
    return SAML2_PROTOCOL in (descriptor.get("protocolSupportEnumeration") or "").split()


def _service_provider(entity: etree._Element, reader: _Reader) -> etree._Element:
    every = entity.findall(_md("SPSSODescriptor"))
    # An entity may describe a SAML 1.1 and a SAML 2.0 service provider side by side: Okta speaks 2.0.
    descriptors = [descriptor for descriptor in every if _supports_saml2(descriptor)]
    if every and not descriptors:
        raise reader.fail(
            "SPSSODescriptor",
            f"does not list SAML 2.0 ({SAML2_PROTOCOL}) in protocolSupportEnumeration; Okta needs a SAML 2.0 "
            "service provider",
        )
    if not descriptors:
        if entity.find(_md("IDPSSODescriptor")) is not None:
            raise reader.fail(
                "IDPSSODescriptor",
                "this is identity-provider metadata; use the service-provider metadata.xml that Gainsight "
                "offers under Administration > User Management > Authentication",
            )
        raise reader.fail("EntityDescriptor", "has no SPSSODescriptor; this is not service-provider metadata")
    if len(descriptors) > 1:
        raise reader.fail("SPSSODescriptor", f"{len(descriptors)} of them support SAML 2.0; expected one")
    return descriptors[0]


def _acs_endpoints(sp: etree._Element, reader: _Reader) -> tuple[str, tuple[AcsEndpoint, ...]]:
    services = sp.findall(_md("AssertionConsumerService"))
    posts = [service for service in services if (service.get("Binding") or "").strip() == HTTP_POST]
    if not posts:
        bindings = sorted({(s.get("Binding") or "none").strip() for s in services}) or ["none"]
        raise reader.fail(
            "AssertionConsumerService",
            f"no HTTP-POST endpoint (found bindings: {', '.join(bindings)}); Okta can only post assertions",
        )
    endpoints: list[tuple[etree._Element, AcsEndpoint]] = []
    for service in posts:
        url = reader.https_url(service)
        raw_index = service.get("index")
        index: int | None = None
        if raw_index is not None:
            try:
                index = int(raw_index.strip())
            except ValueError:
                raise reader.fail("AssertionConsumerService", f"index={raw_index!r} is not a number") from None
            if index < 0:
                raise reader.fail("AssertionConsumerService", f"index={raw_index!r} is negative")
        endpoints.append((service, AcsEndpoint(url=url, index=index)))

    indices = [endpoint.index for _, endpoint in endpoints if endpoint.index is not None]
    if len(indices) != len(set(indices)):
        raise reader.fail("AssertionConsumerService", "two HTTP-POST endpoints share one index")

    # SAML metadata rule: the first isDefault="true", else the first not marked false, else the first.
    flags = [(reader.xs_boolean(service, "isDefault"), endpoint) for service, endpoint in endpoints]
    default = next((e for flag, e in flags if flag is True), None)
    default = default or next((e for flag, e in flags if flag is not False), None) or flags[0][1]

    # Index order; endpoints without an index keep document order after the indexed ones (a stable sort).
    ordered = sorted((e for _, e in endpoints), key=lambda e: (e.index is None, e.index or 0))
    return default.url, tuple(ordered)


def _certificates(sp: etree._Element, reader: _Reader) -> tuple[tuple[str, ...], tuple[str, ...]]:
    signing: list[str] = []
    encryption: list[str] = []
    for descriptor in sp.findall(_md("KeyDescriptor")):
        use = (descriptor.get("use") or "").strip()
        if use not in ("", "signing", "encryption"):
            raise reader.fail("KeyDescriptor", f"use={use!r} is neither signing nor encryption")
        for element in descriptor.iter(f"{{{DS_NS}}}X509Certificate"):
            certificate = _clean_certificate(element.text or "", reader)
            if use in ("", "signing") and certificate not in signing:
                signing.append(certificate)
            if use in ("", "encryption") and certificate not in encryption:
                encryption.append(certificate)
    return tuple(signing), tuple(encryption)


_PEM_ARMOR = re.compile(r"-----(BEGIN|END) CERTIFICATE-----")


def _clean_certificate(text: str, reader: _Reader) -> str:
    # Some exports wrap the base64 in PEM armor; Okta and the JSON output want the bare base64.
    compact = "".join(_PEM_ARMOR.sub("", text).split())
    if not compact:
        raise reader.fail("X509Certificate", "is empty")
    try:
        der = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        raise reader.fail("X509Certificate", "is not base64; the certificate is damaged") from None
    try:
        x509.load_der_x509_certificate(der)
    except ValueError:
        # Truncated or altered: Okta would store it as the single-logout certificate and reject every request.
        raise reader.fail("X509Certificate", "is not a valid X.509 certificate; it is damaged or truncated") from None
    return compact


def _single_logout_url(sp: etree._Element, reader: _Reader) -> str | None:
    services = sp.findall(_md("SingleLogoutService"))
    for binding in (HTTP_POST, HTTP_REDIRECT):
        for service in services:
            if (service.get("Binding") or "").strip() == binding:
                return reader.https_url(service)
    return None


def _name_id_formats(sp: etree._Element) -> tuple[str, ...]:
    formats: list[str] = []
    for element in sp.findall(_md("NameIDFormat")):
        value = (element.text or "").strip()
        if value and value not in formats:
            formats.append(value)
    return tuple(formats)


def _parse(root: etree._Element, source: str) -> SpMetadata:
    reader = _Reader(source)
    entity = _entity(root, reader)
    entity_id = (entity.get("entityID") or "").strip()
    if not entity_id:
        raise reader.fail("EntityDescriptor", "has no entityID; Okta needs it as the audience")
    sp = _service_provider(entity, reader)
    default_acs, endpoints = _acs_endpoints(sp, reader)
    signing, encryption = _certificates(sp, reader)
    return SpMetadata(
        source=source,
        entity_id=entity_id,
        default_acs_url=default_acs,
        acs_endpoints=endpoints,
        name_id_formats=_name_id_formats(sp),
        single_logout_url=_single_logout_url(sp, reader),
        signing_certificates=signing,
        encryption_certificates=encryption,
        want_assertions_signed=reader.xs_boolean(sp, "WantAssertionsSigned") or False,
        authn_requests_signed=reader.xs_boolean(sp, "AuthnRequestsSigned"),
    )
