"""Profile Editor attributes of the SCIM app, in Gainsight's SCIM namespace."""

from __future__ import annotations

import pulumi
import pulumi_okta as okta

from components.inputs.attributes import AttributeSettings
from components.inputs.gainsight_schema import SCIM_NAMESPACE
from components.resources.urns import attribute_resource_name

OKTA_SCOPE = {"group": "NONE", "personal": "SELF"}  # Okta's "Group" and "Personal"


def attribute_args(attribute: AttributeSettings, app_id: pulumi.Input[str]) -> okta.AppUserSchemaPropertyArgs:
    values = attribute.enum or []
    choices = {"enums": values, "one_ofs": [okta.AppUserSchemaPropertyOneOfArgs(const=v, title=v) for v in values]}
    if attribute.type == "array":
        # The provider refuses enums/one_ofs beside array_type: arrays take the array_ forms.
        choices = {
            "array_type": "string",
            "array_enums": values,
            "array_one_ofs": [okta.AppUserSchemaPropertyArrayOneOfArgs(const=v, title=v) for v in values],
            "union": attribute.union,
        }
    elif not values:
        choices = {}
    return okta.AppUserSchemaPropertyArgs(
        app_id=app_id,
        index=attribute.name,
        title=attribute.display_title,
        type=attribute.type,
        description=attribute.description,
        external_name=attribute.name,
        external_namespace=SCIM_NAMESPACE,
        scope=OKTA_SCOPE[attribute.scope],
        **choices,
    )


def declare_attributes(
    prefix: str,
    attributes: tuple[AttributeSettings, ...],
    app: okta.app.Saml,
    parent: pulumi.Resource,
    *,
    protect: bool,
) -> list[okta.AppUserSchemaProperty]:
    # delete_before_replace: the property's id is always `appId/index` and Delete posts a null property for
    # that index (resource_okta_app_user_custom_schema_property.go). Pulumi's default create-then-delete
    # would let the old resource's Delete remove the attribute just created (provider #2593, pulumi-okta
    # #1082), leaving state that says it exists.
    # One after another: every attribute is a write to the same app schema (the provider retries Okta's
    # "deletion process ... is incomplete" race), and what needs them all can then wait for the last one only:
    # one dependency per group assignment instead of one per attribute. A few dozen attributes make a short chain.
    declared: list[okta.AppUserSchemaProperty] = []
    for attribute in attributes:
        declared.append(
            okta.AppUserSchemaProperty(
                attribute_resource_name(attribute.name, prefix),
                attribute_args(attribute, app.id),
                opts=pulumi.ResourceOptions(
                    parent=parent,
                    protect=protect,
                    delete_before_replace=True,
                    depends_on=declared[-1:],
                ),
            )
        )
    return declared
