"""The commands that talk to the live org, wired to the command line: `adopt` and `verify` (read only), and
`rotate-key` (writes only behind --confirm)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from components.command_name import hint
from components.documents.json_documents import read_json_object
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
from components.live.budget import Deadline
from components.live.client import OktaClient
from components.live.credentials import credentials_from_environment, org_url
from components.live.key_rotation import SigningKey, generate, signing_keys, switch
from components.live.org import LiveOrg, read_org
from components.live.rate_buckets import CallMeter
from components.live.verify import verify
from components.live_app_ids import app_id_of
from components.metadata.sp_metadata import read_sp_metadata
from components.user_files import replace_together


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
    apps = (("gainsight-sso", org.sso), ("gainsight-scim", org.separate_scim))
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
    for existing in (output, import_file):
        if existing.exists() and not args.force:
            raise InputError(_relative(existing), "", "exists; adopt never overwrites it without --force")
    if output.is_dir():
        raise InputError("--output", str(output), "is a directory; name the stack file to write")
    if not output.parent.is_dir():
        # Checked before Okta is read: a long read should not end in a file that cannot be written.
        raise InputError("--output", str(output.parent), "is not a directory")
    metadata_path = Path(args.metadata) if args.metadata else PROJECT_ROOT / "metadata" / f"{args.stack}.xml"
    if not args.metadata and not metadata_path.exists():
        raise InputError(
            "--metadata",
            "",
            f"is not given and {_relative(metadata_path)} does not exist: pass Gainsight's metadata.xml",
        )
    metadata = read_sp_metadata(metadata_path, display_name=args.metadata or _relative(metadata_path))
    base_url = org_url(args.okta_url, {})
    with OktaClient(base_url, credentials_from_environment(), deadline=Deadline(args.timeout)) as client:
        org = read_org(client, args.sso_app, args.scim_app)
    adoption = adopt(
        org,
        metadata,
        _relative(metadata_path),
        tenant_url=args.tenant_url,
        oauth_client_id=args.oauth_client_id,
    )
    header = (
        f"Stack {args.stack}: adopted from {base_url} by `gainsight-okta adopt`.\n"
        "Review it, then `pulumi preview`: the apps show as imports."
    )
    text = stack_file_text(adoption.config, header)
    shown = _relative(output)
    stack_file = output.with_name(f".{output.name}.adopting")
    import_temp = import_file.with_name(f".{import_file.name}.adopting")
    try:
        stack_file.write_text(text)
        import_temp.write_text(json.dumps(adoption.import_document, indent=2) + "\n")
        # The written settings must validate and plan; a stack this command cannot read back is never left behind.
        checked = read_stack_file(stack_file, shown)
        try:
            load_inputs(checked.config, shown, checked.secret_keys)
        except InputError as error:
            # What Okta holds, not the user's file (never written): say so, and where in the settings.
            raise InputError("Okta", "adopted settings", f"{error.location}: {error.message}") from None
        changes = _planned_changes(stack_file, shown, args.stack, org)
        replace_together([(import_temp, import_file), (stack_file, output)])
    except OSError as error:
        raise InputError(
            _relative(Path(error.filename or output)), "", f"cannot be written: {error.strerror}"
        ) from None
    finally:
        stack_file.unlink(missing_ok=True)
        import_temp.unlink(missing_ok=True)
    sys.stdout.write(adopt_text(adoption.report, shown, _relative(import_file), changes))
    return 0


def _deployed_urns(path: str) -> set[str]:
    """The URNs in the stack's state, from `pulumi stack export`: only those can be refreshed."""
    document = read_json_object(Path(path), path, "the output of `pulumi stack export`")
    deployment = document.get("deployment")
    resources = deployment.get("resources") if isinstance(deployment, dict) else None
    if not isinstance(deployment, dict) or not isinstance(resources, (list, type(None))):
        raise InputError(path, "deployment.resources", "is missing: give the output of `pulumi stack export`")
    # A stack never deployed exports a deployment without resources.
    return {r["urn"] for r in resources or [] if isinstance(r, dict) and isinstance(r.get("urn"), str)}


def run_verify(args: argparse.Namespace, stack_file_path: Path, shown: str) -> int:
    stack_file = read_stack_file(stack_file_path, shown)
    inputs = load_inputs(stack_file.config, shown, stack_file.secret_keys)
    deployed = _deployed_urns(args.deployed) if args.deployed else None
    if args.refresh_targets and deployed is not None and not any(u.endswith("::gainsight-sso") for u in deployed):
        return 0  # nothing deployed yet (a first `pulumi up`): nothing to refresh, and no app to read
    base_url = org_url(args.okta_url, stack_file.config)
    sso, scim = inputs.settings.saml_app, inputs.settings.scim_app
    deadline = Deadline(args.timeout)
    # Half of each bucket: verify reads every app user and member, and the org's other tools need the rest.
    meter = CallMeter(share=0.5, say=lambda message: print(message, file=sys.stderr))
    with OktaClient(base_url, credentials_from_environment(), deadline=deadline, meter=meter) as client:
        sso_id = app_id_of(args, client, shown, "samlApp", sso.import_id, sso.label)
        scim_id = app_id_of(args, client, shown, "scimApp", scim.import_id, scim.label)
        org = read_org(client, sso_id, scim_id, with_people=not args.refresh_targets)
    findings = verify(org, inputs, stack=args.stack)
    if not args.refresh_targets and inputs.provisioning_enabled and org.separate_scim is not None:
        from components.gainsight_side import gainsight_verify_findings  # scim2-client loads only here

        label = f"SCIM app {org.separate_scim.label!r}"
        findings += gainsight_verify_findings(inputs, org.scim_users, label, deadline)
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


def _handoff(client: OktaClient, stack: str, app_id: str, key: SigningKey, active: SigningKey | None) -> str:
    metadata = client.get_text(f"/api/v1/apps/{app_id}/sso/saml/metadata", {"kid": key.kid})
    return handoff_markdown(stack, client.base_url, app_id, key, active, metadata)


def run_rotate_key(args: argparse.Namespace, stack_file_path: Path, shown: str) -> int:
    """The phases of an IdP certificate rotation; `generate` and `switch` write only with --confirm."""
    stack_file = read_stack_file(stack_file_path, shown)
    inputs = load_inputs(stack_file.config, shown, stack_file.secret_keys)
    base_url = org_url(args.okta_url, stack_file.config)
    writes = args.phase in ("generate", "switch") and args.confirm
    deadline = Deadline(args.timeout)
    with OktaClient(base_url, credentials_from_environment(), allow_writes=writes, deadline=deadline) as client:
        sso = inputs.settings.saml_app
        app_id = app_id_of(args, client, shown, "samlApp", sso.import_id, sso.label)
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
        if not wanted:
            print("samlApp.signingKeyId is not set: nothing to switch (the app keeps the key it signs with)")
            return 0
        if wanted not in {key.kid for key in keys}:
            known = ", ".join(key.kid for key in keys)
            raise InputError(
                shown,
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
        print(f"switched app {app_id} from {before} to {wanted}. Roll back: set samlApp.signingKeyId: {before}")
        return 0


def run_emulate(args: argparse.Namespace) -> int:
    """`emulate`: an Okta org on 127.0.0.1 for trials and tests (components.emulator)."""
    from components.emulator.command import serve
    from components.emulator.hostile import HOSTILE_MODES

    if not 0 <= args.port <= 65535:
        raise InputError("emulate", "--port", f"{args.port} is not a port (0 to 65535; 0 picks a free one)")
    if args.token is not None and not args.token.strip():
        raise InputError("emulate", "--token", "must not be empty")
    hostile = {}
    for given in args.hostile:
        path, _, mode = given.partition("=")
        if not path.startswith("/") or mode not in HOSTILE_MODES:
            raise InputError(
                "emulate", "--hostile", f"{given!r} must be PATH=MODE, MODE one of {', '.join(HOSTILE_MODES)}"
            )
        hostile[path] = mode
    try:
        return serve(args.port, args.seed, args.token, hostile=hostile)
    except OSError as error:
        raise InputError("emulate", "--port", f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}") from None
