"""Okta's documents around an app: its group assignments and groups, its user schema, its profile mappings and
its signing keys (Okta's OpenAPI `ApplicationGroupAssignment`, `Group`, `UserSchema`, `ProfileMapping`,
`JsonWebKey`; the okta SDK's models of the same names)."""

from __future__ import annotations

from pydantic import Field

from components.okta.models.base import Certificate, KeyId, OktaDocument, OktaId, ServerJson, ServerText


class GroupProfile(OktaDocument):
    name: ServerText
    description: ServerText | None = None


class OktaGroup(OktaDocument):
    id: OktaId
    profile: GroupProfile


class EmbeddedGroup(OktaDocument):
    group: OktaGroup | None = None


class AppGroup(OktaDocument):
    """An assignment; its profile holds the group values, JSON of any kind (Okta sends unset ones as null)."""

    id: OktaId
    priority: int | None = None
    profile: dict[ServerText, ServerJson] | None = None
    embedded: EmbeddedGroup | None = Field(None, alias="_embedded")


class ArrayItems(OktaDocument):
    type: ServerText | None = None
    enum: list[ServerJson] | None = None


class SchemaProperty(OktaDocument):
    title: ServerText | None = None
    type: ServerText | None = None
    items: ArrayItems | None = None
    enum: list[ServerJson] | None = None
    scope: ServerText | None = None
    union: ServerText | None = None
    external_name: ServerText | None = Field(None, alias="externalName")
    external_namespace: ServerText | None = Field(None, alias="externalNamespace")
    description: ServerText | None = None


class SchemaSection(OktaDocument):
    properties: dict[ServerText, SchemaProperty] | None = None


class SchemaDefinitions(OktaDocument):
    custom: SchemaSection | None = None


class AppUserSchema(OktaDocument):
    definitions: SchemaDefinitions | None = None

    @property
    def custom_properties(self) -> dict[str, SchemaProperty]:
        custom = self.definitions.custom if self.definitions else None
        return (custom.properties if custom else None) or {}


class MappingEnd(OktaDocument):
    id: OktaId | None = None
    type: ServerText | None = None


class MappingSummary(OktaDocument):
    id: OktaId
    source: MappingEnd | None = None


class MappingProperty(OktaDocument):
    expression: ServerText | None = None


class ProfileMapping(OktaDocument):
    id: OktaId
    properties: dict[ServerText, MappingProperty | None] | None = None


class AppKey(OktaDocument):
    kid: KeyId
    x5c: list[Certificate] | None = None  # base64 DER
    expires_at: ServerText | None = Field(None, alias="expiresAt")


class AppUserCredentials(OktaDocument):
    user_name: ServerText | None = Field(None, alias="userName")


class AppUser(OktaDocument):
    """A user of an app: `scope` USER (assigned individually) or GROUP, its push state to the app, its profile."""

    id: OktaId
    scope: ServerText | None = None
    status: ServerText | None = None
    sync_state: ServerText | None = Field(None, alias="syncState")
    last_sync: ServerText | None = Field(None, alias="lastSync")
    credentials: AppUserCredentials | None = None
    profile: dict[ServerText, ServerJson] | None = None

    @property
    def login(self) -> str:
        return (self.credentials.user_name if self.credentials else None) or self.id
