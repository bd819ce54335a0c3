"""The README and docs/ match the tool: links resolve, commands parse, stack examples validate, output is real.

- README.md stays short (at most 250 lines) and links every page of docs/.
- Every relative link points to an existing file, and to an existing heading when it has `#anchor`.
- Every `venv/bin/gainsight-okta …` command line (in `sh` and `console` blocks and in inline code) parses with the
  tool's own argparse parser, so no page names a command or an option that does not exist; no page shows a command
  without that prefix (`verify --json`, `python -m components plan`).
- Every YAML block validates: one titled `Pulumi.<stack>.yaml` as a complete stack file, any other as keys under
  `config:` added to a valid stack.
- Every `console` block is run, in order, in a copy of the project: each line of output it shows must be a line the
  command prints, in the same order (`…` stands for any text; a line of only `…` for lines left out). A block
  preceded by `<!-- emulator: DEFECT, … -->` runs against the Okta emulator's article org with those defects.
"""

import contextlib
import io
import re
import shlex
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from components.cli.main import build_parser
from components.inputs.yaml_v3 import load
from tests.conftest import PROJECT_ROOT, base_config
from tests.doc_pages import (
    COMMANDS,
    COMPLETE_STACK,
    DOCS,
    PAGES,
    README,
    SUBCOMMANDS,
    TOOL,
    TOOL_COMMANDS,
    Block,
    Shown,
    headings,
    page_id,
    split_page,
    validate_stack_text,
    yaml_blocks,
)


def test_the_readme_is_at_most_250_lines() -> None:
    lines = len(README.read_text().splitlines())
    assert lines <= 250, f"README.md has {lines} lines; move detail into docs/"


def test_the_readme_links_every_page_of_the_docs() -> None:
    _, prose = split_page(README)
    linked = {Path(target.split("#")[0]) for target in re.findall(r"\]\(([^)\s]+)\)", prose)}
    assert DOCS, "docs/ has no pages"
    missing = [page_id(page) for page in DOCS if page.relative_to(PROJECT_ROOT) not in linked]
    assert not missing, f"README.md's map of docs/ misses {missing}"


def relative_links() -> list[tuple[Path, str]]:
    links = []
    for page in PAGES:
        _, prose = split_page(page)
        prose = re.sub(r"`[^`]*`", "", prose.replace("\n", " "))  # a link written inside code is not a link
        for target in re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", prose):
            if not re.match(r"^[a-z][a-z0-9+.-]*:", target):
                links.append((page, target))
    return links


@pytest.mark.parametrize(("page", "target"), relative_links(), ids=lambda value: str(value).split("/")[-1])
def test_every_relative_link_resolves(page: Path, target: str) -> None:
    path, _, anchor = target.partition("#")
    file = (page.parent / path).resolve() if path else page
    assert file.exists(), f"{page_id(page)}: link to {target}: no such file"
    if anchor:
        assert file.suffix == ".md", f"{page_id(page)}: link to {target}: an anchor into a file that is not Markdown"
        assert anchor in headings(file), f"{page_id(page)}: link to {target}: {file.name} has no such heading"


def test_the_pages_show_commands() -> None:
    shown = {shown.argv[1] for shown in TOOL_COMMANDS}
    assert {"init", "validate", "plan", "runbook", "verify", "plan-diff"} <= shown, sorted(shown)


@pytest.mark.parametrize("shown", TOOL_COMMANDS, ids=lambda shown: f"{shown.where}:{shlex.join(shown.argv[1:3])}")
def test_every_command_parses_with_the_tools_parser(shown: Shown) -> None:
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        try:
            build_parser().parse_args(shown.argv[1:])
        except SystemExit as exit_:
            assert exit_.code == 0, f"{shown.where}: `{shlex.join(shown.argv)}`: {errors.getvalue().strip()}"


def test_no_command_is_shown_without_the_tools_name() -> None:
    wrong = []
    for shown in COMMANDS:
        argv = shown.argv
        if argv[:3] in (["venv/bin/python", "-m", "components"], ["python", "-m", "components"]):
            argv = argv[3:]  # the module form, which the docs mention but never show with a command
            if argv:
                wrong.append(f"{shown.where}: {shlex.join(shown.argv)}")
        elif argv[0] in SUBCOMMANDS and len(argv) > 1:
            wrong.append(f"{shown.where}: {shlex.join(argv)}")
    assert not wrong, f"write these as `{TOOL} COMMAND …`: {wrong}"


# ---- YAML examples ------------------------------------------------------------------------------------------


ESC_ENVIRONMENT = re.compile(r'title="ESC environment [\w/.-]+"')
CREDENTIALS_SCRIPT = PROJECT_ROOT / ".github" / "scripts" / "stack-credentials.py"
CI_CREDENTIALS = re.findall(r'"(OKTA_[A-Z_]+)"', CREDENTIALS_SCRIPT.read_text())


@pytest.mark.parametrize("block", yaml_blocks(), ids=lambda block: block.where)
def test_every_yaml_example_validates(block: Block, tmp_path: Path) -> None:
    title = COMPLETE_STACK.search(block.info)
    if title:
        document = load(block.text)
        assert isinstance(document, dict) and isinstance(document.get("config"), dict), (
            f"{block.where}: a complete stack file has its settings under `config:`"
        )
        # The metadata the example names is the reader's; dev's stands in for it.
        text, count = re.subn(
            r"^(\s*gainsight-okta:metadataFile:).*$", r"\1 metadata/dev.xml", block.text, flags=re.MULTILINE
        )
        if not count:
            text = text.replace("config:\n", "config:\n  gainsight-okta:metadataFile: metadata/dev.xml\n", 1)
        validate_stack_text(text, tmp_path, title.group(1))
        return
    if YAML_PROGRAM.search(block.info):
        check_yaml_program(block)
        return
    if ESC_ENVIRONMENT.search(block.info):
        # An ESC environment for CI: what the provider reads, and the variables the stack-access action exports.
        values = load(block.text)["values"]
        assert set(values["environmentVariables"]) <= set(CI_CREDENTIALS), f"{block.where}: not exported by CI"
        assert all(key.startswith("okta:") for key in values["pulumiConfig"]), block.where
        return
    fragment = textwrap.dedent(block.text)
    keys = load(fragment)
    assert isinstance(keys, dict) and all(":" in str(key) for key in keys), (
        f'{block.where}: a YAML example is either a complete stack (```yaml title="Pulumi.<stack>.yaml"), or '
        "settings under `config:`, each written namespace:key"
    )
    rest = {key: value for key, value in base_config().items() if key not in keys}
    base = textwrap.indent(yaml.safe_dump(rest, sort_keys=False), "  ")
    validate_stack_text("config:\n" + base + textwrap.indent(fragment, "  "), tmp_path, "Pulumi.example.yaml")


YAML_PROGRAM = re.compile(r'title="Pulumi\.yaml \(a YAML program\)"')


def _unknown_keys(value: Any, properties: dict[str, Any], types: dict[str, Any], path: str) -> list[str]:
    """The keys of `value` the schema's `properties` do not have, however nested."""
    unknown = []
    for key, item in value.items():
        prop = properties.get(key)
        if prop is None:
            unknown.append(f"{path}{key}")
            continue
        reference = prop.get("$ref") or prop.get("items", {}).get("$ref") or ""
        nested = types.get(reference.removeprefix("#/types/"))
        for element in item if isinstance(item, list) else [item]:
            if nested is not None and isinstance(element, dict):
                unknown += _unknown_keys(element, nested["properties"], types, f"{path}{key}.")
    return unknown


def check_yaml_program(block: Block) -> None:
    """A YAML program that uses the component package: its properties are the schema's inputs (the schema the
    package serves, built in process), and the args pass the component's own checks."""
    from components.component_package.provider import package_schema
    from components.inputs.component_args import args_source, inputs_from_args
    from components.inputs.settings import OktaSettings
    from components.resources.urns import COMPONENT_TYPE

    schema = package_schema()
    component = schema["resources"][COMPONENT_TYPE]
    program = load(block.text)
    assert program["runtime"] == "yaml" and "gainsight-okta" in program["packages"], block.where
    (resource,) = [r for r in program["resources"].values() if r["type"] == COMPONENT_TYPE]
    properties = resource["properties"]
    assert _unknown_keys(properties, component["inputProperties"], schema["types"], "") == [], block.where
    assert set(component["requiredInputs"]) <= set(properties), block.where
    for output in program.get("outputs", {}).values():
        assert output.removeprefix("${").split(".")[1].rstrip("}") in component["properties"], (block.where, output)
    args = {**properties, "metadataXml": (PROJECT_ROOT / "metadata" / "dev.xml").read_text()}
    inputs_from_args(args, OktaSettings(), args_source("gainsight"))  # raises InputError on a bad argument


def test_a_complete_stack_example_is_checked() -> None:
    assert [block for block in yaml_blocks() if COMPLETE_STACK.search(block.info)], "no complete stack example"


# ---- shown output -------------------------------------------------------------------------------------------
