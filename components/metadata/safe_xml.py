"""Parse untrusted XML without ever reading a DTD, expanding an entity or touching the network.

The settings follow python3-saml's hardened parser: no DTD loading, no entity resolution, no network,
no huge trees, and any DOCTYPE or entity declaration is refused outright rather than ignored.
Files come through the one bounded reader (`components.user_files`): regular files of at most 1 MiB.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from components.errors import InputError
from components.limits import MAX_XML_BYTES
from components.user_files import read_user_bytes

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HTML_STARTS = ("<!doctype html", "<html")
_DTD_REFUSAL = "DTDs and entity declarations are not allowed in SAML metadata"


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


def read_untrusted_xml(path: Path, display_name: str | None = None) -> etree._Element:
    """Return the root element of the XML file at `path`, or raise InputError naming what is wrong."""
    return parse_untrusted_xml(read_user_bytes(path, display_name or str(path), MAX_XML_BYTES), display_name or path)


def _looks_like_html(data: bytes) -> bool:
    text = data.decode("utf-16", errors="replace") if data.startswith(_UTF16_BOMS) else data.decode("latin-1")
    return text.lstrip("\ufeff \t\r\n").lower().startswith(_HTML_STARTS)


def parse_untrusted_xml(data: bytes, source: Path | str) -> etree._Element:
    """Parse with no DTD loading, no entity resolution and no network, then refuse any DOCTYPE the document has.

    The decision comes from the parsed document (its DOCTYPE), not from a scan of the bytes, so `<!DOCTYPE`
    inside a comment or CDATA is just text. libxml2 never loads the DTD, resolves an entity or opens a URL
    with these settings; its amplification limit stops entity bombs during the parse itself.
    """
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise InputError(source, "", "is empty; download metadata.xml again from Gainsight")
    if _looks_like_html(data):
        raise InputError(
            source, "", "is an HTML page (a saved web page?), not SAML metadata; download metadata.xml from Gainsight"
        )
    try:
        root = etree.fromstring(data, parser=_hardened_parser())
    except etree.XMLSyntaxError as exc:
        if "entit" in (exc.msg or "").lower():
            raise InputError(
                source, "<!DOCTYPE>", f"{_DTD_REFUSAL} (the parser stopped at line {exc.lineno or '?'}: {exc.msg})"
            ) from None
        raise InputError(source, f"line {exc.lineno or '?'}", f"not well-formed XML: {exc.msg}") from None
    except ValueError as exc:  # e.g. a Unicode string with an encoding declaration
        raise InputError(source, "", f"not XML: {exc}") from None
    if root is None:
        raise InputError(source, "", "holds no XML element")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        if (docinfo.root_name or "").lower() == "html":
            raise InputError(source, "", "is an HTML page, not SAML metadata; download metadata.xml from Gainsight")
        raise InputError(source, "<!DOCTYPE>", _DTD_REFUSAL)
    return root
