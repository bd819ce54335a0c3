"""`GET /api/v1/groups?search=…`: the part of Okta's filter language the emulator understands, and `expand=stats`.

Okta's `search` (the `okta` SDK's `list_groups`): "Searches for groups with a supported filtering expression",
over the group profile and the top-level `id`, `type`, ...; "filtered by the following operators: `sw`, `eq`, and
`co`. You can only use `co` with ... `profile.name` and `profile.description`". Served here: those attributes with
`eq` / `sw` / `co`, clauses joined by `and` / `or` (`and` first), no parentheses; any other expression is refused
with a 400 rather than given a wrong response. `expand=stats` embeds `_embedded.stats.usersCount` ("use the `stats`
value to return the number of users within a group"), with the SDK's `GroupEmbeddedStats` fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from components.emulator.okta_errors import invalid
from components.emulator.org import EmulatedOrg

_CLAUSE = re.compile(r'\s*(id|type|profile\.name|profile\.description)\s+(eq|sw|co)\s+"([^"\\]*)"\s*(?:(and|or)\b|$)')
_TEXT = ("profile.name", "profile.description")

Predicate = Callable[[dict[str, Any]], bool]


def _field(group: dict[str, Any], attribute: str) -> str:
    if attribute.startswith("profile."):
        return str(group.get("profile", {}).get(attribute.removeprefix("profile."), ""))
    return str(group.get(attribute, ""))


def _test(attribute: str, operator: str, value: str) -> Predicate:
    if operator == "co" and attribute not in _TEXT:
        raise invalid("search", f"search: `co` is only for {' and '.join(_TEXT)}")

    def fold(text: str) -> str:
        return text.lower() if attribute in _TEXT else text

    wanted = fold(value)
    if operator == "eq":
        return lambda group: fold(_field(group, attribute)) == wanted
    if operator == "sw":
        return lambda group: fold(_field(group, attribute)).startswith(wanted)
    return lambda group: wanted in fold(_field(group, attribute))


def parse(search: str) -> Predicate:
    """A predicate on a group for `search`; OktaError 400 for what the emulator does not understand."""
    alternatives: list[list[Predicate]] = [[]]
    position, joiner = 0, "start"
    while joiner is not None:
        match = _CLAUSE.match(search, position)
        if match is None:
            raise invalid("search", f"search: the emulator does not understand {search[position:]!r}")
        attribute, operator, value, joiner = match.groups()
        alternatives[-1].append(_test(attribute, operator, value))
        if joiner == "or":
            alternatives.append([])
        position = match.end()
    return lambda group: any(all(test(group) for test in clauses) for clauses in alternatives)


def stats(org: EmulatedOrg, group_id: str) -> dict[str, Any]:
    return {
        "usersCount": sum(1 for user_id in org.members.get(group_id, ()) if user_id in org.users),
        "appsCount": sum(1 for held in org.app_groups.values() if any(a["id"] == group_id for a in held)),
        "groupPushMappingsCount": 0,
        "hasAdminPrivlege": False,  # sic: the SDK's GroupEmbeddedStats spells it so
    }
