"""The pace a report keeps (components/okta/rate_buckets.py): a quarter of each bucket a minute, the bucket's size
read from Okta's `X-Rate-Limit-Limit` and the window's end from `X-Rate-Limit-Reset - Date + 1` (as Okta's SDK
waits), and the bucket names of Okta's management rate-limit page."""

from __future__ import annotations

from email.utils import formatdate

import httpx
import pytest

from components.errors import InputError
from components.okta.rate_buckets import CallMeter, bucket_of

OKTA_NOW = 1_900_000_000


def answer(limit: int = 100, reset_in: int = 60, now: int = OKTA_NOW) -> httpx.Response:
    headers = {
        "X-Rate-Limit-Limit": str(limit),
        "X-Rate-Limit-Remaining": "50",
        "X-Rate-Limit-Reset": str(now + reset_in),
        "Date": formatdate(now, usegmt=True),
    }
    return httpx.Response(200, headers=headers)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.mark.parametrize(
    ("path", "bucket"),
    [
        ("/api/v1/apps/0oa1/users", "/api/v1/apps"),
        ("/api/v1/apps/0oa1/groups", "/api/v1/apps"),
        ("/api/v1/apps/0oa1", "/api/v1/apps/{id}"),
        ("/api/v1/groups/00g1/users", "/api/v1/groups"),
        ("/api/v1/groups", "/api/v1/groups"),
        ("/api/v1/groups/00g1", "/api/v1/groups/{id}"),
        ("/api/v1/users/00u1", "/api/v1/users/{id}"),
        ("/api/v1/users/00u1/groups", "/api/v1"),
        ("/api/v1/meta/schemas/apps/0oa1/default", "/api/v1"),
    ],
)
def test_each_call_is_counted_on_okta_s_bucket(path: str, bucket: str) -> None:
    assert bucket_of(path) == bucket


def test_a_quarter_of_the_bucket_then_a_wait_for_the_next_window_said_once() -> None:
    clock, said = Clock(), []
    meter = CallMeter(say=said.append, sleep=clock.sleep, clock=clock)
    for _ in range(25):  # a quarter of 100
        meter.before("/api/v1/apps/0oa1/users", remaining=300)
        meter.seen("/api/v1/apps/0oa1/users", answer())
    assert clock.slept == []
    meter.before("/api/v1/apps/0oa1/users", remaining=300)
    assert clock.slept == [61.0]  # Reset - Date + 1
    assert len(said) == 1 and "keeps to 25 of its 100 calls a minute" in said[0]
    assert meter.to_json() == {"/api/v1/apps": 25}
    # The next window: 25 more before any wait; another bucket has its own count.
    meter.seen("/api/v1/apps/0oa1/users", answer(now=OKTA_NOW + 61))
    meter.seen("/api/v1/groups/00g1/users", answer(limit=500, now=OKTA_NOW + 61))
    meter.before("/api/v1/groups/00g1/users", remaining=300)
    assert clock.slept == [61.0] and meter.allowance("/api/v1/groups") == 125


def test_a_wait_past_the_deadline_stops_the_command_rather_than_go_over_its_share() -> None:
    clock = Clock()
    meter = CallMeter(share=0.25, sleep=clock.sleep, clock=clock)
    for _ in range(25):
        meter.seen("/api/v1/apps/0oa1/users", answer())
    with pytest.raises(InputError) as caught:
        meter.before("/api/v1/apps/0oa1/users", remaining=30)
    assert clock.slept == [] and meter.to_json() == {"/api/v1/apps": 25}
    assert "keeps to 25 of the /api/v1/apps bucket's 100 calls a minute" in caught.value.message
    assert "larger --timeout" in caught.value.message


def test_answers_without_rate_limit_headers_are_counted_and_never_waited_for() -> None:
    clock = Clock()
    meter = CallMeter(sleep=clock.sleep, clock=clock)
    for _ in range(200):
        meter.before("/api/v1/apps/0oa1/users", remaining=300)
        meter.seen("/api/v1/apps/0oa1/users", httpx.Response(200))
    assert clock.slept == [] and meter.to_json() == {"/api/v1/apps": 200}
