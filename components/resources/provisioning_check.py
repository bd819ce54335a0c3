"""After the manual SCIM step: judge the SCIM app's provisioning from what Okta reports on the app itself.

`okta.app.get_features` serves only a few OIN apps (the provider's docs), so on a custom SAML app it could only
ever say "unreadable". The app object carries `features` instead: Okta lists there the provisioning actions
switched on under Provisioning > To App (Apps API: `PUSH_NEW_USERS`, `PUSH_PROFILE_UPDATES`,
`PUSH_USER_DEACTIVATION`, next to `IMPORT_NEW_USERS`, `REACTIVATE_USERS`...). The `features` output of
`okta.app.Saml` is only as fresh as the app's last read, which a plain `pulumi up` does not make, so the program
reads the live app at the start of each run instead (`provisioning_gate`); `verify` reads it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# What Gainsight's SCIM needs under Provisioning > To App: (Okta app feature, console label).
REQUIRED_FEATURES = (
    ("PUSH_NEW_USERS", "Create Users"),
    ("PUSH_PROFILE_UPDATES", "Update User Attributes"),
    ("PUSH_USER_DEACTIVATION", "Deactivate Users"),
)


@dataclass(frozen=True)
class ProvisioningCheck:
    status: str  # "ok", "incomplete" or "unreadable"
    missing: tuple[str, ...] = ()  # Okta console labels of the To App settings not enabled
    detail: str = ""

    def to_output(self) -> dict[str, Any]:
        return {"status": self.status, "missing": list(self.missing), "detail": self.detail}

    def warning(self, app_label: str) -> str | None:
        if self.status == "incomplete":
            return (
                f"SCIM app {app_label!r}: not enabled in Okta under Provisioning > To App: "
                f"{', '.join(self.missing)}{f' ({self.detail})' if self.detail else ''}. Gainsight will not get "
                "those changes until you enable them."
            )
        if self.status == "unreadable":
            return (
                f"SCIM app {app_label!r}: its provisioning settings could not be judged ({self.detail}); "
                "check Provisioning > To App by hand: Create Users, Update User Attributes, Deactivate Users."
            )
        return None


def assess_features(features: Sequence[str] | None) -> ProvisioningCheck:
    """Judge the SCIM app's `features` as Okta reports them."""
    if features is not None and (isinstance(features, str) or not all(isinstance(f, str) for f in features)):
        return ProvisioningCheck("unreadable", detail=f"unexpected features value {features!r}"[:300])
    enabled = {feature.upper() for feature in features or ()}
    missing = tuple(label for feature, label in REQUIRED_FEATURES if feature not in enabled)
    if not enabled:
        return ProvisioningCheck(
            "incomplete", missing, "the app lists no provisioning features: is Provisioning set to SCIM?"
        )
    return ProvisioningCheck("incomplete" if missing else "ok", missing)
