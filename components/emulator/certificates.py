"""Self-signed signing certificates for the emulated apps' keys (base64 DER, as Okta's `x5c` holds them)."""

from __future__ import annotations

import base64
import datetime
from functools import lru_cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID


@lru_cache(maxsize=1)
def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)  # one key: generating is slow


def self_signed_certificate(days: int = 730, name: str = "emulated-okta-idp") -> str:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(_key().public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .sign(_key(), hashes.SHA256())
    )
    return base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwk_fields(certificate: str) -> dict[str, str]:
    """The JWK members Okta returns beside `x5c` for an app's key: `e`, `n` and `x5t#S256` of the certificate."""
    der = base64.b64decode(certificate)
    numbers = x509.load_der_x509_certificate(der).public_key().public_numbers()  # type: ignore[union-attr]
    digest = hashes.Hash(hashes.SHA256())
    digest.update(der)
    return {
        "e": _b64url(numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")),
        "n": _b64url(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
        "x5t#S256": _b64url(digest.finalize()),
    }
