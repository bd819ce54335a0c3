"""`make` alone lists every target that has a `## what it does` comment: the help's pattern once left out the
names with a digit (`e2e`, `e2e-tools`, `e2e-bin`), issue 35 item 7."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_make_alone_lists_every_documented_target() -> None:
    documented = re.findall(r"(?m)^([a-z][\w-]*):.*## ", (ROOT / "Makefile").read_text())
    listed = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    shown = re.findall(r"(?m)^  make (\S+)", listed)
    assert {"e2e", "e2e-tools", "e2e-bin", "e2e-conformance"} <= set(documented)
    assert shown == documented
