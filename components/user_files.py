"""Reading a text file the user named, turning every way it can fail into one InputError."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def read_user_text(path: Path, shown: str, when_missing: str = "not found") -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # a BOM from a Windows editor is not an error
    except FileNotFoundError:
        raise InputError(shown, "", when_missing) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(shown, "", f"cannot be read: {exc}") from None
