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
