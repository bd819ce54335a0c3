"""X.509 certificates as Okta and SAML metadata carry them: base64 DER, shown to people as PEM."""

from __future__ import annotations

import base64
import datetime
import textwrap

from cryptography import x509


def certificate_expiry(certificate: str) -> datetime.datetime | None:
    """When a base64 DER certificate stops being valid; None when it cannot be read."""
    try:
        return x509.load_der_x509_certificate(base64.b64decode(certificate)).not_valid_after_utc
    except Exception:  # any certificate Okta holds may be malformed, and cryptography has many error types
        return None


def pem(certificate: str) -> str:
    body = "\n".join(textwrap.wrap("".join(certificate.split()), 64))
    return f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----"
