"""Okta's Application documents, as far as these commands read them (Okta's OpenAPI `SamlApplication`,
`SamlApplicationSettingsSignOn`, `ApplicationVisibility`, `ApplicationCredentials`; the okta SDK's models of the
same names)."""

from __future__ import annotations

from pydantic import Field

from components.okta.models.base import Certificate, KeyId, OktaDocument, OktaId, ServerText


class AttributeStatement(OktaDocument):
    """`type: EXPRESSION` carries `values`; `type: GROUP` carries `filterType` and `filterValue` instead."""

    type: ServerText | None = None
    name: ServerText | None = None
    namespace: ServerText | None = None
    values: list[ServerText] | None = None
    filter_type: ServerText | None = Field(None, alias="filterType")
    filter_value: ServerText | None = Field(None, alias="filterValue")


class AcsEndpoint(OktaDocument):
    url: ServerText | None = None
    index: int | None = None


class SingleLogout(OktaDocument):
    enabled: bool | None = None
    issuer: ServerText | None = None
    logout_url: ServerText | None = Field(None, alias="logoutUrl")


class CertificateChain(OktaDocument):
    x5c: list[Certificate] | None = None  # base64 DER: not text to redact


class SignOn(OktaDocument):
    sso_acs_url: ServerText | None = Field(None, alias="ssoAcsUrl")
    recipient: ServerText | None = None
    destination: ServerText | None = None
    audience: ServerText | None = None
    subject_name_id_template: ServerText | None = Field(None, alias="subjectNameIdTemplate")
    subject_name_id_format: ServerText | None = Field(None, alias="subjectNameIdFormat")
    response_signed: bool | None = Field(None, alias="responseSigned")
    assertion_signed: bool | None = Field(None, alias="assertionSigned")
    signature_algorithm: ServerText | None = Field(None, alias="signatureAlgorithm")
    digest_algorithm: ServerText | None = Field(None, alias="digestAlgorithm")
    honor_force_authn: bool | None = Field(None, alias="honorForceAuthn")
    authn_context_class_ref: ServerText | None = Field(None, alias="authnContextClassRef")
    saml_signed_request_enabled: bool | None = Field(None, alias="samlSignedRequestEnabled")
    default_relay_state: ServerText | None = Field(None, alias="defaultRelayState")
    allow_multiple_acs_endpoints: bool | None = Field(None, alias="allowMultipleAcsEndpoints")
    acs_endpoints: list[AcsEndpoint] | None = Field(None, alias="acsEndpoints")
    attribute_statements: list[AttributeStatement] | None = Field(None, alias="attributeStatements")
    slo: SingleLogout | None = None
    sp_certificate: CertificateChain | None = Field(None, alias="spCertificate")


class AppSettings(OktaDocument):
    sign_on: SignOn | None = Field(None, alias="signOn")


class Hide(OktaDocument):
    web: bool | None = None
    ios: bool | None = Field(None, alias="iOS")


class Visibility(OktaDocument):
    hide: Hide | None = None


class UserNameTemplate(OktaDocument):
    template: ServerText | None = None
    type: ServerText | None = None


class Signing(OktaDocument):
    kid: KeyId | None = None


class AppCredentials(OktaDocument):
    user_name_template: UserNameTemplate | None = Field(None, alias="userNameTemplate")
    signing: Signing | None = None


class OktaApp(OktaDocument):
    id: OktaId
    name: ServerText = ""
    label: ServerText = ""
    status: ServerText = ""
    sign_on_mode: ServerText = Field("", alias="signOnMode")
    features: list[ServerText] | None = None
    visibility: Visibility | None = None
    credentials: AppCredentials | None = None
    settings: AppSettings | None = None

    @property
    def sign_on(self) -> SignOn:
        return (self.settings.sign_on if self.settings else None) or SignOn()

    @property
    def hide(self) -> Hide:
        return (self.visibility.hide if self.visibility else None) or Hide()

    @property
    def username_template(self) -> UserNameTemplate:
        return (self.credentials.user_name_template if self.credentials else None) or UserNameTemplate()

    @property
    def signing_kid(self) -> str | None:
        signing = self.credentials.signing if self.credentials else None
        return signing.kid if signing else None


class AppSummary(OktaDocument):
    """An item of `GET /api/v1/apps?q=…`: enough to find an app by its label."""

    id: OktaId
    label: ServerText = ""
