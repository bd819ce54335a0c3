"""The API-cost model in bench/ agrees with the program's own priority logic, and docs/api-cost.md shows its table."""

from __future__ import annotations

from bench.api_cost import DESIGNS, markdown
from components.inputs.priorities import assign_priorities
from tests.conftest import PROJECT_ROOT


def test_the_docs_table_is_the_models() -> None:
    assert markdown(100, 50) in (PROJECT_ROOT / "docs" / "api-cost.md").read_text()


def test_the_chosen_designs_figures_match_the_priority_logic() -> None:
    chosen = DESIGNS[-1]
    for size in (100, 1000, 2000):
        names = [f"G{i}" for i in range(size)]
        first = assign_priorities(names)
        top = assign_priorities(["New", *names], first)
        written = {name for name, value in top.items() if first.get(name) != value}
        assert chosen.calls("one group added at the top", size) == 2 * len(written)  # a PUT and a GET each
        removed = assign_priorities(names[1:], first)
        assert {name for name, value in removed.items() if first[name] != value} == set()  # only the DELETE
        assert chosen.calls("one group removed from the top", size) == 1
