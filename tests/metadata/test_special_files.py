"""Metadata paths that are not regular files: refused at once, never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from components.errors import InputError
from components.metadata.sp_metadata import read_sp_metadata


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "metadata.xml"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        read_sp_metadata(fifo)
    assert "named pipe" in caught.value.message


def test_dev_zero_is_refused_without_reading_it() -> None:
    with pytest.raises(InputError) as caught:
        read_sp_metadata(Path("/dev/zero"))
    assert "is a device" in caught.value.message
