"""GainsightOkta: the whole Okta side of the Gainsight integration, as one component."""

from __future__ import annotations

import pulumi
import pulumi_okta as okta

from .saml_app import saml_app_args
from .stack_inputs import StackInputs

COMPONENT_TYPE = "gainsight-okta:index:GainsightOkta"


class GainsightOkta(pulumi.ComponentResource):
    """Two Okta apps, as Gainsight recommends: one for sign-in, a hidden one that carries SCIM.

    Resource names are part of the contract: a changed URN replaces the SSO app, and a new SSO app
    means a new IdP certificate and a company locked out of Gainsight. Rename only with aliases.
    """

    sso_app: okta.app.Saml
    scim_app: okta.app.Saml

    def __init__(self, name: str, inputs: StackInputs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__(COMPONENT_TYPE, name, None, opts)
        settings = inputs.settings

        self.sso_app = okta.app.Saml(
            f"{name}-sso",
            saml_app_args(inputs, settings.saml_app.label, hidden=False),
            opts=pulumi.ResourceOptions(parent=self, protect=settings.protect, import_=settings.saml_app.import_id),
        )
        # The SCIM app only carries provisioning; users sign in through the SSO app, so hide its tile.
        # Provisioning itself is switched on by hand (Okta's API cannot do it for a custom app), and the
        # provider keeps `features` computed, so re-applying never touches that tab.
        self.scim_app = okta.app.Saml(
            f"{name}-scim",
            saml_app_args(inputs, settings.scim_app.label, hidden=True),
            opts=pulumi.ResourceOptions(parent=self, protect=settings.protect, import_=settings.scim_app.import_id),
        )

        self.register_outputs(
            {"ssoAppId": self.sso_app.id, "scimAppId": self.scim_app.id, "scimAppName": self.scim_app.name}
        )
