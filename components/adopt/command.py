"""`adopt`: read a setup made by hand in Okta (read only) and write the stack file and import file that adopt it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from components.adopt.adoption import adopt
from components.adopt.app_inputs import input_differences, live_saml_inputs
from components.adopt.report import (
    adopt_text,
)
from components.errors import InputError
from components.http import clock
from components.http.budget import Deadline
from components.inputs.project import load_inputs, project_root
from components.inputs.settings import checked_tenant_url
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_writer import stack_file_text
from components.metadata.certificates import certificate_summary
from components.metadata.sp_metadata import read_sp_metadata
from components.okta.client import OktaClient
from components.okta.credentials import credentials_from_environment, org_url
from components.okta.org import LiveOrg, read_org
from components.progress import progress_for
from components.user_files import replace_together


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(project_root()))
    except ValueError:
        return str(path.resolve())


def _shown(key: str, value: object) -> str:
    """A value of a difference, in one short line: a certificate by its fingerprint and dates."""
    if key.lower().endswith("certificate") and isinstance(value, str) and len(value) > 64:
        return certificate_summary(value)
    return json.dumps(value)


def _planned_changes(stack_path: Path, display_name: str, stack: str, org: LiveOrg) -> list[str]:
    """Run the offline plan of the written stack and compare each app's declared inputs with the live app."""
    from components.offline.plan import run_offline

    document = run_offline(stack, read_stack_file(stack_path, display_name), display_name).to_json()
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
            changes.append(f"{name}: {key}: {_shown(key, live)} in Okta -> {_shown(key, declared)}")
    return changes


def _check_flags(args: argparse.Namespace) -> None:
    """The command's own values, named as typed, before the first request (Okta's read takes a while)."""
    if args.tenant_url is not None:
        try:
            checked_tenant_url(args.tenant_url)
        except ValueError as error:
            raise InputError("--tenant-url", "", str(error)) from None
    if args.oauth_client_id is not None and not args.oauth_client_id.strip():
        raise InputError("--oauth-client-id", "", "is empty; give the Client ID of Gainsight's OAuth application")


def run_adopt(args: argparse.Namespace) -> int:
    _check_flags(args)
    output = Path(args.output) if args.output else project_root() / f"Pulumi.{args.stack}.yaml"
    import_file = output.with_name(f"{output.name.removesuffix('.yaml')}.import.json")
    for existing in (output, import_file):
        if existing.exists() and not args.force:
            raise InputError(_relative(existing), "", "exists; adopt never overwrites it without --force")
    if output.is_dir():
        raise InputError("--output", str(output), "is a directory; name the stack file to write")
    if not output.parent.is_dir():
        # Checked before Okta is read: a long read should not end in a file that cannot be written.
        raise InputError("--output", str(output.parent), "is not a directory")
    metadata_path = Path(args.metadata) if args.metadata else project_root() / "metadata" / f"{args.stack}.xml"
    if not args.metadata and not metadata_path.exists():
        raise InputError(
            "--metadata",
            "",
            f"is not given and {_relative(metadata_path)} does not exist: pass Gainsight's metadata.xml",
        )
    metadata = read_sp_metadata(metadata_path, display_name=args.metadata or _relative(metadata_path))
    base_url = org_url(args.okta_url, {})
    deadline = Deadline(args.timeout)
    with progress_for(json_output=False, wait=clock.wait, monotonic=clock.monotonic) as progress:
        credentials = credentials_from_environment()
        with OktaClient(base_url, credentials, deadline=deadline, progress=progress) as client:
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
    display_name = _relative(output)
    stack_file = output.with_name(f".{output.name}.adopting")
    import_temp = import_file.with_name(f".{import_file.name}.adopting")
    try:
        stack_file.write_text(text)
        import_temp.write_text(json.dumps(adoption.import_document, indent=2) + "\n")
        # The written settings must validate and plan; a stack this command cannot read back is never left behind.
        checked = read_stack_file(stack_file, display_name)
        try:
            load_inputs(checked.config, display_name, checked.secret_keys)
        except InputError as error:
            # What Okta holds, not the user's file (never written): say so, and where in the settings.
            raise InputError("Okta", "adopted settings", f"{error.location}: {error.message}") from None
        changes = _planned_changes(stack_file, display_name, args.stack, org)
        replace_together([(import_temp, import_file), (stack_file, output)])
    except OSError as error:
        raise InputError(
            _relative(Path(error.filename or output)), "", f"cannot be written: {error.strerror}"
        ) from None
    finally:
        stack_file.unlink(missing_ok=True)
        import_temp.unlink(missing_ok=True)
    sys.stdout.write(adopt_text(adoption.report, display_name, _relative(import_file), changes))
    return 0
