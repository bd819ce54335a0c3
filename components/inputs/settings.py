"""The stack settings (namespace `gainsight-okta`), typed and validated before anything is declared."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StrictStr, model_validator
from pydantic_core import PydanticCustomError

from components.inputs.attribute_statements import AttributeStatementSettings
from components.inputs.attributes import AttributeSettings
from components.inputs.groups import GroupSettings
from components.inputs.model_base import SettingsModel, StrictBool, Text

NAMESPACE = "gainsight-okta"

NAME_ID_FORMATS = {
    "unspecified": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    "emailAddress": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    # Okta's spelling (its OpenAPI spec's subjectNameIdFormat enum; the okta SDK refuses the SAML spec's X509…).
    "x509SubjectName": "urn:oasis:names:tc:SAML:1.1:nameid-format:x509SubjectName",
    "persistent": "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    "transient": "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
}
# Other spellings of the same formats, as the SAML 2.0 spec (and so Gainsight's metadata) writes them.
_OTHER_SPELLINGS = {"urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName": NAME_ID_FORMATS["x509SubjectName"]}


def okta_name_id_format(value: str) -> str:
    """A NameID format URN as Okta spells it (the X.509 one with a small x); others unchanged."""
    return _OTHER_SPELLINGS.get(value, value)


_OKTA_APP_ID = re.compile(r"^0oa[0-9A-Za-z]{10,30}$")
_OKTA_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
_OKTA_ORG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")


_HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")


def checked_tenant_url(value: str) -> str:
    """A Gainsight tenant URL, as a stack file's `tenantUrl` is checked (ValueError says what is wrong), for a
    command's own flag, before it reads anything."""
    return _tenant_url(value)


def _tenant_url(value: str) -> str:
    example = "an https:// origin such as https://acme.gainsightcloud.com"
    text = value.strip()
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise ValueError(f"{value!r} must be {example}, with no spaces")
    try:
        parts = urlsplit(text)
        port = parts.port  # raises on a port that is not a number from 0 to 65535
    except ValueError:
        raise ValueError(f"{value!r} must be {example}; its port is not a number from 1 to 65535") from None
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"{value!r} must be {example}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"{value!r} must be the tenant origin only, with no path, query or credentials")
    # Only a plain host name: percent-encoding, `;`, backticks or `|` would also break the runbook's tables.
    if not _HOST_NAME.match(parts.hostname):
        raise ValueError(f"{value!r} must be {example}; {parts.hostname!r} is not a plain host name")
    if port == 0:
        raise ValueError(f"{value!r} must be {example}; its port is not a number from 1 to 65535")
    return f"https://{parts.hostname}" + (f":{port}" if port not in (None, 443) else "")


def _name_id_format(value: str) -> str:
    if value in NAME_ID_FORMATS:
        return NAME_ID_FORMATS[value]
    if okta_name_id_format(value) in NAME_ID_FORMATS.values():
        return okta_name_id_format(value)
    raise ValueError(f"{value!r} is not a SAML NameID format; use one of {', '.join(NAME_ID_FORMATS)}")


def _okta_template(value: str) -> str:
    if "${" not in value or "}" not in value:
        raise ValueError(f"{value!r} must be an Okta expression template such as ${{user.email}}")
    return value


_TEMPLATE_EXPRESSION = re.compile(r"\$\{([^${}]+)\}")


def _app_username_template(value: str) -> str:
    """An Okta app username template: `${...}` expressions over `source` (the Okta user), e.g. ${source.email}."""
    expressions = _TEMPLATE_EXPRESSION.findall(value)
    leftover = _TEMPLATE_EXPRESSION.sub("", value)
    if not expressions or "${" in leftover or "}" in leftover:
        raise ValueError(f"{value!r} must be an Okta username template such as ${{source.email}}")
    if not any("source." in expression for expression in expressions):
        raise ValueError(f"{value!r} must refer to the Okta user as `source`, e.g. ${{source.email}}")
    return value


def okta_app_id(value: str) -> str:
    if not _OKTA_APP_ID.match(value):
        raise ValueError(f"{value!r} is not an Okta app id (it starts with 0oa, e.g. 0oa1b2c3d4e5f6g7h8i9)")
    return value


def _no_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if value != value.strip() or any(ch.isspace() for ch in value):
        raise ValueError(f"{value!r} must not contain spaces")
    return value


def _file_path(value: str) -> str:
    # Spaces inside are fine (`metadata (1).xml` is what browsers save); at either end they are a typo.
    if not value.strip():
        raise ValueError("must not be empty")
    if value != value.strip():
        raise ValueError(f"{value!r} must not start or end with spaces")
    return value


def _label(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if len(value) > 100:
        raise ValueError("must be at most 100 characters (Okta's limit for app labels)")
    return value.strip()


Label = Annotated[Text, AfterValidator(_label)]
OktaAppId = Annotated[str, AfterValidator(okta_app_id)]


# Okta's app username: what Okta sends Gainsight as the SCIM `userName` (the SCIM app) and what the app
# user is known by (the SSO app). Declared, so the provider's `${source.login}` default never applies.
DEFAULT_APP_USERNAME = "${source.email}"
AppUsernameTemplate = Annotated[Text, AfterValidator(_app_username_template)]


class SamlAppSettings(SettingsModel):
    label: Label = "Gainsight"
    name_id_format: Annotated[str, AfterValidator(_name_id_format)] | None = None
    # The SAML NameID value (Okta's "Name ID template"), sent at sign-in by both apps. Not the app username.
    user_name_template: Annotated[Text, AfterValidator(_okta_template)] = "${user.email}"
    app_username_template: AppUsernameTemplate = DEFAULT_APP_USERNAME
    import_id: OktaAppId | None = None
    # For apps made by hand (`adopt` writes what the org holds); new stacks keep the defaults.
    attribute_statements: list[AttributeStatementSettings] | None = None  # default: email, firstName, lastName
    signature_algorithm: Literal["RSA_SHA256", "RSA_SHA1"] = "RSA_SHA256"
    digest_algorithm: Literal["SHA256", "SHA1"] = "SHA256"
    honor_force_authn: StrictBool = False  # Okta's app wizard sets it; the provider's default is false
    # The kid the SSO app should sign with: the reviewed switch of a certificate rotation (`rotate-key switch`).
    signing_key_id: Annotated[Text, AfterValidator(_no_blank)] | None = None


class ScimAppSettings(SettingsModel):
    label: Label = "Gainsight SCIM Integration"
    provisioning_enabled: StrictBool = False
    # After the manual step the SCIM app is frozen (an update may reset its provisioning): true lifts the freeze
    # for the deploys that need it, then set it back.
    allow_update: StrictBool = False
    app_username_template: AppUsernameTemplate = DEFAULT_APP_USERNAME
    import_id: OktaAppId | None = None


class IntegrationSettings(SettingsModel):
    """What the integration is made of, said the same way by a stack file and by the component's args."""

    tenant_url: Annotated[Text, AfterValidator(_tenant_url)]
    # Issued by the Gainsight OAuth application, whose callback needs the SCIM app's Okta name, which exists
    # only after the first `pulumi up`: so it is needed only once provisioning is switched on.
    oauth_client_id: Annotated[Text, AfterValidator(_no_blank)] | None = None
    protect: StrictBool = False
    saml_app: SamlAppSettings = Field(default_factory=SamlAppSettings)
    scim_app: ScimAppSettings = Field(default_factory=ScimAppSettings)
    attributes: list[AttributeSettings] = Field(default_factory=list)
    groups: list[GroupSettings] = Field(default_factory=list)  # in priority order: the first wins (Okta priority 1)

    @model_validator(mode="after")
    def _client_id_once_provisioning_is_on(self) -> IntegrationSettings:
        if self.scim_app.provisioning_enabled and self.oauth_client_id is None:
            raise PydanticCustomError(
                "client_id_needed",
                "is required once scimApp.provisioningEnabled is true: the Client ID of the Gainsight OAuth "
                "application (the runbook's step 2 creates it)",
                {"at": "oauthClientId"},
            )
        return self


class Settings(IntegrationSettings):
    """Everything under `gainsight-okta:` in Pulumi.<stack>.yaml."""

    metadata_file: Annotated[Text, AfterValidator(_file_path)]
    # Gainsight's SCIM API, read by `verify` and `explain --user --live` once GAINSIGHT_CLIENT_ID and _SECRET are
    # set; checked where used (components.gainsight.endpoints): default https://<tenant>/v1/users/...
    gainsight_token_url: Text | None = None
    gainsight_scim_url: Text | None = None

    def metadata_path(self, project_root: Path) -> Path:
        path = Path(self.metadata_file).expanduser()
        return path if path.is_absolute() else project_root / path


class ComponentSettings(IntegrationSettings):
    """The args of the `GainsightOkta` component (components/inputs/component_args.py): the metadata as text, so
    a program need not share a file system with the component package that runs it."""

    metadata_xml: StrictStr  # XML text: newlines and tabs are its own


def _okta_base_url(value: str) -> str:
    domain = value.strip().lower()
    if not _OKTA_DOMAIN.match(domain):
        raise ValueError(
            f"{value!r} must be the domain after your org name, such as okta.com, oktapreview.com or okta-emea.com"
        )
    return domain


def _okta_org_name(value: str) -> str:
    if not _OKTA_ORG.match(value.strip()):
        raise ValueError(f"{value!r} must be the org name only, e.g. acme for acme.okta.com")
    return value.strip()


class OktaSettings(SettingsModel):
    """The few `okta:` provider keys the program reads (never the API token)."""

    org_name: Annotated[str, AfterValidator(_okta_org_name)] | None = None
    base_url: Annotated[str, AfterValidator(_okta_base_url)] | None = None
    # The provider's proxy, which it also takes as the org's address: a loopback org (the emulator) has no names.
    http_proxy: str | None = None

    @property
    def admin_host(self) -> str | None:
        """Okta's admin host for the org's cell, where the SCIM OAuth callback lands."""
        return f"system-admin.{self.base_url}" if self.base_url else None
