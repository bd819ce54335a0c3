"""Reading Gainsight's SP metadata: the variants real exports come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.metadata.sp_metadata import read_sp_metadata
from tests import metadata_builder as mb


def read(tmp_path: Path, text: str | bytes):
    return read_sp_metadata(mb.write(tmp_path, text))


def test_shipped_dev_metadata_reads_as_auth0_exports_it() -> None:
    metadata = read_sp_metadata(mb.PROJECT_ROOT / "metadata" / "dev.xml")
    assert metadata.entity_id == "urn:auth0:gainsight:acme-dev"
    assert metadata.default_acs_url == "https://secured.gainsightcloud.com/login/callback?connection=acme-dev"
    assert metadata.single_logout_url == "https://secured.gainsightcloud.com/logout"  # the POST one
    assert len(metadata.signing_certificates) == 1
    assert len(metadata.encryption_certificates) == 1
    assert metadata.signing_certificates != metadata.encryption_certificates
    assert metadata.want_assertions_signed is True
    assert mb.EMAIL in metadata.name_id_formats


def test_json_document_has_exactly_the_documented_keys(tmp_path: Path) -> None:
    document = read(tmp_path, mb.document()).to_json()
    assert list(document) == [
        "entityId",
        "ssoUrl",
        "acsUrls",
        "nameIdFormats",
        "singleLogoutUrl",
        "signingCertificates",
        "encryptionCertificates",
        "wantAssertionsSigned",
        "authnRequestsSigned",
    ]
    assert document["signingCertificates"] == [mb.SIGNING_CERT]
    assert document["encryptionCertificates"] == [mb.ENCRYPTION_CERT]


def test_any_namespace_prefix_is_accepted(tmp_path: Path) -> None:
    text = mb.document().replace("<", "<md:").replace("<md:/", "</md:").replace("<md:?xml", "<?xml")
    text = text.replace(
        'xmlns="urn:oasis:names:tc:SAML:2.0:metadata"', 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"'
    )
    text = text.replace("md:KeyInfo", "ds:KeyInfo").replace("md:X509", "ds:X509")
    text = text.replace('xmlns="http://www.w3.org/2000/09/xmldsig#"', 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"')
    assert "<md:EntityDescriptor" in text and "<ds:X509Certificate>" in text
    metadata = read(tmp_path, text)
    assert metadata.entity_id == mb.ENTITY_ID
    assert metadata.signing_certificates == (mb.SIGNING_CERT,)


def test_bom_crlf_comments_and_wrapped_certificates(tmp_path: Path) -> None:
    wrapped = (
        "\r\n   " + "\r\n\t ".join(mb.SIGNING_CERT[i : i + 64] for i in range(0, len(mb.SIGNING_CERT), 64)) + "\r\n"
    )
    descriptor = mb.sp_descriptor(keys="<!-- Auth0 signing key -->" + mb.key_descriptor("signing", wrapped))
    text = mb.document(mb.entity(descriptor)).replace("\n", "\r\n")
    text = text.replace("<EntityDescriptor", "<!-- exported from Gainsight -->\r\n<EntityDescriptor")
    metadata = read(tmp_path, b"\xef\xbb\xbf" + text.encode())
    assert metadata.signing_certificates == (mb.SIGNING_CERT,)
    assert "\r" not in metadata.signing_certificates[0] and " " not in metadata.signing_certificates[0]


def test_entities_descriptor_with_one_entity(tmp_path: Path) -> None:
    text = mb.document(
        '<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">' + mb.entity() + "</EntitiesDescriptor>"
    )
    assert read(tmp_path, text).entity_id == mb.ENTITY_ID


def test_key_descriptor_without_use_serves_signing_and_encryption(tmp_path: Path) -> None:
    metadata = read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(keys=mb.key_descriptor(None, mb.SIGNING_CERT)))))
    assert metadata.signing_certificates == (mb.SIGNING_CERT,)
    assert metadata.encryption_certificates == (mb.SIGNING_CERT,)


def test_signature_certificate_of_signed_metadata_is_not_taken_as_sp_key(tmp_path: Path) -> None:
    signature = (
        '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><KeyInfo><X509Data>'
        f"<X509Certificate>{mb.ENCRYPTION_CERT}</X509Certificate></X509Data></KeyInfo></Signature>"
    )
    descriptor = mb.sp_descriptor(keys=mb.key_descriptor("signing", mb.SIGNING_CERT))
    metadata = read(tmp_path, mb.document(mb.entity(signature + descriptor)))
    assert metadata.signing_certificates == (mb.SIGNING_CERT,)
    assert metadata.encryption_certificates == ()


@pytest.mark.parametrize(
    ("services", "expected_default"),
    [
        # the first isDefault="true" wins, wherever it stands
        (
            mb.acs("https://a.example/1", index=0, default=None) + mb.acs("https://a.example/2", index=1),
            "https://a.example/2",
        ),
        # no true: the first not marked false
        (
            mb.acs("https://a.example/1", index=0, default="false")
            + mb.acs("https://a.example/2", index=1, default=None),
            "https://a.example/2",
        ),
        # all false: the first
        (
            mb.acs("https://a.example/1", index=0, default="false")
            + mb.acs("https://a.example/2", index=1, default="0"),
            "https://a.example/1",
        ),
        # xs:boolean "1" is true
        (
            mb.acs("https://a.example/1", index=0, default=None) + mb.acs("https://a.example/2", index=1, default="1"),
            "https://a.example/2",
        ),
    ],
)
def test_default_acs_follows_the_saml_metadata_rule(tmp_path: Path, services: str, expected_default: str) -> None:
    assert (
        read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services)))).default_acs_url == expected_default
    )


def test_only_http_post_acs_count_and_keep_index_order(tmp_path: Path) -> None:
    services = (
        mb.acs("https://a.example/redirect", binding=mb.REDIRECT, index=0, default="true")
        + mb.acs("https://a.example/two", index=2, default=None)
        + mb.acs("https://a.example/one", index=1, default=None)
    )
    metadata = read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    assert metadata.acs_urls == ("https://a.example/one", "https://a.example/two")
    assert metadata.default_acs_url == "https://a.example/two"  # the first POST not marked false, in document order
    assert [e.index for e in metadata.acs_endpoints] == [1, 2]


def test_acs_without_index_keep_document_order(tmp_path: Path) -> None:
    services = mb.acs("https://a.example/b", index=None, default=None) + mb.acs(
        "https://a.example/a", index=None, default=None
    )
    metadata = read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    assert metadata.acs_urls == ("https://a.example/b", "https://a.example/a")


def test_xml_escaped_query_in_acs_is_decoded(tmp_path: Path) -> None:
    services = mb.acs("https://a.example/cb?connection=x&amp;tenant=y")
    assert read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services)))).default_acs_url == (
        "https://a.example/cb?connection=x&tenant=y"
    )


@pytest.mark.parametrize(
    ("logout", "expected"),
    [
        (mb.slo("https://a.example/r", mb.REDIRECT) + mb.slo("https://a.example/p", mb.POST), "https://a.example/p"),
        (mb.slo("https://a.example/r", mb.REDIRECT), "https://a.example/r"),
        ("", None),
    ],
)
def test_single_logout_prefers_post_then_redirect(tmp_path: Path, logout: str, expected: str | None) -> None:
    assert read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(logout=logout)))).single_logout_url == expected


def test_name_id_formats_are_trimmed_in_document_order(tmp_path: Path) -> None:
    formats = (f"\n    {mb.EMAIL}\n  ", f" {mb.PERSISTENT}")
    metadata = read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(formats=formats))))
    assert metadata.name_id_formats == (mb.EMAIL, mb.PERSISTENT)


@pytest.mark.parametrize(
    ("sp_attrs", "want", "authn"),
    [
        ('AuthnRequestsSigned="true" WantAssertionsSigned="true"', True, True),
        ('AuthnRequestsSigned="false" WantAssertionsSigned="false"', False, False),
        ('WantAssertionsSigned="1"', True, None),
        ("", False, None),
    ],
)
def test_signing_flags(tmp_path: Path, sp_attrs: str, want: bool, authn: bool | None) -> None:
    metadata = read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(sp_attrs=sp_attrs))))
    assert metadata.to_json()["wantAssertionsSigned"] is want
    assert metadata.to_json()["authnRequestsSigned"] is authn


def test_pem_armor_around_a_certificate_is_dropped(tmp_path: Path) -> None:
    armored = f"-----BEGIN CERTIFICATE-----\n{mb.SIGNING_PEM_BODY}\n-----END CERTIFICATE-----"
    metadata = read(tmp_path, mb.document(mb.entity(mb.sp_descriptor(keys=mb.key_descriptor("signing", armored)))))
    assert metadata.signing_certificates == (mb.SIGNING_CERT,)
