"""An emulated org served on 127.0.0.1 for each test, and a client that speaks to it as the provider would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from components.emulator.org import EmulatedOrg
from components.emulator.seeds import article_org
from components.emulator.server import EmulatorServer

TOKEN = "00aEMULATORtestTOKEN000000000000000000000000"


@dataclass
class Served:
    org: EmulatedOrg
    url: str
    client: httpx.Client

    def call(self, method: str, path: str, body: Any = None, **params: Any) -> httpx.Response:
        return self.client.request(method, path, json=body, params=params or None)

    def ok(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        response = self.call(method, path, body, **params)
        assert response.status_code < 300, response.text
        return response.json() if response.content else None


ACS = "https://secured.gainsightcloud.com/login/callback?connection=acme"


def saml_app(label: str, **extra: Any) -> dict[str, Any]:
    """A custom SAML 2.0 app as Okta takes it: a label, the mode, where to post the assertion and for whom."""
    sign_on = {"ssoAcsUrl": ACS, "recipient": ACS, "destination": ACS, "audience": "urn:auth0:gainsight:acme"}
    return {"label": label, "signOnMode": "SAML_2_0", "settings": {"signOn": sign_on}, **extra}


def serve(org: EmulatedOrg) -> Iterator[Served]:
    with (
        EmulatorServer(org) as url,
        httpx.Client(base_url=url, headers={"Authorization": f"SSWS {TOKEN}"}, timeout=10) as client,
    ):
        yield Served(org, url, client)


@pytest.fixture
def article() -> Iterator[Served]:
    yield from serve(article_org())


@pytest.fixture
def empty() -> Iterator[Served]:
    yield from serve(EmulatedOrg())
