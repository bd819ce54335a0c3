"""docs/design.md's table of the replay: for each recording of real Okta, how many interactions were replayed, and of
those how many answered equal, equal under a listed difference, or from seeded data; and how many were seeded or
skipped (tests/emulator/test_recordings.py).

`venv/bin/python -m tests.emulator.replay_table --write` rewrites the table (and prints it); the replay's test
checks it is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

DESIGN = Path(__file__).resolve().parents[2] / "docs" / "design.md"
START = "<!-- replay: made by `venv/bin/python -m tests.emulator.replay_table --write` -->"
END = "<!-- /replay -->"
COLUMNS = ("replayed", "equal", "equal under a listed difference", "seeded answer", "seeded", "skipped")


def table() -> str:
    from tests.emulator.test_recordings import ALL, counts

    rows = ["| recording | " + " | ".join(COLUMNS) + " |", "| --- |" + " ---: |" * len(COLUMNS)]
    total = dict.fromkeys(COLUMNS, 0)
    for name in ALL:
        found = counts(name)
        rows.append(f"| `{name}` | " + " | ".join(str(found[column]) for column in COLUMNS) + " |")
        for column in COLUMNS:
            total[column] += found[column]
    rows.append("| all | " + " | ".join(f"**{total[column]}**" for column in COLUMNS) + " |")
    return "\n".join(rows)


def in_docs(text: str) -> str:
    """What stands between the markers (each on a line of its own)."""
    return text.split(START + "\n", 1)[1].split(END, 1)[0].removesuffix("\n")


if __name__ == "__main__":
    made = table()
    print(made)
    if sys.argv[1:] == ["--write"]:
        text = DESIGN.read_text()
        DESIGN.write_text(text.replace(in_docs(text), made))
