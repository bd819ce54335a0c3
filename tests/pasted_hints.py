"""The settings a hint of the tool tells a person to write, read back as they would paste them into a stack file.

A hint names a setting as the file holds it (components.inputs.model_base.written_setting): a top-level one as
`gainsight-okta:oauthClientId: X`, a nested one as `provisioningEnabled: true` under `gainsight-okta:scimApp`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

NESTED = re.compile(r"`(\w+): ([^`]+)` under `(gainsight-okta:\w+)`")
TOP_LEVEL = re.compile(r"`(gainsight-okta:\w+): ([^`]+)`")
# What issue 35 found: a dotted key given as if it could be written so (`validate` refuses it).
DOTTED = re.compile(r"`(?:gainsight-okta:)?\w+\.\w+: [^`]+`")


def hinted_settings(text: str) -> list[tuple[str, str | None, Any]]:
    """(key, nested key or None, value) of every setting `text` tells to write."""
    found: list[tuple[str, str | None, Any]] = [
        (key, child, yaml.safe_load(value)) for child, value, key in NESTED.findall(text)
    ]
    found += [(key, None, yaml.safe_load(value)) for key, value in TOP_LEVEL.findall(text)]
    return found


def pasted(config: dict[str, Any], text: str) -> dict[str, Any]:
    """`config` with every setting `text` hints at written in, as a person pastes it."""
    hints = hinted_settings(text)
    assert hints, f"no setting to paste in: {text[:300]}"
    assert not DOTTED.findall(text), DOTTED.findall(text)
    config = {key: dict(value) if isinstance(value, dict) else value for key, value in config.items()}
    for key, child, value in hints:
        if child is None:
            config[key] = value
        else:
            config[key] = {**config.get(key, {}), child: value}
    return config
