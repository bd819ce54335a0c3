"""One thing `verify` found wrong in the live org, as the reports and `--refresh-targets` use it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

EXAMPLES = 5  # the logins a people finding names: enough to start looking, never the whole org


def examples(logins: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(logins)[:EXAMPLES])


@dataclass(frozen=True)
class Finding:
    check: str  # a stable key: priority-order, group-profile, attribute, provisioning, hidden, username, ...
    subject: str
    message: str
    severity: str = "error"  # "error": wrong now; "warning": will be (a certificate about to expire)
    # The resources whose state in Pulumi no longer matches Okta: `pulumi refresh --target` them, and the next
    # `pulumi up` writes back what the stack declares. Empty when no resource of the stack can put it back.
    refresh: tuple[str, ...] = ()
    # Logins the finding is about (a few): shown in the terminal and in --json, never in --markdown, which goes
    # into an issue others read.
    people: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "severity": self.severity,
            "subject": self.subject,
            "message": self.message,
            "refresh": list(self.refresh),
            "people": list(self.people),
        }
