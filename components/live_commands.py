"""`adopt` and `verify`: the two commands that read the live org (read only), wired to the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from components.documents.live_reports import (
    adopt_text,
    handoff_markdown,
    rotation_status_text,
    verify_json,
    verify_markdown,
    verify_text,
)
from components.errors import InputError
from components.inputs.project import PROJECT_ROOT, load_inputs
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_writer import stack_file_text
from components.live.adopt import adopt
from components.live.app_inputs import input_differences, live_saml_inputs
from components.live.client import OktaClient
from components.live.credentials import credentials_from_environment, org_url
from components.live.key_rotation import generate, signing_keys, switch
from components.live.org import LiveOrg, read_org
from components.live.verify import verify
from components.metadata.sp_metadata import read_sp_metadata


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path.resolve())


def _planned_changes(stack_path: Path, shown: str, stack: str, org: LiveOrg) -> list[str]:
    """Run the offline plan of the written stack and compare each app's declared inputs with the live app."""
    from components.offline.plan import run_offline

    document = run_offline(stack, read_stack_file(stack_path, shown), shown).to_json()
    planned = {r["name"]: r["inputs"] for r in document["resources"]}
    ignored = {r["name"]: set(r["options"]["ignoreChanges"]) for r in document["resources"]}
    changes = []
    apps = (("gainsight-sso", org.sso), ("gainsight-scim", org.scim if org.scim is not org.sso else None))
    for name, app in apps:
        if app is None or name not in planned:
            continue
        for key, live, declared in input_differences(planned[name], live_saml_inputs(app)):
            if key in ignored[name]:
                continue  # frozen (the SCIM app after the manual step): an import takes Okta's value
            changes.append(f"{name}: {key}: {json.dumps(live)} in Okta -> {json.dumps(declared)}")
    return changes


def run_adopt(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else PROJECT_ROOT / f"Pulumi.{args.stack}.yaml"
    import_file = output.with_name(f"{output.name.removesuffix('.yaml')}.import.json")
    if output.exists() and not args.force:
        raise InputError(_relative(output), "", "exists; adopt never overwrites a stack file without --force")
    metadata_path = Path(args.metadata) if args.metadata else PROJECT_ROOT / "metadata" / f"{args.stack}.xml"
    metadata = read_sp_metadata(metadata_path, display_name=args.metadata or _relative(metadata_path))
    base_url = org_url(args.okta_url, {})
    with OktaClient(base_url, credentials_from_environment()) as client:
        org = read_org(client, args.sso_app, args.scim_app)
    adoption = adopt(
        org,
        metadata,
        _relative(metadata_path),
        tenant_url=args.tenant_url,
        oauth_client_id=args.oauth_client_id,
    )
    header = (
        f"Stack {args.stack}: adopted from {base_url} by `python -m components adopt`.\n"
        "Review it, then `pulumi preview`: the apps show as imports."
    )
    text = stack_file_text(adoption.config, header)
    shown = _relative(output)
    stack_file = output.with_name(f".{output.name}.adopting")
    stack_file.write_text(text)
    try:
        # The written settings must validate and plan; a stack this command cannot read back is never left behind.
        checked = read_stack_file(stack_file, shown)
        load_inputs(checked.config, shown, checked.secret_keys)
        changes = _planned_changes(stack_file, shown, args.stack, org)
        stack_file.replace(output)
    finally:
        stack_file.unlink(missing_ok=True)
    import_file.write_text(json.dumps(adoption.import_document, indent=2) + "\n")
    sys.stdout.write(adopt_text(adoption.report, shown, _relative(import_file), changes))
    return 0


def _app_ids(
    args: argparse.Namespace, config: dict[str, str], client: OktaClient, labels: tuple[str, str]
) -> tuple[str, str | None]:
    """The apps to check: `importId`s, then `--outputs` (pulumi stack output --json), then an exact label search."""
    settings_ids = []
    for key in ("gainsight-okta:samlApp", "gainsight-okta:scimApp"):
        try:
            settings_ids.append((json.loads(config.get(key) or "{}") or {}).get("importId"))
        except (json.JSONDecodeError, AttributeError):
            settings_ids.append(None)
    outputs: dict[str, Any] = {}
    if args.outputs:
        from components.documents.pulumi_json import read_stack_outputs

        outputs = read_stack_outputs(Path(args.outputs), args.outputs)
    ids = []
    for settings_id, output_key, label in zip(settings_ids, ("ssoAppId", "scimAppId"), labels, strict=True):
        found = settings_id or outputs.get(output_key)
        if not isinstance(found, str) or not found.startswith("0oa"):
            matches = [app for app in client.iterate("/api/v1/apps", {"q": label}) if app.get("label") == label]
            if len(matches) != 1:
                what = "no app" if not matches else f"{len(matches)} apps"
                raise InputError(
                    "verify", label, f"{what} labelled {label!r} in Okta; pass --outputs (pulumi stack output --json)"
                )
            found = str(matches[0]["id"])
        ids.append(found)
    return ids[0], ids[1]


def run_verify(args: argparse.Namespace, stack_file_path: Path, shown: str) -> int:
    stack_file = read_stack_file(stack_file_path, shown)
    inputs = load_inputs(stack_file.config, shown, stack_file.secret_keys)
    base_url = org_url(args.okta_url, stack_file.config)
    labels = (inputs.settings.saml_app.label, inputs.settings.scim_app.label)
    with OktaClient(base_url, credentials_from_environment()) as client:
        sso_id, scim_id = _app_ids(args, stack_file.config, client, labels)
        org = read_org(client, sso_id, scim_id)
    findings = verify(org, inputs, stack=args.stack)
    if args.json:
        print(json.dumps(verify_json(args.stack, base_url, findings), indent=2))
    elif args.markdown:
        sys.stdout.write(verify_markdown(args.stack, findings))
    else:
        sys.stdout.write(verify_text(args.stack, base_url, findings))
    return 1 if findings else 0


def _sso_app_id(args: argparse.Namespace, stack_config: dict[str, str], client: OktaClient, label: str) -> str:
    return _app_ids(args, stack_config, client, (label, label))[0]


def run_rotate_key(args: argparse.Namespace, stack_file_path: Path, shown: str) -> int:
    """The phases of an IdP certificate rotation; `generate` and `switch` write only with --confirm."""
    stack_file = read_stack_file(stack_file_path, shown)
    inputs = load_inputs(stack_file.config, shown, stack_file.secret_keys)
    base_url = org_url(args.okta_url, stack_file.config)
    writes = args.phase in ("generate", "switch") and args.confirm
    with OktaClient(base_url, credentials_from_environment(), allow_writes=writes) as client:
        app_id = _sso_app_id(args, stack_file.config, client, inputs.settings.saml_app.label)
        keys = signing_keys(client, app_id)
        active = next((key for key in keys if key.active), None)
        wanted = inputs.settings.saml_app.signing_key_id
        if args.phase == "status":
            document = {"app": app_id, "active": active.kid if active else None, "stack": wanted}
            document["keys"] = [key.to_json() for key in keys]
            print(json.dumps(document, indent=2) if args.json else rotation_status_text(document))
            return 0
        if args.phase == "generate":
            if not args.confirm:
                print(f"would generate a {args.years}-year signing key for app {app_id}; run again with --confirm")
                return 0
            key = generate(client, app_id, args.years)
            keys = signing_keys(client, app_id)
            sys.stdout.write(handoff_markdown(args.stack, base_url, app_id, key, active, client))
            return 0
        if args.phase == "handoff":
            kid = args.kid or wanted or next((k.kid for k in reversed(keys) if not k.active), None)
            key = next((k for k in keys if k.kid == kid), None)
            if key is None:
                raise InputError("--kid", "", f"{kid!r} is not a key of the app; run `rotate-key generate` first")
            sys.stdout.write(handoff_markdown(args.stack, base_url, app_id, key, active, client))
            return 0
        # switch: to the kid the reviewed stack file names
        if not wanted:
            print("samlApp.signingKeyId is not set: nothing to switch (the app keeps the key it signs with)")
            return 0
        if active and active.kid == wanted:
            print(f"app {app_id} already signs with {wanted}: nothing to do")
            return 0
        if not args.confirm:
            print(f"would switch app {app_id} from {active.kid if active else None} to {wanted}; add --confirm")
            return 0
        before = switch(client, app_id, wanted)
        print(f"switched app {app_id} from {before} to {wanted}. Roll back: set samlApp.signingKeyId: {before}")
        return 0
