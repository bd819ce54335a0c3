"""`.github/scripts/people-impact.sh`, the preview workflow's People section, run as the workflow runs it: in a
git checkout whose head changes a stack file, against the Okta emulator. Counts go to OUT_DIR (the comment's
artifact); logins only to the job summary, and only when PEOPLE_SHOW_USERS is true (a private repository)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.adopt.test_adopt_verify import adopted
from tests.conftest import PROJECT_ROOT
from tests.servers.article_org import article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer, FakeOrg

SCRIPT = PROJECT_ROOT / ".github" / "scripts" / "people-impact.sh"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def checkout(tmp_path: Path) -> tuple[Path, str, FakeOrg]:
    """A repository whose base commit holds the adopted stack file and whose working tree drops Viewer; and the
    org it was adopted from (the stack names the groups by their ids there)."""
    org = article_org()
    adopted_stack, _ = adopted(org, tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "venv").symlink_to(PROJECT_ROOT / "venv")
    # A checkout of the project: its Pulumi.yaml marks the project root, where the stack's metadata is found.
    shutil.copy(PROJECT_ROOT / "Pulumi.yaml", repo / "Pulumi.yaml")
    shutil.copytree(PROJECT_ROOT / "metadata", repo / "metadata")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "ci@example.invalid")
    git(repo, "config", "user.name", "ci")
    (repo / "Pulumi.acme.yaml").write_text(adopted_stack.read_text())
    git(repo, "add", "Pulumi.acme.yaml")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    document = yaml.safe_load(adopted_stack.read_text())
    groups = document["config"]["gainsight-okta:groups"]
    groups.remove(next(g for g in groups if g["name"] == "Viewer"))
    (repo / "Pulumi.acme.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    return repo, base, org


def run(repo: Path, base: str, url: str, *, stack: str = "acme", show: bool = False) -> tuple[int, Path]:
    summary = repo.parent / "summary.md"
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(repo.parent),
        "OKTA_API_TOKEN": TOKEN,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PEOPLE_SHOW_USERS": "true" if show else "false",
    }
    result = subprocess.run(
        ["bash", str(SCRIPT), base, stack, "people", "--okta-url", url, "--timeout", "10"],
        cwd=repo, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return result.returncode, summary


def test_a_changed_stack_gets_counts_in_the_artifact_and_logins_only_in_a_private_summary(tmp_path: Path) -> None:
    repo, base, org = checkout(tmp_path)
    org.requests.clear()
    with FakeOktaServer(org) as url:
        status, summary = run(repo, base, url, show=False)
        assert status == 0
        section = (repo / "people" / "acme.md").read_text()
        assert "| lose access | 1 |" in section and "@" not in section
        assert not summary.exists()
        calls = len(org.requests)
        status, summary = run(repo, base, url, show=True)
        private_calls = len(org.requests) - calls
    assert status == 0
    assert "bob@acme.example" in summary.read_text() and "| lose access | 1 |" in summary.read_text()
    shared = (repo / "people" / "acme.md").read_text()
    assert "@" not in shared and "| lose access | 1 |" in shared and "| login |" not in shared
    assert private_calls == calls  # one impact run either way: the summary does not cost Okta a second pass


def test_an_unchanged_stack_has_no_section_a_new_one_says_so_and_a_failure_says_where_to_look(
    tmp_path: Path,
) -> None:
    repo, base, org = checkout(tmp_path)
    with FakeOktaServer(org) as url:
        git(repo, "stash", "-q")  # the head as the base: nothing changed
        assert run(repo, base, url)[0] == 0 and not (repo / "people" / "acme.md").exists()
        git(repo, "stash", "pop", "-q")
        (repo / "Pulumi.qa.yaml").write_text((repo / "Pulumi.acme.yaml").read_text())
        assert run(repo, base, url, stack="qa")[0] == 0
        assert "A new stack" in (repo / "people" / "qa.md").read_text()
        # A base commit this checkout cannot read is said as such, not taken for a new stack.
        assert run(repo, "0" * 40, url)[0] == 0
        assert "base commit could not be fetched" in (repo / "people" / "acme.md").read_text()
    # Okta unreachable (the server is gone): the step still passes, and the section points at the log.
    assert run(repo, base, url)[0] == 0
    assert "Could not be computed" in (repo / "people" / "acme.md").read_text()
