"""What the okta provider asks of an org besides the resources (components.emulator.org_policies), as real Okta
answers it in ../shared/okta-recordings/ResourceOktaAppSaml_crud.oie-00.yaml, and the record of requests the
emulator cannot route, which fails `make e2e`."""

from __future__ import annotations

from components.emulator.org import EmulatedOrg
from tests.emulator.conftest import Served, saml_app, serve


def _saml_app(served: Served) -> dict:
    return served.ok("POST", "/api/v1/apps", saml_app("Gainsight"))


def test_users_me_is_the_token_s_user(empty: Served) -> None:
    # Okta's Users API: `me` is the caller; the provider checks an SSWS token with it (config.VerifyCredentials).
    me = empty.ok("GET", "/api/v1/users/me")
    assert me["id"].startswith("00u") and me["status"] == "ACTIVE"
    assert {"login", "email"} <= set(me["profile"])
    assert not empty.org.users  # the token's user is not one of the people a test seeds


def test_well_known_organization_says_identity_engine_or_classic() -> None:
    # Recording, interaction 1: `pipeline` is "idx" on Identity Engine; the provider reads "v1" as Classic.
    for pipeline in ("idx", "v1"):
        for served in serve(EmulatedOrg(pipeline=pipeline)):
            answer = served.ok("GET", "/.well-known/okta-organization")
            assert answer["pipeline"] == pipeline
            assert answer["id"].startswith("00o") and isinstance(answer["settings"], dict)


def test_exactly_one_system_access_policy_on_identity_engine(empty: Served) -> None:
    # Recording, interaction 2: the provider keeps the policies with `system: true` and needs exactly one.
    policies = empty.ok("GET", "/api/v1/policies", type="ACCESS_POLICY")
    assert [p["type"] for p in policies] == ["ACCESS_POLICY"] * len(policies)
    assert len([p for p in policies if p["system"]]) == 1
    assert all(p["conditions"] is None and p["_embedded"] == {"resourceType": "APP"} for p in policies)


def test_classic_orgs_have_no_access_policy() -> None:
    for served in serve(EmulatedOrg(pipeline="v1")):
        assert served.ok("GET", "/api/v1/policies", type="ACCESS_POLICY") == []


def test_policies_need_a_type(empty: Served) -> None:
    assert empty.call("GET", "/api/v1/policies").status_code == 400


def test_a_new_app_has_the_default_policy_and_a_put_assigns_one(empty: Served) -> None:
    # Recording, interactions 0, 3 and 4: the new app's `_links.accessPolicy` names the system policy; the PUT
    # answers 204 with no body and the app then names the policy put.
    app = _saml_app(empty)
    default = next(p for p in empty.ok("GET", "/api/v1/policies", type="ACCESS_POLICY") if p["system"])
    assert app["_links"]["accessPolicy"]["href"].endswith(f"/api/v1/policies/{default['id']}")
    response = empty.call("PUT", f"/api/v1/apps/{app['id']}/policies/{default['id']}")
    assert response.status_code == 204 and response.content == b""
    again = empty.ok("GET", f"/api/v1/apps/{app['id']}")
    assert again["_links"]["accessPolicy"]["href"].endswith(default["id"])
    assert empty.call("PUT", f"/api/v1/apps/{app['id']}/policies/rstNOSUCHPOLICY").status_code == 404


def test_requests_no_endpoint_serves_are_recorded(empty: Served) -> None:
    assert empty.call("GET", "/api/v1/brands").status_code == 404
    assert empty.call("DELETE", "/api/v1/mappings/prm1").status_code == 405
    empty.ok("GET", "/api/v1/groups")
    assert empty.ok("GET", "/_emulator/unrouted") == [
        {"method": "GET", "path": "/api/v1/brands"},
        {"method": "DELETE", "path": "/api/v1/mappings/prm1"},
    ]


def test_groups_created_ten_at_a_time_while_listed_are_each_created_once(empty: Served) -> None:
    """The provider creates groups ten at a time (Pulumi's default parallelism); a name is unique in an org
    (okta/terraform-provider-okta#2600) whoever asks at the same moment. Found at 1,000 groups: the name check once
    read the groups while another request added one, and that request got no response."""
    import sys
    import threading

    import httpx

    from tests.emulator.conftest import TOKEN

    statuses: list[int] = []

    def create(names: list[str]) -> None:
        with httpx.Client(base_url=empty.url, headers={"Authorization": f"SSWS {TOKEN}"}, timeout=10) as client:
            for name in names:
                statuses.append(client.post("/api/v1/groups", json={"profile": {"name": name}}).status_code)
                client.get("/api/v1/groups", params={"q": "Team"})

    names = [f"Team {n:03d}" for n in range(200)]
    workers = [threading.Thread(target=create, args=([*names[i::10], "Team shared"],)) for i in range(10)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch often: the race shows in every run, not one in a hundred
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        sys.setswitchinterval(interval)
    assert sorted(statuses) == [200] * 201 + [400] * 9  # "Team shared": once, and nine refusals
    listed = empty.ok("GET", "/api/v1/groups", q="Team")
    assert sorted(g["profile"]["name"] for g in listed) == sorted([*names, "Team shared"])
