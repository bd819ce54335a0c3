"""The gainsight-okta policies, as plain functions so that tests call them without a policy server.

Each check takes `Resource` views (or a list of them) and returns violation messages. Thin adapters turn
pulumi_policy's arguments into those views. Props are the provider's camelCase wire inputs, as in
`python -m components plan --json`.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pulumi_policy import (
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UnknownValueError

SAML_APP = "okta:app/saml:Saml"
ATTRIBUTE = "okta:index/appUserSchemaProperty:AppUserSchemaProperty"
APP_ASSIGNMENTS = "okta:index/appGroupAssignments:AppGroupAssignments"
GROUP_ASSIGNMENT = "okta:app/groupAssignment:GroupAssignment"

# Gainsight's rules, kept beside the policies (the pack runs in its own virtualenv); a test checks they
# match components/inputs/gainsight_schema.py.
SCIM_NAMESPACE = "urn:ietf:params:scim:schemas:extension:gainsight:2.0:User"
LICENSE_TYPES = ("Full", "Viewer", "Viewer_Analytics")
KNOWN_FIELDS = {"IsSuperAdmin": "boolean", "LicenseType": "string"}
# Declared null, as Okta reads them back (components.inputs.gainsight_schema; the pack imports nothing of it).
GROUP_SCOPED_BASE = ("preferredLanguage", "locale", "timezone", "userType")


@dataclass(frozen=True)
class Resource:
    """What the checks need to know of one resource."""

    type: str
    name: str
    urn: str
    props: Mapping[str, Any]
    protect: bool = False
    app_ref: str | None = None  # the app it belongs to: the app's URN when known, else the appId input
    # False for an AppGroupAssignments whose `groups` are in ignoreChanges (the program's observer, which writes
    # none): in a real preview its `groups` are what the last refresh read from Okta, not what anything sends.
    writes_groups: bool = True


def _known(read: Callable[[], Any]) -> Any:
    """A value, or None while it is unknown (an id Okta has not assigned yet, in a preview)."""
    try:
        return read()
    except (UnknownValueError, KeyError, TypeError, IndexError):
        return None


def stack_of(urn: str) -> str:
    return urn.removeprefix("urn:pulumi:").split("::")[0]


def _is_scim_app(resource: Resource) -> bool:
    label = str(_known(lambda: resource.props.get("label")) or "")
    return resource.name.endswith("-scim") or "scim" in label.lower()


# ---- resource checks ---------------------------------------------------------------------------


def apps_protected_in_prod(resource: Resource) -> list[str]:
    if resource.type != SAML_APP or not stack_of(resource.urn).startswith("prod"):
        return []
    if resource.protect:
        return []
    return [
        f"{resource.name}: Okta apps in a production stack must be protected (gainsight-okta:protect: true); "
        "deleting or replacing the SSO app locks everyone out of Gainsight"
    ]


def scim_app_hidden(resource: Resource) -> list[str]:
    if resource.type != SAML_APP or not _is_scim_app(resource):
        return []
    shown = [key for key in ("hideWeb", "hideIos") if _known(lambda key=key: resource.props.get(key)) is not True]
    if not shown:
        return []
    return [f"{resource.name}: the SCIM app must be hidden from end users ({', '.join(shown)} must be true)"]


def saml_signed_rsa_sha256(resource: Resource) -> list[str]:
    if resource.type != SAML_APP or _known(lambda: resource.props.get("preconfiguredApp")):
        return []
    algorithm = _known(lambda: resource.props.get("signatureAlgorithm"))
    if algorithm == "RSA_SHA256":
        return []
    return [f"{resource.name}: SAML responses must be signed with RSA_SHA256, not {algorithm or 'nothing'}"]


def _loopback(url: str) -> bool:
    """A URL on this machine (the Okta emulator, reached as okta:httpProxy)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # not an address, or not a URL at all
        return False


def _plain_http(value: Any, path: str) -> Iterable[str]:
    if isinstance(value, str) and value.lower().startswith("http://"):
        yield path
    elif isinstance(value, Mapping):
        for key in value:
            yield from _plain_http(_known(lambda key=key: value[key]), f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for position in range(len(value)):
            yield from _plain_http(_known(lambda position=position: value[position]), f"{path}[{position}]")


def no_plain_http(resource: Resource) -> list[str]:
    # The one plain http:// the tool allows: the okta provider's httpProxy on this machine (the Okta emulator).
    emulator = resource.type.startswith("pulumi:providers:") and _loopback(str(resource.props.get("httpProxy", "")))
    return [
        f"{resource.name}: {path} uses plain http://; use https://"
        for path in _plain_http(resource.props, "")
        if not (emulator and path == "httpProxy")
    ]


# ---- stack checks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Attribute:
    type: str
    scope: str
    values: tuple[str, ...]


def _attributes_by_app(resources: Iterable[Resource]) -> dict[str | None, dict[str, _Attribute]]:
    found: dict[str | None, dict[str, _Attribute]] = {}
    for resource in resources:
        if resource.type != ATTRIBUTE:
            continue
        props = resource.props
        index = _known(lambda props=props: props["index"])
        if index is None:
            continue
        enums = _known(lambda props=props: props.get("enums") or props.get("arrayEnums")) or []
        found.setdefault(resource.app_ref, {})[str(index)] = _Attribute(
            type=str(_known(lambda props=props: props.get("type")) or "string"),
            scope=str(_known(lambda props=props: props.get("scope")) or "NONE"),
            values=tuple(str(v) for v in enums),
        )
    return found


def _assignment_entries(resource: Resource) -> list[tuple[Any, Any, str]]:
    """(priority, profile JSON, label) for each group an assignment resource assigns."""
    if resource.type == GROUP_ASSIGNMENT:
        return [
            (
                _known(lambda: resource.props.get("priority")),
                _known(lambda: resource.props.get("profile")),
                resource.name,
            )
        ]
    if resource.type != APP_ASSIGNMENTS or not resource.writes_groups:
        return []
    groups = _known(lambda: resource.props.get("groups")) or []
    return [
        (
            _known(lambda position=position: groups[position]["priority"]),
            _known(lambda position=position: groups[position]["profile"]),
            f"{resource.name} groups[{position}]",
        )
        for position in range(len(groups))
    ]


def _value_problem(name: str, attribute: _Attribute, value: Any) -> str | None:
    if value is None:
        return None  # not set: the program declares every group-scoped attribute, null where a group sets none
    if KNOWN_FIELDS.get(name) == "boolean" or attribute.type == "boolean":
        return None if isinstance(value, bool) else f"{name} must be true or false, not {value!r}"
    allowed = attribute.values or (LICENSE_TYPES if name == "LicenseType" else ())
    if name == "LicenseType":
        allowed = tuple(v for v in allowed if v in LICENSE_TYPES)
    if attribute.type == "array":
        if not isinstance(value, list):
            return f"{name} is a Multi-Picklist and takes a list, not {value!r}"
        wrong = [item for item in value if allowed and item not in allowed]
        return f"{name} value {wrong[0]!r} is not one of {', '.join(allowed)}" if wrong else None
    if not isinstance(value, str):
        return f"{name} must be a string, not {value!r}"
    if allowed and value not in allowed:
        return f"{name} value {value!r} is not one of {', '.join(allowed)}"
    return None


def assignment_profiles_valid(resources: list[Resource]) -> list[str]:
    attributes = _attributes_by_app(resources)
    problems = []
    for resource in resources:
        declared = attributes.get(resource.app_ref, {})
        for _, profile_json, label in _assignment_entries(resource):
            if profile_json is None:
                continue
            try:
                profile = json.loads(profile_json)
            except (TypeError, json.JSONDecodeError):
                problems.append(f"{label}: profile is not JSON")
                continue
            for name, value in (profile or {}).items():
                attribute = declared.get(name)
                if attribute is None and value is None and name in GROUP_SCOPED_BASE:
                    continue
                if attribute is None:
                    problems.append(f"{label}: profile sets {name!r}, which is not an attribute declared on that app")
                elif attribute.scope == "SELF":
                    problems.append(f"{label}: {name!r} is a personal attribute and cannot take a group value")
                elif (problem := _value_problem(name, attribute, value)) is not None:
                    problems.append(f"{label}: {problem}")
    return problems


def unique_priorities(resources: list[Resource]) -> list[str]:
    seen: dict[tuple[str | None, Any], str] = {}
    problems = []
    for resource in resources:
        for priority, _, label in _assignment_entries(resource):
            if priority is None:
                continue
            key = (resource.app_ref, int(priority))
            if int(priority) == 0:
                # resource_okta_app_group_assignment(s).go: Create skips 0 (GetOk) and the diff hides a change to 0.
                problems.append(f"{label}: priority 0 is never sent reliably by the okta provider; start at 1")
            if key in seen:
                problems.append(f"{label}: priority {int(priority)} is already taken on that app by {seen[key]}")
            else:
                seen[key] = label
    return problems


RESOURCE_CHECKS: dict[str, tuple[str, Callable[[Resource], list[str]]]] = {
    "apps-protected-in-prod": (
        "Both Okta apps are protected in stacks whose name starts with prod.",
        apps_protected_in_prod,
    ),
    "scim-app-hidden": ("The SCIM app is hidden from end users.", scim_app_hidden),
    "saml-signed-rsa-sha256": ("SAML apps sign with RSA_SHA256.", saml_signed_rsa_sha256),
    "no-plain-http": ("No input is a plain http:// URL.", no_plain_http),
}
STACK_CHECKS: dict[str, tuple[str, Callable[[list[Resource]], list[str]]]] = {
    "assignment-profiles-valid": (
        "Group assignment profiles set only attributes declared on the app, with Gainsight-valid values.",
        assignment_profiles_valid,
    ),
    "unique-assignment-priorities": (
        "No two groups share a priority on one app, and none uses 0 (the okta provider drops it).",
        unique_priorities,
    ),
}


# ---- adapters to pulumi_policy -----------------------------------------------------------------


def _app_ref(props: Mapping[str, Any], dependencies: Mapping[str, list[Any]] | None) -> str | None:
    apps = (dependencies or {}).get("appId") or []
    if apps:
        return str(apps[0].urn)
    value = _known(lambda: props.get("appId"))
    return str(value) if value is not None else None


def from_resource_args(args: ResourceValidationArgs) -> Resource:
    return Resource(
        args.resource_type,
        args.name,
        args.urn,
        args.props,
        bool(args.opts.protect),
        _known(lambda: args.props.get("appId")),
    )


def from_stack_args(args: StackValidationArgs) -> list[Resource]:
    return [
        Resource(
            r.resource_type,
            r.name,
            r.urn,
            r.props,
            bool(r.opts.protect),
            _app_ref(r.props, r.property_dependencies),
            "groups" not in (r.opts.ignore_changes or []),
        )
        for r in args.resources
    ]


def _resource_policy(name: str, description: str, check: Callable[[Resource], list[str]]) -> ResourceValidationPolicy:
    def validate(args: ResourceValidationArgs, report_violation: ReportViolation) -> None:
        for message in check(from_resource_args(args)):
            report_violation(message, args.urn)

    return ResourceValidationPolicy(name=name, description=description, validate=validate)


def _stack_policy(name: str, description: str, check: Callable[[list[Resource]], list[str]]) -> StackValidationPolicy:
    def validate(args: StackValidationArgs, report_violation: ReportViolation) -> None:
        for message in check(from_stack_args(args)):
            report_violation(message, None)

    return StackValidationPolicy(name=name, description=description, validate=validate)


POLICIES = [
    *(_resource_policy(name, description, check) for name, (description, check) in RESOURCE_CHECKS.items()),
    *(_stack_policy(name, description, check) for name, (description, check) in STACK_CHECKS.items()),
]
