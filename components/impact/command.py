"""`impact`: who a change deactivates, re-licenses or makes super admin in Gainsight; reads Okta, read only."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from components.http import clock
from components.http.budget import Deadline
from components.impact.report import impact_json, impact_markdown, impact_text
from components.inputs.stack_selection import named_stack_file, read_stack_inputs
from components.okta.app_ids import app_id_of
from components.okta.client import OktaClient
from components.okta.credentials import credentials_from_environment, org_url
from components.okta.org import read_app
from components.okta.rate_buckets import CallMeter
from components.progress import progress_for


def run_impact(args: argparse.Namespace) -> int:
    stack_file_path, display_name = named_stack_file(args)
    from components.impact.run import people_impact

    config, head = read_stack_inputs(stack_file_path, display_name)
    _, base = read_stack_inputs(Path(args.base_config), args.base_config)
    base_url = org_url(args.okta_url, config)
    deadline = Deadline(args.timeout)
    with progress_for(json_output=args.json, wait=clock.wait, monotonic=clock.monotonic) as progress:
        meter = CallMeter(say=progress.say, sleep=progress.sleep)
        credentials = credentials_from_environment()
        client = OktaClient(base_url, credentials, deadline=deadline, meter=meter, progress=progress)
        with client:
            scim = head.settings.scim_app
            app = read_app(client, app_id_of(args, client, display_name, "scimApp", scim.import_id, scim.label))
            result = people_impact(client, app, base, head)
    calls = meter.to_json()
    if args.json:
        print(json.dumps(impact_json(args.stack, base_url, result, calls, args.show_users), indent=2))
    elif args.markdown:
        sys.stdout.write(impact_markdown(args.stack, result, args.show_users))
    else:
        sys.stdout.write(impact_text(args.stack, base_url, result, calls, args.show_users, meter.waited_seconds))
    return 0
