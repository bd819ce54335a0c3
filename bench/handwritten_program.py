"""The same Okta resources written by hand with pulumi_okta, the way the article's steps map one to one:
one okta.app.GroupAssignment per group per app, or (`plural`) one okta.AppGroupAssignments per app. The
benchmarks' points of comparison: under mocks
(`bench/plan_benchmark.py`, `main`) and as a real Pulumi program (`bench/e2e_vs_handwritten.py`,
`declare_from_pulumi_config`).

Like an admin following the article, it declares the SCIM side (attributes, SCIM assignments) only once
`scimApp.provisioningEnabled` says the manual step is done: before it, Okta keeps the attributes out of
Gainsight's namespace and refuses the group profiles.

Each app's assignments are chained, one after another (`depends_on` the previous one): Okta answers concurrent
writes to one app's assignments with 500 E0000009 (okta/terraform-provider-okta#1198, modelled by the emulator),
so a hand-written program that leaves them parallel fails its first `up` of any size."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pulumi
import pulumi_okta as okta
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.metadata.sp_metadata import read_sp_metadata
from components.offline.plan import run_under_mocks

NAMESPACE = "urn:ietf:params:scim:schemas:extension:gainsight:2.0:User"


CONFIG_KEYS = ("metadataFile", "samlApp", "scimApp", "attributes", "groups")


def declare(config: dict, *, plural: bool = False) -> None:
    """The hand-written program: one okta.app.GroupAssignment per group per app, chained; with `plural`, one
    okta.AppGroupAssignments per app holding every group instead (what a Terraform or Pulumi user who writes Okta
    by hand for many groups writes: the provider sends its groups one after another, so it needs no chain)."""
    metadata = read_sp_metadata(Path(config["gainsight-okta:metadataFile"]))
    saml = dict(
        sso_url=metadata.default_acs_url,
        recipient=metadata.default_acs_url,
        destination=metadata.default_acs_url,
        audience=metadata.entity_id,
        subject_name_id_format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
        subject_name_id_template="${user.email}",
        signature_algorithm="RSA_SHA256",
        digest_algorithm="SHA256",
        response_signed=True,
        assertion_signed=True,
        authn_context_class_ref="urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    )
    sso_label = config.get("gainsight-okta:samlApp", {}).get("label", "Gainsight")
    scim_settings = config.get("gainsight-okta:scimApp", {})
    sso = okta.app.Saml("sso", label=sso_label, **saml)
    scim = okta.app.Saml(
        "scim", label=scim_settings.get("label", "Gainsight SCIM Integration"), hide_web=True, hide_ios=True, **saml
    )
    pulumi.export("ssoAppId", sso.id)
    pulumi.export("scimAppId", scim.id)
    provisioning = scim_settings.get("provisioningEnabled", True)
    attributes = []
    for spec in config["gainsight-okta:attributes"] if provisioning else []:
        extra = {}
        if spec["type"] == "array":
            extra = dict(array_type="string", array_enums=spec["enum"], union=spec.get("union", False))
        elif "enum" in spec:
            extra = dict(enums=spec["enum"], one_ofs=[{"const": v, "title": v} for v in spec["enum"]])
        attributes.append(
            okta.AppUserSchemaProperty(
                f"attr-{spec['name']}",
                app_id=scim.id,
                index=spec["name"],
                title=spec.get("title", spec["name"]),
                type=spec["type"],
                external_name=spec["name"],
                external_namespace=NAMESPACE,
                scope="NONE",
                # One at a time: Okta loses one of two schema writes to an app at once (provider #27, #632).
                opts=pulumi.ResourceOptions(depends_on=attributes[-1:]),
                **extra,
            )
        )
    if plural:
        _plural_assignments(config["gainsight-okta:groups"], sso, scim if provisioning else None, attributes)
        return
    previous_sso: list[pulumi.Resource] = []
    previous_scim: list[pulumi.Resource] = list(attributes)
    for priority, spec in enumerate(config["gainsight-okta:groups"]):
        group = okta.group.Group(f"group-{spec['name']}", name=spec["name"], description=spec.get("description"))
        previous_sso = [
            okta.app.GroupAssignment(
                f"sso-{spec['name']}",
                app_id=sso.id,
                group_id=group.id,
                priority=priority,
                opts=pulumi.ResourceOptions(depends_on=previous_sso),
            )
        ]
        if not provisioning:
            continue
        previous_scim = [
            okta.app.GroupAssignment(
                f"scim-{spec['name']}",
                app_id=scim.id,
                group_id=group.id,
                priority=priority,
                profile=json.dumps(spec["profile"]),
                opts=pulumi.ResourceOptions(depends_on=previous_scim),
            )
        ]


def _plural_assignments(
    groups: list[dict], sso: okta.app.Saml, scim: okta.app.Saml | None, attributes: list[pulumi.Resource]
) -> None:
    """One okta.AppGroupAssignments per app, priorities 1..n in the stack file's order (0 is never sent)."""
    made = [
        okta.group.Group(f"group-{spec['name']}", name=spec["name"], description=spec.get("description"))
        for spec in groups
    ]
    okta.AppGroupAssignments(
        "sso-assignments",
        app_id=sso.id,
        groups=[
            okta.AppGroupAssignmentsGroupArgs(id=group.id, priority=number, profile="{}")
            for number, group in enumerate(made, start=1)
        ],
    )
    if scim is None:
        return
    okta.AppGroupAssignments(
        "scim-assignments",
        app_id=scim.id,
        groups=[
            okta.AppGroupAssignmentsGroupArgs(id=group.id, priority=number, profile=json.dumps(spec["profile"]))
            for number, (group, spec) in enumerate(zip(made, groups, strict=True), start=1)
        ],
        opts=pulumi.ResourceOptions(depends_on=attributes),  # Okta refuses a profile naming an attribute not yet there
    )


def declare_from_pulumi_config(*, plural: bool = False) -> None:
    """The program a person would run with `pulumi up`: the same settings, read from the stack's config."""
    settings = pulumi.Config("gainsight-okta")
    config = {f"gainsight-okta:{key}": settings.get_object(key) for key in CONFIG_KEYS if key != "metadataFile"}
    declare({**config, "gainsight-okta:metadataFile": settings.require("metadataFile")}, plural=plural)


def main(stack_path: str, plural: bool = False) -> int:
    # The SDK's cycle check walks a `depends_on` chain recursively: 1,000 chained assignments overflow the default.
    sys.setrecursionlimit(20_000)
    config = yaml.safe_load(Path(stack_path).read_text())["config"]
    recording, _ = run_under_mocks("bench", {}, lambda: declare(config, plural=plural))
    print(len(recording.registrations))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], plural="--plural" in sys.argv[2:]))
