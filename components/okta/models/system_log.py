"""Okta's System Log events (`GET /api/v1/logs`, Okta's LogEvent schema): just what verify reads of a failed push."""

from __future__ import annotations

from pydantic import Field

from components.okta.models.base import OktaDocument, ServerText


class LogOutcome(OktaDocument):
    result: ServerText | None = None  # SUCCESS, FAILURE, SKIPPED, ALLOW, DENY, CHALLENGE, UNKNOWN
    reason: ServerText | None = None


class LogEvent(OktaDocument):
    event_type: ServerText | None = Field(None, alias="eventType")
    published: ServerText | None = None
    display_message: ServerText | None = Field(None, alias="displayMessage")
    outcome: LogOutcome | None = None

    @property
    def reason(self) -> str:
        return (self.outcome.reason if self.outcome else None) or self.display_message or ""
