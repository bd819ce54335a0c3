"""Every command once as a real subprocess (`python -m components`), as users and the workflows run it: the rest
of the suite calls `main(argv)` in process (tests/conftest.py's run_cli), which shares this process's imports and
state. Each run goes through the command's own handler: a report it writes, or an error only that handler raises.
The live commands read an emulated org on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.cli.main import COMMANDS
from tests.conftest import run_cli_process
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer

ENV = {"OKTA_API_TOKEN": TOKEN}
# The emulated org holds the article's apps under other labels than the dev stack's: the handler looked for them.
NO_SSO_APP = "error: Pulumi.dev.yaml: gainsight-okta:samlApp.importId: is not set and Okta has no app labelled"
URL = "{url}"  # the emulated org's address, filled in per run
# command -> (arguments, exit status, a fragment of what it prints on stdout, or of its one error line)
SMOKE: dict[str, tuple[tuple[str, ...], int, str]] = {
    "init": (("init", "qa", "--metadata", "nope.xml", "--tenant-url", "https://acme-qa.gainsightcloud.com"), 2,
             "error: nope.xml: not found"),
    "metadata": (("metadata", "metadata/dev.xml", "--json"), 0, '"entityId": "urn:auth0:gainsight:acme-dev"'),
    "validate": (("validate", "--stack", "dev"), 0, "dev"),
    "plan": (("plan", "--stack", "dev", "--json"), 0, '"resources"'),
    "explain": (("explain", "--stack", "dev", "--groups", "Customer Success", "--json"), 0, "LicenseType"),
    "runbook": (("runbook", "--stack", "dev"), 0, "SCIM"),
    "plan-diff": (("plan-diff", "tests/golden/plan-dev.json", "tests/golden/plan-prod.json"), 0, "gainsight"),
    "drift-report": (("drift-report", "tests/fixtures/refresh-drift.json", "--stack", "dev"), 0,
                     "## Drift in stack `dev`"),
    "drift-status": (("drift-status", "tests/fixtures/refresh-clean.json", "--exit-code", "0"), 0, "clean"),
    "adopt": (("adopt", "--stack", "acme", "--sso-app", SSO_ID, "--scim-app", SCIM_ID, "--okta-url", URL,
               "--metadata", "metadata/dev.xml", "--tenant-url", "https://acme-dev.gainsightcloud.com",
               "--oauth-client-id", "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10", "--output", "{tmp}/Pulumi.acme.yaml"),
              0, "Pulumi.acme.yaml"),
    "verify": (("verify", "--stack", "dev", "--okta-url", URL, "--json"), 2, NO_SSO_APP),
    "impact": (("impact", "--stack", "dev", "--config", "Pulumi.dev.yaml", "--base-config", "Pulumi.dev.yaml",
                "--okta-url", URL, "--json"), 2,
               "error: Pulumi.dev.yaml: gainsight-okta:scimApp.importId: is not set and Okta has no app labelled"),
    "rotate-key": (("rotate-key", "status", "--stack", "dev", "--okta-url", URL), 2, NO_SSO_APP),
    "emulate": (("emulate", "--port", "99999"), 2, "error: emulate: --port: 99999 is not a port"),
}  # fmt: skip


def test_every_command_has_a_smoke_run() -> None:
    assert set(SMOKE) == {command.name for command in COMMANDS}


@pytest.mark.parametrize("name", sorted(SMOKE))
def test_each_command_runs_as_a_subprocess(name: str, tmp_path: Path) -> None:
    args, status, fragment = SMOKE[name]
    with FakeOktaServer(article_org()) as url:
        result = run_cli_process(*(arg.format(url=url, tmp=tmp_path) for arg in args), env=ENV)
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    if status == 2:
        assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith(fragment), result.stderr
    else:
        assert fragment in result.stdout, result.stdout[:2000]
        if "--json" in args:
            json.loads(result.stdout)
