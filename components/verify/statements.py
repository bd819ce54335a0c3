"""`verify`'s check of the SSO app's SAML attribute statements: what Gainsight receives at every sign-in.

Expression statements are compared by their values, GROUP statements by their filter; a statement added,
removed or changed by hand is a finding, and a targeted refresh of the app lets `pulumi up` put it back.
"""

from __future__ import annotations

from components.inputs.attribute_statements import UNSPECIFIED_NAMESPACE, AttributeStatementSettings
from components.okta.models.apps import AttributeStatement
from components.resources.urns import SAML_APP_TYPE, child_urn
from components.verify.finding import Finding

Comparable = tuple[str, str, str, tuple[str, ...], str | None, str | None]


def _declared(statement: AttributeStatementSettings) -> Comparable:
    kind = "GROUP" if statement.is_group else "EXPRESSION"
    values = () if statement.is_group else tuple(statement.values or ())
    return (statement.name, kind, statement.namespace, values, statement.filter_type, statement.filter_value)


def _live(statement: AttributeStatement) -> Comparable:
    kind = (statement.type or "EXPRESSION").upper()
    values = () if kind == "GROUP" else tuple(statement.values or ())
    filters = (statement.filter_type, statement.filter_value) if kind == "GROUP" else (None, None)
    return (statement.name or "", kind, statement.namespace or UNSPECIFIED_NAMESPACE, values, *filters)


def _described(statement: Comparable) -> str:
    name, kind, _, values, filter_type, filter_value = statement
    if kind == "GROUP":
        return f"{name} (groups {filter_type} {filter_value!r})"
    return f"{name} = {', '.join(values) or '(no values)'}"


def statement_findings(
    live: list[AttributeStatement], declared: list[AttributeStatementSettings], label: str, stack: str
) -> list[Finding]:
    have = [_live(statement) for statement in live]
    want = [_declared(statement) for statement in declared]
    if have == want:
        return []
    missing = [_described(s) for s in want if s not in have]
    extra = [_described(s) for s in have if s not in want]
    parts = [f"missing in Okta: {'; '.join(missing)}"] if missing else []
    parts += [f"not in the stack: {'; '.join(extra)}"] if extra else []
    return [
        Finding(
            "attribute-statements",
            label,
            f"SAML attribute statements differ from the stack ({'; '.join(parts) or 'in another order'})",
            refresh=(child_urn(stack, SAML_APP_TYPE, "gainsight-sso"),),
        )
    ]
