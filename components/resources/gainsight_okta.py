"""GainsightOkta: the whole Okta side of the Gainsight integration, as one component, with its safety inside.

One class for every caller: the repository's own program (a stack file made into args), a Python program that
imports it, and YAML or TypeScript programs through the component package (component-package/, served by
`component_provider_host`). Pulumi infers the package's schema from the type hints of `__init__`'s `args`
(components/inputs/component_args.py) and of this class's annotated attributes, its outputs: so this module must
not use `from __future__ import annotations` (the analyzer would see strings), and only outputs are annotated on
the class. Each output's docstring is its description in the schema.

Everything is checked before the component registers: the args by every rule a stack file is checked by, the SCIM
app's manual step as Okta has it, existing groups by exact name, the SSO app's signing key, attribute replacements.
A refusal is one line (a RunError: no traceback in any language) and nothing is declared, not even the component.
"""

import inspect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_okta as okta

from components.command_name import hint
from components.errors import InputError
from components.inputs.component_args import GainsightOktaArgs, args_source, inputs_from_args
from components.inputs.gainsight_schema import OKTA_GROUP_SCOPED_BASE_ATTRIBUTES
from components.inputs.model_base import STACK_FILE_PREFIX
from components.inputs.stack_inputs import StackInputs, okta_settings
from components.rendering.manual_step import waiting_on_manual_step
from components.rendering.templates import render_runbook
from components.resources.assignments import AppAssignments, declare_assignments
from components.resources.attribute_replacements import guard_attribute_replacements
from components.resources.attributes import declare_attributes
from components.resources.groups import declare_group_ids, look_up_existing_groups
from components.resources.previous_run import PreviousRun
from components.resources.profile_mapping import declare_profile_mapping
from components.resources.provisioning_gate import require_provisioning
from components.resources.saml_app import SAML_APP_INPUTS, saml_app_args, scim_app_frozen
from components.resources.scim_removals import (
    scim_assigned_groups,
    scim_attributes,
    sso_assigned_groups,
    warn_about_removals,
)
from components.resources.signing_key_gate import guard_signing_key
from components.resources.urns import COMPONENT_TYPE, sso_resource_name

SSO_PRIORITIES_OUTPUT = "ssoPriorities"  # group name -> Okta priority on the SSO app, read back by the next run
SCIM_PRIORITIES_OUTPUT = "scimPriorities"


@dataclass(frozen=True)
class StackFileOrigin:
    """The repository's program: the args were made from a stack file it checked, so every message names that
    file and its `gainsight-okta:` keys, and the metadata by its file name."""

    source: str  # Pulumi.<stack>.yaml
    metadata_file: str


class GainsightOkta(pulumi.ComponentResource):
    """Okta for Gainsight: a SAML 2.0 app to sign in, a hidden custom SAML app that carries SCIM provisioning, the
    SCIM app's Profile Editor attributes in Gainsight's namespace, and the groups assigned to both apps with their
    Gainsight values and stable priorities. SCIM is switched on by hand once (the `runbook` output says how);
    until `scimApp.provisioningEnabled` is true, and Okta shows it done, the SCIM side waits.

    Resource names are part of the contract: a changed URN replaces the SSO app, and a new SSO app means a new IdP
    certificate and a company locked out of Gainsight. Rename only with aliases.
    """

    sso_app_id: pulumi.Output[str]
    """The SSO app's Okta id."""
    sso_app_name: pulumi.Output[str]
    """The SSO app's Okta name."""
    idp_sso_url: pulumi.Output[str]
    """Okta's SAML sign-in URL (HTTP-POST), for Gainsight's SAML connection."""
    idp_entity_id: pulumi.Output[str]
    """Okta's IdP entity id (issuer), for Gainsight's SAML connection."""
    idp_metadata_url: pulumi.Output[str]
    """The URL of the SSO app's IdP metadata."""
    idp_certificate: pulumi.Output[str]
    """The SSO app's IdP signing certificate (base64 DER), for Gainsight's SAML connection."""
    idp_signing_key_id: pulumi.Output[str]
    """The kid of the key the SSO app signs with."""
    idp_next_certificate: pulumi.Output[str] | None
    """During a certificate rotation (`samlApp.signingKeyId` set): the certificate of the key named there."""
    idp_next_metadata: pulumi.Output[str] | None
    """During a certificate rotation: the IdP metadata with the key named in `samlApp.signingKeyId`."""
    scim_app_id: pulumi.Output[str]
    """The SCIM app's Okta id."""
    scim_app_name: pulumi.Output[str]
    """The SCIM app's Okta name, part of the OAuth callback URL Gainsight needs."""
    provisioning_enabled: pulumi.Output[bool]
    """Whether the SCIM side is declared (`scimApp.provisioningEnabled`)."""
    sso_assigned_groups: pulumi.Output[list[str]]
    """The groups assigned to the SSO app, in priority order."""
    scim_assigned_groups: pulumi.Output[list[str]]
    """The groups assigned to the SCIM app, in priority order: their members are provisioned to Gainsight."""
    scim_attributes: pulumi.Output[list[str]]
    """The custom SCIM attributes declared on the SCIM app."""
    scim_removals: pulumi.Output[list[str]]
    """What this run takes away from the SCIM app since the last one (unassigned groups, removed attributes), in \
plain words; each is also a warning."""
    sso_priorities: pulumi.Output[dict[str, int]]
    """Group name -> Okta priority of its SSO app assignment. The next run keeps these numbers."""
    scim_priorities: pulumi.Output[dict[str, int]]
    """Group name -> Okta priority of its SCIM app assignment. The next run keeps these numbers."""
    provisioning_check: pulumi.Output[dict[str, Any]] | None
    """With provisioning on: Okta's Provisioning > To App settings of the SCIM app, read at the start of the run \
(`status` ok, or what is missing)."""
    runbook: pulumi.Output[str]
    """The manual steps for this environment, in Markdown, with the real values filled in."""

    def __init__(
        self,
        name: str,
        args: GainsightOktaArgs,
        opts: pulumi.ResourceOptions | None = None,
        *,
        stack_file: StackFileOrigin | None = None,
        previous: PreviousRun | None = None,
    ) -> None:
        try:
            inputs = _checked_inputs(name, args, stack_file)
            # The last run's outputs: the component's own, by its type and name in the stack's checkpoint. The
            # repository's program passes its stack outputs (the same values, exported under the same names).
            previous = previous or PreviousRun.of_component(COMPONENT_TYPE, name)
            self._declare(name, inputs, previous, opts)
        except InputError as error:
            if stack_file is not None:
                raise  # the repository's program: its main() and the offline plan report it as they always have
            # The engine prints a RunError as "error: <message>" with no traceback, whichever language runs it.
            raise pulumi.RunError(error.line().removeprefix("error: ")) from None

    def _declare(
        self, name: str, inputs: StackInputs, previous: PreviousRun, opts: pulumi.ResourceOptions | None
    ) -> None:
        stack, dry_run = pulumi.get_stack(), pulumi.runtime.is_dry_run()
        # Read before the first resource is declared; each may refuse the run.
        provisioning = require_provisioning(inputs, stack, previous.outputs)
        existing_group_ids = look_up_existing_groups(inputs)
        signing_key = guard_signing_key(inputs, stack, previous, sso_resource_name(name), dry_run=dry_run)
        replacements = guard_attribute_replacements(inputs, previous, name, dry_run=dry_run)
        super().__init__(COMPONENT_TYPE, name, None, opts)
        self._declare_resources(name, inputs, existing_group_ids, previous, hold_back_sso=signing_key.hold_back)
        self._set_outputs(inputs, previous, provisioning)
        self.register_outputs(self._outputs())
        if (notice := waiting_on_manual_step(inputs, stack)) is not None:
            pulumi.log.warn(notice, resource=self)
        for notice in [signing_key.notice, *replacements]:
            if notice is not None:
                pulumi.log.warn(notice, resource=self)
        if inputs.provisioning_enabled and inputs.settings.scim_app.allow_update:
            verify = (
                f"`{hint('verify', '--stack', stack)}`"
                if inputs.from_stack_file
                else "in the Admin Console, or with `gainsight-okta verify`"
            )
            pulumi.log.warn(
                f"{inputs.key('scimApp.allowUpdate')} is true: this run may update the SCIM app "
                f"{inputs.settings.scim_app.label!r}, and the okta provider sends the whole app without its "
                f"provisioning settings (provider #655). Check Provisioning > To App right after ({verify}), then "
                f"set {inputs.setting('scimApp.allowUpdate', 'false')}.",
                resource=self,
            )

    def _declare_resources(
        self,
        name: str,
        inputs: StackInputs,
        existing_group_ids: dict[str, str],
        previous: PreviousRun,
        *,
        hold_back_sso: bool,
    ) -> None:
        settings = inputs.settings
        # Held back while the stack names a signing key the app does not sign with yet: any update would send the
        # key in the state (signing_key_gate.py).
        self._sso_app = okta.app.Saml(
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
        self._scim_app = okta.app.Saml(
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
        self._sso_assignments: AppAssignments | None = (
            declare_assignments(
                name,
                "sso",
                self._sso_app,
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
        self._scim_assignments: AppAssignments | None = None
        if not inputs.provisioning_enabled:
            return
        # In a protected stack the SCIM side is protected too: removing it unassigns every group, and Okta
        # then deactivates every Gainsight user when Deactivate Users is on.
        attributes = declare_attributes(name, inputs.attributes, self._scim_app, self, protect=settings.protect)
        # The attributes are created one after another, so waiting for the last one waits for them all.
        after_attributes = pulumi.ResourceOptions(parent=self, depends_on=attributes[-1:], protect=settings.protect)
        scim_groups = [group for group in inputs.groups if group.scim]
        if scim_groups:
            self._scim_assignments = declare_assignments(
                name,
                "scim",
                self._scim_app,
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
        declare_profile_mapping(f"{name}-scim-mapping", inputs.attributes, self._scim_app, after_attributes)

    def _set_outputs(self, inputs: StackInputs, previous: PreviousRun, provisioning: Any) -> None:
        sso, scim = self._sso_app, self._scim_app
        self.sso_app_id = sso.id
        self.sso_app_name = sso.name
        self.idp_sso_url = sso.http_post_binding
        self.idp_entity_id = sso.entity_url
        self.idp_metadata_url = sso.metadata_url
        self.idp_certificate = sso.certificate
        self.idp_signing_key_id = sso.key_id
        self.idp_next_certificate = self.idp_next_metadata = None
        if (next_key := inputs.settings.saml_app.signing_key_id) is not None:
            # The certificate and metadata of the key the stack names, for the rotation's hand-off to Gainsight.
            chosen = okta.app.get_metadata_saml_output(app_id=sso.id, key_id=next_key)
            self.idp_next_certificate = chosen.certificate
            self.idp_next_metadata = chosen.metadata
        self.scim_app_id = scim.id
        self.scim_app_name = scim.name
        self.provisioning_enabled = pulumi.Output.from_input(inputs.provisioning_enabled)
        self.sso_assigned_groups = pulumi.Output.from_input(sso_assigned_groups(inputs))
        self.scim_assigned_groups = pulumi.Output.from_input(scim_assigned_groups(inputs))
        self.scim_attributes = pulumi.Output.from_input(scim_attributes(inputs))
        # Read before this run's outputs replace them: what the run takes away from the SCIM app, in plain words.
        self.scim_removals = warn_about_removals(inputs, previous)
        self.sso_priorities = _priorities(self._sso_assignments)
        self.scim_priorities = _priorities(self._scim_assignments)
        # Read from Okta at the start of this run, not from the app's last refresh.
        self.provisioning_check = (
            pulumi.Output.from_input(provisioning.to_output()) if provisioning is not None else None
        )
        self.runbook = self._runbook(inputs)

    def _runbook(self, inputs: StackInputs) -> pulumi.Output[str]:
        """The runbook with the real values, rendered by the same templates as the `runbook` command."""
        known: dict[str, Any] = {
            "ssoAppId": self.sso_app_id,
            "ssoAppName": self.sso_app_name,
            "idpSsoUrl": self.idp_sso_url,
            "idpEntityId": self.idp_entity_id,
            "idpMetadataUrl": self.idp_metadata_url,
            "idpCertificate": self.idp_certificate,
            "scimAppId": self.scim_app_id,
            "scimAppName": self.scim_app_name,
        }
        if self.provisioning_check is not None:
            known["provisioningCheck"] = self.provisioning_check
        if self.idp_next_certificate is not None:  # a rotation under way: which key signs, and the next one
            known["idpNextCertificate"] = self.idp_next_certificate
            known["idpSigningKeyId"] = self.idp_signing_key_id
        stack = pulumi.get_stack()
        return pulumi.Output.all(**known).apply(lambda outputs: render_runbook(inputs, stack, outputs))

    def _outputs(self) -> dict[str, Any]:
        """Every output under its schema name (camelCase): what the engine keeps as the component's outputs, and
        what the next run reads back (PreviousRun.of_component)."""
        return {
            schema_name: value
            for schema_name, attribute in OUTPUTS.items()
            if (value := getattr(self, attribute)) is not None
        }


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


# Python 3.11 keeps a docstring's indentation; the schema's description should not.
GainsightOkta.__doc__ = inspect.cleandoc(GainsightOkta.__doc__ or "")

# Output name (as the schema, the stack's exports and the checkpoint spell it) -> attribute.
OUTPUTS: Mapping[str, str] = {
    _camel(attribute): attribute for attribute in GainsightOkta.__annotations__ if not attribute.startswith("_")
}


def _priorities(assignments: AppAssignments | None) -> pulumi.Output[dict[str, int]]:
    return assignments.priorities if assignments is not None else pulumi.Output.from_input({})


def _checked_inputs(name: str, args: Mapping[str, Any], stack_file: StackFileOrigin | None) -> StackInputs:
    """The args checked as a stack file is; messages name the stack file when the args came from one."""
    if stack_file is None:
        source = args_source(name)
        return inputs_from_args(args, okta_settings(_okta_config(), source), source)
    org = okta_settings(_okta_config(), stack_file.source)
    return inputs_from_args(
        args, org, stack_file.source, key_prefix=STACK_FILE_PREFIX, metadata_name=stack_file.metadata_file
    )


def _okta_config() -> dict[str, str]:
    """The okta provider's org keys from the program's config (a component package gets the caller's)."""
    config = pulumi.Config("okta")
    # The keys okta_settings reads: the same org whether the args came from a stack file or another program.
    keys = ("orgName", "baseUrl", "httpProxy")
    return {f"okta:{key}": value for key in keys if (value := config.get(key)) is not None}
