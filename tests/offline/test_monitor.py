"""How recorded values are made readable: secrets redacted, unknowns spelled out, keys in a stable order."""

from __future__ import annotations

from pulumi.output import Unknown
from pulumi.runtime import rpc

from components.offline.monitor import SECRET_TEXT, UNKNOWN_TEXT, readable


def test_secrets_are_redacted_at_any_depth() -> None:
    value = {"b": [rpc.wrap_rpc_secret("s3cr3t")], "a": {"token": rpc.wrap_rpc_secret("x")}}
    assert readable(value) == {"a": {"token": SECRET_TEXT}, "b": [SECRET_TEXT]}


def test_unknowns_are_spelled_out() -> None:
    assert readable({"name": Unknown(), "id": rpc.UNKNOWN}) == {"id": UNKNOWN_TEXT, "name": UNKNOWN_TEXT}


def test_keys_are_sorted() -> None:
    assert list(readable({"z": 1, "a": 2, "m": 3})) == ["a", "m", "z"]


def test_integral_numbers_are_integers() -> None:
    assert readable({"priority": 2.0, "ratio": 0.5}) == {"priority": 2, "ratio": 0.5}
    assert isinstance(readable(2.0), int)
