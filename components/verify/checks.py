"""Compare the live org with a stack and list what is wrong: what `pulumi refresh` cannot see or cannot judge.

The provider hides a priority change to 0, cannot declare a custom app's provisioning actions, and an attribute
created before SCIM was switched on lacks the namespace that makes it reach Gainsight. Each finding names what to
look at; `verify` exits 1 when there is any.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from components.command_name import hint
from components.inputs.gainsight_schema import SCIM_NAMESPACE
from components.inputs.stack_inputs import StackInputs
from components.metadata.certificates import certificate_expiry
from components.okta.org import LiveApp, LiveOrg
from components.resources.attributes import OKTA_SCOPE
from components.resources.provisioning_check import REQUIRED_FEATURES
from components.resources.saml_app import declared_statements
from components.resources.urns import (
    ATTRIBUTE_TYPE,
    GROUP_ASSIGNMENT_TYPE,
    assignment_resource_name,
    attribute_resource_name,
    child_urn,
)
from components.verify.finding import Finding
from components.verify.people import live_grants, people_findings
from components.verify.statements import statement_findings

EXPIRY_WARNING_DAYS = 60


@dataclass(frozen=True)
class _App:
    """One app as the stack sees it: its live state, the groups the stack assigns to it, and how to name them."""

    live: LiveApp
    kind: str  # "sso" or "scim", as in the assignment resources' names
    declared: Sequence[str]
    stack: str

    @property
    def label(self) -> str:
        return f"{self.kind.upper()} app {self.live.label!r}"

    def writer(self, group: str) -> tuple[str, ...]:
        """The group's assignment resource, to refresh; none for a name `--target` would read as a glob."""
        if "*" in group:
            return ()
        return (child_urn(self.stack, GROUP_ASSIGNMENT_TYPE, assignment_resource_name(self.kind, group)),)


def _order(app: _App) -> list[Finding]:
    live_order = [a.group_name for a in app.live.by_priority() if a.group_name in app.declared]
    expected = [name for name in app.declared if name in live_order]
    if live_order != expected:
        return [
            Finding(
                "priority-order",
                app.label,
                f"groups are prioritised {', '.join(live_order)} in Okta; the stack says {', '.join(expected)}: put "
                "the order back in Okta (Assignments > Groups). A deploy does not: it would write the stack's numbers "
                "while Okta still holds the ones set by hand, and two groups sharing a priority has locked an app's "
                "assignments (provider #736)",
            )
        ]
    return []


def _assignment_presence(app: _App) -> list[Finding]:
    live = {assignment.group_name for assignment in app.live.assignments}
    findings = [
        Finding("missing-assignment", app.label, f"group {name!r} is not assigned in Okta", refresh=app.writer(name))
        for name in app.declared
        if name not in live
    ]
    # Nothing of the stack owns it: removing it would deactivate its members, so that stays a person's call.
    findings += [
        Finding(
            "manual-assignment",
            app.label,
            f"group {name!r} was assigned by hand (not in the stack): add it to the stack, or unassign it in Okta "
            "knowing that Okta then deactivates its members in Gainsight",
        )
        for name in sorted(live - set(app.declared))
    ]
    return findings


def _comparable(value: Any) -> Any:
    return sorted(value) if isinstance(value, list) else value


def _profiles(app: _App, inputs: StackInputs) -> list[Finding]:
    by_name = {assignment.group_name: assignment for assignment in app.live.assignments}
    declared_attributes = {attribute.name for attribute in inputs.attributes if attribute.is_group_scope}
    findings = []
    for group in inputs.groups:
        live = by_name.get(group.name)
        if live is None or not group.scim:
            continue
        relevant = {key: value for key, value in live.profile.items() if key in declared_attributes}
        for key in sorted(declared_attributes):
            want, have = group.profile.get(key), relevant.get(key)
            if _comparable(want) != _comparable(have):
                findings.append(
                    Finding(
                        "group-profile",
                        f"group {group.name!r}",
                        f"{key} is {have!r} in Okta; the stack says {want!r}",
                        refresh=app.writer(group.name),
                    )
                )
    return findings


def _attributes(org: LiveOrg, inputs: StackInputs, stack: str) -> list[Finding]:
    live = {attribute.name: attribute for attribute in org.attributes}
    declared = {attribute.name for attribute in inputs.attributes}
    # Okta returns each group-scoped attribute in every assignment's profile (null when unset): one the stack
    # does not declare makes the provider see a change in every preview (provider #669).
    findings = [
        Finding(
            "attribute",
            f"attribute {name!r}",
            "is in the SCIM app's Profile Editor but not in the stack: Okta returns it (as null) in every group "
            "assignment, so every preview shows a change; add it to the stack or delete it in Okta",
            "warning",
        )
        for name, attribute in sorted(live.items())
        if name not in declared and attribute.scope != "SELF"
    ]
    for attribute in inputs.attributes:
        found = live.get(attribute.name)
        subject = f"attribute {attribute.name!r}"
        if found is None:
            urn = child_urn(stack, ATTRIBUTE_TYPE, attribute_resource_name(attribute.name))
            findings.append(Finding("attribute", subject, "is not in the SCIM app's Profile Editor", refresh=(urn,)))
            continue
        if found.external_namespace != SCIM_NAMESPACE:
            findings.append(
                Finding(
                    "attribute",
                    subject,
                    f"external namespace is {found.external_namespace or 'empty'}, not Gainsight's: "
                    "Okta never sends it",
                )
            )
        if found.external_name != attribute.name:
            findings.append(
                Finding("attribute", subject, f"external name is {found.external_name!r}, not {attribute.name!r}")
            )
        if found.type != attribute.type:
            findings.append(
                Finding("attribute", subject, f"type is {found.type!r} in Okta, {attribute.type!r} in the stack")
            )
        if found.scope != OKTA_SCOPE[attribute.scope]:
            findings.append(
                Finding(
                    "attribute", subject, f"scope is {found.scope} in Okta, {OKTA_SCOPE[attribute.scope]} in the stack"
                )
            )
    return findings


def _provisioning(app: LiveApp) -> list[Finding]:
    enabled = set(app.features)
    missing = [label for feature, label in REQUIRED_FEATURES if feature not in enabled]
    if not missing:
        return []
    return [
        Finding(
            "provisioning",
            f"SCIM app {app.label!r}",
            f"not enabled under Provisioning > To App: {', '.join(missing)}"
            + ("" if enabled else " (no provisioning features at all: is Provisioning set to SCIM?)"),
        )
    ]


def _username(app: LiveApp, expected: str, label: str) -> list[Finding]:
    live = app.username_template.template
    if live != expected:
        return [Finding("username", label, f"app username template is {live!r} in Okta; the stack says {expected!r}")]
    return []


def _stated_expiry(expires_at: str | None) -> datetime.datetime | None:
    """The key's own `expiresAt` (ISO 8601), for when its certificate cannot be read."""
    try:
        return datetime.datetime.fromisoformat((expires_at or "").replace("Z", "+00:00"))
    except ValueError:
        return None


def _certificates(org: LiveOrg, inputs: StackInputs, now: datetime.datetime, stack: str) -> list[Finding]:
    findings = []
    wanted = inputs.settings.saml_app.signing_key_id
    if wanted and org.sso.signing_kid != wanted:
        findings.append(
            Finding(
                "signing-key",
                f"SSO app {org.sso.label!r}",
                f"signs with key {org.sso.signing_kid!r}; the stack says samlApp.signingKeyId {wanted!r}: run "
                f"`{hint('rotate-key', 'switch', '--stack', stack, '--confirm')}` once Gainsight has the new "
                "certificate",
            )
        )
    limit = now + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    active = next((key for key in org.sso_keys if key.kid == org.sso.signing_kid), None)
    if active is not None and certificate_expiry(active.certificate) is None:
        stated = _stated_expiry(active.expires_at)
        findings.append(
            Finding(
                "idp-certificate",
                f"SSO app {org.sso.label!r}",
                f"the active signing key (kid {active.kid}) holds no certificate that reads as X.509: Gainsight "
                "cannot check Okta's signatures with it; look at the app's Sign On tab"
                + (f" (the key's expiresAt: {stated:%Y-%m-%d})" if stated else ""),
            )
        )
    elif active is not None and (expires := certificate_expiry(active.certificate)) is not None and expires < limit:
        days = (expires - now).days
        findings.append(
            Finding(
                "idp-certificate",
                f"SSO app {org.sso.label!r}",
                f"the IdP signing certificate (kid {active.kid}) expires on {expires:%Y-%m-%d}, in {days} days: "
                f"rotate it in phases, starting with `{hint('rotate-key', 'generate', '--stack', stack, '--confirm')}`",
                "warning" if days > 0 else "error",
            )
        )
    for certificate in {*inputs.metadata.signing_certificates, *inputs.metadata.encryption_certificates}:
        if (expires := certificate_expiry(certificate)) is not None and expires < limit:
            findings.append(
                Finding(
                    "sp-certificate",
                    inputs.metadata.source,
                    f"a Gainsight (SP) certificate expires on {expires:%Y-%m-%d}: download metadata.xml again from "
                    "Gainsight when it renews",
                    "warning" if expires > now else "error",
                )
            )
    return findings


def verify(
    org: LiveOrg, inputs: StackInputs, now: datetime.datetime | None = None, stack: str = "NAME"
) -> list[Finding]:
    now = now or datetime.datetime.now(datetime.UTC)
    settings = inputs.settings
    findings: list[Finding] = []
    sso = _App(org.sso, "sso", [group.name for group in inputs.groups if group.sso], stack)
    sso_label = sso.label
    if sso.declared:
        findings += _assignment_presence(sso) + _order(sso)
    findings += _username(org.sso, settings.saml_app.app_username_template, sso_label)
    findings += statement_findings(org.sso.statements, declared_statements(inputs), sso_label, stack)
    if org.scim is not None:
        scim_label = f"SCIM app {org.scim.label!r}"
        if not org.scim.hidden:
            findings.append(Finding("hidden", scim_label, "is visible to users; hide it (its tile signs no one in)"))
        findings += _username(org.scim, settings.scim_app.app_username_template, scim_label)
        if inputs.provisioning_enabled:
            scim = _App(org.scim, "scim", [group.name for group in inputs.groups if group.scim], stack)
            findings += _provisioning(org.scim)
            findings += _assignment_presence(scim) + _order(scim)
            findings += _profiles(scim, inputs) + _attributes(org, inputs, stack)
            group_scoped = [attribute.name for attribute in inputs.attributes if attribute.is_group_scope]
            findings += people_findings(
                org.scim_users, group_scoped, scim_label, org.memberships, live_grants(org), org.push_failures
            )
    return findings + _certificates(org, inputs, now, stack)
