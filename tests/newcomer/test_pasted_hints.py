"""Issue 35, item 1: every hint that tells a person to set something shows it as the stack file holds it, and the
setting pasted from the hint into the stack file validates. Before, the plan's notice and the runbook's step 5 said
"set `gainsight-okta:scimApp.provisioningEnabled: true`", which `validate` refuses (a dotted key is not nested in a
stack file)."""

from __future__ import annotations

from pathlib import Path

import yaml

from components.inputs.project import load_inputs
from components.inputs.stack_file import read_stack_file
from components.offline.plan import run_offline
from components.rendering.manual_step import waiting_on_manual_step
from components.rendering.templates import render_runbook
from tests.conftest import article_stack, base_config, run_cli
from tests.pasted_hints import pasted


def _write(tmp_path: Path, config: dict) -> Path:
    path = tmp_path / "Pulumi.qa.yaml"
    path.write_text(yaml.safe_dump({"config": config}, sort_keys=False))
    return path


def _validates(tmp_path: Path, config: dict) -> None:
    path = _write(tmp_path, config)
    result = run_cli("validate", "--stack", "qa", "--config", str(path))
    assert result.returncode == 0, result.stderr


def _waiting_stack() -> dict:
    return {**base_config(), **article_stack(provisioning=False)}


def test_the_plan_s_notice_pastes_into_a_valid_stack_file(tmp_path: Path) -> None:
    config = _waiting_stack()
    inputs = load_inputs(config, "Pulumi.qa.yaml")
    notice = waiting_on_manual_step(inputs, "qa")
    assert notice is not None
    after = pasted(config, notice)
    assert after["gainsight-okta:scimApp"]["provisioningEnabled"] is True
    _validates(tmp_path, after)


def test_the_runbook_s_next_step_pastes_into_a_valid_stack_file(tmp_path: Path) -> None:
    config = _waiting_stack()
    runbook = render_runbook(load_inputs(config, "Pulumi.qa.yaml"), "qa")
    next_step = runbook[runbook.index("## 5. Next step") :]
    after = pasted(config, next_step)
    assert after["gainsight-okta:scimApp"]["provisioningEnabled"] is True
    _validates(tmp_path, after)


def test_the_allow_update_warnings_paste_into_a_valid_stack_file(tmp_path: Path) -> None:
    config = {**base_config(), **article_stack(), "gainsight-okta:scimApp": {"provisioningEnabled": True}}
    config["gainsight-okta:scimApp"]["allowUpdate"] = True
    path = _write(tmp_path, config)
    plan = run_offline("qa", read_stack_file(path), path.name)
    (warning,) = [notice for notice in plan.notices if "allowUpdate" in notice]
    after = pasted(config, warning)
    assert after["gainsight-okta:scimApp"]["allowUpdate"] is False  # the hint says to set it back
    _validates(tmp_path, after)
