"""The runbook of an adopted stack speaks of imported apps and uses their import ids."""

from __future__ import annotations

from pathlib import Path

from tests.adopt.test_adopt_verify import adopted
from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org


def test_the_runbook_of_an_adopted_stack_names_the_imported_apps(tmp_path: Path) -> None:
    stack, _ = adopted(article_org(), tmp_path)
    result = run_cli("runbook", "--stack", "acme", "--config", str(stack))
    assert result.returncode == 0, result.stderr
    assert f"it imports the Okta apps made by hand ({SSO_ID}, {SCIM_ID})" in " ".join(result.stdout.split())
    assert "it creates both Okta apps" not in result.stdout
    assert f"id `{SCIM_ID}`" in result.stdout and "pulumi stack output scimAppId" not in result.stdout


def test_a_new_stack_s_runbook_still_says_the_first_up_creates_them() -> None:
    result = run_cli("runbook", "--stack", "dev")
    assert result.returncode == 0 and "it creates both Okta apps" in result.stdout
