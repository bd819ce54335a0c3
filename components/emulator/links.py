"""The `_links` Okta puts on each object it answers, as the recordings show them (/work/shared/okta-recordings):
made when the answer is, from the address the client used, so an org served again under another port links right.

What each kind of object links to (the sets the replay compares, tests/emulator/test_recordings.py):
- an app (ResourceOktaAppSaml_crud #0, #13): `uploadLogo` (hints POST), `appLinks` (its one link), `profileEnrollment`
  (the org's profile enrollment policy), `policies` (hints PUT), `groups`, `logo` (Okta's default image, medium),
  `accessPolicy`, `users`, and `deactivate` while ACTIVE or `activate` while INACTIVE; a SAML app also `help`
  (the admin host's setup instructions) and `metadata`; an OIDC app `clientCredentials` (its secrets);
- a group (ResourceOktaAppGroupAssignment_crud, 2026): `logo` (medium and large), `owners`, `users`, `apps`;
- a group assignment (ResourceOktaAppGroupAssignment_crud): `app`, `group`, `self`;
- an app user (DataSourceOktaAppUserAssignments_read): `app`, `user`;
- a group's member (DataSourceOktaGroup_read): `self`;
- a mapping (ResourceOktaProfileMapping_crud): `self`, and on its source and target `self` and `schema`.
The provider reads `logo` (an app's `logo_url`) and `appLinks` (`embed_url`).
"""

from __future__ import annotations

from typing import Any

LOGO = "/assets/img/logos/default.png"
GROUP_LOGO = "/assets/img/logos/groups/okta-{}.png"


def app_links(app: dict[str, Any], base: str, profile_enrollment: str) -> dict[str, Any]:
    app_id, name = app["id"], app.get("name", "")
    here = f"{base}/api/v1/apps/{app_id}"
    links: dict[str, Any] = {
        "uploadLogo": {"href": f"{here}/logo", "hints": {"allow": ["POST"]}},
        "appLinks": [
            {"name": f"{name}_link", "href": f"{base}/home/{name}/{app_id}/aln{app_id[3:]}", "type": "text/html"}
        ],
        "profileEnrollment": {"href": f"{base}/api/v1/policies/{profile_enrollment}"},
        "policies": {"href": f"{here}/policies", "hints": {"allow": ["PUT"]}},
        "groups": {"href": f"{here}/groups"},
        "logo": [{"name": "medium", "href": base + LOGO, "type": "image/png"}],
        "users": {"href": f"{here}/users"},
    }
    if app.get("signOnMode") == "SAML_2_0":
        help_page = f"{base}/app/{name}/{app_id}/setup/help/SAML_2_0/instructions"
        links["help"] = {"href": help_page, "type": "text/html"}
        links["metadata"] = {"href": f"{here}/sso/saml/metadata", "type": "application/xml"}
    if app.get("signOnMode") == "OPENID_CONNECT":
        links["clientCredentials"] = [{"name": "secrets", "href": f"{here}/credentials/secrets"}]
    action = "deactivate" if app.get("status") == "ACTIVE" else "activate"
    links[action] = {"href": f"{here}/lifecycle/{action}"}
    return links


def group_links(group_id: str, base: str) -> dict[str, Any]:
    return {
        "logo": [
            {"name": size, "href": base + GROUP_LOGO.format(size), "type": "image/png"} for size in ("medium", "large")
        ],
        "owners": {"href": f"{base}/api/v1/groups/{group_id}/owners"},
        "users": {"href": f"{base}/api/v1/groups/{group_id}/users"},
        "apps": {"href": f"{base}/api/v1/groups/{group_id}/apps"},
    }


def assignment_links(app_id: str, group_id: str, base: str) -> dict[str, Any]:
    return {
        "app": {"href": f"{base}/api/v1/apps/{app_id}"},
        "group": {"href": f"{base}/api/v1/groups/{group_id}"},
        "self": {"href": f"{base}/api/v1/apps/{app_id}/groups/{group_id}"},
    }


def app_user_links(app_id: str, user_id: str, base: str) -> dict[str, Any]:
    return {"app": {"href": f"{base}/api/v1/apps/{app_id}"}, "user": {"href": f"{base}/api/v1/users/{user_id}"}}


USER_TYPE_ID = "oty1emulateduser000"  # the org's default user type; its schema is `osc…` beside it


def user_links(user_id: str, base: str) -> dict[str, Any]:
    """A user read by id (DataSourceOktaAppUserAssignments_read #3, a PROVISIONED user, 2026): its lifecycle actions
    (POST), its type and its type's schema. Okta's set depends on the status; the recordings show PROVISIONED only,
    and the emulator gives every user that set."""
    here = f"{base}/api/v1/users/{user_id}"
    actions = {
        name: {"href": f"{here}/lifecycle/{path}", "method": "POST"}
        for name, path in (
            ("suspend", "suspend"),
            ("resetPassword", "reset_password"),
            ("reactivate", "reactivate"),
            ("resetFactors", "reset_factors"),
            ("deactivate", "deactivate"),
        )
    }
    return {
        **actions,
        "schema": {"href": f"{base}/api/v1/meta/schemas/user/osc{USER_TYPE_ID[3:]}"},
        "self": {"href": here},
        "type": {"href": f"{base}/api/v1/meta/types/user/{USER_TYPE_ID}"},
    }


def member_links(user_id: str, base: str) -> dict[str, Any]:
    return {"self": {"href": f"{base}/api/v1/users/{user_id}"}}


def mapping_end_links(end: dict[str, Any], base: str) -> dict[str, Any]:
    """A mapping's source or target: the object itself, and its profile schema."""
    kind, end_id = end.get("type"), end.get("id")
    if kind == "appuser":
        return {
            "self": {"href": f"{base}/api/v1/apps/{end_id}"},
            "schema": {"href": f"{base}/api/v1/meta/schemas/apps/{end_id}/default"},
        }
    schema_id = f"osc{str(end_id)[3:]}"  # the user type's schema: `osc…` beside the type's `oty…`
    return {
        "self": {"href": f"{base}/api/v1/meta/types/user/{end_id}"},
        "schema": {"href": f"{base}/api/v1/meta/schemas/user/{schema_id}"},
    }


def mapping_links(mapping_id: str, base: str) -> dict[str, Any]:
    return {"self": {"href": f"{base}/api/v1/mappings/{mapping_id}"}}
