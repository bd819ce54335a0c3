"""What the okta provider (terraform-provider-okta v6, bridged by pulumi_okta 7) does with what we declare.

Taken from the provider's source under okta/services/idaas/ and pinned in tests; the documents (plan diff,
README) and the policy pack read it from here, never from a second copy.
"""

from __future__ import annotations

SAML_APP = "okta:app/saml:Saml"
GROUP = "okta:group/group:Group"
APP_GROUP_ASSIGNMENTS = "okta:index/appGroupAssignments:AppGroupAssignments"
APP_GROUP_ASSIGNMENT = "okta:app/groupAssignment:GroupAssignment"
APP_USER_SCHEMA_PROPERTY = "okta:index/appUserSchemaProperty:AppUserSchemaProperty"
PROFILE_MAPPING = "okta:profile/mapping:Mapping"

GROUP_LOOKUP = "okta:group/getGroup:getGroup"
PROFILE_MAPPING_SOURCE = "okta:user/getUserProfileMappingSource:getUserProfileMappingSource"
SAML_METADATA = "okta:app/getMetadataSaml:getMetadataSaml"
SAML_APP_LOOKUP = "okta:app/getSaml:getSaml"

# Inputs (camelCase wire names) whose change makes the provider replace the resource: its ForceNew fields.
FORCE_NEW: dict[str, frozenset[str]] = {
    # resource_okta_app_saml.go: only preconfigured_app, which this program never sets.
    SAML_APP: frozenset({"preconfiguredApp"}),
    # resource_okta_group.go: none; a rename is an in-place update.
    GROUP: frozenset(),
    # resource_okta_app_group_assignments.go: app_id.
    APP_GROUP_ASSIGNMENTS: frozenset({"appId"}),
    # resource_okta_app_group_assignment.go: app_id and group_id.
    APP_GROUP_ASSIGNMENT: frozenset({"appId", "groupId"}),
    # resource_okta_app_user_custom_schema_property.go and user_schema_property.go. Not app_id.
    APP_USER_SCHEMA_PROPERTY: frozenset(
        {"index", "type", "arrayType", "externalName", "externalNamespace", "scope", "unique"}
    ),
    # resource_okta_profile_mapping.go: none (source_id and target_id update in place).
    PROFILE_MAPPING: frozenset(),
}

# OAuth 2.0 scopes of the Okta service app, per resource type or look-up: (to change it, to read it).
# `pulumi up` needs the first; `pulumi preview --refresh` and `pulumi refresh` (the drift job) the second.
SCOPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # The app itself, its keys and metadata; Create and Read also assign/read the app's sign-on policy.
    SAML_APP: (
        frozenset({"okta.apps.manage", "okta.policies.read"}),
        frozenset({"okta.apps.read", "okta.policies.read"}),
    ),
    GROUP: (frozenset({"okta.groups.manage"}), frozenset({"okta.groups.read"})),
    # PUT/DELETE /apps/{id}/groups/{gid}, and the list of the app's groups.
    APP_GROUP_ASSIGNMENTS: (frozenset({"okta.apps.manage"}), frozenset({"okta.apps.read"})),
    APP_GROUP_ASSIGNMENT: (frozenset({"okta.apps.manage"}), frozenset({"okta.apps.read"})),
    # POST /meta/schemas/apps/{id}/default, GET for reads.
    APP_USER_SCHEMA_PROPERTY: (frozenset({"okta.schemas.manage"}), frozenset({"okta.schemas.read"})),
    # GET/POST /mappings/{id}: without .manage `pulumi up` fails with 403 on any stack with a sourced attribute.
    PROFILE_MAPPING: (frozenset({"okta.profileMappings.manage"}), frozenset({"okta.profileMappings.read"})),
    GROUP_LOOKUP: (frozenset({"okta.groups.read"}), frozenset({"okta.groups.read"})),
    PROFILE_MAPPING_SOURCE: (frozenset({"okta.profileMappings.read"}), frozenset({"okta.profileMappings.read"})),
    SAML_METADATA: (frozenset({"okta.apps.manage"}), frozenset({"okta.apps.read"})),  # manage includes read
    # The SCIM app's look-up before a run with provisioning on (provisioning_gate.py): GET /apps?q= or /apps/{id}.
    SAML_APP_LOOKUP: (frozenset({"okta.apps.manage"}), frozenset({"okta.apps.read"})),
}


def deploy_scopes() -> list[str]:
    return sorted(set().union(*(manage for manage, _ in SCOPES.values())))


def read_scopes() -> list[str]:
    return sorted(set().union(*(read for _, read in SCOPES.values())))
