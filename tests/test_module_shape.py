"""The code's shape the style asks for: no import cycle among the modules, of any length, type-hint-only imports
included. (Size follows cohesion: the old 300-line cap is withdrawn.)"""

from __future__ import annotations

from collections.abc import Mapping, Set

import grimp


def _cycle(graph: Mapping[str, Set[str]]) -> list[str]:
    """One import cycle in `graph` (module -> the modules it imports), as a closed path; [] when there is none."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        trail: list[str] = []
        on_trail: set[str] = set()
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph.get(start, ())))]
        trail.append(start)
        on_trail.add(start)
        while stack:
            module, pending = stack[-1]
            if not pending:
                stack.pop()
                trail.pop()
                on_trail.discard(module)
                done.add(module)
                continue
            imported = pending.pop()
            if imported in on_trail:
                return [*trail[trail.index(imported) :], imported]
            if imported not in done:
                stack.append((imported, sorted(graph.get(imported, ()))))
                trail.append(imported)
                on_trail.add(imported)
    return []


def _module_graph() -> dict[str, set[str]]:
    graph = grimp.build_graph("components", exclude_type_checking_imports=False)
    return {module: set(graph.find_modules_directly_imported_by(module)) for module in graph.modules}


def test_no_import_cycle_among_the_modules() -> None:
    graph = _module_graph()
    # The graph holds what it should: a sibling import inside a package is found.
    assert "components.reports.plan_changes" in graph["components.reports.plan_warnings"]
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"plan_diff": {"plan_warnings"}, "plan_warnings": set()}) == []
