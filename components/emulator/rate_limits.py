"""Okta's per-minute rate-limit buckets, with the headers Okta sends on every answer.

Okta (rate-limit docs, Enterprise/Workforce limits): every `/api/v1/apps*` endpoint not listed separately, which
includes `/apps/{id}/groups*` and `/credentials/keys*`, shares one bucket of 100 a minute; an app by id 500; create
and list groups 500; most other `/api/v1` endpoints (schemas, mappings, a group by id) 1,200. Each answer carries
`X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset` (epoch seconds of the window's end) and a
`Date`; a spent bucket answers 429 E0000047 until the reset. Okta's SDK waits `Reset - Date + 1`.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate

from .okta_errors import OktaError

WINDOW_SECONDS = 60

# (bucket, path pattern): the first match names the bucket.
_BUCKETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("/api/v1/apps/{id}", re.compile(r"^/api/v1/apps/[^/]+$")),
    ("/api/v1/apps", re.compile(r"^/api/v1/apps(/.*)?$")),
    ("/api/v1/groups", re.compile(r"^/api/v1/groups$")),
    ("/oauth2/v1/token", re.compile(r"^/oauth2/v1/token$")),
)
DEFAULT_LIMITS = {
    "/api/v1/apps": 100,
    "/api/v1/apps/{id}": 500,
    "/api/v1/groups": 500,
    "/oauth2/v1/token": 600,
    "/api/v1": 1200,
}


def bucket_of(path: str) -> str:
    return next((name for name, pattern in _BUCKETS if pattern.match(path)), "/api/v1")


@dataclass
class RateLimits:
    limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    clock: Callable[[], float] = time.time
    _used: dict[str, tuple[int, int]] = field(default_factory=dict)  # bucket -> (window start, calls)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, bucket: str) -> dict[str, str]:
        """Count one call against `bucket`; its headers, or OktaError 429 when the bucket is spent."""
        now = self.clock()
        limit = self.limits.get(bucket, DEFAULT_LIMITS["/api/v1"])
        with self._lock:
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
                raise OktaError(429, "E0000047", "API call exceeded rate limit due to too many requests.", [], headers)
            self._used[bucket] = (start, used + 1)
            headers["X-Rate-Limit-Remaining"] = str(limit - used - 1)
            return headers
