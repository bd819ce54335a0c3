"""Text that came from outside (a server's response, a file's content) made safe to print.

Credentials are replaced before anything is shown: an error body that echoes the request's Authorization header
(as some proxies do) would otherwise put `SSWS …` into the terminal and CI logs. Control characters are written
as escapes (`\\x1b`), so a response cannot move the cursor, retitle the terminal or ring its bell.
"""

from __future__ import annotations

import re

REDACTED = "[redacted]"
_CREDENTIALS = (
    re.compile(r"\b(SSWS|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", re.S),
    re.compile(r"(?i)\b(client_secret|client_assertion|access_token|api_token|password)(\"?\s*[:=]\s*\"?)[^\s\"&,;]+"),
    re.compile(r"\b00[A-Za-z0-9_-]{38,}\b"),  # the shape of an Okta API token (about 42 characters from "00")
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _redact(match: re.Match[str]) -> str:
    text = match.group(0)
    if text.startswith("-----BEGIN"):
        return REDACTED
    if match.re is _CREDENTIALS[0]:
        return f"{match.group(1)} {REDACTED}"
    if match.re is _CREDENTIALS[2]:
        return f"{match.group(1)}{match.group(2)}{REDACTED}"
    return REDACTED


def printable(text: str) -> str:
    """`text` with credentials replaced and control characters escaped (tabs and newlines kept)."""
    for pattern in _CREDENTIALS:
        text = pattern.sub(_redact, text)
    return escaped(text)


def escaped(text: str) -> str:
    """Only the control characters escaped: for a document whose base64 the credential patterns could misread
    (SAML metadata, a certificate), where the exact secrets are replaced instead."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
