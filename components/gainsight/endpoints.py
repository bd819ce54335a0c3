"""Where Gainsight's OAuth token endpoint and SCIM API are: on the tenant by default, as Gainsight documents them
(`https://<tenant>/v1/users/oauth/access/token`, `https://<tenant>/v1/users/services/scim`), or set apart.

An address set apart gets the client secret or the access token, so it must be https: plain http only on a
loopback host (the tests' server), never with a user, a query or a fragment.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from components.errors import InputError
from components.http.addresses import DEFAULT_PORTS
from components.loopback import is_loopback

TOKEN_PATH = "/v1/users/oauth/access/token"
SCIM_PATH = "/v1/users/services/scim"
# The settings' names in error lines; the stack file's keys, once the stack file carries them.
TENANT_URL_SETTING = "gainsight-okta:tenantUrl"
TOKEN_URL_SETTING = "gainsight-okta:gainsightTokenUrl"
SCIM_URL_SETTING = "gainsight-okta:gainsightScimUrl"


@dataclass(frozen=True)
class GainsightEndpoints:
    token_url: str  # the OAuth 2.0 token endpoint (client credentials)
    scim_url: str  # the SCIM base: `…/Users` is under it; no trailing slash


def _checked_url(value: str, setting: str, *, origin_only: bool) -> str:
    """`value` as an https URL (http on a loopback host), without a trailing slash; a default port left out."""
    text = value.strip()
    example = "https://acme.gainsightcloud.com" + ("" if origin_only else SCIM_PATH)
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise InputError(setting, "", f"must be an https:// address such as {example}, with no spaces")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise InputError(setting, "", f"{text[:200]!r}: its port is not a number from 1 to 65535") from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not parts.hostname:
        raise InputError(setting, "", f"{text[:200]!r} must be an https:// address such as {example}")
    if scheme == "http" and not is_loopback(parts.hostname):
        raise InputError(setting, "", "plain http:// is accepted only for a loopback host; use https://")
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment or port == 0:
        raise InputError(setting, "", f"{text[:200]!r} must be an address with no user, query or fragment")
    if origin_only and parts.path not in ("", "/"):
        raise InputError(setting, "", f"{text[:200]!r} must be the tenant's origin only, with no path")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = host + (f":{port}" if port not in (None, DEFAULT_PORTS[scheme]) else "")
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def gainsight_endpoints(tenant_url: str, token_url: str | None, scim_url: str | None) -> GainsightEndpoints:
    """The two addresses: each setting when given, else the tenant's documented default."""
    tenant = _checked_url(tenant_url, TENANT_URL_SETTING, origin_only=True)
    return GainsightEndpoints(
        token_url=_checked_url(token_url, TOKEN_URL_SETTING, origin_only=False) if token_url else tenant + TOKEN_PATH,
        scim_url=_checked_url(scim_url, SCIM_URL_SETTING, origin_only=False) if scim_url else tenant + SCIM_PATH,
    )
