"""Malformed and hostile metadata: every case is refused with one precise message, nothing is read or fetched."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from lxml import etree

from components.errors import InputError
from components.metadata import safe_xml
from components.metadata.sp_metadata import read_sp_metadata
from tests import metadata_builder as mb


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = b'<!ENTITY leak "fetched-from-network">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request, so a test can prove nothing was fetched."""
    _CountingHandler.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.hits
    finally:
        server.shutdown()
        server.server_close()


def refusal(tmp_path: Path, text: str | bytes) -> InputError:
    path = mb.write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        read_sp_metadata(path)
    assert caught.value.source == str(path)
    assert "\n" not in caught.value.line()
    return caught.value


SECRET = "TOP-SECRET-CONTENT-42"


def test_xxe_to_a_local_file_is_refused_and_the_file_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    text = f'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY xxe SYSTEM "file://{secret}">]>' + mb.entity(entity_id="&xxe;")
    error = refusal(tmp_path, text)
    assert error.location == "<!DOCTYPE>"
    assert SECRET not in error.line()


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    error = refusal(tmp_path, f"<?xml version='1.0'?><!DOCTYPE e [{entities}]>" + mb.entity(entity_id="&a9;"))
    assert "DTD" in error.message


def test_external_dtd_on_the_network_is_refused_unfetched(tmp_path: Path, loopback_server) -> None:
    url, hits = loopback_server
    error = refusal(tmp_path, f'<?xml version="1.0"?><!DOCTYPE EntityDescriptor SYSTEM "{url}/evil.dtd">' + mb.entity())
    assert error.location == "<!DOCTYPE>"
    assert hits == []


def test_utf16_document_cannot_smuggle_a_dtd_past_the_byte_check(tmp_path: Path, loopback_server) -> None:
    url, hits = loopback_server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    text = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE e SYSTEM "{url}/x.dtd" [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        + mb.entity(entity_id="&xxe;")
    )
    error = refusal(tmp_path, text.encode("utf-16"))
    assert error.location == "<!DOCTYPE>"
    assert SECRET not in error.line()
    assert hits == []


def test_hardened_parser_itself_neither_fetches_nor_expands(loopback_server, tmp_path: Path) -> None:
    """The second line of defence, under the DOCTYPE refusal: lxml's own settings."""
    url, hits = loopback_server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    data = (
        f'<!DOCTYPE r SYSTEM "{url}/a.dtd" [<!ENTITY % p SYSTEM "{url}/b.dtd"> %p; '
        f'<!ENTITY xxe SYSTEM "file://{secret}">]><r>&xxe;&leak;</r>'
    ).encode()
    try:
        root = etree.fromstring(data, parser=safe_xml._hardened_parser())
        assert SECRET not in etree.tostring(root).decode()
        assert "fetched-from-network" not in etree.tostring(root).decode()
    except etree.XMLSyntaxError:
        pass  # refusing to parse is just as safe
    assert hits == []


@pytest.mark.parametrize(
    ("text", "location", "fragment"),
    [
        (b"", "", "empty"),
        (b"   \n\t ", "", "empty"),
        (mb.document()[:400].encode(), "line", "not well-formed"),
        (
            b"<!doctype html><html><head><title>Sign in</title></head><body><form></form></body></html>",
            "",
            "is an HTML page",
        ),
        (b"\n  <html><body><p>Please sign in</p></body></html>", "", "is an HTML page"),
        (b"<!DOCTYPE html>\n<html><body><br></body></html>", "", "is an HTML page"),
        (b"not xml at all", "line", "not well-formed"),
    ],
)
def test_empty_truncated_and_non_xml_files(tmp_path: Path, text: bytes, location: str, fragment: str) -> None:
    error = refusal(tmp_path, text)
    assert error.location.startswith(location)
    assert fragment in error.message


def test_idp_metadata_is_refused_with_a_hint(tmp_path: Path) -> None:
    idp = '<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>'
    error = refusal(tmp_path, mb.document(mb.entity(idp)))
    assert error.location == "<IDPSSODescriptor>"
    assert "identity-provider metadata" in error.message


def test_entity_without_sp_descriptor(tmp_path: Path) -> None:
    error = refusal(tmp_path, mb.document(mb.entity("<Organization/>")))
    assert error.location == "<EntityDescriptor>"
    assert "no SPSSODescriptor" in error.message


def test_no_http_post_acs(tmp_path: Path) -> None:
    services = mb.acs(binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact")
    error = refusal(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    assert error.location == "<AssertionConsumerService>"
    assert "HTTP-Artifact" in error.message


@pytest.mark.parametrize("entity_id", [None, "", "   "])
def test_missing_entity_id(tmp_path: Path, entity_id: str | None) -> None:
    error = refusal(tmp_path, mb.document(mb.entity(entity_id=entity_id)))
    assert error.location == "<EntityDescriptor>"
    assert "entityID" in error.message


def test_more_than_one_entity(tmp_path: Path) -> None:
    two = mb.entity() + mb.entity(entity_id="urn:auth0:gainsight:other")
    text = mb.document(f'<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">{two}</EntitiesDescriptor>')
    error = refusal(tmp_path, text)
    assert error.location == "<EntitiesDescriptor>"
    assert "2 entities" in error.message


@pytest.mark.parametrize(
    "services",
    [
        mb.acs("http://secured.gainsightcloud.com/login/callback?connection=acme-dev"),
        # a plain-http endpoint is refused even when it is not the default
        mb.acs() + mb.acs("http://a.example/cb", index=1, default=None),
    ],
)
def test_plain_http_acs_is_refused(tmp_path: Path, services: str) -> None:
    error = refusal(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    assert error.location == "<AssertionConsumerService>"
    assert "http://" in error.message


@pytest.mark.parametrize(
    ("services", "fragment"),
    [
        (mb.acs(index="one"), "is not a number"),
        (mb.acs(index=0) + mb.acs("https://a.example/2", index=0, default=None), "share one index"),
        (mb.acs(default="maybe"), "is not a boolean"),
        (mb.acs(location=""), "has no Location"),
        (mb.acs(location="javascript:alert(1)"), "not an https:// URL"),
    ],
)
def test_broken_acs_attributes(tmp_path: Path, services: str, fragment: str) -> None:
    error = refusal(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    assert fragment in error.message


@pytest.mark.parametrize(
    ("certificate", "fragment"),
    [
        ("", "is empty"),
        ("not*base64!", "not base64"),
        ("aGVsbG8=", "not a valid X.509 certificate"),
        (mb.SIGNING_CERT[:-60], "not a valid X.509 certificate"),  # truncated, still base64
        (mb.SIGNING_CERT[:400], "not a valid X.509 certificate"),
    ],
)
def test_damaged_certificates(tmp_path: Path, certificate: str, fragment: str) -> None:
    keys = mb.key_descriptor("signing", certificate)
    error = refusal(tmp_path, mb.document(mb.entity(mb.sp_descriptor(keys=keys))))
    assert error.location == "<X509Certificate>"
    assert fragment in error.message


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    padding = "<!--" + "x" * safe_xml.MAX_XML_BYTES + "-->"
    error = refusal(tmp_path, mb.document() + padding)
    assert "larger than 1 MiB" in error.message


def test_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_sp_metadata(tmp_path)  # a directory
    assert "is a directory" in caught.value.message


def test_plain_http_single_logout_is_refused(tmp_path: Path) -> None:
    error = refusal(
        tmp_path, mb.document(mb.entity(mb.sp_descriptor(logout=mb.slo("http://a.example/logout", mb.POST))))
    )
    assert error.location == "<SingleLogoutService>"
    assert "http://" in error.message


@pytest.mark.parametrize(
    ("location", "element"),
    [
        ("https://[::1/acs", "AssertionConsumerService"),
        ("https://gainsight\uff03.example/acs", "AssertionConsumerService"),
        ("https://secured.example:99999/acs", "AssertionConsumerService"),
        ("https://secured.example/a cs", "AssertionConsumerService"),
    ],
)
def test_unparseable_acs_locations_are_refused_not_a_traceback(tmp_path: Path, location: str, element: str) -> None:
    error = refusal(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=mb.acs(location=location)))))
    assert error.location == f"<{element}>"


def test_unparseable_single_logout_location(tmp_path: Path) -> None:
    logout = mb.slo("https://[::1/logout", mb.POST)
    error = refusal(tmp_path, mb.document(mb.entity(mb.sp_descriptor(logout=logout))))
    assert error.location == "<SingleLogoutService>" and "not a valid URL" in error.message


@pytest.mark.parametrize("wrapper", ["<!-- an old export had <!DOCTYPE x> here -->", "<!-- <!ENTITY a 'b'> -->"])
def test_doctype_text_inside_a_comment_is_not_a_dtd(tmp_path: Path, wrapper: str) -> None:
    path = mb.write(tmp_path, '<?xml version="1.0"?>\n' + wrapper + mb.entity())
    assert read_sp_metadata(path).entity_id == mb.ENTITY_ID


def test_doctype_text_inside_cdata_is_not_a_dtd(tmp_path: Path) -> None:
    organization = (
        '<Organization><OrganizationName xml:lang="en"><![CDATA[<!DOCTYPE x>]]></OrganizationName>'
        '<OrganizationDisplayName xml:lang="en">x</OrganizationDisplayName>'
        '<OrganizationURL xml:lang="en">https://x.example</OrganizationURL></Organization>'
    )
    text = mb.entity().replace("</EntityDescriptor>", organization + "</EntityDescriptor>")
    assert read_sp_metadata(mb.write(tmp_path, text)).entity_id == mb.ENTITY_ID


def test_saml11_and_saml20_descriptors_side_by_side_pick_saml20(tmp_path: Path) -> None:
    saml11 = mb.sp_descriptor(services=mb.acs("https://old.example/saml11")).replace(
        "urn:oasis:names:tc:SAML:2.0:protocol", "urn:oasis:names:tc:SAML:1.1:protocol"
    )
    metadata = read_sp_metadata(mb.write(tmp_path, mb.document(mb.entity(saml11 + mb.sp_descriptor()))))
    assert metadata.default_acs_url == mb.ACS


def test_a_descriptor_without_saml20_is_refused(tmp_path: Path) -> None:
    saml11 = mb.sp_descriptor().replace("urn:oasis:names:tc:SAML:2.0:protocol", "urn:oasis:names:tc:SAML:1.1:protocol")
    error = refusal(tmp_path, mb.document(mb.entity(saml11)))
    assert error.location == "<SPSSODescriptor>" and "SAML 2.0" in error.message
