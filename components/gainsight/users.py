"""Gainsight's SCIM users as scim2-models reads them, and the few values the comparison with Okta uses.

Gainsight's custom fields are in its own extension (`urn:ietf:params:scim:schemas:extension:gainsight:2.0:User`,
inputs/gainsight_schema.py); SCIM attribute names are case-insensitive (RFC 7643 §2.1), so `LicenseType` and
`IsSuperAdmin` are read whatever their case. The types are strict, as the Okta documents' are: `"true"` is not a
boolean, and a response that says it is refused rather than guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Strict
from scim2_models import URN, Extension, ResourceType, ScimProvider, User

from components.errors import InputError, key_path
from components.gainsight.refusals import SOURCE
from components.inputs.gainsight_schema import IS_SUPER_ADMIN, LICENSE_TYPE, SCIM_NAMESPACE
from components.printable import printable


class GainsightExtension(Extension):
    __schema__ = URN(SCIM_NAMESPACE)

    license_type: Annotated[str | None, Strict()] = None
    is_super_admin: Annotated[bool | None, Strict()] = None


class StrictUser(User):
    """RFC 7643's User, with the two attributes read here taken strictly."""

    user_name: Annotated[str | None, Strict()] = None
    active: Annotated[bool | None, Strict()] = None


SCIM_USER = StrictUser[GainsightExtension]
# What the client knows of the server: one resource type, /Users, carrying Gainsight's extension.
PROVIDER = ScimProvider(models=[StrictUser, GainsightExtension], resource_types=[ResourceType.from_resource(SCIM_USER)])


@dataclass(frozen=True)
class GainsightUser:
    user_name: str
    active: bool
    license_type: str | None
    is_super_admin: bool | None

    @property
    def key(self) -> str:
        """How users are matched with Okta's app users: userName without case (RFC 7643 §4.1.1: caseExact false)."""
        return self.user_name.casefold()


def gainsight_user(resource: Any, where: str, index: int) -> GainsightUser:
    """One user of a list response; an error names its position when it lacks what the comparison needs."""
    if not isinstance(resource, SCIM_USER):
        raise InputError(SOURCE, where, f"Resources[{index}] is not a User")
    if not resource.user_name:
        raise InputError(SOURCE, where, f"Resources[{index}].userName is missing")
    if resource.active is None:
        # RFC 7643 gives `active` no default: a guess either way would report people wrongly.
        raise InputError(SOURCE, where, f"Resources[{index}].active is missing")
    extension = resource[GainsightExtension]
    license_type = extension.license_type if extension else None
    return GainsightUser(
        user_name=printable(resource.user_name),
        active=resource.active,
        license_type=printable(license_type) if license_type is not None else None,
        is_super_admin=extension.is_super_admin if extension else None,
    )


def attribute_path(location: tuple[int | str, ...]) -> str:
    """A pydantic error location in the words of the response: `Resources[0].<extension>.IsSuperAdmin`."""
    names = {"license_type": LICENSE_TYPE, "is_super_admin": IS_SUPER_ADMIN, "licenseType": LICENSE_TYPE,
             "isSuperAdmin": IS_SUPER_ADMIN}  # fmt: skip
    parts = (part if isinstance(part, int) else names.get(str(part), str(part).strip("`")) for part in location)
    return key_path(parts) or "(the document)"
