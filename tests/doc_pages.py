"""The README and docs/ read as tests need them: code blocks, inline code, headings, shown commands."""

from __future__ import annotations

import contextlib
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from components.cli.main import COMMANDS as CLI_COMMANDS
from components.inputs.placeholders import refuse_placeholders
from components.inputs.project import load_inputs
from components.inputs.stack_file import read_stack_file
from tests.conftest import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
DOCS = sorted((PROJECT_ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
TOOL = "venv/bin/gainsight-okta"
SUBCOMMANDS = {command.name for command in CLI_COMMANDS}
ORG_URL = "https://acme.okta.com"  # how the docs show the emulator's address
SHELL_SEPARATORS = {"|", "||", "&&", ";", "&"}
REDIRECTIONS = {">", ">>", "<", ">&", "&>"}


def page_id(path: Path) -> str:
    return str(path.relative_to(PROJECT_ROOT))


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    language: str
    info: str
    text: str
    marker: str  # the HTML comment on the line above the fence, if any

    @property
    def where(self) -> str:
        return f"{page_id(self.page)}:{self.line}"


def split_page(path: Path) -> tuple[list[Block], str]:
    """The fenced blocks of a page, and its prose with every block blanked out (line numbers kept)."""
    blocks: list[Block] = []
    prose: list[str] = []
    lines = path.read_text().splitlines()
    index = 0
    while index < len(lines):
        opening = re.match(r"^(\s*)```(\S*)(.*)$", lines[index])
        if not opening:
            prose.append(lines[index])
            index += 1
            continue
        indent, language, info = opening.group(1), opening.group(2), opening.group(3).strip()
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines) and not re.match(r"^\s*```\s*$", lines[index]):
            body.append(lines[index][len(indent) :] if lines[index].startswith(indent) else lines[index].lstrip())
            index += 1
        assert index < len(lines), f"{page_id(path)}:{start + 1}: a code block that is never closed"
        above = next((line.strip() for line in reversed(lines[:start]) if line.strip()), "")
        marker = above if above.startswith("<!--") and above.endswith("-->") else ""
        blocks.append(Block(path, start + 1, language, info, "\n".join(body) + "\n", marker))
        prose.extend([""] * (index - start + 1))
        index += 1
    return blocks, "\n".join(prose)


def code_spans(prose: str) -> list[str]:
    # Spans may wrap across lines within a paragraph; blocks are already blanked out.
    return [span.strip() for span in re.findall(r"`([^`]+)`", prose.replace("\n", " "))]


def headings(path: Path) -> set[str]:
    """GitHub's anchors for the page's headings: lower case, punctuation dropped, spaces to hyphens, -1 for repeats."""
    _, prose = split_page(path)
    seen: dict[str, int] = {}
    anchors = set()
    for line in prose.splitlines():
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not heading:
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1))  # a link in a heading: its text
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        anchors.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return anchors


def shell_lines(block: Block) -> Iterator[str]:
    """The command lines of an `sh` or `console` block, continuation lines joined (console: only `$ ` lines)."""
    pending = ""
    for raw in block.text.splitlines():
        line = raw.rstrip()
        if block.language == "console":
            if not pending and not line.startswith("$ "):
                continue
            line = line.removeprefix("$ ")
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        yield pending + line
        pending = ""


def words(line: str) -> list[str]:
    lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|<>")
    lexer.whitespace_split = True
    return list(lexer)


def simple_commands(line: str) -> Iterator[list[str]]:
    """Each command of a shell line (split at `|`, `&&`, `;`), without its redirections and comments."""
    command: list[str] = []
    tokens = iter(words(line))
    for token in tokens:
        if token in SHELL_SEPARATORS:
            if command:
                yield command
            command = []
        elif token in REDIRECTIONS:
            next(tokens, None)
        else:
            command.append(token)
    if command:
        yield command


@dataclass(frozen=True)
class Shown:
    where: str
    argv: list[str]


def shown_commands() -> list[Shown]:
    """Every command line the pages show: in `sh`/`console` blocks, and in inline code."""
    found: list[Shown] = []
    for page in PAGES:
        blocks, prose = split_page(page)
        for block in blocks:
            if block.language in ("sh", "console"):
                for line in shell_lines(block):
                    found.extend(Shown(block.where, argv) for argv in simple_commands(line))
        for span in code_spans(prose):
            with contextlib.suppress(ValueError):  # not shell text: an unbalanced quote, say
                found.extend(Shown(page_id(page), argv) for argv in simple_commands(span))
    return found


COMMANDS = shown_commands()
TOOL_COMMANDS = [shown for shown in COMMANDS if shown.argv[0] == TOOL and len(shown.argv) > 1]


COMPLETE_STACK = re.compile(r'title="(Pulumi\.[\w.-]+\.yaml)"')


def yaml_blocks() -> list[Block]:
    return [block for page in PAGES for block in split_page(page)[0] if block.language in ("yaml", "yml")]


def validate_stack_text(text: str, directory: Path, name: str) -> None:
    path = directory / name
    path.write_text(text)
    stack_file = read_stack_file(path, name)
    refuse_placeholders(stack_file.config, name)
    load_inputs(stack_file.config, name, stack_file.secret_keys)
