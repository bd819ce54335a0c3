"""`gainsight-okta init STACK`: a new environment's stack file and metadata, written whole and checked.

The stack file is the article's setup, commented (components/templates/new_stack.yaml.j2), or a copy of another stack's
settings (`--from`) with what belongs to that environment left out: its app ids, its signing key, its OAuth
client, its provisioning switch. Both files are written as one (temporary files, then renames), only once the
written stack validates, and never over an existing file without `--force`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from components.command_name import hint
from components.errors import InputError
from components.inputs.project import load_inputs, project_root
from components.inputs.settings import NAMESPACE
from components.inputs.stack_file import read_stack_file
from components.inputs.stack_warnings import stack_warnings
from components.inputs.stack_writer import stack_file_text
from components.inputs.yaml_v3 import load
from components.metadata.sp_metadata import read_sp_metadata
from components.rendering.templates import render
from components.user_files import read_user_text, replace_together

STACK_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")  # what `pulumi stack init` accepts
# A copied stack leaves behind what is another environment's own.
_NOT_COPIED = {"samlApp": ("importId", "signingKeyId"), "scimApp": ("importId", "allowUpdate")}
# An error in the written file is the flag's error: the user gave the value there.
_FLAG_FOR_KEY = {
    f"{NAMESPACE}:tenantUrl": "--tenant-url",
    "okta:orgName": "--okta-org",
    "okta:baseUrl": "--okta-domain",
}


def _relabelled(label: str, source: str, stack: str) -> str:
    return label.replace(f"({source})", f"({stack})") if f"({source})" in label else f"{label} ({stack})"


def _copied_config(source: str, stack: str, replaced: dict[str, Any]) -> dict[str, Any]:
    path = project_root() / f"Pulumi.{source}.yaml"
    document = load(read_user_text(path, f"Pulumi.{source}.yaml", "--from: no such stack file"))
    config = dict((document or {}).get("config") or {}) if isinstance(document, dict) else {}
    if not config:
        raise InputError(f"Pulumi.{source}.yaml", "config", "has no settings to copy")
    config.pop(f"{NAMESPACE}:oauthClientId", None)  # the other tenant's OAuth application
    for app, keys in _NOT_COPIED.items():
        settings = dict(config.get(f"{NAMESPACE}:{app}") or {})
        for key in keys:
            settings.pop(key, None)
        if "label" in settings:
            settings["label"] = _relabelled(str(settings["label"]), source, stack)
        if app == "scimApp":
            settings["provisioningEnabled"] = False
        config[f"{NAMESPACE}:{app}"] = settings
    groups = []
    for group in config.get(f"{NAMESPACE}:groups") or []:
        group = {key: value for key, value in dict(group).items() if key != "id"}  # ids are the other org's
        groups.append({**group, "name": str(group.get("name", "")).replace(f"({source})", f"({stack})")})
    if groups:
        config[f"{NAMESPACE}:groups"] = groups
    return {**config, **{key: value for key, value in replaced.items() if value is not None}}


def _stack_text(args: argparse.Namespace, metadata_file: str) -> str:
    stack = args.stack
    if args.from_stack:
        replaced = {
            f"{NAMESPACE}:tenantUrl": args.tenant_url,
            f"{NAMESPACE}:metadataFile": metadata_file,
            "okta:orgName": args.okta_org,
            "okta:baseUrl": args.okta_domain,
        }
        header = f"Stack {stack}: written by `gainsight-okta init --from {args.from_stack}`. Review every value."
        return stack_file_text(_copied_config(args.from_stack, stack, replaced), header)
    context = {
        "stack": stack,
        "okta_org": args.okta_org,
        "okta_domain": args.okta_domain,
        "tenant_url": args.tenant_url,
        "metadata_file": metadata_file,
        "sso_label": f"Gainsight ({stack})",
        "scim_label": f"Gainsight SCIM Integration ({stack})",
        "group_name": f"Gainsight Viewers ({stack})",
    }
    return render("new_stack.yaml.j2", context)


def _checked(args: argparse.Namespace) -> None:
    if not STACK_NAME.match(args.stack):
        raise InputError("init", "STACK", f"{args.stack!r}: a stack name is letters, digits, '-', '_' and '.'")
    if bool(args.okta_org) != bool(args.okta_domain):
        raise InputError("init", "--okta-org", "and --okta-domain go together (acme and okta.com for acme.okta.com)")
    if args.from_stack == args.stack:
        raise InputError("init", "--from", "names the stack being written; name the stack to copy")


def run_init(args: argparse.Namespace) -> int:
    _checked(args)
    stack = args.stack
    output = project_root() / f"Pulumi.{stack}.yaml"
    metadata_target = project_root() / "metadata" / f"{stack}.xml"
    metadata_file = f"metadata/{stack}.xml"
    source_metadata = Path(args.metadata)
    copying = source_metadata.resolve() != metadata_target.resolve()
    for existing in (output, metadata_target) if copying else (output,):
        if existing.exists() and not args.force:
            raise InputError(
                existing.relative_to(project_root()), "", "exists; init never overwrites it without --force"
            )
    read_sp_metadata(source_metadata, display_name=args.metadata)  # refused before anything is written
    display_name = output.name
    stack_temp = output.with_name(f".{output.name}.init")
    metadata_temp = metadata_target.with_name(f".{metadata_target.name}.init")
    try:
        metadata_target.parent.mkdir(exist_ok=True)
        stack_temp.write_text(_stack_text(args, metadata_file))
        if copying:
            metadata_temp.write_bytes(source_metadata.read_bytes())
        checked = read_stack_file(stack_temp, display_name)
        config = {**checked.config, f"{NAMESPACE}:metadataFile": str(metadata_temp if copying else metadata_target)}
        try:
            inputs = load_inputs(config, display_name, checked.secret_keys)
        except InputError as error:
            flag = _FLAG_FOR_KEY.get(error.location)
            raise (InputError(flag, "", error.message) if flag else error) from None
        moves = [(metadata_temp, metadata_target)] if copying else []
        replace_together([*moves, (stack_temp, output)])
    except OSError as error:
        raise InputError(str(error.filename or output), "", f"cannot be written: {error.strerror}") from None
    finally:
        stack_temp.unlink(missing_ok=True)
        metadata_temp.unlink(missing_ok=True)
    for warning in stack_warnings(stack, inputs, project_root()):
        print(warning, file=sys.stderr)
    sys.stdout.write(_next_steps(stack, display_name, metadata_file, inputs.metadata.entity_id))
    return 0


def _next_steps(stack: str, display_name: str, metadata_file: str, entity_id: str) -> str:
    return (
        f"Wrote {display_name} and {metadata_file} (Gainsight {json.dumps(entity_id)}); provisioning is off.\n"
        "Next steps:\n"
        f"1. Check it offline: `{hint('validate', '--stack', stack)}`, then `{hint('plan', '--stack', stack)}`\n"
        f"2. Create the stack and deploy: `pulumi stack init {stack}`, then `pulumi preview --stack {stack}` and "
        f"`pulumi up --stack {stack}`\n"
        f"3. After that first `pulumi up`, the manual SCIM step: `{hint('runbook', '--stack', stack)}`\n"
    )
