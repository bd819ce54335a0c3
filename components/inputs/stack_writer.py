"""Write a stack file in the documented settings format, and prove Pulumi will read back what was meant.

PyYAML's dumper quotes what YAML 1.1 would misread, which is not exactly what yaml.v3 misreads (`0o17`, for
one). So the text is read back with `yaml_v3` and, should anything differ, written again with every string
double-quoted.
"""

from __future__ import annotations

from typing import Any

import yaml

from components.inputs.yaml_v3 import load


class _QuotedStrings(yaml.SafeDumper):
    pass


_QuotedStrings.add_representer(str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, '"'))


def stack_file_text(config: dict[str, Any], header: str) -> str:
    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    for dumper in (yaml.SafeDumper, _QuotedStrings):
        body = yaml.dump({"config": config}, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
        if load(body) == {"config": config}:
            return comment + body
    raise ValueError("the settings cannot be written as YAML that Pulumi reads back unchanged")
