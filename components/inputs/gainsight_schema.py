"""What Gainsight's SCIM API expects of custom fields: the namespace, the fields it knows by name, its defaults."""

from __future__ import annotations

import re

SCIM_NAMESPACE = "urn:ietf:params:scim:schemas:extension:gainsight:2.0:User"

IS_SUPER_ADMIN = "IsSuperAdmin"
LICENSE_TYPE = "LicenseType"
LICENSE_TYPES = ("Full", "Viewer", "Viewer_Analytics")
KNOWN_FIELDS = {IS_SUPER_ADMIN: "boolean", LICENSE_TYPE: "string"}

# What Gainsight does when a field is not sent: said in `explain` so nobody has to look it up.
GAINSIGHT_DEFAULTS = {
    LICENSE_TYPE: "no LicenseType: Gainsight assigns the Internal Collaborator license",
    IS_SUPER_ADMIN: "no IsSuperAdmin: the user is not a super admin",
}

# Gainsight's four supported kinds, as (attribute type, has enum) -> name.
GAINSIGHT_KINDS = {
    ("boolean", False): "Boolean",
    ("string", False): "String",
    ("string", True): "Picklist",
    ("array", True): "Multi-Picklist",
}

# Core attributes every SCIM app user already has; a custom attribute cannot take one of these names.
# Kept short and exact on purpose: the article's own `Department` example must stay allowed.
OKTA_BASE_ATTRIBUTES = ("userName", "givenName", "familyName", "email", "displayName")
# The SCIM app's base attributes that take group values: Gainsight's article shows them in the "Assign to Groups"
# dialog ("preferred language, locale, timezone, and user type"). Okta returns a group assignment with each of
# them, null when unset, like the custom group-scoped attributes (provider #669).
OKTA_GROUP_SCOPED_BASE_ATTRIBUTES = ("preferredLanguage", "locale", "timezone", "userType")

_SEPARATORS = re.compile(r"[\s_\-.]+")


def folded(name: str) -> str:
    """A name without case or separators: `License_Type` and `licensetype` fold alike."""
    return _SEPARATORS.sub("", name).lower()


def near_miss(name: str) -> str | None:
    """The Gainsight field `name` was probably meant to be, when it differs only in case or separators."""
    for known in KNOWN_FIELDS:
        if name != known and folded(name) == folded(known):
            return known
    return None
