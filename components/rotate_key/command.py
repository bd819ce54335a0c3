"""`rotate-key`: the phases of an IdP certificate rotation; `generate` and `switch` write only with --confirm."""

from __future__ import annotations

import argparse
import json
import sys

from components.command_name import hint
from components.errors import InputError
from components.http.budget import Deadline
from components.inputs.model_base import written_setting
from components.inputs.project import load_inputs
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_selection import named_stack_file
from components.okta.app_ids import app_id_of
from components.okta.client import OktaClient
from components.okta.credentials import credentials_from_environment, org_url
from components.rotate_key.keys import SigningKey, generate, signing_keys, switch
from components.rotate_key.report import (
    handoff_markdown,
    rotation_status_text,
)


def _handoff(client: OktaClient, stack: str, app_id: str, key: SigningKey, active: SigningKey | None) -> str:
    metadata = client.get_text(f"/api/v1/apps/{app_id}/sso/saml/metadata", {"kid": key.kid})
    return handoff_markdown(stack, client.base_url, app_id, key, active, metadata)


# Each option and the phases that use it: given to another phase, it would be silently ignored (`switch --kid`
# once did nothing and said "nothing to do"), so it is refused before anything is read.
PHASE_OPTIONS = {"kid": ("handoff",), "years": ("generate",), "confirm": ("generate", "switch"), "json": ("status",)}
DEFAULT_YEARS = 2


def check_phase_options(args: argparse.Namespace) -> None:
    for option, phases in PHASE_OPTIONS.items():
        if getattr(args, option) not in (None, False) and args.phase not in phases:
            flag = f"--{option}"
            uses = " and ".join(f"`rotate-key {phase}`" for phase in phases)
            raise InputError(flag, "", f"is for {uses} only; `rotate-key {args.phase}` does not use it")


def run_rotate_key(args: argparse.Namespace) -> int:
    """The phases of an IdP certificate rotation; `generate` and `switch` write only with --confirm."""
    check_phase_options(args)
    years = DEFAULT_YEARS if args.years is None else args.years
    stack_file_path, display_name = named_stack_file(args)
    stack_file = read_stack_file(stack_file_path, display_name)
    inputs = load_inputs(stack_file.config, display_name, stack_file.secret_keys)
    base_url = org_url(args.okta_url, stack_file.config)
    writes = args.phase in ("generate", "switch") and args.confirm
    deadline = Deadline(args.timeout)
    wanted = inputs.settings.saml_app.signing_key_id
    if args.phase == "switch" and not wanted:  # said before any read: a first deploy has no app to read yet
        print("samlApp.signingKeyId is not set: nothing to switch (the app keeps the key it signs with)")
        return 0
    with OktaClient(base_url, credentials_from_environment(), allow_writes=writes, deadline=deadline) as client:
        sso = inputs.settings.saml_app
        app_id = app_id_of(args, client, display_name, "samlApp", sso.import_id, sso.label)
        keys = signing_keys(client, app_id)
        active = next((key for key in keys if key.active), None)
        if args.phase == "status":
            document = {"app": app_id, "active": active.kid if active else None, "stack": wanted}
            document["keys"] = [key.to_json() for key in keys]
            print(json.dumps(document, indent=2) if args.json else rotation_status_text(document))
            return 0
        if args.phase == "generate":
            if not args.confirm:
                print(f"would generate a {years}-year signing key for app {app_id}; run again with --confirm")
                return 0
            key = generate(client, app_id, years)
            # Said first: should the hand-off's reads fail now, the new key must not go unnoticed.
            print(f"generated signing key {key.kid} for app {app_id} (not active yet)", file=sys.stderr)
            try:
                sys.stdout.write(_handoff(client, args.stack, app_id, key, active))
            except InputError as error:
                raise InputError(
                    error.source,
                    error.location,
                    f"{error.message}; key {key.kid} exists: "
                    f"`{hint('rotate-key', 'handoff', '--stack', args.stack, '--kid', key.kid)}` prints the hand-off",
                ) from None
            return 0
        if args.phase == "handoff":
            kid = args.kid or wanted or next((k.kid for k in reversed(keys) if not k.active), None)
            key = next((k for k in keys if k.kid == kid), None)
            if key is None:
                what = f"{kid!r} is not a key of app {app_id}" if kid else f"app {app_id} has no key but the active one"
                raise InputError("--kid", "", f"{what}; run `rotate-key generate` first")
            sys.stdout.write(_handoff(client, args.stack, app_id, key, active))
            return 0
        # switch: to the kid the reviewed stack file names
        if wanted not in {key.kid for key in keys}:
            known = ", ".join(key.kid for key in keys)
            raise InputError(
                display_name,
                "gainsight-okta:samlApp.signingKeyId",
                f"{wanted!r} is not a key of app {app_id}; its keys: {known}",
            )
        if active and active.kid == wanted:
            print(f"app {app_id} already signs with {wanted}: nothing to do")
            return 0
        if not args.confirm:
            print(f"would switch app {app_id} from {active.kid if active else None} to {wanted}; add --confirm")
            return 0
        before = switch(client, app_id, wanted)
        # The state still holds the old key, which any update of the app would send back (signing_key_gate.py).
        print(
            f"switched app {app_id} from {before} to {wanted}. Next: `pulumi refresh --stack {args.stack}`, so that "
            f"the stack's state knows (until then `pulumi up` refuses). Roll back: set "
            f"{written_setting('samlApp.signingKeyId', str(before))}"
        )
        return 0
