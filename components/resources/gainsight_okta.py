"""GainsightOkta: the whole Okta side of the Gainsight integration, as one component."""

from __future__ import annotations

import pulumi
import pulumi_okta as okta

from components.inputs.gainsight_schema import OKTA_GROUP_SCOPED_BASE_ATTRIBUTES
from components.inputs.stack_inputs import StackInputs
from components.resources.assignments import AppAssignments, declare_assignments
from components.resources.attributes import declare_attributes
from components.resources.groups import declare_group_ids
from components.resources.previous_run import PreviousRun
from components.resources.profile_mapping import declare_profile_mapping
from components.resources.saml_app import SAML_APP_INPUTS, saml_app_args, scim_app_frozen
from components.resources.urns import COMPONENT_TYPE, sso_resource_name

SSO_PRIORITIES_OUTPUT = "ssoPriorities"  # group name -> Okta priority on the SSO app, read back by the next run
SCIM_PRIORITIES_OUTPUT = "scimPriorities"


class GainsightOkta(pulumi.ComponentResource):
    """Two Okta apps, as Gainsight recommends: one for sign-in, a hidden one that carries SCIM.

    Resource names are part of the contract: a changed URN replaces the SSO app, and a new SSO app
    means a new IdP certificate and a company locked out of Gainsight. Rename only with aliases.
    """

    sso_app: okta.app.Saml
    scim_app: okta.app.Saml
    sso_assignments: AppAssignments | None
    attributes: list[okta.AppUserSchemaProperty]
    scim_assignments: AppAssignments | None
    profile_mapping: okta.profile.Mapping | None

    def __init__(
        self,
        name: str,
        inputs: StackInputs,
        existing_group_ids: dict[str, str],
        previous: PreviousRun,
        opts: pulumi.ResourceOptions | None = None,
        *,
        hold_back_sso: bool = False,
    ) -> None:
        super().__init__(COMPONENT_TYPE, name, None, opts)
        settings = inputs.settings

        # Held back while the stack names a signing key the app does not sign with yet: any update would send the
        # key in the state (signing_key_gate.py).
        self.sso_app = okta.app.Saml(
            sso_resource_name(name),
            saml_app_args(inputs, settings.saml_app.label, settings.saml_app.app_username_template, hidden=False),
            opts=pulumi.ResourceOptions(
                parent=self,
                protect=settings.protect,
                import_=settings.saml_app.import_id,
                ignore_changes=list(SAML_APP_INPUTS) if hold_back_sso else None,
            ),
        )
        # The SCIM app only carries provisioning; users sign in through the SSO app, so hide its tile.
        # Provisioning itself is switched on by hand (Okta's API cannot do it for a custom app). After that, any
        # update of the app is a full PUT without its provisioning settings (provider #655): the app is frozen,
        # unless `scimApp.allowUpdate` lets one deploy through (and the deploy workflow verifies right after).
        frozen = scim_app_frozen(inputs)
        self.scim_app = okta.app.Saml(
            f"{name}-scim",
            saml_app_args(inputs, settings.scim_app.label, settings.scim_app.app_username_template, hidden=True),
            opts=pulumi.ResourceOptions(
                parent=self,
                protect=settings.protect,
                import_=settings.scim_app.import_id,
                ignore_changes=list(SAML_APP_INPUTS) if frozen else None,
            ),
        )

        group_ids = declare_group_ids(name, inputs.groups, existing_group_ids, self)
        sso_groups = [group for group in inputs.groups if group.sso]
        # No sso groups: leave the SSO app's assignments alone rather than declare (and enforce) none.
        self.sso_assignments = (
            declare_assignments(
                name,
                "sso",
                self.sso_app,
                sso_groups,
                group_ids,
                previous.mapping(SSO_PRIORITIES_OUTPUT),
                with_profiles=False,
                opts=pulumi.ResourceOptions(parent=self, protect=settings.protect),
            )
            if sso_groups
            else None
        )

        # The gate: before SCIM is switched on by hand, Okta would create custom attributes without the
        # external namespace that makes them reach Gainsight, and group profiles need those attributes.
        self.attributes = []
        self.scim_assignments = None
        self.profile_mapping = None
        if inputs.provisioning_enabled:
            # In a protected stack the SCIM side is protected too: removing it unassigns every group, and Okta
            # then deactivates every Gainsight user when Deactivate Users is on.
            self.attributes = declare_attributes(name, inputs.attributes, self.scim_app, self, protect=settings.protect)
            # The attributes are created one after another, so waiting for the last one waits for them all.
            after_attributes = pulumi.ResourceOptions(
                parent=self, depends_on=self.attributes[-1:], protect=settings.protect
            )
            scim_groups = [group for group in inputs.groups if group.scim]
            if scim_groups:
                self.scim_assignments = declare_assignments(
                    name,
                    "scim",
                    self.scim_app,
                    scim_groups,
                    group_ids,
                    previous.mapping(SCIM_PRIORITIES_OUTPUT),
                    with_profiles=True,
                    group_scoped=[
                        *OKTA_GROUP_SCOPED_BASE_ATTRIBUTES,
                        *(attribute.name for attribute in inputs.attributes if attribute.is_group_scope),
                    ],
                    opts=after_attributes,
                )
            self.profile_mapping = declare_profile_mapping(
                f"{name}-scim-mapping", inputs.attributes, self.scim_app, after_attributes
            )

        self.register_outputs(
            {"ssoAppId": self.sso_app.id, "scimAppId": self.scim_app.id, "scimAppName": self.scim_app.name}
        )
