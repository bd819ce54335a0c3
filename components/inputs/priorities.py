"""Okta priorities for a list of groups that stay put from one run to the next.

Okta keeps the priority each assignment is given, gaps included (the provider's acceptance test
resource_okta_app_group_assignments_test.go sets 1, 2, 4 and later 99, and reads them back unchanged). So a
priority need not be a position: each group keeps the number it had in the last run as long as the order allows,
a new group takes a number in the gap between its neighbours, and a removed group leaves a gap. Changing, adding
or removing one group then rewrites one assignment, not every group below it. Only when a gap is used up (after
nine insertions at one place) are the groups from there on renumbered.

Never 0: the provider drops a priority of 0 on create (`GetOk`) and its diff hides a change to 0.

Never a number another group holds in Okta: each assignment is its own resource, and Pulumi writes them in
whatever order it likes, so a group moved onto a number that another group has not left yet would leave two
assignments of one app on the same priority for a moment. Okta has stored such duplicates and then responded that
app's assignment writes with 500 E0000009 (provider issues #736, #1198, #1373). So a group that needs a new number
gets one that no group held in the last run (removed groups included: their DELETE runs last), and no write, in
any order, makes two groups share a priority.
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


def _stepped(lower: int, count: int, held: frozenset[int]) -> list[int]:
    """`count` numbers above `lower`, STEP apart, each moved up past any number another group holds."""
    values: list[int] = []
    value = lower
    for _ in range(count):
        value += STEP
        while value in held:
            value += 1
        values.append(value)
    return values


def _fill(lower: int, upper: int | None, count: int, held: frozenset[int]) -> list[int] | None:
    """`count` increasing integers strictly between lower and upper (None: no bound), evenly spread, none held."""
    if upper is None:
        return _stepped(lower, count, held)
    # Evenly spread over the gap, each moved up past numbers held or already taken; never a list of the whole
    # gap (a hand-set priority can be 10**9).
    values: list[int] = []
    for i in range(count):
        value = max(lower + (i + 1) * (upper - lower) // (count + 1), values[-1] + 1 if values else lower + 1)
        while value in held:
            value += 1
        if value >= upper:
            return None
        values.append(value)
    return values


def assign_priorities(names: Sequence[str], previous: Mapping[str, int] | None = None) -> dict[str, int]:
    """A priority per group, in list order (the first wins), reusing `previous` wherever the order allows."""
    # Numbers come back from the last run's outputs as floats (protobuf has no integers): accept whole ones.
    previous = {
        name: int(value)
        for name, value in (previous or {}).items()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value == int(value) and value >= 1
    }
    held = frozenset(previous.values())  # numbers still in Okta until their groups are written or deleted
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
        values = _fill(lower, upper, end - position, held)
        if values is None:
            # The gap is used up: renumber from here on, keeping the order.
            return _renumbered(names, result, position, held)
        result.update(zip(names[position:end], values, strict=True))
        position = end
    return {name: result[name] for name in names}


def _renumbered(names: Sequence[str], result: dict[str, int], start: int, held: frozenset[int]) -> dict[str, int]:
    base = result[names[start - 1]] if start else 0
    # Above every number in use, so no renumbered group lands where another one still is.
    base = max(base, *held) if held else base
    fresh = dict(zip(names[start:], _stepped(base, len(names) - start, held), strict=True))
    return {**{name: result[name] for name in names[:start]}, **fresh}
