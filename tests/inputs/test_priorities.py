"""Priorities that stay put from run to run: one group changed, added or removed rewrites one assignment.

Okta keeps the priority it is given, gaps included: the provider's acceptance test
(resource_okta_app_group_assignments_test.go) sets 1, 2, 4 and 99 and reads them back unchanged.
"""

from __future__ import annotations

import random

import pytest

from components.inputs.priorities import STEP, assign_priorities


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """Groups whose assignment must be written: new ones and those whose priority moved."""
    return {name for name, value in after.items() if before.get(name) != value}


def in_order(names: list[str], priorities: dict[str, int]) -> bool:
    values = [priorities[name] for name in names]
    return values == sorted(values) and len(set(values)) == len(values) and min(values) >= 1


NAMES = [f"G{i:04d}" for i in range(2000)]


def test_a_new_stack_leaves_gaps() -> None:
    assert assign_priorities(["A", "B", "C"]) == {"A": STEP, "B": 2 * STEP, "C": 3 * STEP}


@pytest.mark.parametrize(
    ("edit", "expected_writes"),
    [
        (lambda names: ["New", *names], {"New"}),  # a new top group
        (lambda names: [*names[:1000], "New", *names[1000:]], {"New"}),  # in the middle
        (lambda names: [*names, "New"], {"New"}),  # at the end
        (lambda names: names[:500] + names[501:], set()),  # one removed: its DELETE only, no renumbering
        (lambda names: [names[1500], *names[:1500], *names[1501:]], {"G1500"}),  # one moved to the top
    ],
)
def test_one_change_among_2000_groups_writes_one_assignment(edit, expected_writes: set[str]) -> None:
    before = assign_priorities(NAMES)
    names = edit(list(NAMES))
    after = assign_priorities(names, before)
    assert in_order(names, after)
    assert changed(before, after) == expected_writes


def test_a_used_up_gap_renumbers_from_there_on_only() -> None:
    before = {"A": 1, "B": 2, "C": 3, "D": 40}
    after = assign_priorities(["A", "X", "B", "C", "D"], before)
    assert in_order(["A", "X", "B", "C", "D"], after)
    assert after["A"] == 1  # the groups above keep theirs


def test_zero_and_garbage_in_the_last_run_are_ignored() -> None:
    after = assign_priorities(["A", "B"], {"A": 0, "B": "x", "C": 5})  # type: ignore[dict-item]
    assert in_order(["A", "B"], after)


def test_random_edits_always_keep_the_order_unique_and_positive() -> None:
    rng = random.Random(7)
    names = [f"G{i}" for i in range(50)]
    priorities = assign_priorities(names)
    for step in range(300):
        names = list(names)
        action = rng.choice(["insert", "remove", "move"])
        if action == "insert" or not names:
            names.insert(rng.randrange(len(names) + 1), f"N{step}")
        elif action == "remove":
            names.pop(rng.randrange(len(names)))
        else:
            names.insert(rng.randrange(len(names)), names.pop(rng.randrange(len(names))))
        priorities = assign_priorities(names, priorities)
        assert set(priorities) == set(names) and in_order(names, priorities)


def shared_at_some_moment(before: dict[str, int], after: dict[str, int]) -> list[tuple[str, str]]:
    """Pairs of groups that could hold one number at once, whatever order the writes (and deletes) run in.

    Before its write a group holds its old number, after it its new one; a removed group holds its old number
    until its DELETE. Two groups can collide only when one's new number is another's old one.
    """
    return [
        (moved, other)
        for moved, value in after.items()
        for other, old in before.items()
        if other != moved and value == old
    ]


@pytest.mark.parametrize("seed", range(40))
def test_no_order_of_writes_lets_two_groups_share_a_priority(seed: int) -> None:
    """Okta stored duplicate priorities and then answered the app's assignment writes with 500 E0000009
    (provider issues #736, #1198, #1373); Pulumi writes the per-group assignments in any order."""
    rng = random.Random(seed)
    names = [f"G{i}" for i in range(rng.randint(1, 60))]
    before = assign_priorities(names)
    for _ in range(rng.randint(1, 30)):  # a history of edits: the last run's numbers get cramped
        edit = rng.choice(["insert", "remove", "move"])
        if edit == "insert" or not names:
            names.insert(rng.randint(0, len(names)), f"N{rng.random()}")
        elif edit == "remove":
            names.pop(rng.randrange(len(names)))
        else:
            names.insert(rng.randint(0, len(names) - 1), names.pop(rng.randrange(len(names))))
        after = assign_priorities(names, before)
        assert in_order(names, after)
        assert shared_at_some_moment(before, after) == []
        before = after


def test_a_renumbering_lands_above_every_number_in_use() -> None:
    """The move to per-group writers once renumbered 1..n to 10, 20, … while group 10 still held 10."""
    before = {f"G{i}": i for i in range(1, 13)}
    names = ["G1", "X", *[f"G{i}" for i in range(2, 13)]]  # no room between 1 and 2
    after = assign_priorities(names, before)
    assert in_order(names, after) and after["G1"] == 1
    assert shared_at_some_moment(before, after) == []
    assert min(after[name] for name in names[1:]) > 12
