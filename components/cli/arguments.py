"""The options of each command of the command line (components.cli.main lists the commands)."""

from __future__ import annotations

import argparse

from components.http.budget import timeout_argument
from components.inputs.settings import okta_app_id
from components.limits import DEFAULT_TIMEOUT_SECONDS

IMPACT_TIMEOUT_SECONDS = 900.0


def _app_id_argument(value: str) -> str:
    # Checked before any request: the id goes into the path of every Okta call.
    try:
        return okta_app_id(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _timeout_argument(value: str) -> float:
    try:
        return timeout_argument(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_arguments(name: str, takes_stack: bool, parser: argparse.ArgumentParser) -> None:
    """The options of command `name`; `takes_stack`: it reads a stack file (--stack, --config)."""
    if takes_stack:
        parser.add_argument("--stack", required=True, help="stack name, e.g. dev")
        parser.add_argument("--config", help="stack file (default: Pulumi.<stack>.yaml in the project root)")
    if name == "init":
        parser.add_argument("stack", metavar="STACK", help="the new stack's name, e.g. qa")
        parser.add_argument("--metadata", required=True, help="Gainsight's metadata.xml for this environment's tenant")
        parser.add_argument(
            "--tenant-url", required=True, help="the Gainsight tenant, e.g. https://acme.gainsightcloud.com"
        )
        parser.add_argument("--okta-org", help="the Okta org's name, e.g. acme for https://acme.okta.com")
        parser.add_argument("--okta-domain", help="the Okta org's domain, e.g. okta.com or oktapreview.com")
        parser.add_argument("--from", dest="from_stack", metavar="STACK", help="copy the settings of this stack")
        parser.add_argument("--force", action="store_true", help="overwrite an existing stack file or metadata copy")
    if name == "metadata":
        parser.add_argument("file", help="the metadata.xml Gainsight offers for its SAML connection")
    if name == "explain":
        parser.add_argument("--groups", help='comma-separated group names, e.g. "Viewers,Admins"')
        parser.add_argument("--user", metavar="LOGIN", help="with --live: one person's groups and values in Okta")
        parser.add_argument("--live", action="store_true", help="read the live org (and Gainsight, when configured)")
    if name == "impact":
        parser.add_argument("--base-config", required=True, help="the stack file before the change (the base branch's)")
        parser.add_argument("--outputs", help="the JSON of `pulumi stack output --json`, for the SCIM app's id")
        parser.add_argument("--show-users", action="store_true", help="list each person a change touches")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--json", action="store_true", help="one JSON document")
        group.add_argument("--markdown", action="store_true", help="Markdown: the PR comment's People section")
    if name == "runbook":
        parser.add_argument("--outputs", help="the JSON of `pulumi stack output --json`, for values Okta knows")
    if name in ("metadata", "plan", "explain"):
        parser.add_argument("--json", action="store_true", help="one JSON document")
    if name == "plan":
        parser.add_argument(
            "--previous-outputs",
            help="the last run's outputs (`pulumi stack output --json`, or a `plan --json`): priorities stay put",
        )
    if name == "plan-diff":
        parser.add_argument("base", help="`plan --json` of the base branch")
        parser.add_argument("head", help="`plan --json` of the pull request")
    if name == "drift-report":
        parser.add_argument("file", help="the JSON that pulumi printed")
        parser.add_argument("--stack", help="stack name for the heading (default: taken from the URNs)")
        parser.add_argument("--exit-code", type=int, help="the exit code of that pulumi run, as drift-status takes it")
    if name == "rotate-key":
        parser.add_argument("phase", choices=("status", "generate", "handoff", "switch"))
        parser.add_argument("--years", type=int, help="generate: the new key's validity (2 to 10, default 2)")
        parser.add_argument("--kid", help="handoff: the key (default: samlApp.signingKeyId, else the newest)")
        parser.add_argument("--confirm", action="store_true", help="generate, switch: really write to Okta")
        parser.add_argument("--outputs", help="the JSON of `pulumi stack output --json`, for the app's id")
        parser.add_argument("--json", action="store_true", help="status: one JSON document")
    if name in ("adopt", "verify", "rotate-key", "impact", "explain"):
        parser.add_argument(
            "--okta-url", help="the org's address, e.g. https://acme.okta.com (default: okta:orgName/baseUrl)"
        )
        # impact paces itself to a quarter of each rate-limit bucket: a 50,000-user org takes minutes of waits.
        default = IMPACT_TIMEOUT_SECONDS if name == "impact" else DEFAULT_TIMEOUT_SECONDS
        parser.add_argument(
            "--timeout",
            type=_timeout_argument,
            default=default,
            metavar="SECONDS",
            help=f"give up on Okta after this long, requests and waits included (default {default:g})",
        )
    if name == "adopt":
        parser.add_argument("--stack", required=True, help="the stack to write, e.g. prod")
        parser.add_argument(
            "--sso-app",
            required=True,
            type=_app_id_argument,
            help="the id (0oa...) of the app users sign in to Gainsight with",
        )
        parser.add_argument(
            "--scim-app", type=_app_id_argument, help="the id (0oa...) of the app that provisions Gainsight by SCIM"
        )
        parser.add_argument("--metadata", help="Gainsight's metadata.xml (default: metadata/<stack>.xml)")
        parser.add_argument("--output", help="the stack file to write (default: Pulumi.<stack>.yaml)")
        parser.add_argument("--force", action="store_true", help="overwrite an existing stack file")
        parser.add_argument("--tenant-url", help="your Gainsight tenant, e.g. https://acme.gainsightcloud.com")
        parser.add_argument("--oauth-client-id", help="the Client ID of the Gainsight OAuth application")
    if name == "verify":
        parser.add_argument("--outputs", help="the JSON of `pulumi stack output --json`, for the apps' ids")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--json", action="store_true", help="one JSON document")
        group.add_argument("--markdown", action="store_true", help="Markdown, for the drift issue")
        group.add_argument(
            "--refresh-targets",
            action="store_true",
            help="only the URNs to `pulumi refresh --target` so that `pulumi up` puts back what was changed by hand",
        )
        parser.add_argument(
            "--deployed", help="with --refresh-targets: `pulumi stack export` output; only URNs it holds are printed"
        )
    if name == "emulate":
        parser.add_argument("--port", type=int, default=0, help="the port on 127.0.0.1 (default 0: a free one)")
        parser.add_argument("--seed", choices=("empty", "article"), default="empty", help="the org to start from")
        parser.add_argument("--token", help="the one API token to accept (default: any non-empty SSWS token)")
        parser.add_argument(
            "--hostile",
            action="append",
            default=[],
            metavar="PATH=MODE",
            help="misbehave on paths starting with PATH (modes: components/emulator/hostile.py), e.g. "
            "/api/v1/apps=gzip-bomb; may be repeated",
        )
    if name == "drift-status":
        parser.add_argument("file", help="its JSON output (may be empty or missing when the run failed early)")
        parser.add_argument("--exit-code", type=int, required=True, help="the exit code of that pulumi run")
