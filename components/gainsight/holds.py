"""What Gainsight holds, for the commands that compare it with Okta (`verify`, `explain --user --live`): read only,
and only when `GAINSIGHT_CLIENT_ID` and `GAINSIGHT_CLIENT_SECRET` are set (components.gainsight.credentials).
The addresses are the stack's settings, with Gainsight's documented defaults."""

from __future__ import annotations

from components.errors import InputError
from components.gainsight.credentials import gainsight_credentials_from_environment
from components.gainsight.endpoints import GainsightEndpoints, gainsight_endpoints
from components.gainsight.scim import GainsightScimClient
from components.gainsight.users import GainsightUser
from components.http.budget import Deadline, RetryBudget
from components.inputs.settings import Settings
from components.inputs.stack_inputs import StackInputs
from components.progress import Progress


def _endpoints(inputs: StackInputs) -> GainsightEndpoints:
    settings = inputs.settings
    # Only a stack file says where Gainsight's SCIM API is; otherwise Gainsight's documented defaults.
    token_url = settings.gainsight_token_url if isinstance(settings, Settings) else None
    scim_url = settings.gainsight_scim_url if isinstance(settings, Settings) else None
    try:
        return gainsight_endpoints(settings.tenant_url, token_url, scim_url)
    except InputError as error:  # the setting is in the stack file: say which file
        raise InputError(inputs.source, error.source, error.message) from None


def gainsight_client(
    inputs: StackInputs, deadline: Deadline, progress: Progress | None = None
) -> GainsightScimClient | None:
    credentials = gainsight_credentials_from_environment()
    if credentials is None:
        return None
    return GainsightScimClient(
        _endpoints(inputs), credentials, deadline=deadline, budget=RetryBudget(), progress=progress
    )


def gainsight_holds(inputs: StackInputs, user_name: str, deadline: Deadline) -> tuple[bool, GainsightUser | None]:
    """(whether Gainsight is configured, the user it holds by that userName or None)."""
    client = gainsight_client(inputs, deadline)
    if client is None:
        return False, None
    with client:
        return True, client.users([user_name]).get(user_name.casefold())
