"""What a handler gets and gives back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from components.emulator.okta_errors import invalid


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    base: str  # http://127.0.0.1:<port>, as the client addressed it
    authorization: str
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # the path's {ids}
    dpop: str = ""  # the DPoP header: a proof of possession (credentials.py)

    def json(self) -> Any:
        try:
            return json.loads(self.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise invalid("the request body is not JSON") from None

    def arg(self, name: str, default: str = "") -> str:
        return self.query.get(name, [default])[0]


@dataclass
class Answer:
    status: int
    payload: Any  # JSON-able, or str for XML
    headers: list[tuple[str, str]] = field(default_factory=list)


def ok(payload: Any, status: int = 200, links: list[str] | None = None) -> Answer:
    return Answer(status, payload, [("Link", link) for link in links or []])
