"""The code's shape the style asks for: no module over 300 lines, no two modules importing each other."""

from __future__ import annotations

import grimp

from tests.conftest import PROJECT_ROOT


def test_no_two_modules_import_each_other() -> None:
    graph = grimp.build_graph("components")
    pairs = {
        tuple(sorted((a, b)))
        for a in graph.modules
        for b in graph.find_modules_directly_imported_by(a)
        if a in graph.find_modules_directly_imported_by(b)
    }
    assert not pairs, sorted(pairs)


def test_no_module_is_over_300_lines() -> None:
    roots = ("components", "tests", "bench", "policy")
    long = [
        f"{path.relative_to(PROJECT_ROOT)}: {count}"
        for root in roots
        for path in (PROJECT_ROOT / root).rglob("*.py")
        if "venv" not in path.parts and (count := len(path.read_text().splitlines())) > 300
    ]
    assert not long, long
