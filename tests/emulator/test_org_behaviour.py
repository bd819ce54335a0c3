"""Apps, schemas, rate limits, pagination, errors and credentials in the emulator, each as Okta documents them."""

from __future__ import annotations

import email.utils

import httpx

from components.emulator.org import EmulatedOrg
from components.emulator.rate_limits import RateLimits
from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID, article_org
from tests.emulator.conftest import TOKEN, Served, saml_app, serve


def test_an_app_put_without_features_resets_provisioning(article: Served) -> None:
    """Provider #655: an update of a custom SAML app reset Provisioning from SCIM to none; the provider still
    sends a full PUT without `features` (facts: `features` is read-only, and made computed in the provider)."""
    app = article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}")
    kept = article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}", app)  # features sent back: nothing changes
    assert "PUSH_USER_DEACTIVATION" in kept["features"] and article.org.provisioning_resets == []
    without = {key: value for key, value in app.items() if key != "features"}
    assert article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}", without)["features"] == []
    assert article.org.provisioning_resets == [SCIM_APP_ID]


def test_the_manual_step_is_one_control_call(empty: Served) -> None:
    """What Okta's API cannot do (Provisioning: SCIM on a custom app; facts: features are read-only) is
    `POST /_emulator/apps/{id}/provisioning`; Okta then shows the SCIM base attributes and the user mapping."""
    app = empty.ok("POST", "/api/v1/apps", saml_app("Gainsight SCIM", features=["X"]))
    assert app["features"] == []  # sending features on create is dropped
    flags = {"createUsers": True, "updateUsers": True, "deactivateUsers": True}
    empty.ok("POST", f"/_emulator/apps/{app['id']}/provisioning", flags)
    assert empty.ok("GET", f"/api/v1/apps/{app['id']}")["features"] == [
        "PUSH_NEW_USERS",
        "PUSH_PROFILE_UPDATES",
        "PUSH_USER_DEACTIVATION",
    ]
    base = empty.ok("GET", f"/api/v1/meta/schemas/apps/{app['id']}/default")["definitions"]["base"]["properties"]
    assert base["locale"]["scope"] == "NONE" and base["userName"]["scope"] == "SELF"
    (mapping,) = empty.ok("GET", "/api/v1/mappings", targetId=app["id"])
    assert mapping["source"]["type"] == "user" and "properties" not in mapping  # a list leaves properties out
    assert ("POST", f"/_emulator/apps/{app['id']}/provisioning") not in empty.org.requests  # not an Okta call


def test_an_attribute_made_before_provisioning_lacks_the_namespace(empty: Served) -> None:
    """Okta KB (design facts): a custom app attribute created before provisioning was enabled has no external
    namespace and is never sent to the SCIM server."""
    app = empty.ok("POST", "/api/v1/apps", saml_app("Gainsight SCIM"))
    spec = {"title": "LicenseType", "type": "string", "externalName": "LicenseType", "externalNamespace": "urn:x"}
    path = f"/api/v1/meta/schemas/apps/{app['id']}/default"
    early = empty.ok("POST", path, {"definitions": {"custom": {"properties": {"LicenseType": spec}}}})
    assert "externalNamespace" not in early["definitions"]["custom"]["properties"]["LicenseType"]
    empty.ok("POST", f"/_emulator/apps/{app['id']}/provisioning", {"createUsers": True})
    later = empty.ok("POST", path, {"definitions": {"custom": {"properties": {"Tier": {**spec, "title": "Tier"}}}}})
    assert later["definitions"]["custom"]["properties"]["Tier"]["externalNamespace"] == "urn:x"


def test_removing_an_attribute_loses_the_values_groups_set(article: Served) -> None:
    """A schema property set to null is removed; the group values set for it go with it."""
    path = f"/api/v1/meta/schemas/apps/{SCIM_APP_ID}/default"
    article.ok("POST", path, {"definitions": {"custom": {"properties": {"LicenseType": None}}}})
    assignments = article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}/groups")
    assert all("LicenseType" not in a["profile"] for a in assignments)


def test_a_deleted_attribute_cannot_come_back_until_okta_s_clean_up_ends() -> None:
    """Provider #587 (Okta's words), #1974, #1972: a property of the same name is refused while the deletion of
    one runs; the maintainer: removal "sometimes takes time… has to update all the users". The provider retries on
    exactly this cause (resource_okta_app_user_custom_schema_property.go), for 10 s."""
    now = [1_800_000_000.0]
    org = article_org()
    org.clock, org.schema_deletion_seconds = (lambda: now[0]), 120.0
    for served in serve(org):
        path = f"/api/v1/meta/schemas/apps/{SCIM_APP_ID}/default"
        spec = {"title": "LicenseType", "type": "array", "items": {"type": "string"}}
        served.ok("POST", path, {"definitions": {"custom": {"properties": {"LicenseType": None}}}})
        refused = served.call("POST", path, {"definitions": {"custom": {"properties": {"LicenseType": spec}}}})
        assert refused.status_code == 400
        error = refused.json()
        assert error["errorCode"] == "E0000001"
        assert "deletion process for an attribute with the same variable name is incomplete" in str(
            error["errorCauses"][0]["errorSummary"]
        )
        other = {"Tier": {"title": "Tier", "type": "string"}}  # another name is not held up
        served.ok("POST", path, {"definitions": {"custom": {"properties": other}}})
        now[0] += 119
        assert served.call("POST", path, {"definitions": {"custom": {"properties": {"LicenseType": spec}}}}).is_error
        now[0] += 2
        served.ok("POST", path, {"definitions": {"custom": {"properties": {"LicenseType": spec}}}})
        # The control call ends a clean-up at once, as waiting would.
        served.ok("POST", path, {"definitions": {"custom": {"properties": {"Tier": None}}}})
        served.ok("POST", f"/_emulator/apps/{SCIM_APP_ID}/schema-cleanup")
        served.ok("POST", path, {"definitions": {"custom": {"properties": other}}})


def test_the_apps_bucket_allows_100_a_minute_with_okta_headers() -> None:
    """Okta's rate limits: every /api/v1/apps* endpoint not listed separately (assignments, keys) shares a bucket
    of 100 a minute; each answer carries X-Rate-Limit-Limit/Remaining/Reset and Date; then 429 E0000047."""
    now = [1_800_000_000.0]
    org = EmulatedOrg(rate_limits=RateLimits(clock=lambda: now[0]), clock=lambda: now[0])
    org.apps[SSO_APP_ID] = {"id": SSO_APP_ID, "label": "Gainsight"}
    for served in serve(org):
        for left in range(99, -1, -1):
            response = served.call("GET", f"/api/v1/apps/{SSO_APP_ID}/groups")
            assert response.headers["X-Rate-Limit-Remaining"] == str(left)
        assert response.headers["X-Rate-Limit-Limit"] == "100"
        assert int(response.headers["X-Rate-Limit-Reset"]) == int(now[0]) + 60
        assert email.utils.parsedate_to_datetime(response.headers["Date"]).timestamp() == int(now[0])
        spent = served.call("GET", f"/api/v1/apps/{SSO_APP_ID}/credentials/keys")
        assert spent.status_code == 429 and spent.json()["errorCode"] == "E0000047"
        assert served.call("GET", f"/api/v1/apps/{SSO_APP_ID}").status_code == 200  # the app-by-id bucket
        now[0] += 60
        assert served.call("GET", f"/api/v1/apps/{SSO_APP_ID}/groups").status_code == 200  # a new window
        counted = {(m, p, b): n for (m, p, b), n in org.calls.items()}
        assert counted[("GET", "/api/v1/apps/{appId}/groups", "/api/v1/apps")] == 101


def test_lists_page_with_one_link_header_each(article: Served) -> None:
    """Okta pages with `limit` and `after` and sends `rel="self"` and `rel="next"` as separate Link headers;
    okta-sdk-golang (the provider's client) reads one link per header value."""
    for i in range(5):
        article.org.add_group(f"More {i}")
    response = article.call("GET", "/api/v1/groups", limit=3)
    links = response.headers.get_list("Link")
    assert len(links) == 2 and links[0].endswith('rel="self"') and links[1].endswith('rel="next"')
    seen = [g["profile"]["name"] for g in response.json()]
    while 'rel="next"' in (link := response.headers.get_list("Link")[-1]):
        response = article.client.get(link[1 : link.index(">")])
        seen += [g["profile"]["name"] for g in response.json()]
    assert sorted(seen) == sorted(g["profile"]["name"] for g in article.org.groups.values())


def test_errors_carry_okta_s_five_fields(article: Served) -> None:
    """Okta's Error schema: errorCode, errorSummary, errorLink, errorId, errorCauses."""
    body = article.call("GET", "/api/v1/apps/0oaNOSUCHAPP").json()
    assert set(body) == {"errorCode", "errorSummary", "errorLink", "errorId", "errorCauses"}
    assert body["errorCode"] == body["errorLink"] == "E0000007"


def test_any_token_unless_one_is_given(article: Served) -> None:
    with httpx.Client(base_url=article.url, timeout=5) as bare:
        assert bare.get("/api/v1/apps", headers={"Authorization": "SSWS anything"}).status_code == 200
        assert bare.get("/api/v1/apps", headers={"Authorization": "SSWS"}).status_code == 401
        assert bare.get("/api/v1/apps").json()["errorCode"] == "E0000011"
        article.org.token = TOKEN
        assert bare.get("/api/v1/apps", headers={"Authorization": "SSWS anything"}).status_code == 401
        assert bare.get("/api/v1/apps", headers={"Authorization": f"SSWS {TOKEN}"}).status_code == 200


def test_it_listens_on_loopback_only(article: Served) -> None:
    assert article.url.startswith("http://127.0.0.1:")


def test_the_article_seed_holds_the_saml_settings_of_the_shipped_dev_metadata() -> None:
    """Issue 35, item 3: the docs run `adopt --metadata metadata/dev.xml` against `emulate --seed article` and show
    a clean import; the seed had `urn:auth0:gainsight:acme`, so the same command reported 7 differences."""
    from components.emulator import seeds
    from components.metadata.sp_metadata import read_sp_metadata
    from tests.conftest import PROJECT_ROOT

    metadata = read_sp_metadata(PROJECT_ROOT / "metadata" / "dev.xml")
    for app in article_org().apps.values():
        sign_on = app["settings"]["signOn"]
        assert sign_on["audience"] == metadata.entity_id
        assert sign_on["ssoAcsUrl"] == sign_on["recipient"] == sign_on["destination"] == metadata.default_acs_url
        assert sign_on["slo"] == {
            "enabled": True,
            "issuer": metadata.entity_id,
            "logoutUrl": metadata.single_logout_url,
        }
        assert sign_on["spCertificate"] == {"x5c": [metadata.signing_certificates[0]]}
    assert metadata.signing_certificates[0] == seeds.SP_CERTIFICATE
