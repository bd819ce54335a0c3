"""Okta's error body: errorCode, errorSummary, errorLink, errorId, errorCauses (Okta's "Error" schema in the
management OpenAPI spec; the `okta` SDK's `okta.models.Error`). `errorLink` repeats the code, as Okta's docs show."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class OktaError(Exception):
    status: int
    code: str
    summary: str
    causes: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {
            "errorCode": self.code,
            "errorSummary": self.summary,
            "errorLink": self.code,
            "errorId": f"oae{uuid.uuid4().hex[:19]}",
            "errorCauses": [{"errorSummary": cause} for cause in self.causes],
        }


def not_found(path: str) -> OktaError:
    return OktaError(404, "E0000007", f"Not found: Resource not found: {path} (Resource)")


def invalid(summary: str, *causes: str) -> OktaError:
    return OktaError(400, "E0000001", f"Api validation failed: {summary}", list(causes))


def internal_error() -> OktaError:
    return OktaError(500, "E0000009", "Internal Server Error")


def unauthorized() -> OktaError:
    return OktaError(401, "E0000011", "Invalid token provided")


def forbidden() -> OktaError:
    return OktaError(403, "E0000006", "You do not have permission to perform the requested action")


def method_not_allowed() -> OktaError:
    return OktaError(405, "E0000022", "The endpoint does not support the provided HTTP method")
