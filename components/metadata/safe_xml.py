"""Parse untrusted XML without ever reading a DTD, expanding an entity or touching the network.

The settings follow python3-saml's hardened parser: no DTD loading, no entity resolution, no network,
no huge trees, and any DOCTYPE or entity declaration is refused outright rather than ignored.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from components.errors import InputError

MAX_XML_BYTES = 1024 * 1024  # Gainsight's metadata is about 4 KB; anything near 1 MiB is not metadata.
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_DTD_MARKERS = ("<!DOCTYPE", "<!ENTITY")


def _declares_dtd(data: bytes) -> bool:
    # Check the text as it will be decoded, so a UTF-16 file cannot hide its DOCTYPE from a byte search.
    text = data.decode("utf-16", errors="replace") if data.startswith(_UTF16_BOMS) else data.decode("latin-1")
    return any(marker in text for marker in _DTD_MARKERS)


def _hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def read_untrusted_xml(path: Path) -> etree._Element:
    """Return the root element of the XML file at `path`, or raise InputError naming what is wrong."""
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            raise InputError(path, "", f"is {size} bytes; metadata larger than {MAX_XML_BYTES} bytes is refused")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, "", f"cannot be read: {exc.strerror or exc}") from None
    return parse_untrusted_xml(data, path)


def parse_untrusted_xml(data: bytes, source: Path | str) -> etree._Element:
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise InputError(source, "", "is empty; download metadata.xml again from Gainsight")
    # Refuse before parsing: libxml2 would still read an internal DTD subset, and we never want one.
    if _declares_dtd(data):
        raise InputError(source, "<!DOCTYPE>", "DTDs and entity declarations are not allowed in SAML metadata")
    try:
        root = etree.fromstring(data, parser=_hardened_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(source, f"line {exc.lineno or '?'}", f"not well-formed XML: {exc.msg}") from None
    except ValueError as exc:  # e.g. a Unicode string with an encoding declaration
        raise InputError(source, "", f"not XML: {exc}") from None
    if root is None:
        raise InputError(source, "", "holds no XML element")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise InputError(source, "<!DOCTYPE>", "DTDs and entity declarations are not allowed in SAML metadata")
    return root
