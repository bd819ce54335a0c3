"""The SAML settings both Okta apps share, derived from Gainsight's metadata and the stack settings."""

from __future__ import annotations

import pulumi_okta as okta

from components.inputs.attribute_statements import AttributeStatementSettings
from components.inputs.stack_inputs import StackInputs

AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
ATTRIBUTE_NAME_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
# Gainsight's Auth0 connection maps these three to the user it signs in.
PROFILE_ATTRIBUTES = (("email", "user.email"), ("firstName", "user.firstName"), ("lastName", "user.lastName"))


# Okta's built-in app username formats; any other template is a custom expression.
BUILT_IN_USERNAME_TEMPLATES = frozenset(
    {
        "${source.login}",
        "${source.email}",
        '${fn:substringBefore(source.login, "@")}',
        '${fn:substringBefore(source.email, "@")}',
        "${source.samAccountName}",
    }
)


def _acs_arguments(inputs: StackInputs) -> dict[str, object]:
    endpoints = inputs.metadata.acs_endpoints  # in index order
    if len(endpoints) < 2:
        return {}
    indices = [endpoint.index for endpoint in endpoints]
    # The provider's Read (app.go, isACSEndpointSequential) reports indices that are exactly 0..n-1 as the
    # plain `acs_endpoints` list; declaring them as indices would diff on every preview. Declare what Read
    # reports: the list when Okta's own numbering (the position) equals Gainsight's, the indices otherwise,
    # so an AuthnRequest naming an index still lands on the right URL.
    if indices == list(range(len(endpoints))) or any(index is None for index in indices):
        return {"acs_endpoints": [endpoint.url for endpoint in endpoints]}
    return {
        "acs_endpoints_indices": [
            okta.app.SamlAcsEndpointsIndexArgs(index=endpoint.index, url=endpoint.url) for endpoint in endpoints
        ]
    }


def _single_logout_arguments(inputs: StackInputs) -> dict[str, object]:
    metadata = inputs.metadata
    # Okta verifies logout requests with the SP's signing certificate: without one, no SLO.
    if not metadata.single_logout_url or not metadata.signing_certificates:
        return {}
    return {
        "single_logout_url": metadata.single_logout_url,
        "single_logout_issuer": metadata.entity_id,
        "single_logout_certificate": metadata.signing_certificates[0],
    }


def _statement_args(statement: AttributeStatementSettings) -> okta.app.SamlAttributeStatementArgs:
    if statement.is_group:
        # No values: the provider's validateAppSaml refuses them on a GROUP statement.
        return okta.app.SamlAttributeStatementArgs(
            name=statement.name,
            namespace=statement.namespace,
            type="GROUP",
            filter_type=statement.filter_type,
            filter_value=statement.filter_value,
        )
    return okta.app.SamlAttributeStatementArgs(
        name=statement.name, namespace=statement.namespace, type="EXPRESSION", values=list(statement.values or ())
    )


def declared_statements(inputs: StackInputs) -> list[AttributeStatementSettings]:
    """The stack's attribute statements, or the default email, firstName and lastName."""
    declared = inputs.settings.saml_app.attribute_statements
    if declared is not None:
        return list(declared)
    return [
        AttributeStatementSettings(name=name, values=[expression], namespace=ATTRIBUTE_NAME_FORMAT)
        for name, expression in PROFILE_ATTRIBUTES
    ]


def _attribute_statements(inputs: StackInputs) -> list[okta.app.SamlAttributeStatementArgs]:
    return [_statement_args(statement) for statement in declared_statements(inputs)]


def username_template_type(template: str) -> str:
    return "BUILT_IN" if template in BUILT_IN_USERNAME_TEMPLATES else "CUSTOM"


def saml_app_args(inputs: StackInputs, label: str, app_username_template: str, *, hidden: bool) -> okta.app.SamlArgs:
    """A custom SAML 2.0 app for Gainsight. Fields Okta manages itself (features, status) stay out.

    The app username is declared: the provider would otherwise send its default `${source.login}` on every
    update, reverting any console edit, and on the SCIM app it is the `userName` Gainsight receives.
    """
    metadata = inputs.metadata
    saml = inputs.settings.saml_app
    return okta.app.SamlArgs(
        label=label,
        user_name_template=app_username_template,
        user_name_template_type=username_template_type(app_username_template),
        sso_url=metadata.default_acs_url,
        recipient=metadata.default_acs_url,
        destination=metadata.default_acs_url,
        audience=metadata.entity_id,
        subject_name_id_format=inputs.name_id_format,
        subject_name_id_template=inputs.settings.saml_app.user_name_template,
        signature_algorithm=saml.signature_algorithm,
        digest_algorithm=saml.digest_algorithm,
        response_signed=True,
        assertion_signed=True,
        authn_context_class_ref=AUTHN_CONTEXT,
        attribute_statements=_attribute_statements(inputs),
        hide_web=hidden,
        hide_ios=hidden,
        **({"honor_force_authn": True} if saml.honor_force_authn else {}),
        **_acs_arguments(inputs),
        **_single_logout_arguments(inputs),
    )


# Every input this program gives a SAML app (Python names; the SDK translates): all ignored when the app is held
# back (the frozen SCIM app; the SSO app while a signing-key switch is pending).
SAML_APP_INPUTS = (
    "label",
    "user_name_template",
    "user_name_template_type",
    "sso_url",
    "recipient",
    "destination",
    "audience",
    "subject_name_id_format",
    "subject_name_id_template",
    "signature_algorithm",
    "digest_algorithm",
    "response_signed",
    "assertion_signed",
    "authn_context_class_ref",
    "attribute_statements",
    "hide_web",
    "hide_ios",
    "honor_force_authn",
    "acs_endpoints",
    "acs_endpoints_indices",
    "single_logout_url",
    "single_logout_issuer",
    "single_logout_certificate",
)


def scim_app_frozen(inputs: StackInputs) -> bool:
    """Frozen once provisioning is switched on, unless `scimApp.allowUpdate` lets updates through."""
    return inputs.provisioning_enabled and not inputs.settings.scim_app.allow_update
