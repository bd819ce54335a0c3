"""The commands about people, wired to the command line: `impact` (what a change does to people) and
`explain --user LOGIN --live` (one person as Okta, and Gainsight, hold them). Both read only."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from components.documents.impact_report import impact_json, impact_markdown, impact_text
from components.inputs.project import load_inputs
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_inputs import StackInputs
from components.live.budget import Deadline
from components.live.client import OktaClient
from components.live.credentials import credentials_from_environment, org_url
from components.live.org import read_app
from components.live.rate_buckets import CallMeter
from components.live_app_ids import app_id_of


def _inputs(path: Path, shown: str) -> tuple[dict, StackInputs]:
    stack_file = read_stack_file(path, shown)
    return stack_file.config, load_inputs(stack_file.config, shown, stack_file.secret_keys)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def run_impact(args: argparse.Namespace, stack_file_path: Path, shown: str) -> int:
    from components.impact_run import people_impact

    config, head = _inputs(stack_file_path, shown)
    _, base = _inputs(Path(args.base_config), args.base_config)
    base_url = org_url(args.okta_url, config)
    meter = CallMeter(say=_say)
    with OktaClient(base_url, credentials_from_environment(), deadline=Deadline(args.timeout), meter=meter) as client:
        scim = head.settings.scim_app
        app = read_app(client, app_id_of(args, client, shown, "scimApp", scim.import_id, scim.label))
        result = people_impact(client, app, base, head)
    calls = meter.to_json()
    if args.json:
        print(json.dumps(impact_json(args.stack, base_url, result, calls, args.show_users), indent=2))
    elif args.markdown:
        sys.stdout.write(impact_markdown(args.stack, result, args.show_users))
    else:
        sys.stdout.write(impact_text(args.stack, base_url, result, calls, args.show_users, meter.waited_seconds))
    return 0


def run_explain_user(args: argparse.Namespace, stack_file_path: Path, shown: str) -> int:
    # Imported here: only this command reads Gainsight (scim2-client's models load with it).
    from components.documents.person_report import person_json, person_text
    from components.gainsight_side import gainsight_holds
    from components.live.person import read_person

    config, inputs = _inputs(stack_file_path, shown)
    base_url = org_url(args.okta_url, config)
    deadline = Deadline(args.timeout)
    with OktaClient(base_url, credentials_from_environment(), deadline=deadline) as client:
        sso, scim = inputs.settings.saml_app, inputs.settings.scim_app
        sso_id = app_id_of(args, client, shown, "samlApp", sso.import_id, sso.label)
        scim_id = app_id_of(args, client, shown, "scimApp", scim.import_id, scim.label)
        person = read_person(client, args.user, sso_id, scim_id)
    gainsight = gainsight_holds(inputs, person.gainsight_user_name, deadline)
    if args.json:
        print(json.dumps(person_json(person, gainsight), indent=2))
    else:
        sys.stdout.write(person_text(args.stack, person, gainsight))
    return 0
