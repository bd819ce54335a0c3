"""Okta priorities for a list of groups that stay put from one run to the next.

Okta keeps the priority each assignment is given, gaps included (the provider's acceptance test
resource_okta_app_group_assignments_test.go sets 1, 2, 4 and later 99, and reads them back unchanged). So a
priority need not be a position: each group keeps the number it had in the last run as long as the order allows,
a new group takes a number in the gap between its neighbours, and a removed group leaves a gap. Changing, adding
or removing one group then rewrites one assignment, not every group below it. Only when a gap is used up (after
nine insertions at one place) are the groups from there on renumbered.

Never 0: the provider drops a priority of 0 on create (`GetOk`) and its diff hides a change to 0.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

STEP = 10  # the gap new stacks leave between groups: room for nine insertions before any renumbering
FIRST = STEP


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of `values` (patience sorting, O(n log n))."""
    tails: list[int] = []  # value at the end of the best run of each length
    tail_index: list[int] = []
    parent = [-1] * len(values)
    for index, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[length] = value
            tail_index[length] = index
        parent[index] = tail_index[length - 1] if length else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        kept.add(index)
        index = parent[index]
    return kept


def _fill(lower: int, upper: int | None, count: int) -> list[int] | None:
    """`count` increasing integers strictly between lower and upper (None: no bound), evenly spread."""
    if upper is None:
        return [lower + STEP * (i + 1) for i in range(count)]
    room = upper - lower - 1
    if room < count:
        return None
    spacing = (upper - lower) / (count + 1)
    values = [lower + round(spacing * (i + 1)) for i in range(count)]
    return values if len(set(values)) == count and all(lower < v < upper for v in values) else None


def assign_priorities(names: Sequence[str], previous: Mapping[str, int] | None = None) -> dict[str, int]:
    """A priority per group, in list order (the first wins), reusing `previous` wherever the order allows."""
    # Numbers come back from the last run's outputs as floats (protobuf has no integers): accept whole ones.
    previous = {
        name: int(value)
        for name, value in (previous or {}).items()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value == int(value) and value >= 1
    }
    known = [(position, previous[name]) for position, name in enumerate(names) if name in previous]
    kept_positions = {known[i][0] for i in _longest_increasing([value for _, value in known])}
    result: dict[str, int] = {names[p]: previous[names[p]] for p in kept_positions}
    position = 0
    while position < len(names):
        if names[position] in result:
            position += 1
            continue
        end = position
        while end < len(names) and names[end] not in result:
            end += 1
        lower = result[names[position - 1]] if position else 0
        upper = result[names[end]] if end < len(names) else None
        values = _fill(lower, upper, end - position)
        if values is None:
            # The gap is used up: renumber from here on, keeping the order.
            return _renumbered(names, result, position)
        result.update(zip(names[position:end], values, strict=True))
        position = end
    return {name: result[name] for name in names}


def _renumbered(names: Sequence[str], result: dict[str, int], start: int) -> dict[str, int]:
    base = result[names[start - 1]] if start else 0
    fresh = {name: base + STEP * (offset + 1) for offset, name in enumerate(names[start:])}
    return {**{name: result[name] for name in names[:start]}, **fresh}
