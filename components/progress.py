"""What a long read shows while it runs: on a terminal, one live line (rich) with the list being read, its items
and pages, the calls so far and the current wait, counted down; anywhere else (CI, a pipe, `--json`) nothing
more than before: the same "waiting N s" lines on stderr, and waits that are plain sleeps.

The clock is injected (`components/http/clock.py` in the commands): this module sits below the HTTP layer.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

_ID = re.compile(r"/(?=[^/]*\d)[A-Za-z0-9_-]{12,}(?=/|$)")  # an Okta id in a path: 0oa1b2c3d4e5f6g7h8i9


def _listed_name(path: str) -> str:
    """`/api/v1/apps/0oa1…/users` -> `/api/v1/apps/{id}/users`: the list, not the org's ids."""
    return _ID.sub("/{id}", path)


class Progress:
    """The silent kind: lines as the commands always printed them, waits as plain sleeps."""

    def __init__(self, wait: Callable[[float], None], stream: TextIO | None = None) -> None:
        self._wait = wait
        self._stream = stream

    def say(self, message: str) -> None:
        """A line worth keeping (a rate-limit wait): stderr, above the live line on a terminal."""
        print(message, file=self._stream or sys.stderr)

    def sleep(self, seconds: float) -> None:
        self._wait(seconds)

    def listed(self, path: str, items: int, pages: int) -> None:
        """A page of a list was read: `items` and `pages` of `path` so far."""

    def called(self, calls: int) -> None:
        """A request was answered: `calls` so far."""


class TerminalProgress(Progress):
    """One live line on a terminal, redrawn in place, cleared when the command ends."""

    def __init__(
        self,
        wait: Callable[[float], None],
        monotonic: Callable[[], float],
        stream: TextIO,
        *,
        force_terminal: bool | None = None,
    ) -> None:
        super().__init__(wait, stream)
        from rich.console import Console  # loaded only where a terminal shows it
        from rich.progress import Progress as Bar
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        self._monotonic = monotonic
        self.console = Console(file=stream, force_terminal=force_terminal, highlight=False)
        self._bar = Bar(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self._task = self._bar.add_task("connecting to Okta", total=None)
        self._reading = ""
        self._calls = 0
        self._waiting = ""

    def __enter__(self) -> TerminalProgress:
        self._bar.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._bar.stop()

    def _show(self) -> None:
        calls = f"{self._calls:,} calls" if self._calls else ""
        parts = [part for part in (self._reading, calls, self._waiting) if part]
        self._bar.update(self._task, description=" \N{MIDDLE DOT} ".join(parts) or "connecting to Okta")
        self._bar.refresh()

    def say(self, message: str) -> None:
        self.console.print(message, markup=False)

    def sleep(self, seconds: float) -> None:
        """The wait, counted down on the live line a second at a time."""
        end = self._monotonic() + max(0.0, seconds)
        while (left := end - self._monotonic()) > 0:
            self._waiting = f"waiting {math.ceil(left)} s"
            self._show()
            self._wait(min(1.0, left))
        self._waiting = ""
        self._show()

    def listed(self, path: str, items: int, pages: int) -> None:
        page_word = "page" if pages == 1 else "pages"
        self._reading = f"reading {_listed_name(path)}: {items:,} so far ({pages:,} {page_word})"
        self._show()

    def called(self, calls: int) -> None:
        self._calls = calls
        self._show()


def on_a_terminal(stream: TextIO) -> bool:
    """A person watching: a TTY, not CI, not TERM=dumb."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


@contextmanager
def progress_for(
    *, json_output: bool, wait: Callable[[float], None], monotonic: Callable[[], float], stream: TextIO | None = None
) -> Iterator[Progress]:
    """The live line on a terminal; the silent kind for `--json` and off a terminal, whatever the stream."""
    stream = stream or sys.stderr
    if json_output or not on_a_terminal(stream):
        yield Progress(wait, stream)
        return
    with TerminalProgress(wait, monotonic, stream) as progress:
        yield progress
