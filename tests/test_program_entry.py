"""The `pulumi up` path: config arrives from the engine, bad input stops with one line and declares nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pulumi
import pytest
import yaml
from pulumi.runtime.mocks import MockResourceArgs

from components import program
from components.inputs.stack_file import to_wire
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_under_mocks
from tests.conftest import base_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class RememberingMocks(OfflineMocks):
    """Remembers each resource the program declared, even when the run then fails."""

    def __init__(self) -> None:
        super().__init__()
        self.registered: list[str] = []

    def new_resource(self, args: MockResourceArgs):
        self.registered.append(args.name)
        return super().new_resource(args)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch):
    """Mocks as the engine, with config delivered the way the real language host does: PULUMI_CONFIG."""
    mocks = RememberingMocks()

    def run(config: dict) -> None:
        monkeypatch.setenv("PULUMI_CONFIG", json.dumps({k: to_wire(v) for k, v in config.items()}))
        run_under_mocks("ci", {}, program.main, mocks=mocks)  # nothing via set_all_config: only the env

    return run, mocks


def test_config_from_pulumi_config_env_declares_the_apps(engine) -> None:
    run, mocks = engine
    run(base_config())
    assert {"gainsight", "gainsight-sso", "gainsight-scim"} <= set(mocks.registered)


def test_bad_config_is_one_run_error_naming_the_stack_file_and_nothing_is_declared(engine) -> None:
    run, mocks = engine
    config = base_config() | {"gainsight-okta:tenantUrl": "http://acme.gainsightcloud.com"}
    with pytest.raises(pulumi.RunError) as caught:
        run(config)
    message = str(caught.value)
    assert message.startswith("Pulumi.ci.yaml: gainsight-okta:tenantUrl: ")  # the engine adds "error: "
    assert "\n" not in message
    assert mocks.registered == []  # not one resource: the stack itself never reaches the mocks


def test_pulumi_yaml_declares_the_simple_keys_with_the_programs_defaults() -> None:
    from components.inputs.settings import Settings

    declared = yaml.safe_load((PROJECT_ROOT / "Pulumi.yaml").read_text())
    assert declared["name"] == "gainsight-okta"
    assert declared["runtime"]["options"]["virtualenv"] == "venv"
    config = declared["config"]
    for key in ("tenantUrl", "metadataFile", "protect"):
        assert config[key]["type"] in ("string", "boolean") and config[key]["description"]
    assert config["protect"]["default"] is Settings.model_fields["protect"].default
    # A key declared without a default is one Pulumi refuses a stack without (found by e2e/test_shown_commands.py:
    # `pulumi preview` on the stack `init` writes stopped at "missing configuration value 'oauthClientId'").
    fields = {field.alias or name: field for name, field in Settings.model_fields.items()}
    for key, declaration in config.items():
        if "default" not in declaration:
            assert fields[key].is_required(), f"{key}: optional to the program, so it needs a default in Pulumi.yaml"


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_shipped_stacks_are_valid(stack: str) -> None:
    from components.inputs.stack_file import read_stack_file

    inputs = program.load_inputs(read_stack_file(PROJECT_ROOT / f"Pulumi.{stack}.yaml").config, f"Pulumi.{stack}.yaml")
    assert inputs.metadata.entity_id == f"urn:auth0:gainsight:acme-{stack}"
    assert inputs.settings.protect is (stack == "prod")


def test_an_inexact_existing_group_stops_pulumi_up_with_one_line_and_declares_nothing(monkeypatch) -> None:
    """data_source_okta_group.go uses a single prefix match with a different name; `pulumi up` refuses it."""
    from tests.resources.test_provider_safety import PrefixMatchingOkta

    mocks = PrefixMatchingOkta()
    config = base_config() | {"gainsight-okta:groups": [{"name": "Sales", "existing": True}]}
    monkeypatch.setenv("PULUMI_CONFIG", json.dumps({k: to_wire(v) for k, v in config.items()}))
    with pytest.raises(pulumi.RunError) as caught:
        run_under_mocks("ci", {}, program.main, mocks=mocks)
    message = str(caught.value)
    assert message.startswith("Pulumi.ci.yaml: gainsight-okta:groups[0].name: group 'Sales': ")
    assert "\n" not in message
    assert mocks.declared == []


@pytest.mark.parametrize("delivery", ["PULUMI_CONFIG_SECRET_KEYS", "set_all_config"])
def test_a_key_the_engine_marks_secret_stops_pulumi_up_without_its_value(monkeypatch, delivery: str) -> None:
    """Both ways the SDK learns which keys were secret reach the program: the env the language host sets, and
    set_all_config's list (read from the SDK's private `_SECRET_KEYS`; this fails if the SDK renames it)."""
    mocks = RememberingMocks()
    config = base_config() | {"gainsight-okta:tenantUrl": "https://decrypted.gainsightcloud.com"}
    wire = {k: to_wire(v) for k, v in config.items()}
    secret = ("gainsight-okta:tenantUrl",)
    if delivery == "PULUMI_CONFIG_SECRET_KEYS":
        monkeypatch.setenv("PULUMI_CONFIG", json.dumps(wire))
        monkeypatch.setenv("PULUMI_CONFIG_SECRET_KEYS", json.dumps(list(secret)))
        run = lambda: run_under_mocks("ci", {}, program.main, mocks=mocks)  # noqa: E731
    else:
        run = lambda: run_under_mocks("ci", wire, program.main, mocks=mocks, secret_keys=secret)  # noqa: E731
    with pytest.raises(pulumi.RunError) as caught:
        run()
    assert str(caught.value) == (
        "Pulumi.ci.yaml: gainsight-okta:tenantUrl: holds a secret value, but it is not a secret; set it in plain text"
    )
    assert mocks.registered == []
