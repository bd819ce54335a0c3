"""Okta's documents about people: a user as a group's member list or a user look-up gives it, and a group with
its member count (Okta's OpenAPI `User` and `Group` with `expand=stats`; the okta SDK's models of those names)."""

from __future__ import annotations

from pydantic import Field

from components.okta.models.base import OktaDocument, OktaId, ServerText


class UserProfile(OktaDocument):
    login: ServerText


class DirectoryUser(OktaDocument):
    """`status`: ACTIVE, PROVISIONED, SUSPENDED, DEPROVISIONED, ... (Okta's `UserStatus`)."""

    id: OktaId
    status: ServerText | None = None
    profile: UserProfile


class GroupStats(OktaDocument):
    users_count: int | None = Field(None, alias="usersCount")


class EmbeddedStats(OktaDocument):
    stats: GroupStats | None = None


class CountedGroup(OktaDocument):
    id: OktaId
    embedded: EmbeddedStats | None = Field(None, alias="_embedded")

    @property
    def users_count(self) -> int | None:
        stats = self.embedded.stats if self.embedded else None
        return stats.users_count if stats else None
