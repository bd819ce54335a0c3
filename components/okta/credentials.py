"""Which Okta org to read, and with which credentials: taken exactly as the okta provider takes them.

The org: `--okta-url`, else `okta:orgName` + `okta:baseUrl` from the stack file, else `OKTA_ORG_NAME` +
`OKTA_BASE_URL`. The credentials: `OKTA_API_TOKEN` (an SSWS token), else the OAuth 2.0 private-key flow
(`OKTA_API_CLIENT_ID`, `OKTA_API_PRIVATE_KEY`, `OKTA_API_PRIVATE_KEY_ID`, `OKTA_API_SCOPES`). Secrets live only in
this object and the request headers: its repr names the kind of credential, never the value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from components.errors import InputError
from components.http.addresses import DEFAULT_PORTS
from components.loopback import is_loopback
from components.user_files import read_user_text

# What `adopt` and `verify` read; both need nothing more (grant these to a read-only service app).
# okta.users.read: the people reads of `impact`, `verify` and `explain --user --live`.
READ_SCOPES = (
    "okta.apps.read",
    "okta.groups.read",
    "okta.schemas.read",
    "okta.profileMappings.read",
    "okta.users.read",
)
CREDENTIALS_HELP = (
    "set OKTA_API_TOKEN, or OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY, OKTA_API_PRIVATE_KEY_ID and OKTA_API_SCOPES"
)


def org_url(okta_url: str | None, config: Mapping[str, str], environ: Mapping[str, str] | None = None) -> str:
    """The org's base URL, `https://acme.okta.com`; plain http only for a loopback host (the tests' fake org)."""
    environ = os.environ if environ is None else environ
    if okta_url:
        parts = urlsplit(okta_url.strip())
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise InputError("--okta-url", "", f"{okta_url!r} must be an https:// URL such as https://acme.okta.com")
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            raise InputError("--okta-url", "", "plain http:// is accepted only for a loopback host; use https://")
        if parts.path not in ("", "/") or parts.query or parts.username or parts.password:
            raise InputError("--okta-url", "", f"{okta_url!r} must be the org's address only, with no path")
        try:
            port = parts.port
        except ValueError:
            raise InputError("--okta-url", "", f"{okta_url!r}: its port is not a number from 1 to 65535") from None
        # Okta's links leave out a default port: so does the base URL they are compared with.
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        default = DEFAULT_PORTS[parts.scheme]
        return f"{parts.scheme}://{host}" + (f":{port}" if port not in (None, default) else "")
    org = config.get("okta:orgName") or environ.get("OKTA_ORG_NAME")
    base = config.get("okta:baseUrl") or environ.get("OKTA_BASE_URL")
    proxy_key = "okta:httpProxy" if config.get("okta:httpProxy") else "OKTA_HTTP_PROXY"
    proxy = (config.get("okta:httpProxy") or environ.get("OKTA_HTTP_PROXY") or "").strip()
    if proxy and _loopback_url(proxy):
        # The okta provider sends every request to okta:httpProxy when it is set, okta:orgName or not
        # (okta/api/idaas.go: the proxy is the SDK's org URL). On this machine that is the emulator, and the tool
        # reads it too, or it would read another org. A proxy elsewhere stays the provider's: Okta's paging links
        # name the org, so the tool reads the org itself, as before.
        try:
            return org_url(proxy, {}, environ)
        except InputError:
            # Not the URL itself in the message: a proxy's address may hold a password.
            raise InputError(
                proxy_key, "", "must be an address only (http://127.0.0.1:PORT), with no path, user or password"
            ) from None
    if not org or not base:
        raise InputError(
            "okta:orgName",
            "",
            "the Okta org is unknown: set okta:orgName and okta:baseUrl in the stack file (or OKTA_ORG_NAME and "
            "OKTA_BASE_URL), or pass --okta-url",
        )
    return f"https://{org.strip()}.{base.strip()}"


def _loopback_url(url: str) -> bool:
    try:
        return is_loopback(urlsplit(url).hostname or "")
    except ValueError:  # not a URL at all (an unclosed `[`): org_url says so
        return url.startswith(("http://[", "https://["))


@dataclass(frozen=True)
class Credentials:
    """An SSWS API token, or an OAuth 2.0 service app's private key."""

    kind: str  # "token" or "private key"
    token: str = field(default="", repr=False)
    client_id: str = ""
    private_key: str = field(default="", repr=False)
    private_key_id: str = ""
    scopes: tuple[str, ...] = ()


def credentials_from_environment(environ: Mapping[str, str] | None = None) -> Credentials:
    environ = os.environ if environ is None else environ
    if token := environ.get("OKTA_API_TOKEN", "").strip():
        if not all("\x21" <= ch <= "\x7e" for ch in token):
            raise InputError("OKTA_API_TOKEN", "", "holds characters an HTTP header cannot carry (spaces, non-ASCII)")
        return Credentials("token", token=token)
    client_id = environ.get("OKTA_API_CLIENT_ID", "").strip()
    private_key = environ.get("OKTA_API_PRIVATE_KEY", "").strip()
    if client_id and private_key:
        scopes = tuple(s.strip() for s in environ.get("OKTA_API_SCOPES", "").replace(" ", ",").split(",") if s.strip())
        if not scopes:
            raise InputError("OKTA_API_SCOPES", "", f"is empty; the read-only scopes are {','.join(READ_SCOPES)}")
        return Credentials(
            "private key",
            client_id=client_id,
            private_key=_key_text(private_key),
            private_key_id=environ.get("OKTA_API_PRIVATE_KEY_ID", "").strip(),
            scopes=scopes,
        )
    raise InputError("Okta credentials", "", f"none found: {CREDENTIALS_HELP}")


def _key_text(value: str) -> str:
    """The provider takes the key itself or a path to it; a CI secret often arrives with escaped newlines."""
    if "-----BEGIN" in value:
        return value.replace("\\n", "\n")
    if os.path.isfile(value):
        return read_user_text(Path(value), "OKTA_API_PRIVATE_KEY", limit=64 * 1024)
    raise InputError("OKTA_API_PRIVATE_KEY", "", "is neither a PEM private key nor the path of one")
