"""The emulator's `article` org (components/emulator/seeds.py: the setup Gainsight's article makes by hand, with the
SAML settings of the shipped metadata/dev.xml), served by the tests' fake server; and an SSO signing certificate of
a chosen age, for the rotation and expiry tests. One article org: `emulate --seed article` is the same."""

from __future__ import annotations

import datetime

from components.emulator.certificates import self_signed_certificate
from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID
from components.emulator.seeds import article_org as article_seed
from components.metadata.sp_metadata import SpMetadata, read_sp_metadata
from tests.conftest import PROJECT_ROOT
from tests.servers.fake_okta import FakeOrg

SSO_ID = SSO_APP_ID
SCIM_ID = SCIM_APP_ID


def dev_metadata() -> SpMetadata:
    return read_sp_metadata(PROJECT_ROOT / "metadata" / "dev.xml")


def certificate(days_left: int, name: str = "acme-idp") -> str:
    """A self-signed certificate, base64 DER, expiring in `days_left` days."""
    return self_signed_certificate(days_left, name)


def article_org(*, sso_cert_days: int = 400) -> FakeOrg:
    """The emulator's article org (its SAML settings are metadata/dev.xml's), with this fake server's links and an
    SSO signing certificate `sso_cert_days` from expiry."""
    org = article_seed(FakeOrg())
    for app in org.apps.values():
        app["_links"] = {
            "metadata": {"href": f"https://acme-dev.oktapreview.com/api/v1/apps/{app['id']}/sso/saml/metadata"}
        }
    expires = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=sso_cert_days)
    org.keys[SSO_ID][0].update({"x5c": [certificate(sso_cert_days)], "expiresAt": f"{expires:%Y-%m-%dT%H:%M:%S.000Z}"})
    return org
