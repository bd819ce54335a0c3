"""The args of the `GainsightOkta` component: what a stack file says, as typed values any Pulumi language can send.

Pulumi infers the component package's schema from these type hints (pulumi.provider.experimental's analyzer), so
this module keeps to what that analyzer reads: TypedDicts, `NotRequired`, `list`, `dict[str, Any]`, plain `str`,
`bool`. It must not use `from __future__ import annotations`: the analyzer then sees strings, not types, and fails
(`'str' object has no attribute '__mro__'`). Choices are `str`, checked by the same rules as a stack file, so a wrong
one is the same one-line error in every language, not the SDK's enum error. No input is wrapped in `Input[...]`: the
schema marks them plain, because every rule runs before the first resource is declared, and an Output's value is not
known then.

The docstring under each field is its description in the schema (and in the TypeScript SDK's doc comments).
"""

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from components.errors import InputError
from components.inputs.settings import ComponentSettings, OktaSettings
from components.inputs.stack_inputs import StackInputs, checked_inputs, validate_settings
from components.metadata.sp_metadata import sp_metadata_from_text


class AttributeStatement(TypedDict):
    """One SAML attribute statement of the SSO app: Okta expressions, or the user's groups matched by a filter."""

    name: str
    """The attribute's name in the SAML assertion."""
    type: NotRequired[str]
    """`expression` (the default: sends `values`) or `group` (sends the names of the user's groups that match)."""
    values: NotRequired[list[str]]
    """An expression statement's Okta expressions, e.g. `["user.email"]`."""
    filter_type: NotRequired[str]
    """A group statement's filter: STARTS_WITH, EQUALS, CONTAINS or REGEX."""
    filter_value: NotRequired[str]
    """What a group statement matches group names against."""
    namespace: NotRequired[str]
    """The SAML attribute name format URN (default: urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified)."""


class SamlApp(TypedDict):
    """The SAML 2.0 app people sign in to Gainsight with."""

    label: NotRequired[str]
    """The app's label in Okta (default "Gainsight"): also its tile's name."""
    name_id_format: NotRequired[str]
    """The SAML NameID format: emailAddress, unspecified, x509SubjectName, persistent or transient (default: \
emailAddress when Gainsight's metadata offers it)."""
    user_name_template: NotRequired[str]
    """The SAML NameID value, an Okta expression template (default `${user.email}`)."""
    app_username_template: NotRequired[str]
    """The app username, an Okta template over `source` (default `${source.email}`)."""
    import_id: NotRequired[str]
    """The id (0oa…) of an app made by hand, to adopt instead of creating one."""
    attribute_statements: NotRequired[list[AttributeStatement]]
    """What the assertion carries (default: email, firstName, lastName)."""
    signature_algorithm: NotRequired[str]
    """RSA_SHA256 (the default) or RSA_SHA1."""
    digest_algorithm: NotRequired[str]
    """SHA256 (the default) or SHA1."""
    honor_force_authn: NotRequired[bool]
    """Whether Okta honours Gainsight's ForceAuthn (default false)."""
    signing_key_id: NotRequired[str]
    """The kid of the key the app should sign with: a certificate rotation's switch. While the app signs with another \
key, its changes are held back (a warning says so)."""


class ScimApp(TypedDict):
    """The hidden custom SAML app that carries SCIM provisioning to Gainsight."""

    label: NotRequired[str]
    """The app's label in Okta (default "Gainsight SCIM Integration")."""
    provisioning_enabled: NotRequired[bool]
    """True once the manual step is done (the `runbook` output, steps 1 to 4): then the attributes, the SCIM \
assignments and the profile mapping are declared. Checked against Okta before anything is declared."""
    allow_update: NotRequired[bool]
    """Lets one deploy update the SCIM app after the manual step (the okta provider then resets its provisioning \
settings, provider #655): check Provisioning > To App right after, and set it back to false."""
    app_username_template: NotRequired[str]
    """The SCIM userName Gainsight receives, an Okta template over `source` (default `${source.email}`)."""
    import_id: NotRequired[str]
    """The id (0oa…) of an app made by hand, to adopt instead of creating one."""


class Attribute(TypedDict):
    """A custom SCIM field of the SCIM app, in Gainsight's namespace (Okta's Profile Editor)."""

    name: str
    """The field's exact name in Gainsight, e.g. IsSuperAdmin or LicenseType."""
    type: str
    """boolean, string (with `enum`: a Picklist) or array (with `enum`: a Multi-Picklist)."""
    title: NotRequired[str]
    """Its title in Okta's Profile Editor (default: the name)."""
    description: NotRequired[str]
    """Its description in Okta's Profile Editor."""
    enum: NotRequired[list[str]]
    """The values of a Picklist or Multi-Picklist."""
    scope: NotRequired[str]
    """`group` (the default: each group sets a value) or `personal` (one value per user)."""
    union: NotRequired[bool]
    """For a group-scope array: combine the values of all the user's groups instead of taking the first's."""
    source: NotRequired[str]
    """For a personal attribute: the Okta expression it is mapped from, e.g. user.costCenter."""


class Group(TypedDict):
    """An Okta group assigned to the apps, with the Gainsight values it sets. The list's order is the priority: the \
first group wins for a user in several."""

    name: str
    """The group's name in Okta."""
    description: NotRequired[str]
    """The description of a group the component creates."""
    existing: NotRequired[bool]
    """True: the group exists in Okta already and is looked up by its exact name, never created or deleted."""
    id: NotRequired[str]
    """The id (00g…) of an existing group, looked up by id instead of by name."""
    profile: NotRequired[dict[str, Any]]
    """The values of group-scope attributes for this group's members, e.g. {"LicenseType": "Full"}."""
    sso: NotRequired[bool]
    """Assign the group to the SSO app (default true)."""
    scim: NotRequired[bool]
    """Assign the group to the SCIM app, so its members are provisioned to Gainsight (default true)."""
    previous_name: NotRequired[str]
    """The name the group had before a rename: the created group is renamed in place, keeping its members."""


class GainsightOktaArgs(TypedDict):
    """The whole Okta side of the Gainsight integration, as a stack file of gainsight-okta declares it."""

    metadata_xml: str
    """Gainsight's SAML service-provider metadata.xml, as text."""
    tenant_url: str
    """Your Gainsight tenant, e.g. https://acme.gainsightcloud.com."""
    oauth_client_id: NotRequired[str]
    """The Client ID of the Gainsight OAuth application (step 2 of the runbook): required once provisioning is on."""
    protect: NotRequired[bool]
    """Protect the apps, groups and assignments from deletion (a production org should)."""
    saml_app: NotRequired[SamlApp]
    """The SSO app's settings."""
    scim_app: NotRequired[ScimApp]
    """The SCIM app's settings, including whether provisioning is on."""
    attributes: NotRequired[list[Attribute]]
    """The custom SCIM fields, in Gainsight's namespace."""
    groups: NotRequired[list[Group]]
    """The groups, in priority order: the first wins for a user in several. Each keeps its Okta priority when \
others are added, removed or moved."""


def args_source(name: str) -> str:
    """How messages name a component's args: `GainsightOkta 'gainsight'`."""
    return f"GainsightOkta {name!r}"


def inputs_from_args(
    args: Mapping[str, Any],
    org: OktaSettings,
    source: str,
    *,
    key_prefix: str = "",
    metadata_name: str | None = None,
) -> StackInputs:
    """The component's args, checked by every rule a stack file is: InputError names the argument's path
    (`groups[2].profile.LicenseType`), and nothing is declared. The repository's program, whose args come from a
    stack file, has messages name that file (`source`), its keys (`key_prefix`) and the metadata file."""
    if not isinstance(args, Mapping):
        raise InputError(source, "args", f"must be a mapping of the component's arguments, not {type(args).__name__}")
    settings = validate_settings(dict(args), ComponentSettings, source, key_prefix)
    metadata = sp_metadata_from_text(settings.metadata_xml, metadata_name or f"{source}: metadataXml")
    return checked_inputs(settings, org, metadata, source, key_prefix)


def args_from_inputs(inputs: StackInputs, metadata_xml: str) -> GainsightOktaArgs:
    """A stack file's checked settings as the component's args (the repository's program is one caller of it)."""
    settings = inputs.settings
    raw = settings.model_dump(
        exclude={"metadata_file", "gainsight_token_url", "gainsight_scim_url", "attributes", "groups"},
        exclude_none=True,
    )
    # With Gainsight's defaults the checks filled in (LicenseType's license types).
    raw["attributes"] = [attribute.model_dump(exclude_none=True) for attribute in inputs.attributes]
    raw["groups"] = [group.model_dump(exclude_none=True) for group in inputs.groups]
    raw["metadata_xml"] = metadata_xml
    return GainsightOktaArgs(**raw)  # type: ignore[typeddict-item]  # the same keys, checked by ComponentSettings
