"""One person as Okta holds them, for `explain --user LOGIN --live`: their groups that reach each app in priority
order, which group sets each Gainsight value (Okta's rules: components.inputs.people_rules), and the values Okta
holds on their SCIM app user."""

from __future__ import annotations

from dataclasses import dataclass

from components.inputs.people_rules import Grant, Received, received
from components.okta.client import OktaClient
from components.okta.models.directory import AppUser
from components.okta.org import LiveAssignment, read_app, read_attributes
from components.okta.people import read_app_user, read_user, read_user_group_ids


@dataclass(frozen=True)
class LivePerson:
    login: str
    status: str | None
    sso_groups: tuple[LiveAssignment, ...]  # priority order
    scim_groups: tuple[LiveAssignment, ...]
    values: dict[str, Received]  # what the SCIM app's groups give them, by Okta's rules
    app_user: AppUser | None  # what Okta holds on the SCIM app (None: not assigned)

    @property
    def gainsight_user_name(self) -> str:
        """Gainsight's `userName` is the SCIM app's username for them (by default their email)."""
        return self.app_user.login if self.app_user is not None else self.login


def read_person(client: OktaClient, login: str, sso_id: str, scim_id: str) -> LivePerson:
    user = read_user(client, login)
    groups = read_user_group_ids(client, user.id)
    sso = read_app(client, sso_id)
    scim = sso if scim_id == sso_id else read_app(client, scim_id)
    scim_groups = tuple(a for a in scim.by_priority() if a.group_id in groups)
    unions = {a.name: a.union for a in read_attributes(client, scim_id) if a.scope != "SELF"}
    grants = [Grant(a.group_id, a.group_name, a.profile) for a in scim_groups]
    return LivePerson(
        login=user.profile.login,
        status=user.status,
        sso_groups=tuple(a for a in sso.by_priority() if a.group_id in groups),
        scim_groups=scim_groups,
        values=received(grants, unions),
        app_user=read_app_user(client, scim_id, user.id),
    )
