"""The one error type that bad user input raises, rendered as a single `error:` line."""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike

from components.printable import printable


class InputError(Exception):
    """Bad input in a file the user controls: a stack file, a metadata file.

    `location` is the config key (``gainsight-okta:samlApp.label``) or the XML element
    (``<AssertionConsumerService>``) at fault, so the user knows where to look.
    """

    def __init__(self, source: str | PathLike[str], location: str, message: str) -> None:
        self.source = str(source)
        self.location = location
        self.message = message
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.source}: {self.location}" if self.location else self.source
        # One line, always: a multi-line message would break "one error line" for CI logs. Whatever a server or a
        # file put into the message is shown without credentials or terminal control characters.
        return printable(" ".join(f"error: {where}: {self.message}".split()))


def key_path(parts: Iterable[int | str]) -> str:
    """Where in a document a value sits, as people write it: `groups[0].profile.LicenseType`."""
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path
