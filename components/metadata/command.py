"""`metadata FILE`: read and check Gainsight's SP metadata.xml, and print what this project takes from it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from components.metadata.sp_metadata import read_sp_metadata


def run_metadata(args: argparse.Namespace) -> int:
    metadata = read_sp_metadata(Path(args.file), display_name=args.file)
    if args.json:
        print(json.dumps(metadata.to_json(), indent=2))
        return 0
    for key, value in metadata.to_json().items():
        if isinstance(value, list):
            print(f"{key}:")
            for item in value:
                print(f"  - {item if len(item) <= 72 else item[:71] + '…'}")
        else:
            print(f"{key}: {json.dumps(value) if not isinstance(value, str) else value}")
    return 0
