"""docs/design.md's layout table, made from the tree: the import-linter layers (pyproject.toml) top to bottom, each
package's or module's docstring (its first paragraph), and each package's modules.

`venv/bin/python -m tests.layout_table --write` rewrites the table; tests/test_layout.py checks it is current.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = ROOT / "components"
DESIGN = ROOT / "docs" / "design.md"
START = "<!-- layout: made by `venv/bin/python -m tests.layout_table --write` from the package docstrings -->"
END = "<!-- /layout -->"


def layers() -> list[list[str]]:
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0]
    return [[name.strip() for name in layer.split("|")] for layer in contract["layers"]]


def summary(path: Path) -> str:
    """The first paragraph of the docstring of `path` (a module, or a package's __init__.py), on one line."""
    docstring = ast.get_docstring(ast.parse(path.read_text())) or ""
    return " ".join(docstring.split("\n\n", 1)[0].split())


def parts(package: Path) -> list[str]:
    """A package's modules and subpackages, as `ls` shows them."""
    found = [p.name for p in sorted(package.glob("*.py")) if p.name != "__init__.py"]
    found += [f"{p.name}/" for p in sorted(package.iterdir()) if (p / "__init__.py").is_file()]
    return found


def table() -> str:
    rows = ["| layer (top to bottom) | holds |", "| --- | --- |"]
    for number, layer in enumerate(layers(), start=1):
        for name in layer:
            package = COMPONENTS / name
            if package.is_dir():
                modules = ", ".join(f"`{part}`" for part in parts(package))
                rows.append(f"| {number}. `components/{name}/` | {summary(package / '__init__.py')} ({modules}) |")
            else:
                rows.append(f"| {number}. `components/{name}.py` | {summary(COMPONENTS / f'{name}.py')} |")
    return "\n".join(rows)


def in_docs(text: str) -> str:
    return text.split(START + "\n", 1)[1].split("\n" + END, 1)[0]


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    text = DESIGN.read_text()
    DESIGN.write_text(text.replace(in_docs(text), table()))
