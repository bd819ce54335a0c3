#!/usr/bin/env python3
"""The credentials of one stack's CI job, named once for every workflow (.github/actions/stack-access).

`secrets STACK`: reads the caller's secrets (`toJSON(secrets)`, in $STACK_SECRETS), exports to $GITHUB_ENV only
the variables below that are set, each value masked first, and writes to $GITHUB_OUTPUT how the job logs in:
`oidc` (Pulumi Cloud through OpenID Connect: `vars.PULUMI_ORG` set and neither a Pulumi token nor a backend URL
among the secrets), `environments` (the Pulumi ESC environments the stack file names under `environment:`) and
`present` (a backend to log in to and Okta credentials, from the secrets or from ESC).

`esc`: reads `pulumi env open --format json` on stdin and exports its `environmentVariables` of the same names.

Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
from collections.abc import Mapping
from pathlib import Path

BACKEND = ("PULUMI_ACCESS_TOKEN", "PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE")
OKTA = (
    "OKTA_ORG_NAME",
    "OKTA_BASE_URL",
    "OKTA_API_TOKEN",
    "OKTA_API_CLIENT_ID",
    "OKTA_API_PRIVATE_KEY",
    "OKTA_API_PRIVATE_KEY_ID",
    "OKTA_API_SCOPES",
)
NOT_SECRET = {"PULUMI_BACKEND_URL", "OKTA_ORG_NAME", "OKTA_BASE_URL", "OKTA_API_SCOPES"}


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def export(values: Mapping[str, object], names: tuple[str, ...]) -> list[str]:
    """Mask and append to $GITHUB_ENV each named value that is a non-empty string; the names exported."""
    exported = []
    with open(os.environ["GITHUB_ENV"], "a", encoding="utf-8") as env:
        for name in names:
            value = values.get(name)
            if not isinstance(value, str) or not value.strip():
                continue
            if name not in NOT_SECRET:
                for line in value.splitlines():  # a masked multi-line value is masked line by line
                    if line.strip():
                        print(f"::add-mask::{line}")
            delimiter = f"EOF_{secrets.token_hex(16)}"  # a private key spans lines: GitHub's heredoc form
            env.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
            exported.append(name)
    return exported


def stack_environments(stack_file: Path) -> list[str]:
    """The ESC environments under the stack file's top-level `environment:` list (`pulumi config env add`
    writes it); a small reader, since nothing is installed yet: `environment:` then `  - name` lines."""
    if not stack_file.is_file():
        return []
    names, inside = [], False
    for line in stack_file.read_text(encoding="utf-8").splitlines():
        if re.match(r"^environment:\s*(#.*)?$", line):
            inside = True
        elif inside and (item := re.match(r"^\s+-\s+['\"]?([\w./-]+)['\"]?\s*(#.*)?$", line)):
            names.append(item[1])
        elif inside and line.strip() and not line.lstrip().startswith("#"):
            inside = not re.match(r"^\S", line)
    return names


def from_secrets(stack: str) -> None:
    try:
        given = json.loads(os.environ.get("STACK_SECRETS") or "{}")
    except json.JSONDecodeError:
        fail("STACK_SECRETS: is not JSON (pass `toJSON(secrets)`)")
    if not isinstance(given, dict):
        fail("STACK_SECRETS: is not a JSON object (pass `toJSON(secrets)`)")
    exported = export(given, BACKEND + OKTA)
    oidc = bool(os.environ.get("PULUMI_ORG")) and not {"PULUMI_ACCESS_TOKEN", "PULUMI_BACKEND_URL"} & set(exported)
    environments = stack_environments(Path(f"Pulumi.{stack}.yaml"))
    backend = oidc or bool({"PULUMI_ACCESS_TOKEN", "PULUMI_BACKEND_URL"} & set(exported))
    okta = bool(environments) or bool({"OKTA_API_TOKEN", "OKTA_API_PRIVATE_KEY"} & set(exported))
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
        output.write(f"oidc={str(oidc).lower()}\n")
        output.write(f"environments={' '.join(environments)}\n")
        output.write(f"present={str(backend and okta).lower()}\n")
    how = "OIDC" if oidc else "secrets"
    print(f"stack {stack}: Pulumi login by {how}; ESC environments: {', '.join(environments) or 'none'}")


def from_esc() -> None:
    try:
        opened = json.load(sys.stdin)
    except json.JSONDecodeError:
        fail("pulumi env open: its output is not JSON")
    variables = opened.get("environmentVariables") if isinstance(opened, dict) else None
    if not isinstance(variables, dict):
        fail("pulumi env open: environmentVariables is missing (define OKTA_* under `environmentVariables`)")
    print(f"from ESC: {', '.join(export(variables, OKTA)) or 'nothing'}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["secrets"] and len(argv) == 2:
        from_secrets(argv[1])
    elif argv == ["esc"]:
        from_esc()
    else:
        fail("usage: stack-credentials.py secrets STACK | esc")


if __name__ == "__main__":
    main(sys.argv[1:])
