"""The code's shape the style asks for: no two modules importing each other. (Size follows cohesion: the old
300-line cap is withdrawn.)"""

from __future__ import annotations

import grimp


def test_no_two_modules_import_each_other() -> None:
    graph = grimp.build_graph("components")
    pairs = {
        tuple(sorted((a, b)))
        for a in graph.modules
        for b in graph.find_modules_directly_imported_by(a)
        if a in graph.find_modules_directly_imported_by(b)
    }
    assert not pairs, sorted(pairs)
