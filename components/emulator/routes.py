"""The endpoints the emulator serves: (method, path template) -> handler, matched in order."""

from __future__ import annotations

import re
from collections.abc import Callable

from components.emulator import (
    app_users,
    apps,
    assignments,
    control,
    credentials,
    groups,
    hooks_and_idps,
    mappings,
    org_policies,
    schemas,
    system_log,
    users,
)
from components.emulator.okta_errors import method_not_allowed
from components.emulator.org import EmulatedOrg
from components.emulator.request import Answer, Request

Handler = Callable[[EmulatedOrg, Request], Answer]

_ROUTES: list[tuple[str, str, Handler]] = [
    ("POST", "/oauth2/v1/token", credentials.issue_token),
    ("GET", "/.well-known/okta-organization", org_policies.well_known_organization),
    ("GET", "/api/v1/users/me", org_policies.current_user),
    ("GET", "/api/v1/policies", org_policies.list_policies),
    ("PUT", "/api/v1/apps/{appId}/policies/{policyId}", org_policies.assign_policy),
    ("GET", "/api/v1/apps", apps.list_apps),
    ("POST", "/api/v1/apps", apps.create_app),
    ("GET", "/api/v1/apps/{appId}", apps.get_app),
    ("PUT", "/api/v1/apps/{appId}", apps.replace_app),
    ("DELETE", "/api/v1/apps/{appId}", apps.delete_app),
    ("POST", "/api/v1/apps/{appId}/lifecycle/activate", apps.activate),
    ("POST", "/api/v1/apps/{appId}/lifecycle/deactivate", apps.deactivate),
    ("GET", "/api/v1/apps/{appId}/sso/saml/metadata", apps.saml_metadata),
    ("GET", "/api/v1/internal/apps/{appId}/settings/oauth/idToken", apps.id_token_settings),
    ("POST", "/api/v1/internal/apps/{appId}/settings/oauth/idToken", apps.id_token_settings),
    ("GET", "/api/v1/apps/{appId}/credentials/keys", apps.list_keys),
    ("POST", "/api/v1/apps/{appId}/credentials/keys/generate", apps.generate_key),
    ("GET", "/api/v1/apps/{appId}/credentials/keys/{kid}", apps.get_key),
    ("GET", "/api/v1/apps/{appId}/users", app_users.list_app_users),
    ("GET", "/api/v1/apps/{appId}/users/{userId}", app_users.get_app_user),
    ("GET", "/api/v1/apps/{appId}/groups", assignments.list_assignments),
    ("GET", "/api/v1/apps/{appId}/groups/{groupId}", assignments.get_assignment),
    ("PUT", "/api/v1/apps/{appId}/groups/{groupId}", assignments.put_assignment),
    ("DELETE", "/api/v1/apps/{appId}/groups/{groupId}", assignments.delete_assignment),
    ("GET", "/api/v1/groups", groups.list_groups),
    ("POST", "/api/v1/groups", groups.create_group),
    ("GET", "/api/v1/groups/{groupId}", groups.get_group),
    ("PUT", "/api/v1/groups/{groupId}", groups.replace_group),
    ("DELETE", "/api/v1/groups/{groupId}", groups.delete_group),
    ("GET", "/api/v1/groups/{groupId}/users", users.list_group_users),
    ("PUT", "/api/v1/groups/{groupId}/users/{userId}", users.put_member),
    ("DELETE", "/api/v1/groups/{groupId}/users/{userId}", users.delete_member),
    ("POST", "/api/v1/users", users.create_user),
    ("GET", "/api/v1/users/{userId}", users.get_user),
    ("DELETE", "/api/v1/users/{userId}", users.delete_user),
    ("GET", "/api/v1/users/{userId}/groups", users.list_user_groups),
    ("GET", "/api/v1/meta/schemas/group/default", schemas.get_group_schema),
    ("POST", "/api/v1/meta/schemas/group/default", schemas.update_group_schema),
    ("GET", "/api/v1/meta/schemas/apps/{appId}/default", schemas.get_schema),
    ("POST", "/api/v1/meta/schemas/apps/{appId}/default", schemas.update_schema),
    ("GET", "/api/v1/mappings", mappings.list_mappings),
    ("GET", "/api/v1/mappings/{mappingId}", mappings.get_mapping),
    ("POST", "/api/v1/mappings/{mappingId}", mappings.update_mapping),
    ("GET", "/api/v1/logs", system_log.list_events),
    ("POST", "/api/v1/inlineHooks", hooks_and_idps.create_hook),
    ("GET", "/api/v1/inlineHooks/{hookId}", hooks_and_idps.get_hook),
    ("PUT", "/api/v1/inlineHooks/{hookId}", hooks_and_idps.replace_hook),
    ("DELETE", "/api/v1/inlineHooks/{hookId}", hooks_and_idps.delete_hook),
    ("POST", "/api/v1/inlineHooks/{hookId}/lifecycle/activate", hooks_and_idps.activate_hook),
    ("POST", "/api/v1/inlineHooks/{hookId}/lifecycle/deactivate", hooks_and_idps.deactivate_hook),
    ("GET", "/api/v1/templates/emails/{templateId}", hooks_and_idps.no_email_template),
    ("POST", "/api/v1/idps", hooks_and_idps.create_idp),
    ("GET", "/api/v1/idps/{idpId}", hooks_and_idps.get_idp),
    ("DELETE", "/api/v1/idps/{idpId}", hooks_and_idps.delete_idp),
    ("POST", "/api/v1/idps/{idpId}/lifecycle/deactivate", hooks_and_idps.deactivate_idp),
    ("POST", "/_emulator/apps/{appId}/provisioning", control.switch_on_provisioning),
    ("POST", "/_emulator/apps/{appId}/push-failures", system_log.record_push_failures),
    ("POST", "/_emulator/apps/{appId}/schema-cleanup", control.finish_schema_cleanup),
    ("GET", "/_emulator/calls", control.calls),
    ("GET", "/_emulator/events", control.events),
    ("GET", "/_emulator/unrouted", control.unrouted),
]


PAGED = frozenset({"limit", "after"})
# The query parameters each endpoint takes, as Okta's API reference lists them for what the provider and this
# project's clients send. Another is served as Okta would (it ignores what it does not know) and recorded as
# unrouted, so the e2e fails on it: the emulator would be answering a request it does not model.
QUERY: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/api/v1/policies"): frozenset({"type"}),
    ("POST", "/api/v1/users"): frozenset({"activate", "provider", "nextLogin"}),
    ("GET", "/api/v1/apps"): PAGED | {"q", "filter", "expand", "includeNonDeleted"},
    ("POST", "/api/v1/apps"): frozenset({"activate"}),
    ("GET", "/api/v1/apps/{appId}/sso/saml/metadata"): frozenset({"kid"}),
    ("POST", "/api/v1/apps/{appId}/credentials/keys/generate"): frozenset({"validityYears"}),
    ("GET", "/api/v1/apps/{appId}/users"): PAGED | {"q", "expand"},
    ("GET", "/api/v1/apps/{appId}/groups"): PAGED | {"q", "expand"},
    ("GET", "/api/v1/groups"): PAGED | {"q", "search", "filter", "expand", "sortBy", "sortOrder"},
    ("GET", "/api/v1/groups/{groupId}/users"): PAGED,
    ("GET", "/api/v1/users/{userId}/groups"): PAGED,
    ("GET", "/api/v1/mappings"): PAGED | {"sourceId", "targetId"},
    ("GET", "/api/v1/logs"): frozenset({"since", "until", "filter", "q", "limit", "sortOrder", "after"}),
}


def unknown_query(method: str, template: str, query: dict[str, list[str]]) -> list[str]:
    """The query parameters of a request that its endpoint does not take."""
    if template.startswith("/_emulator/"):
        return []
    return sorted(set(query) - QUERY.get((method, template), frozenset()))


# Handlers that take the org's lock themselves: they leave it while a write is under way, as Okta's writes take
# time and overlap (assignments.py, schemas.py). Every other handler runs under the lock (dispatch.py).
SELF_LOCKING: frozenset[Handler] = frozenset(
    {assignments.put_assignment, assignments.delete_assignment, schemas.update_schema, schemas.update_group_schema}
)


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$")


_COMPILED = [(method, template, _pattern(template), handler) for method, template, handler in _ROUTES]


def route(method: str, path: str) -> tuple[str, Handler, dict[str, str]] | None:
    """(template, handler, path parameters) of the endpoint, or None; a known path with another method: '405'."""
    known_path = False
    for route_method, template, pattern, handler in _COMPILED:
        match = pattern.match(path)
        if match is None:
            continue
        known_path = True
        if route_method == method:
            return template, handler, match.groupdict()
    return ("405", _method_not_allowed, {}) if known_path else None


def _method_not_allowed(org: EmulatedOrg, request: Request) -> Answer:
    raise method_not_allowed()
