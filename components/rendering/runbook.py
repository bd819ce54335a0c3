"""The values the runbook and reports are rendered from: settings, metadata and, when known, the stack's outputs.

Values only Okta can know (the SCIM app's internal name, the IdP certificate) come from the outputs of
`pulumi stack output --json`; until then each is a placeholder naming the command that fills it in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.inputs.gainsight_schema import GAINSIGHT_KINDS, SCIM_NAMESPACE
from components.inputs.stack_inputs import StackInputs
from components.metadata.certificates import pem
from components.rendering.manual_step import held_back

OUTPUT_KEYS = (
    "ssoAppId",
    "ssoAppName",
    "idpSsoUrl",
    "idpEntityId",
    "idpMetadataUrl",
    "idpCertificate",
    "scimAppId",
    "scimAppName",
    "idpSigningKeyId",
    "idpNextCertificate",
)
_NOT_VALUES = {"", "[secret]", "(known after apply)"}
CLIENT_ID_PLACEHOLDER = "<Client ID of the Gainsight OAuth application, from step 2>"


def placeholder(key: str) -> str:
    return f"<run: pulumi stack output {key}>"


def known_outputs(outputs: Mapping[str, Any] | None) -> dict[str, str]:
    """The usable string outputs; secrets (shown as [secret]) and unknowns count as missing."""
    return {
        key: value
        for key, value in (outputs or {}).items()
        if key in OUTPUT_KEYS and isinstance(value, str) and value.strip() not in _NOT_VALUES
    }


def _pem(certificate: str) -> str:
    # A placeholder, or a certificate already armored, is shown as it is.
    return certificate if certificate.startswith("<") or "BEGIN CERTIFICATE" in certificate else pem(certificate)


def _allowed(kind: str, enum: list[str] | None) -> str:
    if kind == "boolean":
        return "true, false"
    return ", ".join(enum) if enum else "any text"


def _fields(inputs: StackInputs) -> list[dict[str, Any]]:
    return [
        {
            "name": attribute.name,
            "title": attribute.display_title,
            "kind": GAINSIGHT_KINDS[(attribute.type, attribute.enum is not None)],
            "allowed": _allowed(attribute.type, attribute.enum),
            "scope": "Group" if attribute.is_group_scope else "Personal",
        }
        for attribute in inputs.attributes
    ]


def runbook_context(inputs: StackInputs, stack: str, outputs: Mapping[str, Any] | None = None) -> dict[str, Any]:
    known = known_outputs(outputs)
    settings = inputs.settings
    tenant = settings.tenant_url

    def value(key: str) -> str:
        return known.get(key) or placeholder(key)

    admin_host = inputs.okta.admin_host or "system-admin.<okta domain: set okta:baseUrl>"
    scim_app_name = value("scimAppName")
    redirect_uri = f"https://{admin_host}/admin/app/cpc/{scim_app_name}/oauth/callback"
    admin_console = (
        f"https://{inputs.okta.org_name}-admin.{inputs.okta.base_url}"
        if inputs.okta.org_name and inputs.okta.base_url
        else "your Okta Admin Console"
    )
    check = (outputs or {}).get("provisioningCheck")
    client_id = settings.oauth_client_id or CLIENT_ID_PLACEHOLDER
    return {
        "stack": stack,
        "source": inputs.source,
        # The repository's program names its stack file and the CLI's commands; another program's component
        # names its args, and what a consumer can do (`pulumi up`, the runbook output, the Admin Console).
        "from_stack_file": inputs.from_stack_file,
        "where": f"`{inputs.source}`" if inputs.from_stack_file else f"the args of {inputs.source}",
        "key": inputs.key,
        "setting": inputs.setting,
        "metadata_file": inputs.metadata.source,
        "entity_id": inputs.metadata.entity_id,
        "tenant_url": tenant,
        "scim_base_url": f"{tenant}/v1/users/services/scim",
        "token_url": f"{tenant}/v1/users/oauth/access/token",
        "authorize_url": f"{tenant}/v1/authorize?clientId={client_id}&redirectUri={redirect_uri}&scopes=read_write",
        "redirect_uri": redirect_uri,
        "client_id": client_id,
        "client_id_known": settings.oauth_client_id is not None,
        "admin_console": admin_console,
        "sso_label": settings.saml_app.label,
        "scim_label": settings.scim_app.label,
        "scim_app_name": scim_app_name,
        # An adopted stack knows its apps' ids before any `pulumi up`: they are imported, not created.
        "scim_app_id": known.get("scimAppId") or settings.scim_app.import_id or placeholder("scimAppId"),
        "imported_ids": [i for i in (settings.saml_app.import_id, settings.scim_app.import_id) if i is not None],
        "idp_sso_url": value("idpSsoUrl"),
        "idp_entity_id": value("idpEntityId"),
        "idp_metadata_url": value("idpMetadataUrl"),
        "idp_certificate": _pem(value("idpCertificate")),
        "fields": _fields(inputs),
        "namespace": SCIM_NAMESPACE,
        "provisioning_enabled": inputs.provisioning_enabled,
        "held_back": held_back(inputs),
        "check": check if isinstance(check, dict) else None,
        "next_key": settings.saml_app.signing_key_id,
        "next_certificate": _pem(value("idpNextCertificate")),
        "active_key": known.get("idpSigningKeyId"),
        "has_placeholders": any(key not in known for key in ("scimAppName", "idpSsoUrl", "idpCertificate")),
    }
