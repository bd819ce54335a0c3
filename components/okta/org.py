"""What the live org holds of a Gainsight setup, read once into typed values: the apps, their assignments,
the SCIM app's custom schema, the Okta user -> SCIM app mapping, the groups and the SSO app's signing keys.

Every response is validated at the edge (app_documents, directory_documents): nothing after this module reads a
raw document, and a shape Okta's API reference does not document is one error line naming the endpoint and field.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from components.errors import InputError
from components.okta.client import OktaClient
from components.okta.models.apps import AttributeStatement, OktaApp, SignOn, UserNameTemplate
from components.okta.models.base import read_document, read_documents
from components.okta.models.directory import (
    AppGroup,
    AppKey,
    AppUser,
    AppUserSchema,
    MappingSummary,
    OktaGroup,
    ProfileMapping,
    SchemaProperty,
)
from components.okta.models.system_log import LogEvent
from components.okta.people import stream_app_users, stream_members
from components.okta.system_log import provisioning_failures


@dataclass(frozen=True)
class LiveAssignment:
    group_id: str
    group_name: str
    priority: int | None
    profile: dict[str, Any]  # Okta's values, nulls removed


@dataclass(frozen=True)
class LiveAttribute:
    name: str
    title: str
    type: str
    enum: tuple[Any, ...] | None
    scope: str  # NONE (Group) or SELF (Personal)
    union: bool
    external_name: str | None
    external_namespace: str | None
    description: str | None
    union_given: bool = True  # Okta's schema names `union` at all (it leaves it out on a non-array)


@dataclass(frozen=True)
class LiveKey:
    kid: str
    certificate: str  # base64 DER (x5c[0])
    expires_at: str | None


@dataclass(frozen=True)
class LiveApp:
    document: OktaApp
    assignments: tuple[LiveAssignment, ...] = ()

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def label(self) -> str:
        return self.document.label

    @property
    def status(self) -> str:
        return self.document.status

    @property
    def sign_on(self) -> SignOn:
        return self.document.sign_on

    @property
    def statements(self) -> list[AttributeStatement]:
        return list(self.sign_on.attribute_statements or ())

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(self.document.features or ())

    @property
    def hidden(self) -> bool:
        hide = self.document.hide
        return bool(hide.web) and bool(hide.ios)

    @property
    def username_template(self) -> UserNameTemplate:
        return self.document.username_template

    @property
    def signing_kid(self) -> str | None:
        return self.document.signing_kid

    def by_priority(self) -> list[LiveAssignment]:
        return sorted(self.assignments, key=lambda a: (a.priority is None, a.priority or 0, a.group_name))


@dataclass(frozen=True)
class LiveOrg:
    base_url: str
    sso: LiveApp
    scim: LiveApp | None
    attributes: tuple[LiveAttribute, ...] = ()
    mapping: dict[str, str] = field(default_factory=dict)  # app attribute -> Okta expression (the user -> app map)
    mapping_id: str | None = None
    sso_keys: tuple[LiveKey, ...] = ()
    scim_users: tuple[AppUser, ...] = ()  # read only for verify (with_people)
    # user id -> the SCIM app's assigned groups they are a member of (with_people)
    memberships: dict[str, frozenset[str]] = field(default_factory=dict)
    # The SCIM app's failed pushes in the System Log, read only when some app user is in ERROR (with_people);
    # None: the credential may not read the System Log (okta.logs.read).
    push_failures: tuple[LogEvent, ...] | None = ()

    @property
    def separate_scim(self) -> LiveApp | None:
        """The SCIM app, unless there is none or it is the SSO app itself (against Gainsight's advice)."""
        return self.scim if self.scim is not None and self.scim.id != self.sso.id else None


def _assignments(client: OktaClient, app_id: str) -> tuple[LiveAssignment, ...]:
    found = []
    where = f"GET /api/v1/apps/{app_id}/groups"
    for item in read_documents(
        AppGroup, list(client.iterate(f"/api/v1/apps/{app_id}/groups", {"expand": "group"})), where
    ):
        group = item.embedded.group if item.embedded else None
        if group is None:
            path = f"/api/v1/groups/{item.id}"
            group = read_document(OktaGroup, client.get(path), f"GET {path}")
        profile = {key: value for key, value in (item.profile or {}).items() if value is not None}
        found.append(LiveAssignment(item.id, group.profile.name, item.priority, profile))
    return tuple(found)


def read_app_document(client: OktaClient, app_id: str) -> OktaApp:
    path = f"/api/v1/apps/{app_id}"
    return read_document(OktaApp, client.get(path), f"GET {path}")


def read_app(client: OktaClient, app_id: str) -> LiveApp:
    return LiveApp(read_app_document(client, app_id), _assignments(client, app_id))


def _attribute(name: str, body: SchemaProperty) -> LiveAttribute:
    enum = (body.items.enum if body.items else None) if body.type == "array" else body.enum
    return LiveAttribute(
        name=name,
        title=body.title or name,
        type=body.type or "",
        enum=tuple(enum) if enum is not None else None,
        scope=body.scope or "NONE",
        union=(body.union or "DISABLE") == "ENABLE",
        external_name=body.external_name,
        external_namespace=body.external_namespace,
        description=body.description,
        union_given=body.union is not None,
    )


def read_attributes(client: OktaClient, app_id: str) -> tuple[LiveAttribute, ...]:
    path = f"/api/v1/meta/schemas/apps/{app_id}/default"
    schema = read_document(AppUserSchema, client.get(path), f"GET {path}")
    return tuple(_attribute(name, body) for name, body in schema.custom_properties.items())


def read_user_mapping(client: OktaClient, app_id: str) -> tuple[str | None, dict[str, str]]:
    """The Okta user -> app mapping: its id, and its expressions by app attribute."""
    summaries = read_documents(
        MappingSummary, list(client.iterate("/api/v1/mappings", {"targetId": app_id})), "GET /api/v1/mappings"
    )
    for summary in summaries:
        if summary.source is not None and summary.source.type == "user":
            path = f"/api/v1/mappings/{summary.id}"
            mapping = read_document(ProfileMapping, client.get(path), f"GET {path}")
            properties = mapping.properties or {}
            return summary.id, {name: body.expression for name, body in properties.items() if body and body.expression}
    return None, {}


def read_keys(client: OktaClient, app_id: str) -> tuple[LiveKey, ...]:
    path = f"/api/v1/apps/{app_id}/credentials/keys"
    keys = read_documents(AppKey, client.get_all(path), f"GET {path}")
    return tuple(LiveKey(key.kid, key.x5c[0], key.expires_at) for key in keys if key.x5c)


def read_app_users(client: OktaClient, app_id: str) -> tuple[AppUser, ...]:
    return tuple(stream_app_users(client, app_id))


def read_memberships(client: OktaClient, app: LiveApp) -> dict[str, frozenset[str]]:
    """Who is a member of which of the app's assigned groups: each group's members, 200 a page."""
    found: dict[str, set[str]] = {}
    for assignment in app.assignments:
        for member in stream_members(client, assignment.group_id):
            found.setdefault(member.id, set()).add(assignment.group_id)
    return {user_id: frozenset(groups) for user_id, groups in found.items()}


def read_org(client: OktaClient, sso_app_id: str, scim_app_id: str | None, *, with_people: bool = False) -> LiveOrg:
    """Both apps as Okta holds them; with the SCIM app's users (one call per 500) and its groups' members (one
    per 200) when `with_people`."""
    sso = read_app(client, sso_app_id)
    # One app doing both (against Gainsight's advice) is read once; `adopt` reports it.
    scim = (sso if scim_app_id == sso_app_id else read_app(client, scim_app_id)) if scim_app_id else None
    mapping_id, mapping = read_user_mapping(client, scim.id) if scim else (None, {})
    people = with_people and scim is not None and scim.id != sso.id
    scim_users = read_app_users(client, scim.id) if people and scim else ()
    failures: tuple[LogEvent, ...] | None = ()
    if scim is not None and any(user.sync_state == "ERROR" for user in scim_users):
        try:
            failures = provisioning_failures(client, scim.id, datetime.datetime.now(datetime.UTC))
        except InputError as error:
            if not error.message.startswith("403"):
                raise
            failures = None
    return LiveOrg(
        base_url=client.base_url,
        sso=sso,
        scim=scim,
        attributes=read_attributes(client, scim.id) if scim else (),
        mapping=mapping,
        mapping_id=mapping_id,
        sso_keys=read_keys(client, sso.id),
        scim_users=scim_users,
        memberships=read_memberships(client, scim) if people and scim else {},
        push_failures=failures,
    )
