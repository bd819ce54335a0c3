"""The Gainsight OAuth application's client credentials, from `GAINSIGHT_CLIENT_ID` and `GAINSIGHT_CLIENT_SECRET`.

Both unset means Gainsight is not configured: the commands that can read it then leave it out. One without the
other is a mistake worth one error line, naming the missing variable. The secret lives only in this object and in
the token request's Authorization header: its repr, and every message, leave it out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from components.errors import InputError

CLIENT_ID_VARIABLE = "GAINSIGHT_CLIENT_ID"
CLIENT_SECRET_VARIABLE = "GAINSIGHT_CLIENT_SECRET"


@dataclass(frozen=True)
class GainsightCredentials:
    """A machine-to-machine OAuth key of Gainsight (client-credentials flow; Administration > User Management >
    Authentication > OAuth Applications)."""

    client_id: str
    client_secret: str = field(repr=False)


def _refuse_control_characters(name: str, value: str) -> None:
    # The value is not quoted: for the secret, that would print it.
    if any(not ch.isprintable() for ch in value):
        raise InputError(name, "", "holds control characters (a line break pasted with it?); set it again")


def _one_sided(missing: str, given: str) -> InputError:
    return InputError(
        missing,
        "",
        f"is not set, but {given} is: set both (the Client ID and Client Secret of the Gainsight OAuth "
        "application), or neither to leave Gainsight out",
    )


def gainsight_credentials_from_environment(environ: Mapping[str, str] | None = None) -> GainsightCredentials | None:
    """The credentials, or None when neither variable is set (Gainsight is then not read)."""
    environ = os.environ if environ is None else environ
    client_id = environ.get(CLIENT_ID_VARIABLE, "").strip()
    client_secret = environ.get(CLIENT_SECRET_VARIABLE, "").strip()
    if not client_id and not client_secret:
        return None
    if not client_secret:
        raise _one_sided(CLIENT_SECRET_VARIABLE, CLIENT_ID_VARIABLE)
    if not client_id:
        raise _one_sided(CLIENT_ID_VARIABLE, CLIENT_SECRET_VARIABLE)
    _refuse_control_characters(CLIENT_ID_VARIABLE, client_id)
    _refuse_control_characters(CLIENT_SECRET_VARIABLE, client_secret)
    return GainsightCredentials(client_id, client_secret)
