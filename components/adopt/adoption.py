"""Turn a Gainsight setup made by hand in Okta into this project's stack settings, and say what did not fit.

The settings are written so that the offline plan of the new stack declares what the org holds: the apps by
`importId`, groups by `id` (this stack never owns, renames or deletes a group it adopted), attributes and their
sources, assignments in the SCIM app's priority order with their profiles. Whatever the settings cannot express,
or that Gainsight's article and this project advise against, goes into the report instead of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from components.adopt.imports import import_document
from components.errors import InputError
from components.inputs.attributes import AttributeSettings, check_attributes
from components.inputs.gainsight_schema import IS_SUPER_ADMIN, LICENSE_TYPE, LICENSE_TYPES, SCIM_NAMESPACE, near_miss
from components.inputs.model_base import written_setting
from components.inputs.settings import NAME_ID_FORMATS, NAMESPACE, okta_name_id_format
from components.loopback import is_loopback
from components.metadata.sp_metadata import SpMetadata
from components.okta.org import LiveApp, LiveAttribute, LiveOrg

DEFAULT_STATEMENTS = [
    {"name": "email", "values": ["user.email"]},
    {"name": "firstName", "values": ["user.firstName"]},
    {"name": "lastName", "values": ["user.lastName"]},
]
UNSPECIFIED_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
TENANT_PLACEHOLDER = "https://CHANGE-ME.gainsightcloud.com"
CLIENT_ID_PLACEHOLDER = "CHANGE-ME-gainsight-oauth-client-id"


@dataclass
class AdoptReport:
    adopted: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # differs from what Gainsight and this project recommend
    not_expressed: list[str] = field(default_factory=list)  # live values the settings cannot hold
    to_set: list[str] = field(default_factory=list)  # values the org cannot tell; the user fills them in
    # Inputs the okta provider's import does not read back: after `pulumi import --file`, the first `pulumi up`
    # writes them as they are (measured in e2e scenario 9).
    not_read_back: list[str] = field(default_factory=list)


@dataclass
class Adoption:
    config: dict[str, Any]  # the `config:` section of the stack file
    report: AdoptReport
    import_document: dict[str, Any]  # `pulumi import --file` JSON


def _okta_keys(base_url: str) -> dict[str, str]:
    host = urlsplit(base_url).hostname or ""
    if not any(ch.isalpha() for ch in host.replace(".", "")):
        return {}  # an address, not acme.okta.com
    org, _, domain = host.partition(".")
    if org.endswith("-admin"):
        org = org.removesuffix("-admin")
    return {"okta:orgName": org, "okta:baseUrl": domain} if domain.count(".") >= 1 and org else {}


def _name_id_format(value: str | None) -> str | None:
    short = {full: name for name, full in NAME_ID_FORMATS.items()}
    spelled = okta_name_id_format(value) if value else value  # Okta returns either X.509 spelling as its own
    return short.get(spelled or "", spelled)


def _statements(app: LiveApp, report: AdoptReport) -> list[dict[str, Any]]:
    """The SSO app's statements as settings: Okta expressions, or (type GROUP) a filter on group names."""
    found = []
    for statement in app.statements:
        kind = (statement.type or "EXPRESSION").upper()
        entry: dict[str, Any] = {"name": statement.name}
        if kind == "GROUP":
            entry |= {"type": "group", "filterType": statement.filter_type, "filterValue": statement.filter_value}
        elif kind == "EXPRESSION":
            entry["values"] = list(statement.values or [])
        else:
            report.not_expressed.append(
                f"SSO app: attribute statement {statement.name!r} of type {kind!r}; not adopted"
            )
            continue
        if (statement.namespace or UNSPECIFIED_FORMAT) != UNSPECIFIED_FORMAT:
            entry["namespace"] = statement.namespace
        found.append(entry)
    return found


def _saml_app(org: LiveOrg, report: AdoptReport) -> dict[str, Any]:
    app, sign_on = org.sso, org.sso.sign_on
    settings: dict[str, Any] = {"label": app.label, "importId": app.id}
    if (name_id := _name_id_format(sign_on.subject_name_id_format)) is not None:
        settings["nameIdFormat"] = name_id
    if sign_on.subject_name_id_template:
        settings["userNameTemplate"] = sign_on.subject_name_id_template
    settings["appUsernameTemplate"] = app.username_template.template or "${source.login}"
    statements = _statements(app, report)
    if statements != DEFAULT_STATEMENTS:
        settings["attributeStatements"] = statements
    for key, value, default in (
        ("signatureAlgorithm", sign_on.signature_algorithm, "RSA_SHA256"),
        ("digestAlgorithm", sign_on.digest_algorithm, "SHA256"),
    ):
        if value and value != default:
            settings[key] = value
    if sign_on.honor_force_authn:
        settings["honorForceAuthn"] = True
    for key, value in (("responseSigned", sign_on.response_signed), ("assertionSigned", sign_on.assertion_signed)):
        if not value:
            report.not_expressed.append(f"SSO app: {key} is false in Okta; the first `pulumi up` signs it (true)")
    if sign_on.slo is not None and sign_on.slo.enabled is False:
        report.not_expressed.append("SSO app: single logout is off in Okta; the metadata's SLO URL switches it on")
    return settings


def _scim_app(org: LiveOrg, report: AdoptReport) -> dict[str, Any] | None:
    scim = org.scim
    if scim is None:
        return None
    if scim.id == org.sso.id:
        report.advice.append(
            f"the SSO app and the SCIM app are the same app ({scim.id}): Gainsight recommends two separate apps; "
            "this stack adopts it as the SSO app only. Create a SCIM app (leave --scim-app out and run `pulumi up`)"
        )
        return None
    if not scim.hidden:
        report.advice.append(
            f"the SCIM app {scim.label!r} is visible to users: hide it in Okta (its tile signs no one in). The stack "
            "leaves it as it is, frozen after the manual step, "
            f"unless {written_setting('scimApp.allowUpdate', 'true')} is set for one deploy"
        )
    provisioning = bool(scim.features)
    settings: dict[str, Any] = {
        "label": scim.label,
        "importId": scim.id,
        "provisioningEnabled": provisioning,
        "appUsernameTemplate": scim.username_template.template or "${source.login}",
    }
    if not provisioning:
        report.advice.append(
            f"the SCIM app {scim.label!r} has no provisioning features: switch it to SCIM by hand (the runbook)"
        )
    return settings


def _attribute(live: LiveAttribute, mapping: dict[str, str], report: AdoptReport) -> dict[str, Any] | None:
    name = live.name
    if (meant := near_miss(name)) is not None:
        report.advice.append(f"attribute {name!r}: Gainsight ignores it; it expects exactly {meant!r}. Not adopted")
        return None
    if live.type not in ("boolean", "string", "array"):
        report.not_expressed.append(f"attribute {name!r}: type {live.type!r} is not one Gainsight supports")
        return None
    if live.external_namespace != SCIM_NAMESPACE:
        report.advice.append(
            f"attribute {name!r} has no Gainsight namespace ({live.external_namespace or 'none'}): Okta never sends it "
            "to Gainsight (it was created before SCIM was switched on). The first `pulumi up` replaces it in the "
            "namespace; its group values are then sent again"
        )
    if live.external_name not in (None, name):
        report.not_expressed.append(
            f"attribute {name!r}: external name {live.external_name!r}; the stack uses the attribute's own name"
        )
    entry: dict[str, Any] = {"name": name, "type": live.type}
    if live.title and live.title != name:
        entry["title"] = live.title
    if live.description:
        entry["description"] = live.description
    if live.enum is not None:
        values = [str(value) for value in live.enum]
        if name == LICENSE_TYPE and (wrong := [v for v in values if v not in LICENSE_TYPES]):
            report.advice.append(
                f"attribute LicenseType lists {', '.join(map(repr, wrong))}, which Gainsight rejects; adopted "
                f"without them (Gainsight's values: {', '.join(LICENSE_TYPES)})"
            )
            values = [v for v in values if v in LICENSE_TYPES]
        entry["enum"] = values
    if live.scope == "SELF":
        entry["scope"] = "personal"
        if name in mapping:
            entry["source"] = mapping[name]
    if live.union and live.type == "array" and live.scope != "SELF":
        entry["union"] = True
    if name == IS_SUPER_ADMIN and live.type != "boolean":
        report.advice.append("attribute IsSuperAdmin must be a boolean for Gainsight; not adopted")
        return None
    return entry


def _not_read_back(live: tuple[LiveAttribute, ...], adopted: list[dict[str, Any]], report: AdoptReport) -> None:
    """What a refreshed preview after `pulumi import --file` shows as one-time updates, and why.

    resource_okta_app_user_custom_schema_property.go's Read never sets `user_type` and sets `union` only when
    the schema holds one (Okta leaves it out on a non-array); resource_okta_app_saml.go's Read never sets
    `skip_authentication_policy`. The program declares each (the provider's defaults), so each differs once.
    """
    names = {str(entry["name"]) for entry in adopted}
    attributes = [attribute for attribute in live if attribute.name in names]
    without_union = [attribute.name for attribute in attributes if not attribute.union_given]
    report.not_read_back.append("SSO app: skipAuthenticationPolicy (false)")
    if attributes:
        report.not_read_back.append(f"every attribute: userType ('default') ({', '.join(a.name for a in attributes)})")
    if without_union:
        report.not_read_back.append(f"attribute(s) {', '.join(without_union)}: union (false)")


def _valid_attributes(entries: list[dict[str, Any]], report: AdoptReport) -> list[dict[str, Any]]:
    """Keep what this project's own rules accept, so the written stack validates."""
    kept = []
    for entry in entries:
        try:
            check_attributes((AttributeSettings.model_validate(entry),), "adopt")
        except (InputError, ValueError) as exc:
            reason = exc.message if isinstance(exc, InputError) else str(exc).splitlines()[0]
            report.not_expressed.append(f"attribute {entry['name']!r}: {reason}; not adopted")
            continue
        kept.append(entry)
    return kept


def _groups(org: LiveOrg, attributes: list[dict[str, Any]], report: AdoptReport) -> list[dict[str, Any]]:
    group_scope = {a["name"] for a in attributes if a.get("scope", "group") == "group"}
    scim_order = org.separate_scim.by_priority() if org.separate_scim is not None else []
    sso_ids = {assignment.group_id for assignment in org.sso.assignments}
    entries: list[dict[str, Any]] = []
    for assignment in scim_order:
        profile = {}
        for key, value in assignment.profile.items():
            if key in group_scope:
                profile[key] = value
            else:
                report.not_expressed.append(
                    f"group {assignment.group_name!r}: {key}={value!r} on the SCIM app is not a declared "
                    "group-scope attribute; the first `pulumi up` drops it"
                )
        entry: dict[str, Any] = {"name": assignment.group_name, "id": assignment.group_id}
        if profile:
            entry["profile"] = profile
        if assignment.group_id not in sso_ids:
            entry["sso"] = False
        entries.append(entry)
    scim_ids = {assignment.group_id for assignment in scim_order}
    for assignment in org.sso.by_priority():
        if assignment.group_id not in scim_ids:
            entries.append({"name": assignment.group_name, "id": assignment.group_id, "scim": False})
    sso_order = [a.group_id for a in org.sso.by_priority()]
    stack_sso_order = [e["id"] for e in entries if e.get("sso", True)]
    if sso_order != stack_sso_order:
        report.not_expressed.append(
            "SSO app: its groups' priority order differs from the SCIM app's; the stack orders both apps alike "
            "(the SSO app sends no group values, so sign-in is unaffected)"
        )
    return entries


def _metadata_checks(org: LiveOrg, metadata: SpMetadata, report: AdoptReport) -> None:
    sign_on = org.sso.sign_on
    if sign_on.audience != metadata.entity_id:
        report.not_expressed.append(
            f"SSO app: audience {sign_on.audience!r} in Okta, {metadata.entity_id!r} in the metadata: the "
            "first `pulumi up` changes it to the metadata's (is this the right metadata.xml?)"
        )
    if sign_on.sso_acs_url != metadata.default_acs_url:
        report.not_expressed.append(
            f"SSO app: single sign-on URL {sign_on.sso_acs_url!r} in Okta, {metadata.default_acs_url!r} in "
            "the metadata: the first `pulumi up` changes it to the metadata's"
        )


def adopt(
    org: LiveOrg,
    metadata: SpMetadata,
    metadata_file: str,
    *,
    tenant_url: str | None = None,
    oauth_client_id: str | None = None,
) -> Adoption:
    report = AdoptReport()
    config: dict[str, Any] = dict(_okta_keys(org.base_url))
    if not config and is_loopback(urlsplit(org.base_url).hostname or ""):
        # A loopback org (the emulator): the okta provider reaches it as its httpProxy, and so do this tool's
        # commands (okta.credentials.org_url), so that what the tool prints next runs as printed.
        config["okta:httpProxy"] = org.base_url
    elif not config:
        report.to_set.append("okta:orgName and okta:baseUrl: the org's address did not say them")
    config[f"{NAMESPACE}:tenantUrl"] = tenant_url or TENANT_PLACEHOLDER
    if not tenant_url:
        report.to_set.append("gainsight-okta:tenantUrl: your Gainsight tenant (Okta does not know it)")
    config[f"{NAMESPACE}:metadataFile"] = metadata_file
    config[f"{NAMESPACE}:protect"] = True  # an adopted setup is somebody's production until they say otherwise
    config[f"{NAMESPACE}:samlApp"] = _saml_app(org, report)
    scim = _scim_app(org, report)
    provisioning = bool(scim and scim["provisioningEnabled"])
    if scim is not None:
        config[f"{NAMESPACE}:scimApp"] = scim
    if provisioning:
        config[f"{NAMESPACE}:oauthClientId"] = oauth_client_id or CLIENT_ID_PLACEHOLDER
        if not oauth_client_id:
            report.to_set.append(
                "gainsight-okta:oauthClientId: the Client ID of the Gainsight OAuth application (Okta does not show it)"
            )
    entries = [entry for live in org.attributes if (entry := _attribute(live, org.mapping, report)) is not None]
    attributes = _valid_attributes(entries, report)
    if attributes:
        config[f"{NAMESPACE}:attributes"] = attributes
    groups = _groups(org, attributes, report)
    if groups:
        config[f"{NAMESPACE}:groups"] = groups
    _metadata_checks(org, metadata, report)
    assignments = (*org.sso.assignments, *(org.scim.assignments if org.scim else ()))
    if any(assignment.priority == 0 for assignment in assignments):
        report.not_expressed.append(
            "group priorities: Okta numbers hand-made assignments from 0, which the okta provider cannot send; the "
            "first `pulumi up` renumbers them 10, 20, 30... in the same order (no change for Gainsight)"
        )
    _not_read_back(org.attributes, attributes, report)
    report.adopted.append(f"SSO app {org.sso.label!r} ({org.sso.id}), by importId")
    if scim is not None:
        report.adopted.append(f"SCIM app {scim['label']!r} ({scim['importId']}), by importId")
    report.adopted.append(f"{len(attributes)} attribute(s), {len(groups)} group(s) by id")
    return Adoption(config=config, report=report, import_document=import_document(org, attributes, org.mapping_id))
