"""`.github/scripts/stack-credentials.py`, the one list of CI credentials: run as the stack-access action runs it,
with GitHub's $GITHUB_ENV and $GITHUB_OUTPUT files, and read back the way GitHub reads them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".github" / "scripts" / "stack-credentials.py"
KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"


def github_file(path: Path) -> dict[str, str]:
    """`name=value` lines and `name<<DELIMITER` heredocs, as the runner parses $GITHUB_ENV and $GITHUB_OUTPUT."""
    values, lines = {}, path.read_text().splitlines() if path.exists() else []
    while lines:
        line = lines.pop(0)
        if "<<" in line:
            name, delimiter = line.split("<<", 1)
            body = []
            while (next_line := lines.pop(0)) != delimiter:
                body.append(next_line)
            values[name] = "\n".join(body)
        else:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def run(
    tmp_path: Path, *args: str, secrets: object = None, org: str = "", stdin: str = ""
) -> subprocess.CompletedProcess:
    env = {"GITHUB_ENV": str(tmp_path / "env"), "GITHUB_OUTPUT": str(tmp_path / "output"), "PULUMI_ORG": org}
    if secrets is not None:
        env["STACK_SECRETS"] = secrets if isinstance(secrets, str) else json.dumps(secrets)
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=tmp_path, env=env, input=stdin, capture_output=True, text=True
    )


def test_only_the_named_credentials_are_exported_masked_and_a_key_keeps_its_lines(tmp_path: Path) -> None:
    secrets = {
        "github_token": "ghs_not_for_the_job",
        "PULUMI_ACCESS_TOKEN": "pul-0123456789",
        "OKTA_API_CLIENT_ID": "0oa1client",
        "OKTA_API_PRIVATE_KEY": KEY,
        "OKTA_ORG_NAME": "example",
        "OKTA_API_TOKEN": "",  # an unset secret is an empty string in toJSON(secrets)
    }
    done = run(tmp_path, "secrets", "dev", secrets=secrets)
    assert done.returncode == 0, done.stderr
    exported = github_file(tmp_path / "env")
    assert exported == {
        "PULUMI_ACCESS_TOKEN": "pul-0123456789",
        "OKTA_ORG_NAME": "example",
        "OKTA_API_CLIENT_ID": "0oa1client",
        "OKTA_API_PRIVATE_KEY": KEY,
    }
    masks = {line.removeprefix("::add-mask::") for line in done.stdout.splitlines() if line.startswith("::add-mask::")}
    assert {"pul-0123456789", "0oa1client", *KEY.splitlines()} <= masks
    assert "example" not in masks  # an org name is not a secret; masking it would blank every URL in the log
    assert "ghs_not_for_the_job" not in done.stdout + (tmp_path / "env").read_text()
    assert github_file(tmp_path / "output") == {"oidc": "false", "environments": "", "present": "true"}


def test_no_pulumi_secret_and_an_organization_means_oidc(tmp_path: Path) -> None:
    done = run(tmp_path, "secrets", "prod", secrets={"OKTA_API_TOKEN": "00abc"}, org="acme")
    assert done.returncode == 0, done.stderr
    assert github_file(tmp_path / "output") == {"oidc": "true", "environments": "", "present": "true"}
    assert "by OIDC" in done.stdout


def test_okta_credentials_from_the_stack_files_esc_environments(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.prod.yaml").write_text(
        "environment:\n  - gainsight-okta/prod  # pulumi config env add\n  - 'shared/okta'\nconfig:\n  a: b\n"
    )
    done = run(tmp_path, "secrets", "prod", secrets={}, org="acme")
    assert done.returncode == 0, done.stderr
    outputs = github_file(tmp_path / "output")
    assert outputs == {"oidc": "true", "environments": "gainsight-okta/prod shared/okta", "present": "true"}

    opened = {"environmentVariables": {"OKTA_API_TOKEN": "00esc", "AWS_SECRET_ACCESS_KEY": "x"}, "pulumiConfig": {}}
    done = run(tmp_path, "esc", stdin=json.dumps(opened))
    assert done.returncode == 0, done.stderr
    assert github_file(tmp_path / "env") == {"OKTA_API_TOKEN": "00esc"}  # only the names the script lists
    assert "::add-mask::00esc" in done.stdout


def test_nothing_to_log_in_with_is_not_present(tmp_path: Path) -> None:
    done = run(tmp_path, "secrets", "dev", secrets={"OKTA_API_TOKEN": "00abc"})  # no backend, no organization
    assert done.returncode == 0
    assert github_file(tmp_path / "output")["present"] == "false"
    done = run(tmp_path, "secrets", "dev", secrets={"PULUMI_BACKEND_URL": "s3://state"})  # no Okta credentials
    assert done.returncode == 0
    assert github_file(tmp_path / "output")["present"] == "false"


@pytest.mark.parametrize(
    ("args", "secrets", "stdin", "said"),
    [
        (["secrets", "dev"], "{not json", "", "error: STACK_SECRETS: is not JSON"),
        (["secrets", "dev"], "[1]", "", "error: STACK_SECRETS: is not a JSON object"),
        (["esc"], None, "<html>", "error: pulumi env open: its output is not JSON"),
        (["esc"], None, '{"pulumiConfig": {}}', "error: pulumi env open: environmentVariables is missing"),
        ([], None, "", "error: usage:"),
    ],
)
def test_bad_input_is_one_error_line_and_nothing_written(
    tmp_path: Path, args: list[str], secrets: str | None, stdin: str, said: str
) -> None:
    done = run(tmp_path, *args, secrets=secrets, stdin=stdin)
    assert done.returncode == 2
    assert done.stderr.startswith(said) and len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "env").exists() and not (tmp_path / "output").exists()


def test_a_stack_file_naming_an_esc_environment_still_validates(tmp_path: Path) -> None:
    """`pulumi config env add` writes a top-level `environment:` list; the stack's own settings are unchanged."""
    from tests.conftest import PROJECT_ROOT, run_cli

    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text("environment:\n  - gainsight-okta/dev\n" + (PROJECT_ROOT / "Pulumi.dev.yaml").read_text())
    result = run_cli("validate", "--stack", "dev", "--config", str(stack))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
