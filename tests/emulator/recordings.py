"""Real Okta's answers, recorded by the provider's acceptance tests, replayed against the emulator.

A recording (/work/shared/okta-recordings, go-vcr v4 cassettes) holds each request and Okta's answer in order.
`replay` sends the requests one at a time to an emulated org, with the ids Okta generated rewritten to the ones the
emulator generated (learnt from each pair of answers as they come), and keeps both answers; `differences` then
says where the emulator's answer has another shape (keys, null against absent, JSON types) or another value.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import yaml

RECORDINGS = Path(os.environ.get("OKTA_RECORDINGS", "/work/shared/okta-recordings"))
# An Okta id: 20 characters of letters and digits (0oa…, 00g…, prm…, 00u…, rst…); a key id is longer, with - and _.
_ID = re.compile(r"^[A-Za-z0-9_-]{18,64}$")
_ID_KEYS = ("id", "kid")
# An app's `name` is generated (`<org>_<label>_<n>`) and names its links: learnt with the ids, from the create.
_NAMED_KEYS = ("name",)
# Values that are the moment something happened, or key material: compared by type, never by value.
TIMESTAMPS = frozenset(
    {"created", "lastUpdated", "lastMembershipUpdated", "statusChanged", "activated", "passwordChanged", "lastLogin"}
    | {"expiresAt", "lastSync"}
)
KEY_MATERIAL = frozenset({"x5c", "n", "e", "x5t#S256"})


@dataclass(frozen=True)
class Interaction:
    id: int
    method: str
    url: str  # path and query, as sent
    body: str
    code: int
    response: str
    content_type: str


def load(name: str) -> list[Interaction]:
    cassette = yaml.safe_load((RECORDINGS / name).read_text())
    found = []
    for item in cassette["interactions"]:
        request, response = item["request"], item["response"]
        parts = urlsplit(request["url"])
        found.append(
            Interaction(
                id=int(item["id"]),
                method=request["method"],
                url=parts.path + (f"?{parts.query}" if parts.query else ""),
                body=(request.get("body") or "").strip(),
                code=int(response["code"]),
                response=response.get("body") or "",
                content_type=(response.get("headers", {}).get("Content-Type") or [""])[0],
            )
        )
    return found


def parsed(text: str) -> Any:
    return json.loads(text) if text.strip() else None


@dataclass
class IdMap:
    """Okta's ids -> the emulator's, learnt from answers that stand for the same thing."""

    ids: dict[str, str] = field(default_factory=dict)

    def learn(self, recorded: Any, emulated: Any) -> None:
        if isinstance(recorded, dict) and isinstance(emulated, dict):
            for key in recorded.keys() & emulated.keys():
                theirs, ours = recorded[key], emulated[key]
                named = key in _ID_KEYS or (key in _NAMED_KEYS and "_" in str(theirs))
                if named and isinstance(theirs, str) and isinstance(ours, str) and _ID.match(theirs):
                    self.ids.setdefault(theirs, ours)
                else:
                    self.learn(theirs, ours)
        elif isinstance(recorded, list) and isinstance(emulated, list):
            for theirs, ours in zip(recorded, emulated, strict=False):
                self.learn(theirs, ours)

    def rewrite(self, text: str) -> str:
        for theirs in sorted(self.ids, key=len, reverse=True):  # a longer id never loses its tail to a shorter
            text = text.replace(theirs, self.ids[theirs])
        return text


@dataclass
class Exchange:
    recorded: Interaction
    status: int
    text: str
    content_type: str

    def json(self) -> Any:
        return parsed(self.text)


Seed = Callable[[Interaction, IdMap], None]
# The requests that make something with an id of Okta's choosing: an app (and its first key), a group, a key, a user.
_CREATING = re.compile(r"^/api/v1/(apps|groups|users|idps|apps/[^/]+/credentials/keys/generate)$")


def creates(interaction: Interaction) -> bool:
    return interaction.method == "POST" and bool(_CREATING.match(interaction.url.split("?")[0]))


def replay(
    client: httpx.Client, interactions: Iterable[Interaction], seeds: dict[int, Seed], skipped: set[int], ids: IdMap
) -> dict[int, Exchange]:
    """Each interaction in order: seeded (state put in place, not sent), skipped, or sent and answered."""
    answers: dict[int, Exchange] = {}
    for interaction in interactions:
        if interaction.id in seeds:
            seeds[interaction.id](interaction, ids)
            continue
        if interaction.id in skipped:
            continue
        body = ids.rewrite(interaction.body) if interaction.body else None
        headers = {"Content-Type": "application/json"} if body else {}
        response = client.request(interaction.method, ids.rewrite(interaction.url), content=body, headers=headers)
        exchange = Exchange(interaction, response.status_code, response.text, response.headers.get("content-type", ""))
        answers[interaction.id] = exchange
        # Only the answer of the request that made a thing says which id it got: every later answer is compared
        # with what that one taught, so an id that differs there is a difference, not a new pair.
        if creates(interaction) and "json" in interaction.content_type and "json" in exchange.content_type:
            ids.learn(parsed(interaction.response), exchange.json())
    return answers


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", dict: "object", list: "array"}[type(value)]


def differences(
    recorded: Any, emulated: Any, ids: dict[str, str], ignored: Callable[[str], bool], where: str = ""
) -> list[str]:
    """Where `emulated` is not what Okta answered: keys, null against absent, types, then values (ids through
    `ids`; timestamps, key material and `_links` by type only). `ignored(path)` drops a path and what is under it."""
    if ignored(where):
        return []
    theirs, ours = _kind(recorded), _kind(emulated)
    if theirs != ours:
        return [
            f"{where or '.'}: Okta {theirs} {json.dumps(recorded)[:80]}, emulator {ours} {json.dumps(emulated)[:80]}"
        ]
    name = where.rsplit(".", 1)[-1]
    if theirs == "object":
        found = [f"{where}.{k}: absent in the emulator" for k in recorded.keys() - emulated.keys()]
        found += [f"{where}.{k}: the emulator's only" for k in emulated.keys() - recorded.keys()]
        found = [f for f in found if not ignored(f.split(":", 1)[0])]
        for key in sorted(recorded.keys() & emulated.keys()):
            if key == "_links":
                found += link_differences(recorded[key], emulated[key], ids, ignored, f"{where}._links")
            else:
                found += differences(recorded[key], emulated[key], ids, ignored, f"{where}.{key}")
        return found
    if name in KEY_MATERIAL or name.split("[")[0] in KEY_MATERIAL or name in TIMESTAMPS:
        return []
    if theirs == "array":
        if len(recorded) != len(emulated):
            return [f"{where}: Okta {len(recorded)} items, emulator {len(emulated)}"]
        return [
            d
            for i, pair in enumerate(zip(recorded, emulated, strict=True))
            for d in differences(*pair, ids, ignored, f"{where}[{i}]")
        ]
    if isinstance(recorded, str) and re.match(r"https?://", recorded) and isinstance(emulated, str):
        # A URL names the recorded org's host: its path is compared, with the ids mapped.
        recorded, emulated = IdMap(ids).rewrite(urlsplit(recorded).path), urlsplit(emulated).path
    elif isinstance(recorded, str):
        recorded = ids.get(recorded, recorded)  # an id wherever it stands (an `audience` is an app's id)
    return [] if recorded == emulated else [f"{where}: Okta {recorded!r}, emulator {emulated!r}"]


# A link's own generated id (an app link's `aln…`): compared as a segment of that kind, never by value.
_GENERATED_SEGMENT = re.compile(r"^aln[A-Za-z0-9]+$")


def _link_path(href: str, ids: dict[str, str]) -> str:
    path = IdMap(ids).rewrite(urlsplit(href).path)
    return "/".join("{aln}" if _GENERATED_SEGMENT.match(part) else part for part in path.split("/"))


def link_differences(
    recorded: Any, emulated: Any, ids: dict[str, str], ignored: Callable[[str], bool], where: str
) -> list[str]:
    """`_links` by type and shape: the same links, each an object or a list as Okta's, with the same members
    (href, type, hints, name, method); `hints`, `method`, `type` and `name` by value (a name through the id map: an app
    link's names the app); an `href` into the org's API (`/api/…`) by its path with the ids mapped, any other
    (Okta's CDN, the admin host, an app's home page) as a URL."""
    if ignored(where):
        return []
    if _kind(recorded) != "object" or _kind(emulated) != "object":
        return [f"{where}: Okta {_kind(recorded)}, emulator {_kind(emulated)}"]
    found = [f"{where}.{k}: absent in the emulator" for k in recorded.keys() - emulated.keys()]
    found += [f"{where}.{k}: the emulator's only" for k in emulated.keys() - recorded.keys()]
    found = [f for f in found if not ignored(f.split(":", 1)[0])]
    for key in sorted(recorded.keys() & emulated.keys()):
        found += _link(recorded[key], emulated[key], ids, ignored, f"{where}.{key}")
    return found


def _link(recorded: Any, emulated: Any, ids: dict[str, str], ignored: Callable[[str], bool], where: str) -> list[str]:
    """One link: an object of members, or a list of them."""
    if ignored(where):
        return []
    theirs, ours = _kind(recorded), _kind(emulated)
    if theirs != ours:
        return [f"{where}: Okta {theirs}, emulator {ours}"]
    if theirs == "array":
        if len(recorded) != len(emulated):
            return [f"{where}: Okta {len(recorded)} links, emulator {len(emulated)}"]
        return [
            d
            for i, pair in enumerate(zip(recorded, emulated, strict=True))
            for d in _link(*pair, ids, ignored, f"{where}[{i}]")
        ]
    if theirs != "object":
        return [] if recorded == emulated else [f"{where}: Okta {recorded!r}, emulator {emulated!r}"]
    found = [f"{where}.{k}: absent in the emulator" for k in recorded.keys() - emulated.keys()]
    found += [f"{where}.{k}: the emulator's only" for k in emulated.keys() - recorded.keys()]
    for member in sorted(recorded.keys() & emulated.keys()):
        theirs_value, ours_value, at = recorded[member], emulated[member], f"{where}.{member}"
        if member == "href" and isinstance(theirs_value, str) and isinstance(ours_value, str):
            if urlsplit(theirs_value).path.startswith("/api/"):
                if _link_path(theirs_value, ids) != _link_path(ours_value, ids):
                    found.append(f"{at}: Okta {_link_path(theirs_value, ids)}, emulator {urlsplit(ours_value).path}")
            elif not re.match(r"https?://", ours_value):
                found.append(f"{at}: Okta a URL, emulator {ours_value!r}")
        elif member == "name" and isinstance(theirs_value, str):
            if IdMap(ids).rewrite(theirs_value) != ours_value:
                found.append(f"{at}: Okta {theirs_value!r}, emulator {ours_value!r}")
        elif theirs_value != ours_value:
            found.append(f"{at}: Okta {theirs_value!r}, emulator {ours_value!r}")
    return [f for f in found if not ignored(f.split(":", 1)[0])]


_ORG_HOST = re.compile(r"^(127\.0\.0\.1(:\d+)?|[\w-]+\.(dne-)?okta(preview|-emea)?\.com)$")


def _metadata_value(name: str, value: str) -> str:
    """An entityID or a Location, with what differs between two orgs named by its kind: the org's host, an app's
    name and its `exk…` id. A host that is not an org's stays as it is."""
    value = re.sub(r"exk[A-Za-z0-9]+", "{exk}", value)
    if name != "Location":
        return value
    parts = urlsplit(value)
    path = re.sub(r"^/app/[^/]+/", "/app/{name}/", parts.path)
    if _ORG_HOST.match(parts.netloc):  # the org itself: https at Okta, http on the loopback emulator
        return f"{{org}}{path}"
    return f"{parts.scheme}://{parts.netloc}{path}"


def xml_skeleton(text: str) -> list[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
    """A SAML metadata document as (tag, attribute names, the text of NameIDFormat, its entityID and Location as
    _metadata_value shapes them) in document order."""
    root = ElementTree.fromstring(text.encode())
    return [
        (
            element.tag,
            tuple(sorted(element.attrib)),
            (element.text or "") if element.tag.endswith("NameIDFormat") else "",
            tuple(
                f"{name}={_metadata_value(name, element.attrib[name])}"
                for name in ("entityID", "Location")
                if name in element.attrib
            ),
        )
        for element in root.iter()
    ]
