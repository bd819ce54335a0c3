"""The stack settings (namespace `gainsight-okta`), typed and validated before anything is declared."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.alias_generators import to_camel

NAMESPACE = "gainsight-okta"

NAME_ID_FORMATS = {
    "unspecified": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    "emailAddress": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    "x509SubjectName": "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName",
    "persistent": "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    "transient": "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
}
_OKTA_APP_ID = re.compile(r"^0oa[0-9A-Za-z]{10,30}$")


def _strict_bool(value: Any) -> Any:
    # Pulumi hands booleans to the program as "true"/"false"; YAML gives real booleans. Nothing else
    # ("yes", "1", "on") is accepted, so a typo cannot quietly switch protection off.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError("must be true or false")


def _tenant_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"{value!r} must be an https:// origin such as https://acme.gainsightcloud.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"{value!r} must be the tenant origin only, with no path, query or credentials")
    return f"https://{parts.netloc.lower()}"


def _name_id_format(value: str) -> str:
    if value in NAME_ID_FORMATS:
        return NAME_ID_FORMATS[value]
    if value in NAME_ID_FORMATS.values():
        return value
    raise ValueError(f"{value!r} is not a SAML NameID format; use one of {', '.join(NAME_ID_FORMATS)}")


def _okta_template(value: str) -> str:
    if "${" not in value or "}" not in value:
        raise ValueError(f"{value!r} must be an Okta expression template such as ${{user.email}}")
    return value


def _okta_app_id(value: str) -> str:
    if not _OKTA_APP_ID.match(value):
        raise ValueError(f"{value!r} is not an Okta app id (it starts with 0oa, e.g. 0oa1b2c3d4e5f6g7h8i9)")
    return value


def _no_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if value != value.strip() or any(ch.isspace() for ch in value):
        raise ValueError(f"{value!r} must not contain spaces")
    return value


def _label(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if len(value) > 100:
        raise ValueError("must be at most 100 characters (Okta's limit for app labels)")
    return value.strip()


StrictBool = Annotated[bool, BeforeValidator(_strict_bool)]
Label = Annotated[str, AfterValidator(_label)]
OktaAppId = Annotated[str, AfterValidator(_okta_app_id)]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=to_camel, populate_by_name=True, strict=False
    )


class SamlAppSettings(_Model):
    label: Label = "Gainsight"
    name_id_format: Annotated[str, AfterValidator(_name_id_format)] | None = None
    user_name_template: Annotated[str, AfterValidator(_okta_template)] = "${user.email}"
    import_id: OktaAppId | None = None


class ScimAppSettings(_Model):
    label: Label = "Gainsight SCIM Integration"
    provisioning_enabled: StrictBool = False
    import_id: OktaAppId | None = None


class Settings(_Model):
    """Everything under `gainsight-okta:` in Pulumi.<stack>.yaml."""

    tenant_url: Annotated[str, AfterValidator(_tenant_url)]
    metadata_file: Annotated[str, AfterValidator(_no_blank)]
    oauth_client_id: Annotated[str, AfterValidator(_no_blank)]
    protect: StrictBool = False
    saml_app: SamlAppSettings = Field(default_factory=SamlAppSettings)
    scim_app: ScimAppSettings = Field(default_factory=ScimAppSettings)
    # Typed by the attributes-and-groups work; accepted as-is until then.
    attributes: list[Any] = Field(default_factory=list)
    groups: list[Any] = Field(default_factory=list)

    def metadata_path(self, project_root: Path) -> Path:
        path = Path(self.metadata_file).expanduser()
        return path if path.is_absolute() else project_root / path


class OktaSettings(_Model):
    """The few `okta:` provider keys the program reads (never the API token)."""

    org_name: str | None = None
    base_url: str | None = None
