"""Okta's per-minute rate-limit buckets, with the headers Okta sends on every response.

Okta's management rate-limit page (developer.okta.com/docs/reference/rl-global-mgmt, the Workforce Identity
column): "Create, list, or other app actions": `/api/v1/apps` and every `/api/v1/apps/*` not listed separately
(an app's groups, users, keys) 100; "Get, update, or delete an app by ID": `/api/v1/apps/{id}` 500; "Create or list
groups: /api/v1/groups except /api/v1/groups/{id}" (a group's members included) 500; "Get, update, or delete a group
by ID: /api/v1/groups/{id} only" 1,000; "Create or list users: Only GET or POST to /api/v1/users" 600; "Get a user
by ID or sign in: Only GET to /api/v1/users/{idOrLogin}" 2,000; "Most other API actions: /api/v1" (a user's groups,
schemas, mappings) 1,200. Each response carries `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and
`X-Rate-Limit-Reset` (epoch seconds of the window's end) and a `Date`; a spent bucket responds 429 E0000047 until the
reset. Okta's SDK waits `Reset - Date + 1`. An org's table is set when it is made: `RateLimits(limits={...})` sets
the buckets it names and keeps Okta's for the others.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate

from components.emulator.okta_errors import OktaError

WINDOW_SECONDS = 60

# (bucket, methods or None for any, path pattern): the first match names the bucket.
_BUCKETS: tuple[tuple[str, frozenset[str] | None, re.Pattern[str]], ...] = (
    ("/api/v1/apps/{id}", None, re.compile(r"^/api/v1/apps/[^/]+$")),
    ("/api/v1/apps", None, re.compile(r"^/api/v1/apps(/.*)?$")),
    ("/api/v1/groups/{id}", None, re.compile(r"^/api/v1/groups/[^/]+$")),
    ("/api/v1/groups", None, re.compile(r"^/api/v1/groups(/.*)?$")),
    ("/api/v1/users/{id}", frozenset({"GET"}), re.compile(r"^/api/v1/users/[^/]+$")),
    ("/api/v1/users", frozenset({"GET", "POST"}), re.compile(r"^/api/v1/users$")),
    ("/oauth2/v1/token", None, re.compile(r"^/oauth2/v1/token$")),
)
DEFAULT_LIMITS = {
    "/api/v1/apps": 100,
    "/api/v1/apps/{id}": 500,
    "/api/v1/groups": 500,
    "/api/v1/groups/{id}": 1000,
    "/api/v1/users": 600,
    "/api/v1/users/{id}": 2000,
    "/oauth2/v1/token": 600,
    "/api/v1": 1200,
}


def bucket_of(path: str, method: str = "GET") -> str:
    return next(
        (name for name, methods, pattern in _BUCKETS if (methods is None or method in methods) and pattern.match(path)),
        "/api/v1",
    )


@dataclass
class RateLimits:
    limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    clock: Callable[[], float] = time.time
    _used: dict[str, tuple[int, int]] = field(default_factory=dict)  # bucket -> (window start, calls)
    _calls: Counter[str] = field(default_factory=Counter)  # bucket -> calls since the org was made
    _refused: Counter[str] = field(default_factory=Counter)  # bucket -> 429s answered
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def calls_by_bucket(self) -> dict[str, int]:
        """How many calls each bucket has counted, the refused (429) ones included."""
        with self._lock:
            return dict(self._calls)

    def refused_by_bucket(self) -> dict[str, int]:
        """How many calls each bucket answered 429."""
        with self._lock:
            return dict(self._refused)

    def enforce(self, limits: dict[str, int]) -> None:
        """From now on, these limits, each bucket's window starting afresh (a benchmark lifts Okta's limits to
        build a large org fast, then measures a change at Okta's own)."""
        with self._lock:
            self.limits = dict(limits)
            self._used.clear()

    def limit_of(self, bucket: str) -> int:
        return self.limits.get(bucket, DEFAULT_LIMITS.get(bucket, DEFAULT_LIMITS["/api/v1"]))

    def take(self, bucket: str) -> dict[str, str]:
        """Count one call against `bucket`; its headers, or OktaError 429 when the bucket is spent."""
        now = self.clock()
        limit = self.limit_of(bucket)
        with self._lock:
            self._calls[bucket] += 1
            start, used = self._used.get(bucket, (0, 0))
            if now >= start + WINDOW_SECONDS:
                start, used = int(now), 0
            reset = start + WINDOW_SECONDS
            headers = {
                "X-Rate-Limit-Limit": str(limit),
                "X-Rate-Limit-Reset": str(reset),
                "Date": formatdate(now, usegmt=True),
            }
            if used >= limit:
                headers["X-Rate-Limit-Remaining"] = "0"
                self._refused[bucket] += 1
                raise OktaError(429, "E0000047", "API call exceeded rate limit due to too many requests.", [], headers)
            self._used[bucket] = (start, used + 1)
            headers["X-Rate-Limit-Remaining"] = str(limit - used - 1)
            return headers
