"""X.509 certificates as Okta and SAML metadata carry them: base64 DER, shown to people as PEM."""

from __future__ import annotations

import base64
import datetime
import textwrap

from cryptography import x509
from cryptography.hazmat.primitives import hashes


def certificate_expiry(certificate: str) -> datetime.datetime | None:
    """When a base64 DER certificate stops being valid; None when it cannot be read."""
    try:
        return x509.load_der_x509_certificate(base64.b64decode(certificate)).not_valid_after_utc
    except Exception:  # any certificate Okta holds may be malformed, and cryptography has many error types
        return None


def certificate_summary(certificate: str) -> str:
    """A base64 DER certificate in one short line: its SHA-256 fingerprint's start and its validity, not 1,400
    characters of base64; what it starts with when it cannot be read."""
    try:
        parsed = x509.load_der_x509_certificate(base64.b64decode(certificate))
    except Exception:  # as certificate_expiry: any malformed certificate
        return f"a certificate that cannot be read ({certificate[:16]}…)"
    fingerprint = parsed.fingerprint(hashes.SHA256()).hex(":").upper()[:11]
    valid = f"{parsed.not_valid_before_utc:%Y-%m-%d} to {parsed.not_valid_after_utc:%Y-%m-%d}"
    return f"certificate SHA-256 {fingerprint}…, valid {valid}"


def pem(certificate: str) -> str:
    body = "\n".join(textwrap.wrap("".join(certificate.split()), 64))
    return f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----"
