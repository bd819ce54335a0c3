"""No two modules of components/documents import each other, not even for type hints only."""

from __future__ import annotations

import ast
from pathlib import Path

DOCUMENTS = Path(__file__).resolve().parents[2] / "components" / "documents"


def _imports(path: Path) -> set[str]:
    """The sibling modules a module imports: `from .x import y`, `from components.documents.x import y`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level == 1:
                found.add(node.module.split(".")[0])
            elif node.module.startswith("components.documents."):
                found.add(node.module.split(".")[2])
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle in `graph`, or []."""

    def walk(module: str, trail: list[str]) -> list[str]:
        if module in trail:
            return [*trail[trail.index(module) :], module]
        for imported in sorted(graph.get(module, ())):
            if found := walk(imported, [*trail, module]):
                return found
        return []

    return next((found for module in sorted(graph) if (found := walk(module, []))), [])


def test_no_import_cycle_among_the_documents_modules() -> None:
    graph = {path.stem: _imports(path) for path in DOCUMENTS.glob("*.py")}
    assert "plan_model" in graph["plan_warnings"] and "plan_diff" not in graph["plan_warnings"]
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"plan_diff": {"plan_warnings"}, "plan_warnings": {"plan_diff"}}) == [
        "plan_diff",
        "plan_warnings",
        "plan_diff",
    ]
