"""Personal attributes with a `source`: mapped from the Okta user profile onto the SCIM app user."""

from __future__ import annotations

import pulumi
import pulumi_okta as okta

from components.inputs.attributes import AttributeSettings


def declare_profile_mapping(
    resource_name: str,
    attributes: tuple[AttributeSettings, ...],
    app: okta.app.Saml,
    opts: pulumi.ResourceOptions,
) -> okta.profile.Mapping | None:
    """The Okta user -> SCIM app mapping of sourced attributes; Pulumi never deletes it.

    resource_okta_profile_mapping.go's Delete sets every property of the mapping to null except `login`
    (email, givenName, familyName included), whatever `delete_when_absent` says. So the mapping is
    `retain_on_delete`: dropping the last sourced attribute, switching provisioning off, or a destroy only
    forget it, and the mapping Okta holds keeps working.

    Its `source_id` and `target_id` are not ForceNew, and Update edits the mapping by the id in state
    (GetProfileMapping(d.Id())): a replaced SCIM app would leave it editing the old app's mapping. So a new
    target replaces it (`replace_on_changes`); Create finds the new app's mapping by source and target.
    """
    sourced = [attribute for attribute in attributes if attribute.source is not None]
    if not sourced:
        return None
    okta_user = okta.user.get_user_profile_mapping_source_output(opts=pulumi.InvokeOutputOptions(parent=opts.parent))
    return okta.profile.Mapping(
        resource_name,
        source_id=okta_user.id,
        target_id=app.id,
        # Only the mappings declared here are managed; the ones Okta or an admin set stay as they are.
        delete_when_absent=False,
        mappings=[
            okta.profile.MappingMappingArgs(id=attribute.name, expression=attribute.source, push_status="PUSH")
            for attribute in sourced
        ],
        opts=pulumi.ResourceOptions.merge(
            opts, pulumi.ResourceOptions(retain_on_delete=True, replace_on_changes=["sourceId", "targetId"])
        ),
    )
