"""Every kind of answer the emulator serves validates against Okta's official models (the `okta` SDK 3.x), and
the fields those models lack are exactly the ones listed here, checked by hand against Okta's docs instead."""

from __future__ import annotations

import pytest
from okta.models import (
    ApplicationGroupAssignment,
    Error,
    Group,
    JsonWebKey,
    ProfileMapping,
    SamlApplication,
    UserSchema,
)

from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID
from tests.emulator.conftest import Served, saml_app
from tests.emulator.okta_models import GROUP_LINKS_LACKING, conforms

# A schema property's `items` (the Multi-Picklist's values) and `union` are in Okta's docs and older specs but
# not in the current spec's UserSchemaAttribute, so not in the SDK's model. And the SDK types the base of every
# schema as the Okta user's (login, firstName, …): an app user schema's base names (userName, givenName,
# familyName, as Okta's App User Schema examples show them) are not among its fields.
LACKING_IN_SCHEMA = {
    "definitions.custom.properties.Department.items",
    "definitions.custom.properties.Department.union",
    "definitions.base.properties.userName",
    "definitions.base.properties.givenName",
    "definitions.base.properties.familyName",
}

# Okta answers a custom SAML app with `settings.app` (its app settings, `{}` for a custom app; the provider's
# `app_settings_json` reads it) and `samlSignedRequestEnabled`, which the provider sends (resource_okta_app_saml.go
# builds SamlSignedRequestEnabled); the SDK 3.x models have neither.
# Okta's answers (ResourceOktaAppSaml_crud #0, #13) also link `policies`, `profileEnrollment` and `uploadLogo`, which
# the SDK's ApplicationLinks lacks.
RECORDED_LINKS = {"_links.policies", "_links.profileEnrollment", "_links.uploadLogo"}
LACKING_IN_SAML_APP = {"settings.app", "settings.signOn.samlSignedRequestEnabled", *RECORDED_LINKS}


@pytest.mark.parametrize(
    ("path", "model", "lacking"),
    [
        ("/api/v1/apps", SamlApplication, LACKING_IN_SAML_APP),
        (f"/api/v1/apps/{SCIM_APP_ID}", SamlApplication, LACKING_IN_SAML_APP),
        (f"/api/v1/apps/{SCIM_APP_ID}/groups", ApplicationGroupAssignment, set()),
        (f"/api/v1/apps/{SCIM_APP_ID}/groups?expand=group", ApplicationGroupAssignment, set()),
        (f"/api/v1/apps/{SSO_APP_ID}/credentials/keys", JsonWebKey, set()),
        ("/api/v1/groups", Group, GROUP_LINKS_LACKING),
        (f"/api/v1/meta/schemas/apps/{SCIM_APP_ID}/default", UserSchema, LACKING_IN_SCHEMA),
        ("/api/v1/mappings", ProfileMapping, set()),
        ("/api/v1/mappings/prm1user2scim", ProfileMapping, set()),
        ("/api/v1/apps/0oaNOSUCHAPP", Error, set()),
    ],
)
def test_answers_match_okta_s_models(article: Served, path: str, model, lacking: set[str]) -> None:
    response = article.client.get(path)
    assert set(conforms(model, response.json())) == lacking


def test_written_answers_match_okta_s_models(article: Served) -> None:
    group = next(iter(article.org.groups))
    written = article.ok("PUT", f"/api/v1/apps/{SCIM_APP_ID}/groups/{group}", {"priority": 9})
    assert conforms(ApplicationGroupAssignment, written) == []
    created = article.ok("POST", "/api/v1/apps", saml_app("New"))
    # Okta's own answer to a create (ResourceOktaAppSaml_crud.oie-00.yaml #0) has these two the SDK lacks.
    assert set(conforms(SamlApplication, created)) == {"settings.app", "settings.manualProvisioning", *RECORDED_LINKS}
    key = article.ok("POST", f"/api/v1/apps/{SSO_APP_ID}/credentials/keys/generate", validityYears=2)
    assert conforms(JsonWebKey, key) == []
    made = article.ok("POST", "/api/v1/groups", {"profile": {"name": "Made", "description": "by the test"}})
    assert set(conforms(Group, made)) == GROUP_LINKS_LACKING


def test_a_wrong_spelling_fails_the_model() -> None:
    """The contract can fail: Okta's enum spellings are checked (signOnMode)."""
    with pytest.raises(ValueError):
        conforms(SamlApplication, {"id": "0oa1", "label": "x", "signOnMode": "SAML2", "name": "x"})
