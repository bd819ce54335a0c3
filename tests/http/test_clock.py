"""The commands' clock: under `virtual()` a wait passes at once and moves every reading on by as much, so a
deadline passes as it would; after the block, time is real again."""

from __future__ import annotations

import time

from components.http import clock
from components.http.budget import Deadline


def test_a_virtual_wait_passes_at_once_and_spends_the_deadline() -> None:
    with clock.virtual():
        deadline = Deadline(20)
        started, wall = time.monotonic(), clock.wall()
        clock.wait(15)
        assert time.monotonic() - started < 1
        assert 14 < deadline.seconds - deadline.remaining() < 16 and clock.wall() - wall >= 15
        clock.wait(6)
        assert deadline.expired
    assert abs(clock.monotonic() - time.monotonic()) < 1 and abs(clock.wall() - time.time()) < 1


def test_outside_the_block_a_wait_is_real() -> None:
    started = time.monotonic()
    clock.wait(0.2)
    assert time.monotonic() - started >= 0.2
