"""Gainsight's side, for the commands that compare it with Okta (`verify`, `explain --user --live`): read only,
and only when `GAINSIGHT_CLIENT_ID` and `GAINSIGHT_CLIENT_SECRET` are set (components.live.gainsight_credentials).
The addresses are the stack's settings, with Gainsight's documented defaults."""

from __future__ import annotations

from collections.abc import Sequence

from components.errors import InputError
from components.inputs.stack_inputs import StackInputs
from components.live.budget import Deadline, RetryBudget
from components.live.directory_documents import AppUser
from components.live.gainsight_credentials import gainsight_credentials_from_environment
from components.live.gainsight_endpoints import GainsightEndpoints, gainsight_endpoints
from components.live.gainsight_model import GainsightUser
from components.live.gainsight_scim import GainsightScimClient
from components.live.verify_finding import Finding
from components.live.verify_gainsight import gainsight_findings


def _endpoints(inputs: StackInputs) -> GainsightEndpoints:
    settings = inputs.settings
    try:
        return gainsight_endpoints(settings.tenant_url, settings.gainsight_token_url, settings.gainsight_scim_url)
    except InputError as error:  # the setting is in the stack file: say which file
        raise InputError(inputs.source, error.source, error.message) from None


def _client(inputs: StackInputs, deadline: Deadline) -> GainsightScimClient | None:
    credentials = gainsight_credentials_from_environment()
    if credentials is None:
        return None
    return GainsightScimClient(_endpoints(inputs), credentials, deadline=deadline, budget=RetryBudget())


def gainsight_holds(inputs: StackInputs, user_name: str, deadline: Deadline) -> tuple[bool, GainsightUser | None]:
    """(whether Gainsight is configured, the user it holds by that userName or None)."""
    client = _client(inputs, deadline)
    if client is None:
        return False, None
    with client:
        return True, client.users([user_name]).get(user_name.casefold())


def gainsight_verify_findings(
    inputs: StackInputs, app_users: Sequence[AppUser], label: str, deadline: Deadline
) -> list[Finding]:
    """Gainsight's users, all of them, against the SCIM app's users in Okta; nothing when not configured."""
    client = _client(inputs, deadline)
    if client is None:
        return []
    with client:
        return gainsight_findings(app_users, client.users(), label)
