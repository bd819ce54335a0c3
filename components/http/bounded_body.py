"""A response's body read within bounds: streamed with a size cap, decompressed with a cap, JSON with a depth cap.

Bodies are never read whole before they are measured: a 500 MiB response, an endless chunked one or a gzip bomb
ends at the cap with one error line, and memory stays a few times the cap. The largest response these commands
read from a real org (a page of 200 apps with their settings) is well under 1 MiB.
"""

from __future__ import annotations

import itertools
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from components.errors import InputError
from components.limits import MAX_BODY_BYTES, MAX_JSON_DEPTH


def _cap_error(where: str) -> InputError:
    return InputError("Okta", where, f"responded with more than {MAX_BODY_BYTES // (1024 * 1024)} MiB; stopped reading")


def _gunzip(where: str) -> Callable[[bytes, int], bytes]:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def decode(data: bytes, room: int) -> bytes:
        try:
            return decompressor.decompress(data, room)  # at most `room` bytes: a bomb stops at the cap
        except zlib.error:
            raise InputError("Okta", where, "responded with a gzip body that cannot be decompressed") from None

    return decode


def read_body(chunks: Iterable[bytes], content_encoding: str, where: str, check: Callable[[], None]) -> bytes:
    """The decoded body from its raw `chunks`; `check` runs after each chunk (the command's deadline)."""
    encoding = content_encoding.strip().lower()
    if encoding not in ("", "identity", "gzip"):
        raise InputError("Okta", where, f"responded with Content-Encoding {encoding[:40]!r}, which was not asked for")
    decode = _gunzip(where) if encoding == "gzip" else None
    parts: list[bytes] = []
    raw = size = 0
    for chunk in chunks:
        check()
        raw += len(chunk)
        if raw > MAX_BODY_BYTES:
            raise _cap_error(where)
        data = decode(chunk, MAX_BODY_BYTES - size + 1) if decode else chunk
        size += len(data)
        if size > MAX_BODY_BYTES:
            raise _cap_error(where)
        parts.append(data)
    return b"".join(parts)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _check_shape(value: Any, where: str) -> None:
    """Depth within the cap, and text that is Unicode (a lone surrogate cannot be written to YAML or a terminal).

    A stack of iterators, one per level: memory grows with the depth, not with the size (a 4 MiB page of a
    million tiny objects must not double what parsing it took)."""
    levels: list[Iterator[Any]] = [iter((value,))]
    while levels:
        for item in levels[-1]:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise InputError("Okta", where, "responded with text holding an unpaired surrogate") from None
            elif isinstance(item, (dict, list)):
                if len(levels) > MAX_JSON_DEPTH:
                    raise InputError("Okta", where, f"responded with JSON nested deeper than {MAX_JSON_DEPTH} levels")
                levels.append(itertools.chain(item.keys(), item.values()) if isinstance(item, dict) else iter(item))
                break
        else:
            levels.pop()


def parse_json(body: bytes, where: str) -> Any:
    try:
        value = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except RecursionError:
        raise InputError("Okta", where, f"responded with JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    except (ValueError, UnicodeDecodeError):
        raise InputError("Okta", where, "responded with non-JSON") from None
    _check_shape(value, where)
    return value


def error_object(body: bytes, where: str) -> dict[str, Any]:
    """An error response's JSON object (Okta's `errorSummary`, OAuth's `error`), or {} when it has none."""
    try:
        value = parse_json(body, where)
    except InputError:
        return {}
    return value if isinstance(value, dict) else {}
