"""The bounds of one command against Okta, unit by unit: the deadline, the retry budget, the body caps."""

from __future__ import annotations

import gzip
import json

import pytest

from components.errors import InputError
from components.http.bounded_body import parse_json, read_body
from components.http.budget import Deadline, RetryBudget, timeout_argument
from components.limits import MAX_BODY_BYTES, MAX_JSON_DEPTH, RETRIES, RETRIES_AFTER_TIMEOUT
from tests.conftest import run_cli

WHERE = "GET /api/v1/apps"


def chunks(data: bytes, size: int = 65536) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def test_a_gzip_body_within_the_cap_is_decoded() -> None:
    document = [{"id": f"0oa{i}", "label": "Gainsight"} for i in range(1000)]
    body = gzip.compress(json.dumps(document).encode())
    assert parse_json(read_body(chunks(body), "gzip", WHERE, lambda: None), WHERE) == document


def test_a_body_one_byte_over_the_cap_is_refused_decoded_or_not() -> None:
    exact = b" " * MAX_BODY_BYTES
    assert len(read_body(chunks(exact), "", WHERE, lambda: None)) == MAX_BODY_BYTES
    for encoding, body in (("", exact + b" "), ("gzip", gzip.compress(exact + b" "))):
        with pytest.raises(InputError, match="more than 4 MiB"):
            read_body(chunks(body), encoding, WHERE, lambda: None)


def test_an_encoding_not_asked_for_is_refused() -> None:
    with pytest.raises(InputError, match="Content-Encoding 'br', which was not asked for"):
        read_body([b"x"], "br", WHERE, lambda: None)


def test_the_check_runs_between_chunks() -> None:
    seen: list[int] = []
    read_body([b"a", b"b", b"c"], "", WHERE, lambda: seen.append(1))
    assert len(seen) == 3


def test_json_depth_is_capped_below_and_above_python_s_recursion_limit() -> None:
    assert parse_json(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH, WHERE) is not None
    for depth in (MAX_JSON_DEPTH + 1, 100_000):
        with pytest.raises(InputError, match="nested deeper than 64 levels"):
            parse_json(b"[" * depth + b"]" * depth, WHERE)


@pytest.mark.parametrize("body", [b'{"a": NaN}', b"[Infinity]", b"\xff\xfe", b"<html>"])
def test_what_is_not_json_is_refused(body: bytes) -> None:
    with pytest.raises(InputError, match="non-JSON"):
        parse_json(body, WHERE)


def test_the_retry_budget_is_one_for_the_command_with_fewer_after_timeouts() -> None:
    budget = RetryBudget()
    assert [budget.take(after_timeout=True) for _ in range(RETRIES_AFTER_TIMEOUT + 1)] == [True, True, False]
    assert sum(budget.take() for _ in range(RETRIES + 5)) == RETRIES - RETRIES_AFTER_TIMEOUT
    assert budget.spent == RETRIES


def test_the_deadline_runs_on_its_own_clock() -> None:
    now = [100.0]
    deadline = Deadline(10, clock=lambda: now[0])
    assert deadline.remaining() == 10 and deadline.bounded(30) == 10 and not deadline.expired
    now[0] = 109.5
    assert deadline.bounded(30) == pytest.approx(0.5)
    now[0] = 111
    assert deadline.expired and deadline.bounded(30) > 0  # never 0: a socket timeout of 0 means "do not wait"


@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf", "3601", "soon"])
def test_a_timeout_out_of_range_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        timeout_argument(value)
    result = run_cli("verify", "--stack", "dev", "--timeout", value)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "--timeout" in result.stderr
    assert len(result.stderr.splitlines()) == 1
