"""What is likely wrong with a stack that is still valid, said as warnings: what it shares with the project's
other stacks by mistake (the same Gainsight metadata: one tenant's SAML connection for two environments; the same
SCIM app label in one Okta org: `verify` and `rotate-key` find an app by its label), no Okta org at all (`pulumi
up` then takes the environment's), an org domain that is none of Okta's (`okta.co` for `okta.com` reaches nobody's
org), or an `okta:httpProxy` that turns off the provider's rate-limit guard."""

from __future__ import annotations

import os
from pathlib import Path

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs, load_stack_inputs
from components.loopback import is_loopback_url

# Okta's own org domains (developer.okta.com, "Find your Okta domain"); an org can also have a custom URL domain.
OKTA_DOMAINS = ("okta.com", "oktapreview.com", "okta-emea.com", "okta.mil", "okta-gov.com")


def _org(inputs: StackInputs) -> str | None:
    okta = inputs.okta
    if okta.org_name and okta.base_url:
        return f"{okta.org_name}.{okta.base_url}"
    return okta.http_proxy  # the provider's address of a loopback org, when it has no names


def _proxy_key_elsewhere(inputs: StackInputs) -> str | None:
    """Where a proxy that is not on this machine is set (the provider reads the key, else the variable); None when
    there is none. A loopback address is the Okta emulator, or a person's own forwarder (not warned about)."""
    for key, proxy in (
        ("okta:httpProxy", inputs.okta.http_proxy),
        ("OKTA_HTTP_PROXY", os.environ.get("OKTA_HTTP_PROXY")),
    ):
        if not proxy:
            continue
        return None if is_loopback_url(proxy) else key  # not a URL at all: warned, and the provider's error
    return None


def stack_warnings(stack: str, inputs: StackInputs, project_root: Path, own_file: Path | None = None) -> list[str]:
    """`own_file`: the file the stack was read from, when --config named one (never compared with itself)."""
    warnings = []
    own = own_file.resolve() if own_file is not None else None
    domain = inputs.okta.base_url
    if domain is not None and domain not in OKTA_DOMAINS:
        warnings.append(
            f"warning: {inputs.source}: okta:baseUrl {domain!r} is none of Okta's domains "
            f"({', '.join(OKTA_DOMAINS)}): check it, unless it is your org's custom URL domain"
        )
    proxy_key = _proxy_key_elsewhere(inputs)
    if proxy_key is not None:
        # okta/api/idaas.go hands the proxy to the Okta SDK (WithProxyHost), and the SDK's NewAPIClient then builds a
        # client of its own (okta-sdk-golang v4.1.2 okta/client.go; v5 and v6 alike, from okta/api/api.go): the
        # provider's governed, retrying transport is dropped. Measured against the emulator: docs/api-cost.md.
        warnings.append(
            f"warning: {inputs.source}: {proxy_key} is set: the okta provider's Okta SDK then replaces the "
            "provider's HTTP client, so okta:maxApiCapacity, okta:backoff and okta:minWaitSeconds have no effect "
            "and a run can take whole rate-limit buckets the org's other tools share; use HTTPS_PROXY for a proxy"
        )
    if _org(inputs) is None:
        warnings.append(
            f"warning: {inputs.source}: the Okta org is not set (okta:orgName, okta:baseUrl): `pulumi up` uses "
            "OKTA_ORG_NAME and OKTA_BASE_URL from wherever it runs"
        )
    for path in sorted(project_root.glob("Pulumi.*.yaml")):
        other = path.name.removeprefix("Pulumi.").removesuffix(".yaml")
        if other == stack or path.resolve() == own:
            continue
        try:
            stack_file = read_stack_file(path, path.name)
            theirs = load_stack_inputs(stack_file.config, path.name, project_root, stack_file.secret_keys)
        except InputError:
            continue  # a broken sibling is its own stack's error, not this one's
        if theirs.metadata.entity_id == inputs.metadata.entity_id:
            warnings.append(
                f"warning: {inputs.source}: its metadata has the entityID of stack {other!r} "
                f"({inputs.metadata.entity_id}): each environment needs its own Gainsight tenant's metadata.xml"
            )
        same_org = _org(theirs) is not None and _org(theirs) == _org(inputs)
        if same_org and theirs.settings.scim_app.label == inputs.settings.scim_app.label:
            warnings.append(
                f"warning: {inputs.source}: stack {other!r} has a SCIM app labelled "
                f"{inputs.settings.scim_app.label!r} in the same Okta org: give each stack's apps their own labels"
            )
    return warnings
