"""docs/design.md's layout table is the tree's: every package and root module is in a layer of the import-linter
contract, has a docstring, and the table made from them is the one in the page."""

from __future__ import annotations

from tests.layout_table import COMPONENTS, DESIGN, in_docs, layers, summary, table


def test_every_package_and_root_module_is_in_a_layer_and_says_what_it_holds() -> None:
    layered = {name for layer in layers() for name in layer}
    present = {p.name for p in COMPONENTS.iterdir() if (p / "__init__.py").is_file()}
    present |= {p.stem for p in COMPONENTS.glob("*.py") if p.name != "__init__.py"}
    assert present == layered
    for package in COMPONENTS.rglob("__init__.py"):
        if package.parent != COMPONENTS:
            assert summary(package), f"{package.relative_to(COMPONENTS.parent)} has no docstring"


def test_the_design_page_s_layout_table_is_made_from_the_tree() -> None:
    assert in_docs(DESIGN.read_text()) == table(), "run: venv/bin/python -m tests.layout_table --write"
