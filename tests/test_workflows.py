"""The GitHub Actions workflows keep the promises the README makes (actionlint checks the syntax in CI)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"
STACK_ACCESS = WORKFLOWS.parent / "actions" / "stack-access" / "action.yml"
TOOLCHAIN = WORKFLOWS.parent.parent / "e2e" / "toolchain" / "go.mod"
# The CLI the e2e toolchain builds from Go modules; the workflows install the same release.
PULUMI_CLI_VERSION = re.search(r"github.com/pulumi/pulumi/pkg/v3 v(\S+)", TOOLCHAIN.read_text()).group(1)  # type: ignore[union-attr]
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")  # by commit; the line's comment names the version


def load(name: str) -> dict[str, Any]:
    document = yaml.safe_load((WORKFLOWS / name).read_text())
    document["on"] = document.pop(True, document.get("on"))  # YAML 1.1 reads a bare `on` as true
    return document


def steps(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


def access_steps() -> list[dict[str, Any]]:
    return yaml.safe_load(STACK_ACCESS.read_text())["runs"]["steps"]


ALL = sorted(path.name for path in WORKFLOWS.glob("*.yml"))


@pytest.mark.parametrize("name", ALL)
def test_least_privilege_and_pinned_actions(name: str) -> None:
    document = load(name)
    assert document["permissions"] == {"contents": "read"}, "the default token is read-only; jobs ask for more"
    for step in steps(document):
        if "uses" in step and not step["uses"].startswith("./"):
            assert PINNED.match(step["uses"]), f"{name}: {step['uses']} is not pinned by commit"


def test_preview_runs_offline_for_everyone_and_pulumi_only_with_secrets() -> None:
    document = load("preview.yml")
    assert "pull_request" in document["on"]
    offline = document["jobs"]["offline"]
    assert "permissions" not in offline  # read-only: safe for forks
    assert any(step.get("run") == "make test" for step in offline["steps"])
    preview = document["jobs"]["pulumi-preview"]
    assert preview["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
    assert preview["strategy"]["matrix"]["stack"] == "${{ fromJSON(needs.offline.outputs.stacks) }}"
    pulumi = next(step for step in preview["steps"] if step.get("uses", "").startswith("pulumi/actions@"))
    assert pulumi["with"]["command"] == "preview"
    assert pulumi["with"]["diff"] is True
    assert pulumi["with"]["refresh"] is False  # a refresh would read every per-group assignment
    assert "okta:maxApiCapacity: {value: '25'" in pulumi["with"]["config-map"]
    assert pulumi["with"]["policyPacks"] == "policy"


def test_the_comment_workflow_never_runs_pull_request_code() -> None:
    document = load("preview-comment.yml")
    assert document["on"]["workflow_run"]["workflows"] == ["Preview"]
    uses = [step.get("uses", "") for step in steps(document)]
    assert not any(u.startswith("actions/checkout") for u in uses)
    assert not any("run" in step for step in steps(document))


def test_deploy_goes_dev_then_prod_through_environments() -> None:
    deploy = load("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["jobs"]["dev"]["needs"] == "test"
    assert deploy["jobs"]["prod"]["needs"] == "dev"
    for stack in ("dev", "prod"):
        assert deploy["jobs"][stack]["with"] == {"stack": stack}
    up = load("pulumi-up.yml")["jobs"]["up"]
    assert up["environment"] == "${{ inputs.stack }}"
    assert up["concurrency"] == {"group": "pulumi-${{ inputs.stack }}", "cancel-in-progress": False}
    runs = [step.get("run", "") for step in up["steps"]]
    refresh = next(i for i, run in enumerate(runs) if run.startswith("pulumi refresh"))
    deploy = next(i for i, run in enumerate(runs) if run.startswith("pulumi up"))
    verify = next(i for i, run in enumerate(runs) if "components verify" in run and "--refresh-targets" not in run)
    assert refresh < deploy < verify  # verify right after every up: a SCIM app update may reset provisioning
    assert '--exclude "$PER_GROUP_ASSIGNMENTS"' in runs[refresh]
    assert "--policy-pack policy" in runs[deploy] and "--refresh" not in runs[deploy]
    assert up["env"]["PER_GROUP_ASSIGNMENTS"] == "**okta:app/groupAssignment:GroupAssignment::**"
    assert any("okta:maxApiCapacity 50" in run for run in runs)


def test_drift_runs_on_a_schedule_and_by_hand_and_tells_drift_from_errors() -> None:
    document = load("drift.yml")
    assert document["on"]["schedule"] and "workflow_dispatch" in document["on"]
    job = document["jobs"]["drift"]
    assert job["concurrency"]["group"] == "pulumi-${{ matrix.stack }}"  # never alongside an up of the same stack
    refresh = next(step for step in job["steps"] if step.get("id") == "refresh")
    assert "pulumi refresh --preview-only --expect-no-changes --json" in refresh["run"]
    assert '--exclude "$PER_GROUP_ASSIGNMENTS"' in refresh["run"]
    assert any("okta:maxApiCapacity 20" in step.get("run", "") for step in job["steps"])
    assert "drift-status" in refresh["run"] and "exit 1" in refresh["run"]
    conditions = [step.get("if") for step in job["steps"]]
    assert "steps.refresh.outputs.status == 'drift' || steps.verify.outputs.findings == 'true'" in conditions
    assert job["permissions"] == {"contents": "read", "issues": "write", "id-token": "write"}


def test_drift_runs_verify_after_the_refresh_and_reports_in_the_same_issue() -> None:
    job = load("drift.yml")["jobs"]["drift"]
    ids = [step.get("id") for step in job["steps"]]
    assert ids.index("verify") > ids.index("refresh")
    verify = job["steps"][ids.index("verify")]
    assert "components verify" in verify["run"] and "--markdown" in verify["run"] and "exit 1" in verify["run"]
    issue = next(step for step in job["steps"] if step.get("name") == "Open or update the drift issue")
    assert "verify.md" in issue["with"]["script"]
    close = next(step for step in job["steps"] if step.get("name", "").startswith("Close the drift issue"))
    assert "steps.verify.outputs.findings == 'false'" in close["if"]


JOBS = [("preview.yml", "pulumi-preview"), ("pulumi-up.yml", "up"), ("drift.yml", "drift")]


@pytest.mark.parametrize(("name", "job"), JOBS)
def test_every_stack_job_gets_its_access_from_the_one_action(name: str, job: str) -> None:
    """One list of credentials (.github/scripts/stack-credentials.py), not a copy per workflow; OIDC may log in."""
    document = load(name)["jobs"][job]
    access = next(step for step in document["steps"] if step.get("id") == "access")
    assert access["uses"] == "./.github/actions/stack-access"
    assert access["with"]["secrets"] == "${{ toJSON(secrets) }}"
    assert access["with"]["pulumi-org"] == "${{ vars.PULUMI_ORG }}"
    assert document["permissions"]["id-token"] == "write"
    text = (WORKFLOWS / name).read_text()
    assert not re.search(r"secrets\.(OKTA|PULUMI)_", text), f"{name} names a credential of its own"


def test_the_deploys_callers_grant_the_oidc_token() -> None:
    for stack in ("dev", "prod"):
        assert load("deploy.yml")["jobs"][stack]["permissions"] == {"contents": "read", "id-token": "write"}


def test_the_access_action_logs_in_by_oidc_only_when_no_pulumi_secret_is_given() -> None:
    by_name = {step.get("name") or step["uses"].split("@")[0]: step for step in access_steps()}
    oidc = next(step for step in access_steps() if step.get("uses", "").startswith("pulumi/auth-actions@"))
    assert "steps.credentials.outputs.oidc == 'true'" in oidc["if"]
    assert oidc["with"] == {
        "organization": "${{ inputs.pulumi-org }}",
        "requested-token-type": "urn:pulumi:token-type:access_token:organization",
    }
    assert "stack-credentials.py esc" in by_name["Okta credentials from Pulumi ESC"]["run"]
    assert "pulumi env open" in by_name["Okta credentials from Pulumi ESC"]["run"]
    assert "exit 1" in by_name["No credentials"]["run"]  # a deploy without credentials fails; a preview may skip
    assert load("preview.yml")["jobs"]["pulumi-preview"]["steps"][1]["with"]["optional"] == "true"


def test_the_deploy_refreshes_what_verify_finds_changed_by_hand_before_up() -> None:
    """The per-group writers are left out of the broad refresh, so `verify --refresh-targets` names the ones
    a person changed in Okta; refreshing them lets `pulumi up` put back what the stack declares."""
    runs = [step.get("run", "") for step in load("pulumi-up.yml")["jobs"]["up"]["steps"]]
    targeted = next(i for i, run in enumerate(runs) if "--refresh-targets" in run)
    deploy = next(i for i, run in enumerate(runs) if run.startswith("pulumi up"))
    broad = next(i for i, run in enumerate(runs) if run.startswith("pulumi refresh"))
    assert broad < targeted < deploy
    assert '"${targets[@]}"' in runs[targeted] and "--target" in runs[targeted]


def test_every_workflow_pins_one_pulumi_cli() -> None:
    every = [*access_steps(), *(step for name in ALL for step in steps(load(name)))]
    uses = [s for s in every if s.get("uses", "").startswith("pulumi/actions@")]
    assert len(uses) == 2 and all(s["with"]["pulumi-version"] == PULUMI_CLI_VERSION for s in uses)


def test_the_preview_adds_a_people_section_with_counts_and_logins_only_in_a_private_summary() -> None:
    preview = load("preview.yml")["jobs"]["pulumi-preview"]
    people = next(step for step in preview["steps"] if step.get("name", "").startswith("People"))
    assert people["run"].startswith(".github/scripts/people-impact.sh")
    assert people["env"]["PEOPLE_SHOW_USERS"] == "${{ github.event.repository.private }}"
    upload = preview["steps"][preview["steps"].index(people) + 1]
    assert upload["with"]["name"] == "people-${{ matrix.stack }}" and upload["with"]["path"] == "people/"
    # Also when the preview itself failed (a policy refused the change); the script's privacy is tested by running
    # it (tests/impact/test_people_impact_script.py).
    assert "!cancelled()" in people["if"] and "!cancelled()" in upload["if"]
    comment = load("preview-comment.yml")["jobs"]["comment"]["steps"]
    download = next(step for step in comment if step.get("with", {}).get("pattern") == "people-*")
    assert download["continue-on-error"] is True
    assert "people/" in comment[-1]["with"]["script"] and "### People" in comment[-1]["with"]["script"]


def test_every_action_is_pinned_by_commit_with_its_version_named() -> None:
    """A tag can be moved; a commit cannot. The comment names the release the commit is
    (`git rev-parse v4.2.2^{commit}` on the action's repository)."""
    pins = []
    for path in [*sorted(WORKFLOWS.glob("*.yml")), STACK_ACCESS]:
        for line in path.read_text().splitlines():
            match = re.search(r"uses: ([^\s#]+)(.*)", line)
            if match and not match[1].startswith("./"):
                pins.append((path.name, match[1], match[2].strip()))
    assert pins
    for name, action, comment in pins:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{name}: {action}"
        assert re.fullmatch(r"# v\d+\.\d+\.\d+", comment), f"{name}: {action} {comment}"


@pytest.mark.parametrize("name", ALL)
def test_every_job_that_runs_has_a_time_limit(name: str) -> None:
    """Issue 32, item 4: a request that never ends (the okta provider's request_timeout defaults to none) must not
    hold a runner for GitHub's six hours. A job that calls a reusable workflow takes its limit from there."""
    for job_name, job in load(name)["jobs"].items():
        if "runs-on" in job:
            assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 90, job_name


def test_the_deploy_switches_the_key_before_it_refreshes() -> None:
    """The provider sends the state's key with any update of the SSO app: the refresh after the switch puts the new
    key in the state before `pulumi up` (resources/signing_key_gate.py refuses a stale one)."""
    names = [step.get("name", "") for step in load("pulumi-up.yml")["jobs"]["up"]["steps"]]
    switch = names.index("Switch the IdP signing key, if the stack names another")
    assert switch < names.index("Refresh from Okta") < names.index("pulumi up")
