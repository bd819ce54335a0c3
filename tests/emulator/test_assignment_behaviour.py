"""Group assignments in the emulator behave as Okta's do; each test names where Okta (or the provider) says so."""

from __future__ import annotations

import json
import threading

from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID
from tests.conftest import article_stack, resource
from tests.emulator.conftest import Served, saml_app
from tests.provider_model import profile_unchanged, read_profile_json


def _group(served: Served, name: str) -> str:
    return next(g["id"] for g in served.org.groups.values() if g["profile"]["name"] == name)


def test_unset_group_values_come_back_as_null(article: Served) -> None:
    """Provider issue #669: Okta answers a SAML app's group assignment with every group-scoped property, `null`
    where unset; on a SCIM app the base ones of the article's "Assign to Groups" dialog too."""
    group = _group(article, "Test")
    article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{group}", {"priority": 5, "profile": {"LicenseType": "Full"}})
    answer = article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}/groups/{group}")
    assert answer["profile"] == {
        "LicenseType": "Full",
        "IsSuperAdmin": None,
        "Department": None,
        "preferredLanguage": None,
        "locale": None,
        "timezone": None,
        "userType": None,
    }
    # The SSO app has no group-scoped property: an empty profile.
    assert article.ok("GET", f"/api/v1/apps/{SSO_APP_ID}/groups/{group}")["profile"] == {}


def test_the_declared_profile_reads_back_unchanged_and_the_old_one_did_not(article: Served, plan_stack) -> None:
    """The program declares what Okta answers, so the provider's comparison (tests/provider_model.py) finds no
    change after a write; the profile as declared before this fix differed on every read."""
    plan = plan_stack(article_stack())
    group = _group(article, "Test")
    for name in ("gainsight-scim-assignment-Admins", "gainsight-scim-assignment-Viewer"):
        declared = resource(plan, name)["inputs"]["profile"]
        path = f"/api/v1/apps/{SCIM_APP_ID}/groups/{group}"
        article.ok("PUT", path, {"priority": 3, "profile": json.loads(declared)})
        state = read_profile_json(article.ok("GET", path))
        assert profile_unchanged(state, declared)
    assert not profile_unchanged(state, '{"Department":["Support"],"LicenseType":"Viewer"}')


def test_a_change_between_false_and_unset_is_seen_once_nulls_are_declared(article: Served) -> None:
    """NoChangeInObjectFromUnmarshaledJSON strips only `false`: with unset declared as null, false and unset
    differ, so the change is sent."""
    group = _group(article, "Test")
    path = f"/api/v1/apps/{SCIM_APP_ID}/groups/{group}"
    article.ok("PUT", path, {"priority": 3, "profile": {"IsSuperAdmin": False}})
    answer = article.ok("GET", path)
    state = read_profile_json(answer)
    unset = dict.fromkeys(answer["profile"])
    assert profile_unchanged(state, json.dumps({**unset, "IsSuperAdmin": False}))
    assert not profile_unchanged(state, json.dumps(unset))  # false -> unset is sent
    assert profile_unchanged(state, "{}") is False  # and a declaration without the nulls never matched


def test_okta_keeps_the_priority_given_and_defaults_to_the_lowest_free(empty: Served) -> None:
    """The provider's acceptance tests set 1, 2, 4 and 99 and read them back; Okta's Apps API: without a
    priority, "the next highest priority is assigned by default": the highest no assignment holds
    (ResourceOktaAppGroupAssignment_crud #16-#19, and the provider's test of it, expect 0 beside a group at 1)."""
    app = empty.ok("POST", "/api/v1/apps", saml_app("Gainsight"))
    groups = [empty.org.add_group(f"G{i}") for i in range(4)]
    for group, priority in zip(groups[:3], (1, 4, 99), strict=True):
        empty.ok("PUT", f"/api/v1/apps/{app['id']}/groups/{group}", {"priority": priority})
    assert empty.ok("PUT", f"/api/v1/apps/{app['id']}/groups/{groups[3]}", {})["priority"] == 0
    listed = empty.ok("GET", f"/api/v1/apps/{app['id']}/groups")
    assert [a["priority"] for a in listed] == [0, 1, 4, 99]


def test_taking_a_held_priority_moves_the_holder_to_the_lowest_free_number(article: Served) -> None:
    """ResourceOktaAppGroupAssignment_crud #16-#19: after a PUT at priority 1 beside a group holding 1, that group
    reads back 0, with no error (and the provider's own test of swapping two numbers passes against Okta). The move
    is recorded: for a program it is a group silently renumbered."""
    test, viewer = _group(article, "Test"), _group(article, "Viewer")  # Test holds 0, Viewer 1
    article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{viewer}", {"priority": 0})
    listed = {a["id"]: a["priority"] for a in article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}/groups")}
    assert listed == {viewer: 0, test: 1}  # 1 was free again once Viewer left it
    assert article.org.collisions == [
        {"appId": SCIM_APP_ID, "priority": 0, "groupIds": sorted([test, viewer]), "movedTo": 1}
    ]
    assert article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{test}", {"priority": 7})["priority"] == 7


def test_an_app_holding_duplicates_fails_its_assignment_writes(article: Served) -> None:
    """#736: an app whose data held duplicate priorities answered its assignment writes with 500 E0000009 until Okta
    repaired it (planted here: no write makes one any more)."""
    test, viewer = _group(article, "Test"), _group(article, "Viewer")
    for assignment in article.org.app_groups[SCIM_APP_ID]:
        assignment["priority"] = 5
    after = article.call("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{test}", {"priority": 7})
    assert after.status_code == 500 and after.json()["errorCode"] == "E0000009"
    assert viewer


def test_concurrent_writes_to_one_app_are_answered_500(empty: Served) -> None:
    """#1198: Okta is "sensitive to asynchronous calls on resources that have a priority"; #1373: 500 E0000009."""
    empty.org.assignment_write_seconds = 0.3
    app = empty.ok("POST", "/api/v1/apps", saml_app("Gainsight"))
    groups = [empty.org.add_group(f"G{i}") for i in range(2)]
    statuses: list[int] = []

    def write(group: str, priority: int) -> None:
        response = empty.call("PUT", f"/api/v1/apps/{app['id']}/groups/{group}", {"priority": priority})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=write, args=(g, p)) for g, p in zip(groups, (10, 20), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(statuses) == [200, 500]
    # One at a time, both succeed.
    assert empty.call("PUT", f"/api/v1/apps/{app['id']}/groups/{groups[0]}", {"priority": 10}).status_code == 200
    assert empty.call("PUT", f"/api/v1/apps/{app['id']}/groups/{groups[1]}", {"priority": 20}).status_code == 200


def test_a_profile_key_the_app_does_not_have_is_refused(article: Served) -> None:
    """Okta validates an assignment's profile against the app user schema (Salto's Okta adapter refuses such
    keys before deploy for that reason): 400 E0000001 naming the property."""
    response = article.call(
        "PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{_group(article, 'Test')}", {"profile": {"Tier": "Gold"}}
    )
    assert response.status_code == 400
    body = response.json()
    assert body["errorCode"] == "E0000001" and "profile.Tier" in body["errorCauses"][0]["errorSummary"]


def test_two_schema_writes_at_once_lose_one_and_are_recorded(empty: Served) -> None:
    """#27, #632, #889: attributes created in parallel went missing (the last writer wins). The write must leave
    the org's lock while it takes time (routes.SELF_LOCKING), or the emulator would serialise what Okta does not."""
    empty.org.schema_write_seconds = 0.3
    app = empty.ok("POST", "/api/v1/apps", saml_app("Gainsight"))
    path = f"/api/v1/meta/schemas/apps/{app['id']}/default"

    def write(name: str) -> None:
        body = {"definitions": {"custom": {"properties": {name: {"title": name, "type": "string"}}}}}
        assert empty.call("POST", path, body).status_code == 200

    threads = [threading.Thread(target=write, args=(name,)) for name in ("First", "Second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(empty.org.schemas[app["id"]]) == 1  # one of the two is lost
    assert [overlap["kind"] for overlap in empty.org.overlaps] == ["schema"]
    empty.org.overlaps.clear()
