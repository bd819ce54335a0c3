"""The one Pulumi program. `pulumi up` runs it through __main__.py; `plan` runs it under mocks."""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_okta as okta
from pulumi.runtime import config as runtime_config

from components.command_name import hint
from components.errors import InputError
from components.inputs.placeholders import refuse_placeholders
from components.inputs.project import load_inputs
from components.inputs.stack_inputs import StackInputs
from components.rendering.templates import render_runbook
from components.resources.attribute_replacements import guard_attribute_replacements
from components.resources.gainsight_okta import SCIM_PRIORITIES_OUTPUT, SSO_PRIORITIES_OUTPUT, GainsightOkta
from components.resources.groups import look_up_existing_groups
from components.resources.manual_step import waiting_on_manual_step
from components.resources.previous_run import PreviousRun
from components.resources.provisioning_gate import require_provisioning
from components.resources.scim_removals import (
    SCIM_ATTRIBUTES_OUTPUT,
    SCIM_GROUPS_OUTPUT,
    SSO_GROUPS_OUTPUT,
    scim_assigned_groups,
    scim_attributes,
    sso_assigned_groups,
    warn_about_removals,
)
from components.resources.signing_key_gate import guard_signing_key
from components.resources.urns import COMPONENT_NAME, sso_resource_name


def runtime_config_map() -> dict[str, str]:
    """All config the engine gave this program: PULUMI_CONFIG under `pulumi up`, set_all_config under mocks."""
    values: dict[str, str] = dict(pulumi.runtime.get_config_env())
    # No public API lists set_all_config's values (pyproject.toml's private-api list; pulumi pinned to a minor).
    values.update(runtime_config.CONFIG.get())
    return values


def runtime_secret_keys() -> tuple[str, ...]:
    """The config keys the engine marked secret (PULUMI_CONFIG_SECRET_KEYS, or set_all_config's list)."""
    marked = {key for key in runtime_config_map() if pulumi.runtime.is_config_secret(key)}
    return tuple(sorted(set(pulumi.runtime.get_config_secret_keys_env()) | marked))


def declare(inputs: StackInputs) -> GainsightOkta:
    """Declare every resource and export what Gainsight and the runbook need."""
    # The manual step is checked, and existing groups are looked up (an inexact name refused), before the first
    # resource is declared.
    previous = PreviousRun()
    provisioning = require_provisioning(inputs, pulumi.get_stack(), previous.outputs)
    existing_group_ids = look_up_existing_groups(inputs.groups, inputs.source)
    signing_key = guard_signing_key(
        inputs, pulumi.get_stack(), previous, sso_resource_name(COMPONENT_NAME), dry_run=pulumi.runtime.is_dry_run()
    )
    replacements = guard_attribute_replacements(inputs, previous, COMPONENT_NAME, dry_run=pulumi.runtime.is_dry_run())
    integration = GainsightOkta(
        COMPONENT_NAME, inputs, existing_group_ids, previous, hold_back_sso=signing_key.hold_back
    )
    sso, scim = integration.sso_app, integration.scim_app
    pulumi.export("stackName", pulumi.get_stack())  # tells one stack's `pulumi stack output --json` from another's
    pulumi.export("ssoAppId", sso.id)
    pulumi.export("ssoAppName", sso.name)
    pulumi.export("idpSsoUrl", sso.http_post_binding)
    pulumi.export("idpEntityId", sso.entity_url)
    pulumi.export("idpMetadataUrl", sso.metadata_url)
    pulumi.export("idpCertificate", sso.certificate)
    pulumi.export("idpSigningKeyId", sso.key_id)
    next_certificate = None
    if (next_key := inputs.settings.saml_app.signing_key_id) is not None:
        # The certificate and metadata of the key the stack names, for the rotation's hand-off to Gainsight.
        chosen = okta.app.get_metadata_saml_output(app_id=sso.id, key_id=next_key)
        next_certificate = chosen.certificate
        pulumi.export("idpNextCertificate", next_certificate)
        pulumi.export("idpNextMetadata", chosen.metadata)
    pulumi.export("scimAppId", scim.id)
    pulumi.export("scimAppName", scim.name)
    pulumi.export("provisioningEnabled", inputs.provisioning_enabled)
    pulumi.export(SSO_GROUPS_OUTPUT, sso_assigned_groups(inputs))
    pulumi.export(SCIM_GROUPS_OUTPUT, scim_assigned_groups(inputs))
    pulumi.export(SCIM_ATTRIBUTES_OUTPUT, scim_attributes(inputs))
    # Read before this run's outputs replace them: what the run takes away from the SCIM app, in plain words.
    pulumi.export("scimRemovals", warn_about_removals(inputs, previous))
    for output, assignments in (
        (SSO_PRIORITIES_OUTPUT, integration.sso_assignments),
        (SCIM_PRIORITIES_OUTPUT, integration.scim_assignments),
    ):
        pulumi.export(output, assignments.priorities if assignments else {})
    check = None
    if provisioning is not None:  # read from Okta at the start of this run, not from the app's last refresh
        check = pulumi.Output.from_input(provisioning.to_output())
        pulumi.export("provisioningCheck", check)
    pulumi.export("runbook", _runbook_output(inputs, integration, check, next_certificate))
    if (notice := waiting_on_manual_step(inputs, pulumi.get_stack())) is not None:
        pulumi.log.warn(notice)
    for notice in [signing_key.notice, *replacements]:
        if notice is not None:
            pulumi.log.warn(notice)
    if inputs.provisioning_enabled and inputs.settings.scim_app.allow_update:
        pulumi.log.warn(
            f"scimApp.allowUpdate is true: this run may update the SCIM app {inputs.settings.scim_app.label!r}, and "
            "the okta provider sends the whole app without its provisioning settings (provider #655). Check "
            f"Provisioning > To App right after (`{hint('verify', '--stack', pulumi.get_stack())}`), then set "
            "allowUpdate back to false."
        )
    return integration


def _runbook_output(
    inputs: StackInputs,
    integration: GainsightOkta,
    check: pulumi.Output[dict[str, Any]] | None,
    next_certificate: pulumi.Output[str] | None,
) -> pulumi.Output[str]:
    """The runbook with the real values, rendered by the same templates as the `runbook` command."""
    sso, scim = integration.sso_app, integration.scim_app
    known = {
        "ssoAppId": sso.id,
        "ssoAppName": sso.name,
        "idpSsoUrl": sso.http_post_binding,
        "idpEntityId": sso.entity_url,
        "idpMetadataUrl": sso.metadata_url,
        "idpCertificate": sso.certificate,
        "scimAppId": scim.id,
        "scimAppName": scim.name,
    }
    if check is not None:
        known["provisioningCheck"] = check
    if next_certificate is not None:  # a rotation under way: the runbook says which key signs, and the next one
        known["idpNextCertificate"] = next_certificate
        known["idpSigningKeyId"] = sso.key_id
    stack = pulumi.get_stack()
    return pulumi.Output.all(**known).apply(lambda outputs: render_runbook(inputs, stack, outputs))


def run(source: str | None = None) -> GainsightOkta:
    """Validate everything, then declare. `source` names the stack file in error messages."""
    stack_file = source or f"Pulumi.{pulumi.get_stack()}.yaml"
    inputs = load_inputs(runtime_config_map(), stack_file, runtime_secret_keys())
    return declare(inputs)


def main() -> None:
    """Entry point for `pulumi up`: bad input stops the run with one line and no traceback."""
    try:
        refuse_placeholders(runtime_config_map(), f"Pulumi.{pulumi.get_stack()}.yaml")
        run()
    except InputError as error:
        # The engine prints a RunError as "error: <message>" (seen in e2e): the line without its own prefix.
        raise pulumi.RunError(error.line().removeprefix("error: ")) from None
