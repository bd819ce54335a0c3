"""The same Okta resources written by hand with pulumi_okta, the way the article's steps map one to one:
one okta.app.GroupAssignment per group per app. The benchmark's point of comparison."""

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


def declare(config: dict) -> None:
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
    sso = okta.app.Saml("sso", label="Gainsight", **saml)
    scim = okta.app.Saml("scim", label="Gainsight SCIM Integration", hide_web=True, hide_ios=True, **saml)
    attributes = []
    for spec in config["gainsight-okta:attributes"]:
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
                **extra,
            )
        )
    for priority, spec in enumerate(config["gainsight-okta:groups"]):
        group = okta.group.Group(f"group-{spec['name']}", name=spec["name"], description=spec["description"])
        okta.app.GroupAssignment(f"sso-{spec['name']}", app_id=sso.id, group_id=group.id, priority=priority)
        okta.app.GroupAssignment(
            f"scim-{spec['name']}",
            app_id=scim.id,
            group_id=group.id,
            priority=priority,
            profile=json.dumps(spec["profile"]),
            opts=pulumi.ResourceOptions(depends_on=attributes),
        )
    pulumi.export("ssoAppId", sso.id)


def main(stack_path: str) -> int:
    config = yaml.safe_load(Path(stack_path).read_text())["config"]
    recording, _ = run_under_mocks("bench", {}, lambda: declare(config))
    print(len(recording.registrations))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
