"""The output and stack files the docs show are what the tool prints and writes (see tests/test_docs.py)."""

import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.api_cost import markdown
from tests.conftest import PROJECT_ROOT
from tests.doc_pages import ORG_URL, PAGES, README, TOOL, Block, page_id, split_page, words, yaml_blocks
from tests.newcomer.project_copy import project_copy
from tests.servers.article_org import SCIM_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer, FakeOrg


def emulated_org(marker: str, where: str) -> FakeOrg | None:
    found = re.fullmatch(r"<!--\s*emulator:(.*?)-->", marker)
    if not found:
        return None
    defects = [name.strip() for name in found.group(1).split(",") if name.strip()]
    org = article_org(sso_cert_days=29 if "certificate-expiring" in defects else 400)
    for defect in defects:
        if defect == "visible-scim-app":
            org.apps[SCIM_ID]["visibility"]["hide"] = {"iOS": False, "web": False}
        elif defect == "superadmin-without-namespace":
            org.schemas[SCIM_ID]["IsSuperAdmin"]["externalNamespace"] = None
        elif defect == "contractors-assigned-by-hand":
            org.assign(SCIM_ID, org.add_group("Contractors"), 2, {"LicenseType": "Full"})
        elif defect != "certificate-expiring":
            pytest.fail(f"{where}: no such emulator defect: {defect}")
    return org


@dataclass(frozen=True)
class Run:
    command: str
    expected: list[str]


def runs(block: Block) -> list[Run]:
    found: list[Run] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            found.append(Run(line[2:], []))
        else:
            assert found, f"{block.where}: a console block starts with `$ COMMAND`"
            found[-1].expected.append(line.rstrip())
    return found


def line_pattern(line: str) -> re.Pattern[str]:
    return re.compile(".*?".join(re.escape(part) for part in line.split("…")))


def assert_shown(where: str, run: Run, output: str) -> None:
    """Each line shown is a line printed, in order; the first one is the first line printed."""
    printed = [line.rstrip() for line in output.splitlines()]
    shown = [line for line in run.expected if line.strip()]
    position = 0
    for number, line in enumerate(shown):
        if line.strip() == "…":
            continue
        pattern = line_pattern(line)
        if number == 0:
            assert printed and pattern.fullmatch(printed[0]), (
                f"{where}: `{run.command}` starts its output with\n{printed[:1]}\nnot\n{line}"
            )
            position = 1
            continue
        while position < len(printed) and not pattern.fullmatch(printed[position]):
            position += 1
        assert position < len(printed), (
            f"{where}: `{run.command}` does not print, after the lines above it in the doc:\n{line}\n\n"
            f"It prints:\n{output}"
        )
        position += 1


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home with Gainsight's metadata for the qa tenant where the README downloads it."""
    downloads = tmp_path / "home" / "Downloads"
    downloads.mkdir(parents=True)
    prod = (PROJECT_ROOT / "metadata" / "prod.xml").read_text()
    (downloads / "metadata.xml").write_text(prod.replace("acme-prod", "acme-qa"))
    return downloads.parent


def run_shown(root: Path, home: Path, command: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["/bin/sh", "-c", command],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), **(env or {})},
    )
    return result.stdout


def with_org(command: str, url: str) -> str:
    argv = words(command)
    assert argv[:1] == [TOOL], f"only {TOOL} commands run against the emulator: {command}"
    if "--okta-url" in argv:
        argv[argv.index("--okta-url") + 1] = url
    else:
        argv += ["--okta-url", url]
    return shlex.join(argv)


PAGES_WITH_OUTPUT = [page for page in PAGES if any(b.language == "console" for b in split_page(page)[0])]


@pytest.mark.parametrize("page", PAGES_WITH_OUTPUT, ids=page_id)
def test_the_output_shown_is_what_the_tool_prints(page: Path, tmp_path: Path, home: Path) -> None:
    root = project_copy(tmp_path)
    for block in split_page(page)[0]:
        if block.language != "console":
            continue
        org = emulated_org(block.marker, block.where)
        for run in runs(block):
            assert run.command.startswith(f"{TOOL} "), f"{block.where}: console blocks run only {TOOL}"
            if org is None:
                output = run_shown(root, home, run.command)
            else:
                with FakeOktaServer(org) as url:
                    output = run_shown(root, home, with_org(run.command, url), {"OKTA_API_TOKEN": TOKEN})
                output = output.replace(url, ORG_URL)
            assert_shown(block.where, run, output)


def test_the_stack_file_shown_is_what_init_writes(tmp_path: Path, home: Path) -> None:
    inits = [
        run.command
        for block in split_page(README)[0]
        if block.language == "console"
        for run in runs(block)
        if run.command.startswith(f"{TOOL} init ")
    ]
    assert inits, "README.md shows no init"
    root = project_copy(tmp_path)
    run_shown(root, home, inits[0])
    stack = words(inits[0])[2]
    written = (root / f"Pulumi.{stack}.yaml").read_text()
    shown = [block for block in yaml_blocks() if f'title="Pulumi.{stack}.yaml"' in block.info]
    assert shown, f"no page shows the Pulumi.{stack}.yaml that README.md's init writes"
    for block in shown:
        assert block.text == written, f"{block.where}: not what `{inits[0]}` writes:\n{written}"


def test_the_api_cost_table_is_the_models() -> None:
    assert markdown(100, 50) in (PROJECT_ROOT / "docs" / "api-cost.md").read_text()
