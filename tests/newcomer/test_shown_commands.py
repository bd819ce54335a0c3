"""Issue 35: every command line of the README's and docs/' `sh` blocks, run exactly as printed (the docs'
`https://acme.okta.com` and `OKTA_API_TOKEN=…` are the emulator and its token), each in the world the text around
it assumes, checking that it does what that text says. Blocks that need the Pulumi CLI run in
e2e/test_shown_commands.py; tests/newcomer/shown_blocks.py lists them, and the one line no scenario can run."""

from __future__ import annotations

import json
import re
import select
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROJECT_ROOT
from tests.doc_pages import ORG_URL, README, words
from tests.newcomer.project_copy import project_copy, run_in
from tests.newcomer.shown_blocks import (
    BENCHMARK_BLOCKS,
    E2E_BLOCKS,
    NOT_RUN,
    Session,
    ShownBlock,
    bare_environment,
    machine_wide,
    plain,
    sh_blocks,
    shown_block,
)
from tests.newcomer.test_first_hour import first_hour_commands
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer, FakeOrg

TOOL = "venv/bin/gainsight-okta"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}
CLIENT_ID = "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10"


# ---- the worlds the pages assume ----------------------------------------------------------------------------


def fresh_clone(tmp_path: Path) -> Path:
    """A clone as the README's first lines leave it: `make` has built venv/ (here: this interpreter, and the
    repository venv's actionlint), so a `make` target runs without installing."""
    root = project_copy(tmp_path)
    venv = root / "venv"
    (venv / "bin" / "python").write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n')
    (venv / "bin" / "python").chmod(0o755)
    (venv / "bin" / "actionlint").symlink_to(PROJECT_ROOT / "venv" / "bin" / "actionlint")
    (venv / ".installed").touch()  # newer than requirements.txt and pyproject.toml: make installs nothing
    return root


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={**bare_environment(root.parent / "home"), **GIT_IDENTITY},
    )
    return done.stdout


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", message)


def repository(root: Path) -> None:
    """The clone as a git repository whose main branch holds what is in it now."""
    git(root, "init", "--quiet", "--initial-branch", "main")
    commit_all(root, "as cloned")


def adopted_as(root: Path, url: str, stack: str) -> None:
    """The stack `stack` is the emulated org, adopted (the stack file then reaches the org on 127.0.0.1)."""
    result = run_in(
        root,
        f"{TOOL} adopt --stack {stack} --okta-url {url} --sso-app {SSO_ID} --scim-app {SCIM_ID} --force "
        f"--metadata metadata/dev.xml --tenant-url https://acme.gainsightcloud.com --oauth-client-id {CLIENT_ID}",
        {"OKTA_API_TOKEN": TOKEN},
    )
    assert result.returncode == 0, result.stderr


def edit_stack(path: Path, change: Callable[[dict], None]) -> None:
    document = yaml.safe_load(path.read_text())
    change(document["config"])
    path.write_text(yaml.safe_dump(document, sort_keys=False))


def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir(exist_ok=True)
    return folder


def writes(org: FakeOrg) -> list[tuple[str, str]]:
    return [(method, path) for method, path in org.requests if method != "GET"]


def ok(result: subprocess.CompletedProcess[str], code: int = 0) -> str:
    assert result.returncode == code, f"`{result.args[-1]}` exited {result.returncode}:\n{result.stdout}{result.stderr}"
    return result.stdout + result.stderr


# ---- the scenarios, one per block ----------------------------------------------------------------------------


def readme_make(shown: ShownBlock, tmp_path: Path) -> None:
    """ "`make plan`: what `pulumi up` would declare for the dev stack, computed offline"."""
    root = fresh_clone(tmp_path)
    session = Session(shown, root, bare_environment(home(tmp_path)))
    (plan,) = session.run_all()
    printed = ok(plan)
    assert "gainsight-sso" in printed and "dev" in printed
    session.done()


def verify_qa(shown: ShownBlock, tmp_path: Path) -> None:
    """ "It reads the live org (read only) and exits 1 when something is wrong ...: the SCIM app visible to users"."""
    root = fresh_clone(tmp_path)
    org = article_org()
    with FakeOktaServer(org) as url:
        adopted_as(root, url, "qa")
        org.requests.clear()
        session = Session(shown, root, bare_environment(home(tmp_path), {"OKTA_API_TOKEN": TOKEN}))
        (clean,) = session.run_all()
        ok(clean)
        assert org.requests and not writes(org), writes(org)
        org.apps[SCIM_ID]["visibility"]["hide"] = {"iOS": False, "web": False}  # shown to users, by hand
        session.ran.clear()
        (broken,) = session.run_all()
        assert "is visible to users" in ok(broken, 1)
        assert not writes(org)
    session.done()


def plan_diff_by_hand(shown: ShownBlock, tmp_path: Path) -> None:
    """ "The plan diff of one stack, by hand ... (so group priorities stay where they were, as `pulumi up` keeps
    them)": a branch adding a group at the top; what the last line prints is what the PR comment says."""
    root = fresh_clone(tmp_path)
    downloads = home(tmp_path) / "Downloads"
    downloads.mkdir()
    (downloads / "metadata.xml").write_text(
        (root / "metadata" / "prod.xml").read_text().replace("acme-prod", "acme-qa")
    )
    init = first_hour_commands()[0]
    ok(run_in(root, init.replace("~/Downloads", str(downloads))))
    repository(root)
    git(root, "switch", "--quiet", "-c", "add-a-group")
    edit_stack(
        root / "Pulumi.qa.yaml",
        lambda config: config["gainsight-okta:groups"].insert(0, {"name": "Gainsight Analysts", "profile": {}}),
    )
    commit_all(root, "a group at the top")

    session = Session(shown, root, bare_environment(home(tmp_path)))
    results = session.run_all()
    for result in results:
        ok(result)
    session.done()
    assert git(root, "branch", "--show-current").strip() == "add-a-group"
    base, head = (json.loads((root / name).read_text()) for name in ("base.json", "head.json"))

    def priorities(plan: dict) -> dict[str, int]:
        return {r["name"]: r["inputs"]["priority"] for r in plan["resources"] if "priority" in r.get("inputs", {})}

    kept = priorities(base)
    assert kept and {name: priorities(head)[name] for name in kept} == kept  # "priorities kept"
    said = results[-1].stdout  # what the block's last line printed: "what the comment will say"
    assert "Gainsight Analysts" in said
    comment = subprocess.run(
        ["bash", ".github/scripts/plan-diff.sh", "main"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env=bare_environment(home(tmp_path)),
    )
    ok(comment)
    section = comment.stdout.split("### Offline plan, stack `qa`")[1].split("### Offline plan, stack")[0]
    assert said.strip() and said.strip() in ("### Offline plan, stack `qa`" + section).strip()


def impact_of_a_change(shown: ShownBlock, tmp_path: Path) -> None:
    """ "Removing the article's Viewer group, for example": prod is the article org; the branch drops Viewer."""
    root = fresh_clone(tmp_path)
    org = article_org()
    with FakeOktaServer(org) as url:
        adopted_as(root, url, "prod")
        repository(root)
        edit_stack(
            root / "Pulumi.prod.yaml",
            lambda config: config.update(
                {"gainsight-okta:groups": [g for g in config["gainsight-okta:groups"] if g["name"] != "Viewer"]}
            ),
        )
        org.requests.clear()
        with machine_wide("/tmp/base.yaml"):
            session = Session(shown, root, bare_environment(home(tmp_path), {"OKTA_API_TOKEN": TOKEN}))
            show, impact = session.run_all()
            ok(show)
            printed = ok(impact).replace(url, ORG_URL)
        assert not writes(org)
    session.done()
    readme = README.read_text()
    example = readme.split("<!-- impact-example: tests/impact/test_impact.py -->\n```text\n", 1)[1].split("```")[0]
    assert printed == example


def adopt_by_hand(shown: ShownBlock, tmp_path: Path) -> None:
    """ "`adopt` reads the org (read only) and writes the stack file, with the apps imported and the groups by id,
    and an import file"."""
    root = fresh_clone(tmp_path)
    org = article_org()
    # A block that exports the credential gives it; the README's block runs where section 3 set it.
    exported = any(line.startswith("export OKTA_API_TOKEN=") for line in shown.lines)
    environment = bare_environment(home(tmp_path), {} if exported else {"OKTA_API_TOKEN": TOKEN})
    with FakeOktaServer(org) as url:
        session = Session(shown, root, environment, url, TOKEN)
        results = session.run_all()
    session.done()
    for result in results:
        ok(result)
    assert "Wrote Pulumi.acme.yaml and Pulumi.acme.import.json." in results[-1].stdout
    assert org.requests and not writes(org)
    config = yaml.safe_load((root / "Pulumi.acme.yaml").read_text())["config"]
    assert config["gainsight-okta:samlApp"]["importId"] == SSO_ID
    assert config["gainsight-okta:scimApp"]["importId"] == SCIM_ID
    assert config["gainsight-okta:protect"] is True
    assert all("id" in group for group in config["gainsight-okta:groups"])
    assert json.loads((root / "Pulumi.acme.import.json").read_text())["resources"]
    assert "Pulumi.prod.yaml" in {path.name for path in root.iterdir()}  # the example stack is left alone


def checks_locally(shown: ShownBlock, tmp_path: Path) -> None:
    """ "Running the same checks locally": actionlint on .github/, the offline plan of one stack, and the PR
    comment for every stack, as CI makes it (here on a branch renaming prod's SSO app)."""
    root = fresh_clone(tmp_path)
    repository(root)
    git(root, "clone", "--quiet", "--bare", ".", str(tmp_path / "origin.git"))
    git(root, "remote", "add", "origin", str(tmp_path / "origin.git"))
    git(root, "fetch", "--quiet", "origin")
    git(root, "switch", "--quiet", "-c", "rename")
    stack = root / "Pulumi.prod.yaml"
    stack.write_text(stack.read_text().replace("label: Gainsight\n", "label: Gainsight (renamed)\n", 1))
    commit_all(root, "rename the prod SSO app")
    session = Session(shown, root, bare_environment(home(tmp_path)))
    lint, plan, comment = session.run_all()
    session.done()
    ok(lint)
    assert "prod" in ok(plan) and "gainsight-sso" in plan.stdout
    ok(comment)
    assert comment.stdout.startswith("## gainsight-okta: what this pull request changes")
    assert "### Offline plan, stack `dev`" in comment.stdout
    assert '`label`: "Gainsight" → "Gainsight (renamed)"' in comment.stdout


def emulate(shown: ShownBlock, tmp_path: Path) -> None:
    """ "first stdout line: http://127.0.0.1:<port>"; the article seed: "groups "Test" and "Viewer""; "Any non-empty
    `SSWS` token works"."""
    root = fresh_clone(tmp_path)
    (line,) = shown.runnable
    process = subprocess.Popen(
        ["/bin/sh", "-c", f"exec {line}"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=bare_environment(home(tmp_path)),
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "emulate printed nothing within 60 s"
        first = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", first), first
        request = urllib.request.Request(f"{first}/api/v1/groups", headers={"Authorization": "SSWS anything"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=10) as answer:
            names = {group["profile"]["name"] for group in json.load(answer)}
        assert {"Test", "Viewer"} <= names
    finally:
        process.terminate()
        process.wait(timeout=10)


def rotate_key(shown: ShownBlock, tmp_path: Path) -> None:
    """key-rotation.md: status names the signing key and "(not set)"; generate adds a key the app does not sign with
    yet and prints the hand-off; handoff prints it again; the PR names the new kid; switch makes the app sign with
    it and names the `pulumi refresh` to run next."""
    root = fresh_clone(tmp_path)
    org = article_org()
    with FakeOktaServer(org) as url:
        adopted_as(root, url, "prod")
        old = org.apps[SSO_ID]["credentials"]["signing"]["kid"]
        session = Session(shown, root, bare_environment(home(tmp_path), {"OKTA_API_TOKEN": TOKEN}))
        status, generate, handoff = (session.run(line) for line in shown.runnable[:3])
        assert old in ok(status) and "(not set)" in status.stdout
        assert "IdP signing certificate rotation, stack `prod`" in ok(generate)
        new = next(key["kid"] for key in org.keys[SSO_ID] if key["kid"] != old)
        assert new in generate.stdout and org.apps[SSO_ID]["credentials"]["signing"]["kid"] == old
        assert new in ok(handoff) and "-----BEGIN CERTIFICATE-----" in handoff.stdout
        # The reviewed pull request, merged: "The PR sets `samlApp.signingKeyId: <new kid>`".
        edit_stack(root / "Pulumi.prod.yaml", lambda config: config["gainsight-okta:samlApp"].update(signingKeyId=new))
        switch = session.run(shown.runnable[3])
        assert old in ok(switch) and new in switch.stdout and "pulumi refresh" in switch.stdout
        assert org.apps[SSO_ID]["credentials"]["signing"]["kid"] == new
    session.done()


def explain_live(shown: ShownBlock, tmp_path: Path) -> None:
    """ "the groups that reach each app in priority order, which group sets each Gainsight value, the values Okta
    holds on their SCIM app user": carol is in Test (first: Full, super admin) and Viewer."""
    root = fresh_clone(tmp_path)
    org = article_org()
    with FakeOktaServer(org) as url:
        adopted_as(root, url, "prod")
        org.requests.clear()
        session = Session(shown, root, bare_environment(home(tmp_path), {"OKTA_API_TOKEN": TOKEN}))
        (explain,) = session.run_all()
        printed = ok(explain)
        assert not writes(org)
    session.done()
    assert "carol@acme.example" in printed
    assert printed.index("Test") < printed.index("Viewer")
    assert re.search(r"LicenseType\W+Full\W.*Test", printed), printed
    assert re.search(r"IsSuperAdmin\W+true\W.*Test", printed), printed


SCENARIOS: dict[str, Callable[[ShownBlock, Path], None]] = {
    "README.md: make plan": readme_make,
    "README.md: venv/bin/gainsight-okta verify --stack qa": verify_qa,
    "README.md: git switch main": plan_diff_by_hand,
    "README.md: git show main:Pulumi.prod.yaml > /tmp/base.yaml": impact_of_a_change,
    "README.md: venv/bin/gainsight-okta adopt --stack acme --okta-url https://acme.okta.com --sso-app "
    "0oa1sso2gainsight3x4 --scim-app 0oa9scim8gainsight7x6 --metadata metadata/dev.xml --tenant-url "
    "https://acme.gainsightcloud.com": adopt_by_hand,
    "docs/adopt-and-verify.md: export OKTA_API_TOKEN=…": adopt_by_hand,
    "docs/ci-workflows.md: make test": checks_locally,
    "docs/ci-workflows.md: git switch main": plan_diff_by_hand,
    "docs/design.md: venv/bin/gainsight-okta emulate --port 0 --seed article": emulate,
    "docs/key-rotation.md: venv/bin/gainsight-okta rotate-key status --stack prod": rotate_key,
    "docs/people.md: git show main:Pulumi.prod.yaml > /tmp/base.yaml": impact_of_a_change,
    "docs/people.md: venv/bin/gainsight-okta explain --stack prod --user carol@acme.example --live": explain_live,
}


def test_every_block_has_a_scenario() -> None:
    keys = [shown.key for shown in sh_blocks()]
    assert len(keys) == len(set(keys)), "two `sh` blocks start with the same line on one page"
    known = set(SCENARIOS) | E2E_BLOCKS | BENCHMARK_BLOCKS
    assert set(keys) == known, (
        f"blocks without a scenario: {sorted(set(keys) - known)}; "
        f"scenarios without a block: {sorted(known - set(keys))}"
    )
    assert not set(SCENARIOS) & E2E_BLOCKS and not (set(SCENARIOS) | E2E_BLOCKS) & BENCHMARK_BLOCKS


def test_each_benchmark_block_names_scripts_and_options_that_exist() -> None:
    """A benchmark block is not run here (minutes to an hour), but each line names a script in bench/ and only
    options its parser declares (`add_argument("--x"`, in the script or the options the e2e benchmarks share)."""
    shared = (PROJECT_ROOT / "bench" / "e2e_options.py").read_text()
    for key in BENCHMARK_BLOCKS:
        for line in shown_block(key).lines:
            argv = words(line)
            assert argv[:1] == ["venv/bin/python"] and argv[1].startswith("bench/"), line
            script = (PROJECT_ROOT / argv[1]).read_text()
            for option in (word for word in argv[2:] if word.startswith("--")):
                declared = f'add_argument("{option}"' in script or f'add_argument(\n        "{option}"' in script
                assert declared or f'"{option}"' in shared, f"{line}: {argv[1]} declares no {option}"


def test_each_e2e_block_is_run_by_an_e2e_test() -> None:
    """E2E_BLOCKS only says where a block runs: each key must be one an e2e test runs (by its key)."""
    sources = "".join(path.read_text() for path in (PROJECT_ROOT / "e2e").glob("test_*.py"))
    assert not [key for key in E2E_BLOCKS if f'"{key}"' not in sources]
    not_run = [plain(line) for shown in sh_blocks() for line in shown.lines if plain(line) in NOT_RUN]
    assert sorted(set(not_run)) == sorted(NOT_RUN), "a line in NOT_RUN that no page shows"


@pytest.mark.skipif(shutil.which("git") is None, reason="the pages' git lines need git")
@pytest.mark.parametrize("key", sorted(SCENARIOS))
def test_the_block_runs_as_printed_and_does_what_its_text_says(key: str, tmp_path: Path) -> None:
    SCENARIOS[key](shown_block(key), tmp_path)


def test_a_line_out_of_order_or_left_out_fails_the_scenario(tmp_path: Path) -> None:
    """The guard the scenarios rest on: a scenario that skips a shown line, or runs its own, fails."""
    shown = shown_block("docs/key-rotation.md: venv/bin/gainsight-okta rotate-key status --stack prod")
    session = Session(shown, tmp_path, {})
    with pytest.raises(AssertionError, match="out of order"):
        session.run(shown.runnable[1])
    with pytest.raises(AssertionError, match="never run"):
        session.done()
