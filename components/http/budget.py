"""What one command may spend on Okta: a deadline for all of it, and one budget of retries.

Per-request timeouts alone do not bound a command: a server that accepts and never responds costs a read timeout
per attempt, one that trickles a byte every half second never trips a read timeout at all, and each retry starts
the clock again. So every read, connect, wait and retry of a command draws on the same deadline and budget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from components.http import clock
from components.limits import (
    DEFAULT_TIMEOUT_SECONDS,
    MAX_TIMEOUT_SECONDS,
    MIN_TIMEOUT_SECONDS,
    REQUEST_SECONDS,
    RETRIES,
    RETRIES_AFTER_TIMEOUT,
)


def timeout_argument(value: str) -> float:
    """`--timeout SECONDS`: a number from MIN_TIMEOUT_SECONDS to MAX_TIMEOUT_SECONDS (1 to 3600)."""
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a number of seconds") from None
    if not MIN_TIMEOUT_SECONDS <= seconds <= MAX_TIMEOUT_SECONDS:  # also refuses nan and inf
        raise ValueError(f"{value} must be from {MIN_TIMEOUT_SECONDS:g} to {MAX_TIMEOUT_SECONDS:g} seconds")
    return seconds


@dataclass
class Deadline:
    """The moment a command gives up, on a monotonic clock (a wall-clock change cannot move it); within it, the
    moment the request under way gives up (`attempt`), which a retry may follow."""

    seconds: float = DEFAULT_TIMEOUT_SECONDS
    clock: Callable[[], float] = clock.monotonic
    _end: float = field(init=False)
    _attempt_end: float | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self._end = self.clock() + self.seconds

    def remaining(self) -> float:
        """Of the command."""
        return max(0.0, self._end - self.clock())

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def attempt_remaining(self) -> float:
        """Of the request under way: what the sockets may wait."""
        end = self._end if self._attempt_end is None else min(self._end, self._attempt_end)
        return max(0.0, end - self.clock())

    def bounded(self, seconds: float) -> float:
        """`seconds`, or less when the request's end comes first (a socket timeout of 0 would mean "no wait")."""
        return max(0.001, min(seconds, self.attempt_remaining()))

    @contextmanager
    def attempt(self, seconds: float = REQUEST_SECONDS) -> Iterator[None]:
        self._attempt_end = self.clock() + seconds
        try:
            yield
        finally:
            self._attempt_end = None

    def described(self) -> str:
        return f"this command's deadline (--timeout {self.seconds:g} s)"


@dataclass
class RetryBudget:
    retries: int = RETRIES
    after_timeout: int = RETRIES_AFTER_TIMEOUT
    spent: int = 0

    def take(self, *, after_timeout: bool = False) -> bool:
        """Whether one more retry may be made; takes it from the budget when it may."""
        if self.retries <= 0 or (after_timeout and self.after_timeout <= 0):
            return False
        self.retries -= 1
        self.spent += 1
        if after_timeout:
            self.after_timeout -= 1
        return True
