"""The one reader of files the user names: regular files only, read up to a cap, every failure one InputError.

A FIFO would block forever, `/dev/zero` never ends and reports a size of 0, and a 50 MB "stack file" is not
one: the reader refuses what is not a regular file before opening it, opens without blocking, and stops
reading at the cap instead of trusting `st_size`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from components.errors import InputError
from components.limits import MAX_USER_FILE_BYTES, MIB

_CHUNK = 64 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_user_bytes(path: Path, display_name: str, limit: int, when_missing: str = "not found") -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; otherwise an InputError naming `shown`."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(display_name, "", when_missing) from None
    except OSError as exc:
        raise InputError(display_name, "", f"cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise InputError(display_name, "", f"is {_kind(mode)}; name a regular file")
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it still does not hang.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(display_name, "", f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise InputError(display_name, "", "is not a regular file; name a regular file")
        chunks: list[bytes] = []
        size = 0
        while chunk := handle.read(min(_CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputError(
                    display_name, "", f"is larger than {limit // MIB} MiB; that is not a file this tool reads"
                )
    return b"".join(chunks)


def decode_utf8(data: bytes, display_name: str) -> str:
    """UTF-8 text (a BOM from a Windows editor is fine); UTF-16 and other encodings get a clear error."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(display_name, "", "is saved as UTF-16; save it as UTF-8")
    try:
        return data.removeprefix(_UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(display_name, f"line {line}", "is not UTF-8 text; save it as UTF-8") from None


def read_user_text(
    path: Path, display_name: str, when_missing: str = "not found", limit: int = MAX_USER_FILE_BYTES
) -> str:
    return decode_utf8(read_user_bytes(path, display_name, limit, when_missing), display_name)


def replace_together(moves: list[tuple[Path, Path]]) -> None:
    """Rename each written file over its target, all or none: on a failure the targets are as they were."""
    backups: list[tuple[Path, Path | None]] = []
    try:
        for written, target in moves:
            backup = target.with_name(f".{target.name}.before-replace") if target.exists() else None
            if backup is not None:
                target.replace(backup)
            backups.append((target, backup))
            written.replace(target)
    except OSError:
        for target, backup in reversed(backups):
            if backup is not None:
                backup.replace(target)
            else:
                target.unlink(missing_ok=True)
        raise
    for _, backup in backups:
        if backup is not None:
            backup.unlink(missing_ok=True)
