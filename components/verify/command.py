"""`verify`: compare the live org (and Gainsight, when configured) with a stack; read only."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from components.errors import InputError
from components.http import clock
from components.http.budget import Deadline
from components.inputs.json_files import read_json_object
from components.inputs.project import load_inputs
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_selection import named_stack_file
from components.limits import VERIFY_BUCKET_SHARE
from components.okta.app_ids import app_id_of
from components.okta.client import OktaClient
from components.okta.credentials import credentials_from_environment, org_url
from components.okta.org import read_org
from components.okta.rate_buckets import CallMeter
from components.progress import progress_for
from components.verify.checks import verify
from components.verify.report import (
    verify_json,
    verify_markdown,
    verify_text,
)


def _deployed_urns(path: str) -> set[str]:
    """The URNs in the stack's state, from `pulumi stack export`: only those can be refreshed."""
    document = read_json_object(Path(path), path, "the output of `pulumi stack export`")
    deployment = document.get("deployment")
    resources = deployment.get("resources") if isinstance(deployment, dict) else None
    if not isinstance(deployment, dict) or not isinstance(resources, (list, type(None))):
        raise InputError(path, "deployment.resources", "is missing: give the output of `pulumi stack export`")
    # A stack never deployed exports a deployment without resources.
    return {r["urn"] for r in resources or [] if isinstance(r, dict) and isinstance(r.get("urn"), str)}


def run_verify(args: argparse.Namespace) -> int:
    stack_file_path, display_name = named_stack_file(args)
    stack_file = read_stack_file(stack_file_path, display_name)
    inputs = load_inputs(stack_file.config, display_name, stack_file.secret_keys)
    deployed = _deployed_urns(args.deployed) if args.deployed else None
    if args.refresh_targets and deployed is not None and not any(u.endswith("::gainsight-sso") for u in deployed):
        return 0  # nothing deployed yet (a first `pulumi up`): nothing to refresh, and no app to read
    base_url = org_url(args.okta_url, stack_file.config)
    sso, scim = inputs.settings.saml_app, inputs.settings.scim_app
    deadline = Deadline(args.timeout)
    # --refresh-targets prints URNs for a script: no live line there either.
    silent = args.json or args.refresh_targets
    with progress_for(json_output=silent, wait=clock.wait, monotonic=clock.monotonic) as progress:
        meter = CallMeter(share=VERIFY_BUCKET_SHARE, say=progress.say, sleep=progress.sleep)
        credentials = credentials_from_environment()
        client = OktaClient(base_url, credentials, deadline=deadline, meter=meter, progress=progress)
        with client:
            sso_id = app_id_of(args, client, display_name, "samlApp", sso.import_id, sso.label)
            scim_id = app_id_of(args, client, display_name, "scimApp", scim.import_id, scim.label)
            org = read_org(client, sso_id, scim_id, with_people=not args.refresh_targets)
        findings = verify(org, inputs, stack=args.stack)
        if not args.refresh_targets and inputs.provisioning_enabled and org.separate_scim is not None:
            from components.verify.gainsight import gainsight_verify_findings  # scim2-client loads only here

            label = f"SCIM app {org.separate_scim.label!r}"
            findings += gainsight_verify_findings(inputs, org.scim_users, label, deadline, progress)
    if args.refresh_targets:
        # One URN a line, for `pulumi refresh --target`; the deploy then writes back what the stack declares.
        # Only what the state holds: a group or attribute this commit adds is not there yet, and
        # `pulumi refresh --target` fails on a URN it does not know.
        for urn in dict.fromkeys(urn for finding in findings for urn in finding.refresh):
            if deployed is None or urn in deployed:
                print(urn)
        return 0
    if args.json:
        print(json.dumps(verify_json(args.stack, base_url, findings), indent=2))
    elif args.markdown:
        sys.stdout.write(verify_markdown(args.stack, findings))
    else:
        sys.stdout.write(verify_text(args.stack, base_url, findings))
    return 1 if findings else 0
