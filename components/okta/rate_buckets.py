"""Okta's rate-limit buckets as a command meets them: which bucket each call draws on, how many calls it made
of each, and a pace that keeps it within a share of each bucket a minute.

The bucket names are Okta's management rate-limit page (developer.okta.com/docs/reference/rl-global-mgmt):
every `/api/v1/apps*` call not listed separately shares the apps bucket (an app's users included), an app by id
has its own; `/api/v1/groups*` except a group by id is "create or list groups" (a group's members included);
a GET of one user by id or login has its own; the rest of `/api/v1` is "most other API actions". The sizes are
not taken from that page: each response's `X-Rate-Limit-Limit` says what the org's bucket holds.

The share: the org's other tools, the Admin Console and Okta's own provisioning draw on the same buckets. A
read-only report should never starve them, so a command keeps to a quarter of each bucket a minute and waits for
the next window when it has used its quarter, saying so.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from components.errors import InputError
from components.http import clock
from components.limits import REPORT_BUCKET_SHARE
from components.okta.refusals import rate_limit_wait

_BUCKETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("/api/v1/apps/{id}", re.compile(r"^/api/v1/apps/[^/]+$")),
    ("/api/v1/apps", re.compile(r"^/api/v1/apps(/.*)?$")),
    ("/api/v1/groups/{id}", re.compile(r"^/api/v1/groups/[^/]+$")),
    ("/api/v1/groups", re.compile(r"^/api/v1/groups(/.*)?$")),
    ("/api/v1/users/{id}", re.compile(r"^/api/v1/users/[^/]+$")),
    ("/api/v1/users", re.compile(r"^/api/v1/users$")),
    ("/oauth2/v1/token", re.compile(r"^/oauth2/v1/token$")),
)


def bucket_of(path: str) -> str:
    """The bucket a GET of `path` (no query) draws on."""
    return next((name for name, pattern in _BUCKETS if pattern.match(path)), "/api/v1")


@dataclass
class _Window:
    limit: int
    ends_at: float  # on the local monotonic clock
    used: int = 0


def _limit(response: httpx.Response) -> int | None:
    try:
        value = float(response.headers.get("X-Rate-Limit-Limit", ""))
    except ValueError:
        return None
    return int(value) if math.isfinite(value) and value >= 1 else None


@dataclass
class CallMeter:
    """Counts each call per bucket and paces them: at most `share` of a bucket's limit in one window.

    `say` is told once per wait (stderr, in the commands); `sleep` and `clock` are injectable for tests.
    """

    share: float = REPORT_BUCKET_SHARE
    say: Callable[[str], None] = lambda _message: None
    sleep: Callable[[float], None] = clock.wait
    clock: Callable[[], float] = clock.monotonic
    calls: Counter[str] = field(default_factory=Counter)
    waited_seconds: float = 0.0
    _windows: dict[str, _Window] = field(default_factory=dict)

    def allowance(self, bucket: str) -> int | None:
        window = self._windows.get(bucket)
        return None if window is None else max(1, math.floor(window.limit * self.share))

    def before(self, path: str, remaining: float) -> None:
        """Called before each request: waits for the bucket's next window if this command has used its share.

        `remaining` is what is left of the command's deadline: a wait past it is not started, and the command
        stops rather than go over its share.
        """
        bucket = bucket_of(path)
        window = self._windows.get(bucket)
        if window is None:
            return
        now = self.clock()
        if now >= window.ends_at:
            window.used = 0
            return
        allowance = self.allowance(bucket) or 1
        if window.used < allowance:
            return
        wait = window.ends_at - now
        if wait >= remaining:
            raise InputError(
                "Okta",
                f"GET {path}",
                f"this command keeps to {allowance} of the {bucket} bucket's {window.limit} calls a minute, and the "
                f"next minute starts in {math.ceil(wait)} s, past its deadline: run it again with a larger --timeout",
            )
        self.say(
            f"waiting {math.ceil(wait)} s for Okta's {bucket} rate-limit window: this command keeps to "
            f"{allowance} of its {window.limit} calls a minute"
        )
        self.sleep(wait)
        self.waited_seconds += wait
        window.used = 0

    def seen(self, path: str, response: httpx.Response) -> None:
        """Called after each response (a 429 included: it counts against the bucket too)."""
        bucket = bucket_of(path)
        self.calls[bucket] += 1
        limit = _limit(response)
        # Okta's SDK waits `Reset - Date + 1` after a 429; the same reading says when this window ends.
        until_reset, reset = rate_limit_wait(response, clock.wall)
        window = self._windows.get(bucket)
        if limit is None or reset is None:
            if window is not None:
                window.used += 1
            return
        ends_at = self.clock() + until_reset
        if window is None or ends_at > window.ends_at + 1:  # a new window has begun
            window = self._windows[bucket] = _Window(limit, ends_at)
        window.limit = limit
        window.used += 1

    def to_json(self) -> dict[str, int]:
        return dict(sorted(self.calls.items()))
