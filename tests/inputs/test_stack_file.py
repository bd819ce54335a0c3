"""Reading Pulumi.<stack>.yaml into the config map Pulumi hands a program."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.errors import InputError
from components.inputs.stack_file import read_stack_file, to_wire


def test_values_are_encoded_as_the_pulumi_cli_passes_them(write_stack) -> None:
    stack = read_stack_file(
        write_stack({"gainsight-okta:protect": True, "gainsight-okta:samlApp": {"label": "G"}, "okta:port": 443})
    )
    assert stack.config["gainsight-okta:protect"] == "true"
    assert json.loads(stack.config["gainsight-okta:samlApp"]) == {"label": "G"}
    assert stack.config["okta:port"] == "443"
    assert to_wire(False) == "false"


def test_secure_values_are_never_passed_on(write_stack) -> None:
    stack = read_stack_file(write_stack({"okta:apiToken": {"secure": "v1:AAAAencrypted"}}))
    assert "okta:apiToken" not in stack.config
    assert stack.secret_keys == ("okta:apiToken",)
    assert "AAAAencrypted" not in json.dumps(stack.config)


def test_encrypted_gainsight_setting_is_an_error(write_stack) -> None:
    with pytest.raises(InputError) as caught:
        read_stack_file(write_stack({"gainsight-okta:oauthClientId": {"secure": "v1:xyz"}}))
    assert caught.value.location == "gainsight-okta:oauthClientId"


@pytest.mark.parametrize(
    ("text", "location", "fragment"),
    [
        ("config:\n  tenantUrl: https://a.b\n", "tenantUrl", "namespaced"),
        ("config: [1, 2]\n", "config", "mapping"),
        ("- just\n- a list\n", "", "YAML mapping"),
        ("config:\n  a: [unclosed\n", "line", "not valid YAML"),
    ],
)
def test_malformed_stack_files(tmp_path: Path, text: str, location: str, fragment: str) -> None:
    path = tmp_path / "Pulumi.bad.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        read_stack_file(path, "Pulumi.bad.yaml")
    assert caught.value.source == "Pulumi.bad.yaml"
    assert caught.value.location.startswith(location)
    assert fragment in caught.value.message


def test_missing_stack_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_stack_file(tmp_path / "Pulumi.none.yaml")
    assert "not found" in caught.value.message


def test_empty_stack_file_reads_as_no_config(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.empty.yaml"
    path.write_text("")
    assert read_stack_file(path).config == {}
