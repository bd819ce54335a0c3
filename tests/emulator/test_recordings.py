"""Real Okta, recorded, as the emulator's conformance suite (/work/shared/okta-recordings; tests/emulator/recordings).

Each recording's requests are replayed in order against a fresh EmulatedOrg; every answer must have Okta's status,
Okta's shape (keys, null against absent, JSON types) and Okta's values, but for what `VALUES_NOT_COMPARED` and
`DIFFERENCES` name. What is not replayed is in `SKIPPED` (not an endpoint of this project, or served elsewhere) or
`SEEDED` (state the recorded org had or made by an endpoint the project never calls, put in place directly).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from components.emulator.links import USER_TYPE_ID
from components.emulator.org import EmulatedOrg
from components.emulator.server import EmulatorServer
from components.emulator.users import add_app_user, add_member, add_user
from tests.emulator.conftest import TOKEN
from tests.emulator.recordings import (
    Exchange,
    IdMap,
    Interaction,
    creates,
    differences,
    load,
    parsed,
    replay,
    xml_skeleton,
)

SAML_CRUD = "ResourceOktaAppSaml_crud.oie-00.yaml"
SAML_SKIP_POLICY = "ResourceOktaAppSaml_skipAuthenticationPolicy.skip-auth-policy-00.yaml"
SAML_METADATA = "DataSourceOktaAppMetadataSaml_read.oie-00.yaml"
ASSIGNMENT_CRUD = "ResourceOktaAppGroupAssignment_crud.oie-00.yaml"
ASSIGNMENTS_READ = "DataSourceOktaAppGroupAssignments_read.oie-00.yaml"
SCHEMA_CRUD = "ResourceOktaAppUserSchemas_crud.oie-00.yaml"
SCHEMA_ENUM = "ResourceOktaAppUserSchemas_enum_string.oie-00.yaml"
SCHEMA_ARRAY = "ResourceOktaAppUserSchemas_array_enum_string.oie-00.yaml"
MAPPING_CRUD = "ResourceOktaProfileMapping_crud.classic-00.yaml"
GROUP_CRUD = "ResourceOktaGroup_crud.oie-00.yaml"
GROUP_READ = "DataSourceOktaGroup_read.oie-00.yaml"
USER_ASSIGNMENTS_READ = "DataSourceOktaAppUserAssignments_read.oie-00.yaml"
ALL = [
    SAML_CRUD, SAML_SKIP_POLICY, SAML_METADATA, ASSIGNMENT_CRUD, ASSIGNMENTS_READ, SCHEMA_CRUD, SCHEMA_ENUM,
    SCHEMA_ARRAY, MAPPING_CRUD, GROUP_CRUD, GROUP_READ, USER_ASSIGNMENTS_READ,
]  # fmt: skip

# (method, path pattern, recordings or "*", interaction ids or None for all, why it is not replayed)
SKIPPED: list[tuple[str, str, str, tuple[int, ...] | None, str]] = [
    ("*", r"/api/v1/idps.*", MAPPING_CRUD, None, "identity providers are not modelled (seeded: their mapping)"),
    ("DELETE", r"/api/v1/apps/[^/]+/users/[^/]+", "*", None, "the project never unassigns a user from an app"),
    # The same test goes on with OIN catalogue apps (preconfigured `name`: pagerduty, sharepoint_onpremise): their
    # settings come from Okta's catalogue; the project makes custom SAML apps only.
    ("*", r".*", SAML_CRUD, tuple(range(26, 57)), "OIN catalogue apps (pagerduty, sharepoint_onpremise)"),
]
# Interactions that made state the emulator cannot make through the API the project uses: seeded instead.
SEEDED: dict[tuple[str, str], str] = {
    ("POST", "/api/v1/apps/{appId}/users"): "an individual app assignment (scope USER; the project never makes one)",
    ("POST", "/api/v1/idps"): "the IdP's profile mapping, and the recorded org's other mappings (pre-existing)",
}
# What the recorded org held before a test, put in place first.
PRE_EXISTING = {
    "*": "the recorded org's app sign-on policies (ACCESS_POLICY), as its first `GET /api/v1/policies` lists them",
    GROUP_READ: "the Everyone group (BUILT_IN; #8 lists it among the new user's groups): every user is a member",
    MAPPING_CRUD: "the org's mappings that #2 lists (without their properties), and the IdP's that #4 reads",
}
# Compared by type only, never by value, wherever they are: ids go through the id map (tests/emulator/recordings).
VALUES_NOT_COMPARED = {
    "timestamps": "created, lastUpdated, statusChanged, expiresAt … (recordings.TIMESTAMPS)",
    "key material": "x5c, n, e, x5t#S256 (recordings.KEY_MATERIAL): each org makes its own keys",
    "links out of the org": "an `href` on Okta's CDN, the admin host or an app's home page: a URL, by type",
}
# Answers made from what was seeded out of the recording itself: sent (the state they read must be right for what
# follows) but never compared, as comparing them would compare the recording with itself. Counted apart.
# (recordings or "*", method, path pattern, why)
SEEDED_ANSWERS: list[tuple[str, str, str, str]] = [
    ("*", "GET", r"/\.well-known/okta-organization", "the recorded org's identity, cell and settings"),
    ("*", "GET", r"/api/v1/policies", "the recorded org's access policies, seeded from this list"),
    (MAPPING_CRUD, "GET", r"/api/v1/mappings", "the recorded org's mappings, seeded from this list (#2)"),
]
OIDC = (ASSIGNMENT_CRUD, ASSIGNMENTS_READ, SCHEMA_CRUD, SCHEMA_ENUM, SCHEMA_ARRAY, USER_ASSIGNMENTS_READ)
APPS = r"(POST /api/v1/apps|GET /api/v1/apps/[^/]+|PUT /api/v1/apps/[^/]+) "
SCHEMA = r"(GET|POST) /api/v1/meta/schemas/apps/[^/]+/default "
USERS = r"(GET /api/v1/(users/[^/]+|groups/[^/]+/users)|POST /api/v1/users) (\[\d+\])?"
APP_USERS = r"GET /api/v1/apps/[^/]+/users(/[^/]+)? (\[\d+\])?"
# Differences that stay: (recordings, interaction ids or None for all, regex on "<METHOD> <path> <field path>", why).
DIFFERENCES: list[tuple[tuple[str, ...], tuple[int, ...] | None, str, str]] = [
    (
        ("*",),
        None,
        APPS + r"\.(name|orn|visibility\.appLinks\..*)",
        "a generated app name is `<org subdomain>_<label>_<Okta's counter>` and names the app link; the orn names "
        "Okta's org id and cell. The emulated org is `emulatedorg` and counts from 1",
    ),
    (
        (SAML_CRUD, SAML_METADATA),
        None,
        APPS + r"\.(universalLogout|settings\.emOptInStatus)",
        "recorded in 2025-03, before Okta answered these two (the 2025-08 and 2026 recordings have them)",
    ),
    (
        OIDC,
        None,
        APPS + r"\.credentials\.oauthClient\.client_secret",
        "an OIDC app's client secret: REDACTED in the recordings, a secret of its own in the emulator",
    ),
    (
        (SCHEMA_CRUD, SCHEMA_ENUM, SCHEMA_ARRAY),
        None,
        SCHEMA + r"\.name",
        "an OIDC app's schema is named `oidc_client_` and a random suffix; the emulator names it as a custom app's",
    ),
    (
        ("*",),
        None,
        USERS + r"\.realmId",
        "realms (Okta Identity Engine, 2026 orgs): not modelled",
    ),
    (
        (GROUP_CRUD, GROUP_READ),
        None,
        r"(POST|GET|PUT) /api/v1/(groups|users/[^/]+/groups)\S* (\[\d+\])?\._links\.owners",
        "recorded in 2025, before Okta linked a group's owners (the 2026 recordings have `owners`)",
    ),
    (
        (GROUP_READ,),
        None,
        r"(GET /api/v1/users/[^/]+|POST /api/v1/users) \._links\.resetFactors",
        "recorded in 2025, before Okta linked a PROVISIONED user's `resetFactors` (the 2026 recording has it)",
    ),
    (
        (ASSIGNMENT_CRUD,),
        (16,),
        r"PUT .* \.priority",
        "#16 (no priority) and #17 (priority 1) ran at once (same Date second, 1.2 s each; the provider writes the "
        "count-instances in parallel): #16's answer, 1, is #17's number, and the reads #18/#19 give 0 and 1. "
        "Replayed one at a time, the emulator answers #16 with 0 (what #18 reads)",
    ),
]


def _skip_reason(name: str, interaction: Interaction) -> str | None:
    path = interaction.url.split("?")[0]
    for method, pattern, where, ids, why in SKIPPED:
        if where not in ("*", name) or method not in ("*", interaction.method):
            continue
        if re.fullmatch(pattern, path) and (ids is None or interaction.id in ids):
            return why
    return None


@dataclass
class Replayed:
    name: str
    org: EmulatedOrg
    answers: dict[int, Exchange]
    ids: IdMap
    interactions: list[Interaction]
    seeded: frozenset[int] = frozenset()

    def recorded(self, interaction_id: int) -> Any:
        return parsed(self.interactions[interaction_id].response)

    def emulated(self, interaction_id: int) -> Any:
        return self.answers[interaction_id].json()


def _seeds(name: str, org: EmulatedOrg, interactions: list[Interaction], ids: IdMap) -> dict[int, Callable]:
    """The seed for each interaction that `SEEDED` names."""
    found: dict[int, Callable] = {}

    def user(interaction: Interaction, ids: IdMap) -> None:
        profile = parsed(interaction.body)["profile"]
        answer = parsed(interaction.response)
        user_id = add_user(org, profile["login"], profile["firstName"], profile["lastName"], answer["status"])
        ids.ids[answer["id"]] = user_id
        for group_id, group in org.groups.items():
            if group["type"] == "BUILT_IN":  # Everyone: every user is a member
                add_member(org, group_id, user_id)

    def app_user(interaction: Interaction, ids: IdMap) -> None:
        app_id = ids.rewrite(interaction.url.split("/")[4])
        answer = parsed(interaction.response)
        add_app_user(org, app_id, ids.ids[answer["id"]], scope=answer["scope"], status=answer["status"])

    def idp(interaction: Interaction, ids: IdMap) -> None:
        # The recorded org's mappings (interaction 2 lists them) and the one the IdP made (4 reads it).
        for listed in parsed(interactions[2].response):
            org.mappings[listed["id"]] = {**listed, "properties": {}}
        made = parsed(interactions[4].response)
        org.mappings[made["id"]] = made

    for interaction in interactions:
        template = re.sub(r"/apps/[^/]+/users$", "/apps/{appId}/users", interaction.url.split("?")[0])
        if (interaction.method, template) in SEEDED:
            found[interaction.id] = {"/api/v1/users": user, "/api/v1/idps": idp}.get(template, app_user)
    return found


def _setup(name: str, org: EmulatedOrg, interactions: list[Interaction], ids: IdMap) -> None:
    """What the recorded org held before the test: its app sign-on policies, as its first list of them shows; its
    profile enrollment policy, which every app links; its default user type and that type's schema, which users
    link (mapped to the emulator's); and the Everyone group its users/{id}/groups answers show."""
    listed = next((i for i in interactions if i.url.endswith("/api/v1/policies?type=ACCESS_POLICY")), None)
    if listed is not None:
        org.access_policies = [dict(policy) for policy in parsed(listed.response)]
    for interaction in interactions:
        created = parsed(interaction.response) if creates(interaction) and "json" in interaction.content_type else None
        policy = ((created or {}).get("_links") or {}).get("accessPolicy") if isinstance(created, dict) else None
        if listed is None and policy:  # no list of them: the default one its new apps got
            org.access_policies = [{"id": policy["href"].rsplit("/", 1)[-1], "name": "Default", "system": True}]
            break
    for interaction in interactions:
        answer = parsed(interaction.response) if "json" in interaction.content_type else None
        links = answer.get("_links") if isinstance(answer, dict) else None
        if not isinstance(links, dict):
            continue
        if "profileEnrollment" in links:
            org.profile_enrollment_policy = links["profileEnrollment"]["href"].rsplit("/", 1)[-1]
        if "type" in links and "schema" in links:
            ids.ids[links["type"]["href"].rsplit("/", 1)[-1]] = USER_TYPE_ID
            ids.ids[links["schema"]["href"].rsplit("/", 1)[-1]] = f"osc{USER_TYPE_ID[3:]}"
    if name == GROUP_READ:
        everyone = next(g for g in parsed(interactions[8].response) if g["type"] == "BUILT_IN")
        org.groups[everyone["id"]] = {**everyone, "_links": {}}


def replayed(name: str) -> Replayed:
    interactions = load(name)
    org = EmulatedOrg()
    ids = IdMap()
    _setup(name, org, interactions, ids)
    seeds = _seeds(name, org, interactions, ids)
    skipped = {i.id for i in interactions if _skip_reason(name, i) is not None}
    with (
        EmulatorServer(org) as url,
        httpx.Client(base_url=url, headers={"Authorization": f"SSWS {TOKEN}"}, timeout=10) as client,
    ):
        answers = replay(client, interactions, seeds, skipped, ids)
    return Replayed(name, org, answers, ids, interactions, frozenset(seeds))


_CACHE: dict[str, Replayed] = {}


def run(name: str) -> Replayed:
    if name not in _CACHE:
        _CACHE[name] = replayed(name)
    return _CACHE[name]


def _ignored(name: str, interaction_id: int) -> list[re.Pattern[str]]:
    return [
        re.compile(pattern)
        for where, ids, pattern, _ in DIFFERENCES
        if ("*" in where or name in where) and (ids is None or interaction_id in ids)
    ]


def _seeded_answer(name: str, interaction: Interaction) -> str | None:
    path = interaction.url.split("?")[0]
    for where, method, pattern, why in SEEDED_ANSWERS:
        if where in ("*", name) and method == interaction.method and re.fullmatch(pattern, path):
            return why
    return None


def _raw(done: Replayed, interaction_id: int) -> list[str]:
    """Every way one answer differs from Okta's, nothing tolerated."""
    answer = done.answers[interaction_id]
    recorded = answer.recorded
    where = f"#{interaction_id} {recorded.method} {recorded.url}"
    if answer.status != recorded.code:
        return [f"{where}: status Okta {recorded.code}, emulator {answer.status} {answer.text[:200]}"]
    if "xml" in recorded.content_type:
        ours, theirs = xml_skeleton(answer.text), xml_skeleton(recorded.response)
        same = "xml" in answer.content_type and ours == theirs
        return [] if same else [f"{where}: SAML metadata {ours} against Okta's {theirs}"]
    if not recorded.response.strip():
        return [f"{where}: Okta answered no body, the emulator {answer.text[:100]}"] if answer.text.strip() else []
    prefix = f"{recorded.method} {done.ids.rewrite(recorded.url.split('?')[0])} "
    return [f"{where} {prefix}{d}" for d in differences(parsed(recorded.response), answer.json(), done.ids.ids, _never)]


def _never(path: str) -> bool:
    return False


def _tolerated(done: Replayed, line: str) -> bool:
    interaction_id = int(line[1:].split()[0])
    field = line.split(" ", 3)[3]
    return any(pattern.match(field) for pattern in _ignored(done.name, interaction_id))


@dataclass(frozen=True)
class Verdict:
    kind: str  # skipped, seeded, seeded answer, equal, equal under a listed difference, different
    lines: tuple[str, ...] = ()  # the differences, raw


KINDS = ("replayed", "equal", "equal under a listed difference", "seeded answer", "seeded", "skipped", "different")


def verdicts(done: Replayed) -> dict[int, Verdict]:
    """What became of each recorded interaction, and how its answer compared."""
    found: dict[int, Verdict] = {}
    for interaction in done.interactions:
        if interaction.id in done.seeded:
            found[interaction.id] = Verdict("seeded")
        elif interaction.id not in done.answers:
            assert _skip_reason(done.name, interaction) is not None, (done.name, interaction.id)
            found[interaction.id] = Verdict("skipped")
        elif _seeded_answer(done.name, interaction) is not None:
            found[interaction.id] = Verdict("seeded answer")
        else:
            lines = tuple(_raw(done, interaction.id))
            if not lines:
                found[interaction.id] = Verdict("equal")
            elif all(_tolerated(done, line) for line in lines):
                found[interaction.id] = Verdict("equal under a listed difference", lines)
            else:
                found[interaction.id] = Verdict("different", lines)
    return found


def mismatches(done: Replayed) -> list[str]:
    """The differences no `DIFFERENCES` entry explains."""
    return [
        line
        for verdict in verdicts(done).values()
        if verdict.kind == "different"
        for line in verdict.lines
        if not _tolerated(done, line)
    ]


def counts(name: str) -> dict[str, int]:
    found = [verdict.kind for verdict in verdicts(run(name)).values()]
    replayed = sum(1 for kind in found if kind not in ("seeded", "skipped"))
    return {"replayed": replayed, **{kind: found.count(kind) for kind in KINDS[1:]}}


@pytest.mark.parametrize("name", ALL)
def test_the_emulator_answers_as_the_recording(name: str) -> None:
    assert mismatches(run(name)) == []


def test_each_listed_difference_is_one_the_recordings_show() -> None:
    """A `DIFFERENCES` entry that matches nothing is stale, wherever it applies: "*" entries too, across every
    recording."""
    raw = {name: [line for v in verdicts(run(name)).values() for line in v.lines] for name in ALL}
    for where, ids, pattern, why in DIFFERENCES:
        names = ALL if "*" in where else list(where)
        matched = [
            line
            for name in names
            for line in raw[name]
            if (ids is None or int(line[1:].split()[0]) in ids) and re.match(pattern, line.split(" ", 3)[3])
        ]
        assert matched, f"nothing differs as {why!r} says"


def test_every_recorded_interaction_is_replayed_seeded_or_skipped_for_a_reason() -> None:
    used = set()
    for name in ALL:
        done = run(name)
        for interaction in done.interactions:
            reason = _skip_reason(name, interaction)
            sent, seeded = interaction.id in done.answers, interaction.id in done.seeded
            skipped = not seeded and reason is not None
            # Exactly one: sent and answered, seeded (state put in place, not sent), or skipped for a reason.
            assert [sent, seeded, skipped].count(True) == 1, (name, interaction.id)
            if skipped:
                used.add(reason)
    assert {why for *_, why in SKIPPED} == used  # no rule in the table that skips nothing
    assert {why for *_, why in SEEDED_ANSWERS} == {
        why for name in ALL for i in run(name).interactions if (why := _seeded_answer(name, i)) is not None
    }


def test_the_design_page_gives_the_replay_s_counts() -> None:
    """docs/design.md's table is what this replay counts (`venv/bin/python -m tests.emulator.replay_table --write`)."""
    from tests.emulator.replay_table import DESIGN, in_docs, table

    assert in_docs(DESIGN.read_text()) == table(), "run: venv/bin/python -m tests.emulator.replay_table --write"


def _exchange(name: str, interaction_id: int) -> tuple[Any, Any]:
    done = run(name)
    return done.recorded(interaction_id), done.emulated(interaction_id)


def test_a_put_without_priority_and_a_group_taking_a_held_number() -> None:
    """ResourceOktaAppGroupAssignment_crud: #16 PUTs {} (the provider omits priority 0), #17 {"priority": 1};
    the reads #18/#19 give 0 and 1, and #20's 3 is kept with the gap (#21), then 4 (#38/#39) and 3 again
    (#56/#57); #68 DELETE answers 204 and no body. (#16's own answer: see DIFFERENCES.)"""
    done = run(ASSIGNMENT_CRUD)
    for read in (18, 19, 21, 39, 57):
        assert done.emulated(read)["priority"] == done.recorded(read)["priority"]
    assert [done.emulated(i)["priority"] for i in (18, 19, 21, 39, 57)] == [0, 1, 3, 4, 3]
    assert done.emulated(16)["profile"] == done.recorded(16)["profile"] == {}
    assert done.answers[68].status == 204 and done.answers[68].text == ""
    assert done.org.collisions == []  # replayed one at a time, no two groups shared a number


def test_assignments_list_in_priority_order_with_the_numbers_given() -> None:
    """DataSourceOktaAppGroupAssignments_read #16-#18 PUT priorities 1, 2, 3; #19 lists them so, as given."""
    recorded, emulated = _exchange(ASSIGNMENTS_READ, 19)
    assert [a["priority"] for a in emulated] == [a["priority"] for a in recorded] == [1, 2, 3]


def test_a_schema_post_answers_the_whole_document_with_what_okta_keeps() -> None:
    """ResourceOktaAppUserSchemas_crud #7: the answer is the whole document (base too), `master`, `permissions`,
    `required: false` and a string's `union` are dropped; #16 (removed): custom has no `required`; #17:
    `required: true` kept and listed."""
    recorded, emulated = _exchange(SCHEMA_CRUD, 7)
    assert set(emulated) == set(recorded) and set(emulated["definitions"]) == {"base", "custom"}
    assert emulated["definitions"]["custom"] == recorded["definitions"]["custom"]
    assert emulated["title"] == recorded["title"] == "testLabel User"
    recorded, emulated = _exchange(SCHEMA_CRUD, 16)
    assert (
        emulated["definitions"]["custom"]
        == recorded["definitions"]["custom"]
        == {
            "id": "#custom",
            "type": "object",
            "properties": {},
        }
    )
    recorded, emulated = _exchange(SCHEMA_CRUD, 17)
    assert emulated["definitions"]["custom"]["required"] == recorded["definitions"]["custom"]["required"]


@pytest.mark.parametrize(("name", "kept"), [(SCHEMA_ENUM, None), (SCHEMA_ARRAY, "DISABLE")])
def test_enums_one_of_and_an_array_s_union_are_kept(name: str, kept: str | None) -> None:
    """_enum_string #7 and _array_enum_string #7: enum and oneOf (in `items` for the array) come back as sent;
    `union` only on the array."""
    recorded, emulated = _exchange(name, 7)
    (prop,) = emulated["definitions"]["custom"]["properties"].values()
    assert prop == next(iter(recorded["definitions"]["custom"]["properties"].values()))
    assert prop.get("union") == kept


def test_an_app_as_okta_answers_its_create_and_replace() -> None:
    """ResourceOktaAppSaml_crud #0 and #13: the write-only `…Override` fields are not answered; `spIssuer` is the
    SLO issuer (#13) or null (#0); the defaults Okta fills in are there."""
    for interaction_id in (0, 13):
        recorded, emulated = _exchange(SAML_CRUD, interaction_id)
        sign_on = emulated["settings"]["signOn"]
        assert "audienceOverride" not in sign_on and sign_on["spIssuer"] == recorded["settings"]["signOn"]["spIssuer"]
        assert emulated["accessibility"] == recorded["accessibility"]
        assert emulated["settings"]["notifications"] == recorded["settings"]["notifications"]


def test_a_key_is_answered_as_a_jwk() -> None:
    """ResourceOktaAppSaml_crud #6: e, n and x5t#S256 beside x5c; x5t#S256 is the certificate's SHA-256."""
    import base64
    import hashlib

    recorded, emulated = _exchange(SAML_CRUD, 6)
    assert set(emulated[0]) == set(recorded[0])
    for key in (recorded[0], emulated[0]):
        digest = base64.urlsafe_b64encode(hashlib.sha256(base64.b64decode(key["x5c"][0])).digest()).rstrip(b"=")
        assert key["x5t#S256"] == digest.decode()


def test_the_metadata_lists_the_app_s_name_id_format_and_slo_once_on() -> None:
    """ResourceOktaAppSaml_crud #5: NameIDFormat unspecified then emailAddress; #16 (after #13 switched to
    emailAddress and on SLO): emailAddress only, and two SingleLogoutService endpoints."""
    done = run(SAML_CRUD)
    for interaction_id in (5, 16):
        assert xml_skeleton(done.answers[interaction_id].text) == xml_skeleton(
            done.interactions[interaction_id].response
        )
    tags = [tag.split("}")[1] for tag, *_ in xml_skeleton(done.answers[16].text)]
    assert tags.count("SingleLogoutService") == 2


def test_groups_filtered_by_type() -> None:
    """DataSourceOktaGroup_read #23: `filter=type eq "APP_GROUP"` with `q` finds none of the OKTA_GROUPs."""
    recorded, emulated = _exchange(GROUP_READ, 23)
    assert emulated == recorded == []


def test_a_user_made_without_a_password() -> None:
    """DataSourceOktaGroup_read #6: a PROVISIONED user's passwordChanged is null; credentials.provider is OKTA;
    mobilePhone and secondEmail are answered as null."""
    recorded, emulated = _exchange(GROUP_READ, 6)
    assert emulated["passwordChanged"] is None and emulated["credentials"] == recorded["credentials"]
    assert {k: emulated["profile"][k] for k in ("mobilePhone", "secondEmail")} == {
        "mobilePhone": None,
        "secondEmail": None,
    }


def test_an_app_user_of_an_app_without_provisioning() -> None:
    """DataSourceOktaAppUserAssignments_read #12: syncState DISABLED and no lastSync."""
    recorded, emulated = _exchange(USER_ASSIGNMENTS_READ, 12)
    assert emulated["syncState"] == recorded["syncState"] == "DISABLED"
    assert "lastSync" not in emulated and "lastSync" not in recorded


def test_a_mapping_update_sets_what_is_given_and_removes_what_is_null() -> None:
    """ResourceOktaProfileMapping_crud #17 (five set to null), #29 (profileUrl back), #37 (all but login null)."""
    for interaction_id in (17, 29, 37):
        recorded, emulated = _exchange(MAPPING_CRUD, interaction_id)
        assert emulated["properties"] == recorded["properties"]
    assert list(emulated["properties"]) == ["login"]


def test_deletes_answer_204_and_no_body() -> None:
    """ResourceOktaGroup_crud #8 (a group), ResourceOktaAppSaml_crud #25 (an app)."""
    for name, interaction_id in ((GROUP_CRUD, 8), (SAML_CRUD, 25)):
        answer = run(name).answers[interaction_id]
        assert (answer.status, answer.text) == (204, "") == (answer.recorded.code, answer.recorded.response)
