"""Scenario 5: the Okta API calls of each workflow run, counted per bucket by the emulator, at 10 and 100 groups.
The design's claim (docs/api-cost.md): a change to one group costs the same calls on the `/api/v1/apps*` bucket
whatever the number of groups, and so does the workflows' refresh. The table is written to E2E_RESULTS (a folder,
when set) for docs/api-cost.md; `bench/e2e_api_cost.py` adds 1,000 groups."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .api_cost import markdown, measure
from .conftest import Engine

SIZES = (10, 100)


def test_one_group_s_change_costs_the_same_at_10_and_100_groups(engine: Engine, tmp_path: Path) -> None:
    sizes = {n: measure(engine, f"cost{n}", n) for n in SIZES}
    results = Path(os.environ.get("E2E_RESULTS") or tmp_path)
    results.mkdir(parents=True, exist_ok=True)
    (results / "api-cost.json").write_text(json.dumps(sizes, indent=1, sort_keys=True))
    (results / "api-cost.md").write_text(markdown(sizes))
    small, large = sizes[SIZES[0]], sizes[SIZES[-1]]
    for what, runs in small.items():
        if what.startswith("first up"):
            assert large[what]["up"]["/api/v1/apps"] > small[what]["up"]["/api/v1/apps"]  # creating grows with n
            continue
        for run, counts in runs.items():
            assert large[what][run].get("/api/v1/apps", 0) == counts.get("/api/v1/apps", 0), (what, run, sizes)
        assert large[what]["up"], what  # every change writes something
