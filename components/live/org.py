"""What the live org holds of a Gainsight setup, read once into plain values: the apps, their assignments,
the SCIM app's custom schema, the Okta user -> SCIM app mapping, the groups and the SSO app's signing keys.

Shapes are those of Okta's Management API reference (Apps, App Groups, `/api/v1/meta/schemas/apps/{id}/default`,
Profile Mappings, Groups, App credentials keys).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from components.errors import InputError

from .client import OktaClient


@contextmanager
def documented_shapes(what: str) -> Iterator[None]:
    """Reading Okta's answers as documented: any other shape is one error line, not a traceback."""
    try:
        yield
    except (KeyError, TypeError, AttributeError) as error:
        raise InputError("Okta", what, f"answered in a shape its API reference does not document ({error!r})") from None


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


@dataclass(frozen=True)
class LiveKey:
    kid: str
    certificate: str  # base64 DER (x5c[0])
    expires_at: str | None


@dataclass(frozen=True)
class LiveApp:
    id: str
    name: str
    label: str
    status: str
    sign_on_mode: str
    raw: dict[str, Any]
    assignments: tuple[LiveAssignment, ...] = ()

    @property
    def sign_on(self) -> dict[str, Any]:
        return ((self.raw.get("settings") or {}).get("signOn")) or {}

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(str(f) for f in self.raw.get("features") or ())

    @property
    def hidden(self) -> bool:
        hide = ((self.raw.get("visibility") or {}).get("hide")) or {}
        return bool(hide.get("web")) and bool(hide.get("iOS"))

    @property
    def username_template(self) -> dict[str, Any]:
        return ((self.raw.get("credentials") or {}).get("userNameTemplate")) or {}

    @property
    def signing_kid(self) -> str | None:
        return ((self.raw.get("credentials") or {}).get("signing") or {}).get("kid")

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

    @property
    def separate_scim(self) -> LiveApp | None:
        """The SCIM app, unless there is none or it is the SSO app itself (against Gainsight's advice)."""
        return self.scim if self.scim is not None and self.scim.id != self.sso.id else None


def _assignments(client: OktaClient, app_id: str) -> tuple[LiveAssignment, ...]:
    found = []
    for item in client.iterate(f"/api/v1/apps/{app_id}/groups", {"expand": "group"}):
        group = ((item.get("_embedded") or {}).get("group")) or {}
        if not group:
            group = client.get(f"/api/v1/groups/{item['id']}")
        profile = {key: value for key, value in (item.get("profile") or {}).items() if value is not None}
        found.append(
            LiveAssignment(
                group_id=str(item["id"]),
                group_name=str((group.get("profile") or {}).get("name") or item["id"]),
                priority=item.get("priority") if isinstance(item.get("priority"), int) else None,
                profile=profile,
            )
        )
    return tuple(found)


def read_app(client: OktaClient, app_id: str) -> LiveApp:
    raw = client.get(f"/api/v1/apps/{app_id}")
    return LiveApp(
        id=str(raw.get("id") or app_id),
        name=str(raw.get("name") or ""),
        label=str(raw.get("label") or ""),
        status=str(raw.get("status") or ""),
        sign_on_mode=str(raw.get("signOnMode") or ""),
        raw=raw,
        assignments=_assignments(client, app_id),
    )


def _attribute(name: str, body: dict[str, Any]) -> LiveAttribute:
    items = body.get("items") or {}
    enum = items.get("enum") if body.get("type") == "array" else body.get("enum")
    return LiveAttribute(
        name=name,
        title=str(body.get("title") or name),
        type=str(body.get("type") or ""),
        enum=tuple(enum) if isinstance(enum, list) else None,
        scope=str(body.get("scope") or "NONE"),
        union=str(body.get("union") or "DISABLE") == "ENABLE",
        external_name=body.get("externalName"),
        external_namespace=body.get("externalNamespace"),
        description=body.get("description"),
    )


def read_attributes(client: OktaClient, app_id: str) -> tuple[LiveAttribute, ...]:
    schema = client.get(f"/api/v1/meta/schemas/apps/{app_id}/default")
    custom = (((schema.get("definitions") or {}).get("custom") or {}).get("properties")) or {}
    return tuple(_attribute(name, body or {}) for name, body in custom.items())


def read_user_mapping(client: OktaClient, app_id: str) -> tuple[str | None, dict[str, str]]:
    """The Okta user -> app mapping: its id, and its expressions by app attribute."""
    for summary in client.iterate("/api/v1/mappings", {"targetId": app_id}):
        if ((summary.get("source") or {}).get("type")) == "user":
            mapping = client.get(f"/api/v1/mappings/{summary['id']}")
            properties = mapping.get("properties") or {}
            return str(summary["id"]), {
                name: str(body.get("expression"))
                for name, body in properties.items()
                if isinstance(body, dict) and body.get("expression")
            }
    return None, {}


def read_keys(client: OktaClient, app_id: str) -> tuple[LiveKey, ...]:
    keys = []
    for key in client.get_all(f"/api/v1/apps/{app_id}/credentials/keys"):
        chain = key.get("x5c") or []
        if key.get("kid") and chain:
            keys.append(LiveKey(kid=str(key["kid"]), certificate=str(chain[0]), expires_at=key.get("expiresAt")))
    return tuple(keys)


def read_org(client: OktaClient, sso_app_id: str, scim_app_id: str | None) -> LiveOrg:
    """Both apps as Okta holds them."""
    with documented_shapes(f"apps {sso_app_id}, {scim_app_id}"):
        return _read_org(client, sso_app_id, scim_app_id)


def _read_org(client: OktaClient, sso_app_id: str, scim_app_id: str | None) -> LiveOrg:
    sso = read_app(client, sso_app_id)
    # One app doing both (against Gainsight's advice) is read once; `adopt` reports it.
    scim = (sso if scim_app_id == sso_app_id else read_app(client, scim_app_id)) if scim_app_id else None
    mapping_id, mapping = read_user_mapping(client, scim.id) if scim else (None, {})
    return LiveOrg(
        base_url=client.base_url,
        sso=sso,
        scim=scim,
        attributes=read_attributes(client, scim.id) if scim else (),
        mapping=mapping,
        mapping_id=mapping_id,
        sso_keys=read_keys(client, sso.id),
    )
