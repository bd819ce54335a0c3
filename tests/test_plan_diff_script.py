"""`.github/scripts/plan-diff.sh`, as the Preview workflow runs it: base and head of a branch, every stack."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.metadata_builder import PROJECT_ROOT

GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


@pytest.mark.skipif(shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists(), reason="needs a git checkout")
def test_the_pr_script_diffs_every_stack_between_base_and_head(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(PROJECT_ROOT), str(repo)], check=True)
    stack = repo / "Pulumi.prod.yaml"
    stack.write_text(stack.read_text().replace("label: Gainsight\n", "label: Gainsight (renamed)\n", 1))
    subprocess.run([*GIT, "commit", "--quiet", "-am", "rename the prod SSO app"], cwd=repo, check=True)

    result = subprocess.run(
        ["bash", ".github/scripts/plan-diff.sh", "HEAD~1"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PLAN_DIFF_PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## gainsight-okta: what this pull request changes")
    dev, prod = out.split("### Offline plan, stack `dev`")[1].split("### Offline plan, stack `prod`")
    assert "No change to what this stack declares." in dev
    assert "| ~ change | `okta:app/saml:Saml` | `gainsight-sso` |" in prod
    assert '`label`: "Gainsight" → "Gainsight (renamed)"' in prod
    assert subprocess.run(["git", "worktree", "list"], cwd=repo, capture_output=True, text=True).stdout.count("\n") == 1
