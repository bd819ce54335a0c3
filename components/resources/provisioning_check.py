"""After the manual SCIM step: read what Okta lets us read of the SCIM app's provisioning, and warn on gaps.

Okta exposes the USER_PROVISIONING feature of an app (`okta.app.get_features`). A read Okta refuses (an
org without the feature, a token without the scope) warns and never fails the run: the apps themselves
are fine, only the check could not be made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_okta as okta

FEATURES_TOKEN = "okta:app/getFeatures:getFeatures"
FEATURE_NAME = "USER_PROVISIONING"

# What Gainsight's SCIM needs switched on under Provisioning > To App, as Okta's console labels it.
REQUIRED_SETTINGS = (
    ("create", "Create Users", ("create", "lifecycleCreate")),
    ("profileUpdate", "Update User Attributes", ("update", "profile")),
    ("deactivate", "Deactivate Users", ("update", "lifecycleDeactivate")),
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
                f"{', '.join(self.missing)}. Gainsight will not get those changes until you enable them."
            )
        if self.status == "unreadable":
            return (
                f"SCIM app {app_label!r}: could not read its provisioning settings from Okta ({self.detail}); "
                "check Provisioning > To App by hand: Create Users, Update User Attributes, Deactivate Users."
            )
        return None


def _status_at(capabilities: dict[str, Any], path: tuple[str, str]) -> str:
    section = capabilities.get(path[0]) or {}
    setting = section.get(path[1]) or {}
    return str(setting.get("status") or "DISABLED").upper()


def assess_features(features: dict[str, Any]) -> ProvisioningCheck:
    """Judge Okta's answer for USER_PROVISIONING (the invoke result, camelCase keys)."""
    if str(features.get("status") or "").upper() != "ENABLED":
        labels = tuple(label for _, label, _ in REQUIRED_SETTINGS)
        return ProvisioningCheck("incomplete", labels, "USER_PROVISIONING is not enabled on the app")
    capabilities = features.get("capabilities") or {}
    missing = tuple(label for _, label, path in REQUIRED_SETTINGS if _status_at(capabilities, path) != "ENABLED")
    return ProvisioningCheck("incomplete" if missing else "ok", missing)


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    text = text.removeprefix(f"invoke of {FEATURES_TOKEN} failed: ")  # the SDK's wrapper says nothing new
    text = re.sub(r" \((appId|name)?\)$", "", text)  # nor does the property it appends to a check failure
    return text[:300]


def check_provisioning(app: okta.app.Saml, app_label: str) -> pulumi.Output[dict[str, Any]]:
    """The check as a stack output; warnings go to `pulumi preview`/`up` diagnostics."""

    async def check(app_id: str) -> dict[str, Any]:
        try:
            features = await pulumi.runtime.invoke_async(
                FEATURES_TOKEN, {"appId": app_id, "name": FEATURE_NAME}, pulumi.InvokeOptions(parent=app)
            )
            result = assess_features(dict(features or {}))
        except Exception as error:
            result = ProvisioningCheck("unreadable", detail=_reason(error))
        if (message := result.warning(app_label)) is not None:
            pulumi.log.warn(message, resource=app)
        return result.to_output()

    return app.id.apply(check)
