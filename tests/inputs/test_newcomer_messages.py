"""The messages a newcomer meets first: each says what to write instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from components.errors import InputError
from components.inputs.project import load_inputs
from components.inputs.stack_file import read_stack_file
from tests.conftest import base_config


def error_for(tmp_path: Path, document: dict[str, Any]) -> str:
    path = tmp_path / "Pulumi.test.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    with pytest.raises(InputError) as caught:
        stack = read_stack_file(path, "Pulumi.test.yaml")
        load_inputs(stack.config, "Pulumi.test.yaml", stack.secret_keys)
    return caught.value.line()


def test_a_typo_in_a_required_key_is_named_before_it_is_missing(tmp_path: Path) -> None:
    config = base_config()
    config["gainsight-okta:tenantURL"] = config.pop("gainsight-okta:tenantUrl")
    assert error_for(tmp_path, {"config": config}) == (
        "error: Pulumi.test.yaml: gainsight-okta:tenantURL: is not a known setting; did you mean 'tenantUrl'?"
    )


def test_a_dotted_key_says_how_to_nest_it(tmp_path: Path) -> None:
    config = {**base_config(), "gainsight-okta:scimApp.provisioningEnabled": True}
    line = error_for(tmp_path, {"config": config})
    assert line.startswith("error: Pulumi.test.yaml: gainsight-okta:scimApp.provisioningEnabled: is not a known")
    assert "write `gainsight-okta:scimApp:` with `provisioningEnabled:` indented under it" in line
    assert "pulumi config set --path 'gainsight-okta:scimApp.provisioningEnabled' VALUE" in line


def test_a_group_priority_says_list_order_is_the_priority(tmp_path: Path) -> None:
    config = {**base_config(), "gainsight-okta:groups": [{"name": "Admins", "priority": 1}]}
    line = error_for(tmp_path, {"config": config})
    assert line.startswith("error: Pulumi.test.yaml: gainsight-okta:groups[0].priority: is not a setting")
    assert "its place in the groups list" in line


def test_settings_without_the_config_section_say_so(tmp_path: Path) -> None:
    assert error_for(tmp_path, base_config()) == (
        "error: Pulumi.test.yaml: okta:orgName: is at the top level: put the settings under a `config:` section, "
        "indented"
    )
