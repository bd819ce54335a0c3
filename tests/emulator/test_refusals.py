"""What Okta refuses, the emulator refuses, with Okta's status, error code and causes (issue 33, item 4). Each case
once got a 200 or 204 here, and the e2e would have passed a program that sent it.

Sources: Okta's Apps API ("Deletes an inactive application"; a custom SAML app's required `ssoAcsUrl` and
`audience`), the `okta` SDK's enums (ApplicationSignOnMode, UserSchemaAttributeScope, from Okta's OpenAPI spec), Okta's
error codes (E0000001 validation, E0000003 a body that does not read, E0000007 not found, E0000047 rate limit),
Okta's rate-limit headers, and Profile Editor's variable-name rule."""

from __future__ import annotations

import pytest
from okta.models.application_sign_on_mode import ApplicationSignOnMode
from okta.models.user_schema_attribute_scope import UserSchemaAttributeScope

from components.emulator.apps import SIGN_ON_MODES
from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID
from tests.emulator.conftest import Served, saml_app

SCHEMA = f"/api/v1/meta/schemas/apps/{SCIM_APP_ID}/default"


def refused(served: Served, method: str, path: str, body: object = None, **params: object) -> dict:
    response = served.call(method, path, body, **params)
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    document = response.json()
    assert set(document) >= {"errorCode", "errorSummary", "errorLink", "errorId", "errorCauses"}
    return {"status": response.status_code, **document}


def test_the_sign_on_modes_are_okta_s() -> None:
    assert {mode.value for mode in ApplicationSignOnMode} == SIGN_ON_MODES


@pytest.mark.parametrize(
    ("body", "status", "code", "cause"),
    [
        ({**saml_app("X"), "signOnMode": "NOT_A_MODE"}, 400, "E0000003", None),
        ({"label": "X"}, 400, "E0000001", "signOnMode: The field cannot be left blank"),
        ({"label": "X", "signOnMode": "SAML_2_0"}, 400, "E0000001", "ssoAcsUrl: The field cannot be left blank"),
        ({"signOnMode": "SAML_2_0"}, 400, "E0000001", "label: The field cannot be left blank"),
        ([], 400, "E0000003", None),
    ],
)
def test_an_app_okta_would_not_create(article: Served, body: object, status: int, code: str, cause: str) -> None:
    error = refused(article, "POST", "/api/v1/apps", body)
    assert (error["status"], error["errorCode"]) == (status, code)
    if cause:
        assert cause in [c["errorSummary"] for c in error["errorCauses"]]


def test_an_empty_replace_is_refused(article: Served) -> None:
    error = refused(article, "PUT", f"/api/v1/apps/{SSO_APP_ID}", {})
    assert error["errorCode"] == "E0000001"
    assert article.ok("GET", f"/api/v1/apps/{SSO_APP_ID}")["label"]  # nothing was replaced


def test_only_activate_and_deactivate_are_lifecycle_actions(article: Served) -> None:
    assert refused(article, "POST", f"/api/v1/apps/{SSO_APP_ID}/lifecycle/explode")["errorCode"] == "E0000007"
    assert article.ok("GET", f"/api/v1/apps/{SSO_APP_ID}")["status"] == "ACTIVE"
    assert article.org.unrouted == [("POST", f"/api/v1/apps/{SSO_APP_ID}/lifecycle/explode")]
    article.org.unrouted.clear()


def test_an_active_app_is_not_deleted(article: Served) -> None:
    error = refused(article, "DELETE", f"/api/v1/apps/{SSO_APP_ID}")
    assert (error["status"], error["errorCode"]) == (403, "E0000056")
    assert SSO_APP_ID in article.org.apps
    article.ok("POST", f"/api/v1/apps/{SSO_APP_ID}/lifecycle/deactivate")
    assert article.call("DELETE", f"/api/v1/apps/{SSO_APP_ID}").status_code == 204


@pytest.mark.parametrize(
    ("name", "spec", "code"),
    [
        ("bad name!", {"title": "Bad", "type": "string"}, "E0000001"),
        ("9lives", {"title": "Nine", "type": "string"}, "E0000001"),
        ("Region", {"title": "Region", "type": "string", "scope": 5}, "E0000003"),
        ("Region", {"title": "Region", "type": "string", "scope": "EVERYONE"}, "E0000003"),
        ("Region", {"title": "Region", "type": "text"}, "E0000001"),
    ],
)
def test_a_schema_property_okta_would_not_take(article: Served, name: str, spec: dict, code: str) -> None:
    error = refused(article, "POST", SCHEMA, {"definitions": {"custom": {"properties": {name: spec}}}})
    assert error["errorCode"] == code
    assert name not in article.org.schemas.get(SCIM_APP_ID, {})


def test_the_schema_scopes_are_okta_s() -> None:
    assert {scope.value for scope in UserSchemaAttributeScope} == {"NONE", "SELF"}


def test_a_limit_that_is_not_a_number_is_refused(article: Served) -> None:
    assert refused(article, "GET", "/api/v1/groups", limit="abc")["errorCode"] == "E0000001"
    assert refused(article, "GET", f"/api/v1/apps/{SCIM_APP_ID}/groups", limit="abc")["errorCode"] == "E0000001"


def test_an_unknown_query_parameter_is_served_and_recorded(article: Served) -> None:
    """Okta ignores a parameter it does not know; the emulator serves it too, and the e2e fails on the record:
    the request is not one it models."""
    article.ok("GET", f"/api/v1/apps/{SCIM_APP_ID}/groups", expand="group", limitless="1")
    article.ok("GET", "/api/v1/groups", q="Gainsight", limit=20)
    assert article.org.unrouted == [("GET", f"/api/v1/apps/{SCIM_APP_ID}/groups?limitless")]
    article.org.unrouted.clear()


def test_a_forced_429_carries_okta_s_rate_limit_headers(article: Served) -> None:
    article.org.throttle["/api/v1/apps"] = 1
    response = article.call("GET", "/api/v1/apps")
    assert response.status_code == 429 and response.json()["errorCode"] == "E0000047"
    for header in ("X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset", "Date"):
        assert response.headers.get(header), header
    assert response.headers["X-Rate-Limit-Remaining"] == "0"
    assert response.headers["X-Rate-Limit-Limit"] == "100"  # the apps bucket
