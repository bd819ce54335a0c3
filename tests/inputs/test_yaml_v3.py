"""Stack files are read as Pulumi reads them: Go's yaml.v3 decoding into an untyped value.

Each row: the text in the stack file -> what Pulumi's reader makes of it -> what the program then does.
yaml.v3's rules (resolve.go, decode.go): booleans only true/True/TRUE/false/False/FALSE; timestamps decode into
interface{} as their text; integers via strconv.ParseInt(s, 0, 64) after removing `_`; !!binary is the decoded
text; duplicate keys are an error.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.inputs.yaml_v3 import YamlError, load
from tests.conftest import run_cli

# (YAML value, what yaml.v3 decodes, what PyYAML 1.1 decoded before)
YAML_TABLE = [
    ("yes", "yes", True),
    ("no", "no", False),
    ("on", "on", True),
    ("off", "off", False),
    ("y", "y", "y"),
    ("True", True, True),
    ("FALSE", False, False),
    ("2024-06-30", "2024-06-30", "date"),
    ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00", "datetime"),
    ("12:30:45", "12:30:45", 45045),
    ("017", 15, 15),
    ("0o17", 15, "0o17"),
    ("0x1F", 31, 31),
    ("1_000", 1000, 1000),
    ("08", 8.0, "08"),
    ("1.5e3", 1500.0, "1.5e3"),
    ("~", None, None),
    ("!!binary aGVsbG8=", "hello", b"hello"),
    ('"true"', "true", "true"),
    ("'017'", "017", "017"),
]


@pytest.mark.parametrize(("text", "pulumi_reads", "pyyaml_read"), YAML_TABLE)
def test_values_decode_as_yaml_v3_does(text: str, pulumi_reads: object, pyyaml_read: object) -> None:
    value = load(f"a: {text}")["a"]
    assert value == pulumi_reads and type(value) is type(pulumi_reads)


@pytest.mark.parametrize("word", ["yes", "on", "y", "1"])
def test_protect_yes_is_refused_as_under_pulumi_up(write_stack, tmp_path: Path, word: str) -> None:
    path = tmp_path / "Pulumi.t.yaml"
    text = write_stack().read_text().replace("config:\n", f"config:\n  gainsight-okta:protect: {word}\n", 1)
    path.write_text(text)
    result = run_cli("validate", "--stack", "t", "--config", str(path))
    assert result.returncode == 2
    assert "gainsight-okta:protect: must be true or false" in result.stderr


def test_dates_times_and_binary_reach_the_program_as_text(write_stack, tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.t.yaml"
    text = write_stack().read_text() + "  other:x: {d: 2024-06-30, t: 12:30:45, b: !!binary aGVsbG8=}\n"
    path.write_text(text)
    config = read_stack_file(path).config
    assert config["other:x"] == '{"d": "2024-06-30", "t": "12:30:45", "b": "hello"}'
    group = "  gainsight-okta:groups: [{name: Sales, description: 2024-06-30}]\n"
    path.write_text(write_stack().read_text() + group)
    assert '"description": "2024-06-30"' in read_stack_file(path).config["gainsight-okta:groups"]


def test_a_duplicate_key_is_an_error_not_a_silent_override(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.prod.yaml"
    path.write_text("config:\n  gainsight-okta:protect: true\n  gainsight-okta:protect: false\n")
    with pytest.raises(InputError) as caught:
        read_stack_file(path, path.name)
    assert caught.value.location == "line 3, column 3"
    assert "mapping key 'gainsight-okta:protect' already defined at line 2" in caught.value.message


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lines = ['  other:a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"  other:a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    path = tmp_path / "Pulumi.bomb.yaml"
    path.write_text("config:\n" + "\n".join(lines) + "\n")
    assert path.stat().st_size < 3000
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_stack_file(path)
    assert time.perf_counter() - started < 5  # a correctness guard, not a benchmark: 47 s before
    assert "alias bomb" in caught.value.message


@pytest.mark.parametrize(
    "nesting", ["[" * 1000 + "]" * 1000, "\n".join("  " * (i + 2) + f"k{i}:" for i in range(1000))]
)
def test_deep_nesting_is_refused_without_recursion(tmp_path: Path, nesting: str) -> None:
    path = tmp_path / "Pulumi.deep.yaml"
    path.write_text(
        "config:\n  other:x: " + nesting + "\n" if nesting.startswith("[") else "config:\n  other:x:\n" + nesting
    )
    with pytest.raises(InputError) as caught:
        read_stack_file(path)
    assert "nest" in caught.value.message and caught.value.location.startswith("line ")


def test_a_control_character_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.ctl.yaml"
    path.write_text("config:\n  gainsight-okta:tenantUrl: https://a\x01.example\n")
    with pytest.raises(InputError) as caught:
        read_stack_file(path)
    assert caught.value.location == "line 2, column 38"
    assert "control character U+0001" in caught.value.message


def test_utf16_says_save_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.u16.yaml"
    path.write_bytes("config:\n  a:b: c\n".encode("utf-16"))
    with pytest.raises(InputError) as caught:
        read_stack_file(path)
    assert "save it as UTF-8" in caught.value.message


@pytest.mark.parametrize("text", ["a: !foo bar", "a: !!int abc", "a: .inf", "? [a]\n: b", "a: *missing"])
def test_other_yaml_pulumi_cannot_pass_on_is_refused(text: str) -> None:
    with pytest.raises(YamlError):
        load(text)


def test_merge_keys_work_as_in_yaml_v3() -> None:
    assert load("b: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3")["m"] == {"x": 1, "y": 3}
