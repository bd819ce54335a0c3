"""Benchmark: the Okta API calls per bucket of the workflows' runs (preview, `up`, the refresh) for one change to one
group, through the real engine and okta provider against the emulator, at the sizes given (the e2e scenario 5
measures 10 and 100; this adds 1,000). Okta's rate limits are lifted in the emulator so that 1,000 groups are not a
matter of waiting; its counters still count every call. Each size runs on an org of its own.

Usage: venv/bin/python bench/e2e_api_cost.py [--groups 10 100 1000] [--markdown]   (after `make e2e-tools`)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.e2e_options import add_engine_options, tuned
from e2e.api_cost import markdown, measure
from e2e.conftest import engine_in, make_org, serving
from e2e.engine import toolchain_bin


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, nargs="+", default=[10, 100, 1000])
    add_engine_options(parser)
    parser.add_argument("--markdown", action="store_true", help="print the table of docs/api-cost.md")
    args = parser.parse_args()
    bin_dir = toolchain_bin()
    sizes = {}
    with tempfile.TemporaryDirectory() as scratch:
        for groups in args.groups:
            with serving(make_org()) as org:
                engine = engine_in(Path(scratch) / str(groups), bin_dir, org)
                tuned(engine.pulumi, args)
                sizes[groups] = measure(engine, "cost", groups)
            print(json.dumps({groups: sizes[groups]}), file=sys.stderr, flush=True)
    print(markdown(sizes) if args.markdown else json.dumps(sizes, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
