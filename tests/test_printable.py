"""What a server (or a file) says is printed without credentials or terminal control characters."""

from __future__ import annotations

import pytest

from components.errors import InputError
from components.printable import REDACTED, printable

TOKEN = "00aFAKEapiTOKENforTESTSonly0000000000000000"


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        (f"Invalid token provided: SSWS {TOKEN}", "SSWS [redacted]", TOKEN),
        ("header was Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "Bearer [redacted]", "eyJhbGci"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", REDACTED, "MIIEow"),
        ('{"client_secret": "s3cr3t-Value"}', '"client_secret": "[redacted]', "s3cr3t-Value"),
        (f"the token {TOKEN} was echoed", REDACTED, TOKEN),
    ],
)
def test_credentials_are_redacted(text: str, kept: str, gone: str) -> None:
    assert kept in printable(text) and gone not in printable(text)


def test_control_characters_are_made_visible() -> None:
    assert printable("group \x1b]0;pwned\x07 name") == "group \\x1b]0;pwned\\x07 name"


def test_ordinary_words_are_left_alone() -> None:
    text = "a Bearer token or an SSWS token is needed; Basic authentication is not used"
    assert printable(text) == text


def test_an_error_line_never_carries_a_token_from_a_server() -> None:
    """An error body that echoes the Authorization header (as some proxies do) ends up in the error line."""
    line = InputError("Okta", "GET /api/v1/apps", f"500: upstream said Authorization: SSWS {TOKEN}\x1b[2J").line()
    assert TOKEN not in line and "\x1b" not in line and line.startswith("error: Okta: GET /api/v1/apps: 500:")
