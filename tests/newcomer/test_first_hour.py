"""The README's first hour, on a fresh copy of the project, with only the commands the README shows (init,
validate, plan, runbook, plan-diff), as written there; then every command the tool printed as a hint on the way,
each run as printed. Pulumi itself and `verify` need a backend and an org, so the test stops short of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import PROJECT_ROOT
from tests.newcomer.project_copy import project_copy, run_in

TOOL = "venv/bin/gainsight-okta"
OFFLINE_COMMANDS = ("init", "validate", "plan", "runbook", "plan-diff")
HINT = re.compile(rf"`({re.escape(TOOL)} [^`]+)`")


def first_hour_commands() -> list[str]:
    """The tool's command lines in the README's "The first hour", in order (a `$ ` prompt or a bare line)."""
    commands, inside, fenced = [], False, False
    for line in (PROJECT_ROOT / "README.md").read_text().splitlines():
        if line.startswith("```"):
            fenced = line.strip() in ("```console", "```sh") if not fenced else False
            continue
        if not fenced and line.startswith("## "):  # a heading of the README, not of a document it shows
            inside = line == "## The first hour"
        command = line.removeprefix("$ ").split("  #")[0].strip()
        if inside and fenced and command.startswith(f"{TOOL} ") and command.split()[1] in OFFLINE_COMMANDS:
            commands.append(command)
    return commands


def test_the_first_hour_as_the_readme_shows_it(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    prod = (root / "metadata" / "prod.xml").read_text()
    (downloads / "metadata.xml").write_text(prod.replace("acme-prod", "acme-qa"))

    commands = first_hour_commands()
    assert [c.split()[1] for c in commands] == ["init", "validate", "plan", "runbook", "plan", "plan", "plan-diff"]
    printed = []
    for command in commands:
        result = run_in(root, command.replace("~/Downloads", str(downloads)))
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        printed.append(result.stdout + result.stderr)
    assert "No change" in printed[-1] or "no change" in printed[-1].lower()

    # `pulumi stack output --json` after the first up, as the runbook's hint asks: here, the offline plan's.
    plan = json.loads(run_in(root, f"{TOOL} plan --stack qa --json").stdout)
    (root / "outputs.json").write_text(json.dumps(plan["outputs"]))
    hints = sorted({hint for text in printed for hint in HINT.findall(text)})
    assert f"{TOOL} runbook --stack qa" in hints and f"{TOOL} validate --stack qa" in hints
    for hint in hints:
        result = run_in(root, hint)
        assert result.returncode == 0, f"the hint `{hint}` fails:\n{result.stderr}"
        assert not [h for h in HINT.findall(result.stdout + result.stderr) if h.split()[1] not in OFFLINE_COMMANDS]


def test_an_adopted_org_s_commands_and_every_hint_run_as_printed_against_a_live_org(tmp_path: Path) -> None:
    """Issue 35: the commands an adopted stack's first hour uses, and every command the tool prints on the way, run
    exactly as printed, the live ones (`verify`) against the emulated org on 127.0.0.1: no `--okta-url` added, the
    stack holds the org as the provider reaches it (okta:httpProxy). No output may claim the org is unset."""
    from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
    from tests.servers.fake_okta import TOKEN, FakeOktaServer

    root = project_copy(tmp_path)
    org = article_org()
    environment = {"OKTA_API_TOKEN": TOKEN}
    with FakeOktaServer(org) as url:
        adopt = (
            f"{TOOL} adopt --stack acme --okta-url {url} --sso-app {SSO_ID} --scim-app {SCIM_ID} "
            "--metadata metadata/dev.xml --tenant-url https://acme.gainsightcloud.com "
            "--oauth-client-id 3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10"
        )
        printed = [run_in(root, adopt, environment)]
        for command in ("validate", "plan", "runbook", "verify"):
            printed.append(run_in(root, f"{TOOL} {command} --stack acme", environment))
        plan = json.loads(run_in(root, f"{TOOL} plan --stack acme --json", environment).stdout)
        (root / "outputs.json").write_text(json.dumps(plan["outputs"]))  # as `pulumi stack output --json` would
        hints = sorted({hint for result in printed for hint in HINT.findall(result.stdout + result.stderr)})
        printed += [run_in(root, hint, environment) for hint in hints]
    assert hints, "the first hour prints no command to run next"
    for result in printed:
        assert result.returncode == 0, f"{result.args[-1]}\n{result.stderr}"
        assert "the Okta org is" not in result.stderr, f"{result.args[-1]}\n{result.stderr}"
    assert any(path.startswith("/api/v1/apps") for method, path in org.requests[-20:])  # verify read the org
