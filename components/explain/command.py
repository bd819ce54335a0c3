"""`explain`: which Gainsight values a user in some groups receives (from the stack alone), or one person as Okta
and Gainsight hold them (`--user LOGIN --live`, read only)."""

from __future__ import annotations

import argparse
import json
import sys

from components.errors import InputError
from components.explain.groups import explain, explain_json, explain_text
from components.http.budget import Deadline
from components.inputs.stack_selection import named_stack_file, read_stack_inputs, stack_inputs
from components.okta.app_ids import app_id_of
from components.okta.client import OktaClient
from components.okta.credentials import credentials_from_environment, org_url


def run_explain(args: argparse.Namespace) -> int:
    if args.user is not None or args.live:
        if args.user is None or not args.live or args.groups is not None:
            raise InputError("explain", "--user", "--live takes --user LOGIN (and no --groups); --user needs --live")
        return run_explain_user(args)
    if args.groups is None:
        raise InputError("explain", "--groups", "name the groups (--groups), or one person (--user LOGIN --live)")
    display_name, inputs = stack_inputs(args)
    names = [name.strip() for name in args.groups.split(",") if name.strip()]
    if not names:
        raise InputError(display_name, "--groups", 'name at least one group, e.g. --groups "Viewers,Admins"')
    received = explain(inputs, names)
    if args.json:
        print(json.dumps(explain_json(received), indent=2))
    else:
        sys.stdout.write(explain_text(inputs, names, received))
    return 0


def run_explain_user(args: argparse.Namespace) -> int:
    stack_file_path, display_name = named_stack_file(args)
    # Imported here: only this command reads Gainsight (scim2-client's models load with it).
    from components.explain.person import read_person
    from components.explain.report import person_json, person_text
    from components.gainsight.holds import gainsight_holds

    config, inputs = read_stack_inputs(stack_file_path, display_name)
    base_url = org_url(args.okta_url, config)
    deadline = Deadline(args.timeout)
    with OktaClient(base_url, credentials_from_environment(), deadline=deadline) as client:
        sso, scim = inputs.settings.saml_app, inputs.settings.scim_app
        sso_id = app_id_of(args, client, display_name, "samlApp", sso.import_id, sso.label)
        scim_id = app_id_of(args, client, display_name, "scimApp", scim.import_id, scim.label)
        person = read_person(client, args.user, sso_id, scim_id)
    gainsight = gainsight_holds(inputs, person.gainsight_user_name, deadline)
    if args.json:
        print(json.dumps(person_json(person, gainsight), indent=2))
    else:
        sys.stdout.write(person_text(args.stack, person, gainsight))
    return 0
