"""The clock every wait of a command is measured and spent on: real time, unless a test makes it virtual.

Waits here (a 429's reset, a back-off, a rate-limit window) are long by design; a test of the whole command line
(`main(argv)` in process) should see them counted, not spend them. Under `virtual()`, `wait` adds to an offset
that `monotonic` and `wall` include, so a deadline passes exactly as it would, in no real time. Sockets still
wait in real time: a silent or trickling test server is measured on the real clock plus the offset, as before.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class _Offset:
    seconds = 0.0
    virtual = False


def monotonic() -> float:
    return time.monotonic() + _Offset.seconds


def wall() -> float:
    return time.time() + _Offset.seconds


def wait(seconds: float) -> None:
    if _Offset.virtual:
        _Offset.seconds += max(0.0, seconds)
    else:
        time.sleep(seconds)


@contextmanager
def virtual() -> Iterator[None]:
    """For tests: waits pass at once and move the clock on by as much, until the block ends."""
    _Offset.virtual = True
    try:
        yield
    finally:
        _Offset.virtual, _Offset.seconds = False, 0.0
