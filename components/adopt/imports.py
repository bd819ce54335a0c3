"""The `pulumi import --file` document `adopt` writes beside the stack file: every resource the adopted stack
declares, by the id Okta knows it by, named as the program names it (components.resources.urns)."""

from __future__ import annotations

from typing import Any

from components.okta.org import LiveApp, LiveOrg
from components.resources.urns import (
    ATTRIBUTE_TYPE,
    COMPONENT_NAME,
    GROUP_ASSIGNMENT_TYPE,
    assignment_resource_name,
    attribute_resource_name,
)


def _assignment_imports(app: LiveApp, kind: str) -> list[dict[str, Any]]:
    """Each group's assignment (import id `appId/groupId`), and the app's watching AppGroupAssignments (`appId`)."""
    if not app.assignments:
        return []
    found: list[dict[str, Any]] = [
        {
            "type": GROUP_ASSIGNMENT_TYPE,
            "name": assignment_resource_name(kind, assignment.group_name),
            "id": f"{app.id}/{assignment.group_id}",
            "parent": COMPONENT_NAME,
        }
        for assignment in app.by_priority()
    ]
    found.append(
        {
            "type": "okta:index/appGroupAssignments:AppGroupAssignments",
            "name": f"gainsight-{kind}-assignments",
            "id": app.id,
            "parent": "gainsight",
        }
    )
    return found


def import_document(org: LiveOrg, attributes: list[dict[str, Any]], mapping_id: str | None) -> dict[str, Any]:
    """`pulumi import --file`: every resource the stack declares, as children of the component."""
    resources: list[dict[str, Any]] = [
        {"type": "gainsight-okta:index:GainsightOkta", "name": "gainsight", "component": True},
        {"type": "okta:app/saml:Saml", "name": "gainsight-sso", "id": org.sso.id, "parent": "gainsight"},
    ]
    resources += _assignment_imports(org.sso, "sso")
    scim = org.separate_scim
    if scim is not None:
        resources.append({"type": "okta:app/saml:Saml", "name": "gainsight-scim", "id": scim.id, "parent": "gainsight"})
        if scim.features:
            resources += [
                {
                    "type": ATTRIBUTE_TYPE,
                    "name": attribute_resource_name(attribute["name"]),
                    "id": f"{scim.id}/{attribute['name']}",
                    "parent": COMPONENT_NAME,
                }
                for attribute in attributes
            ]
            resources += _assignment_imports(scim, "scim")
            if mapping_id and any("source" in attribute for attribute in attributes):
                resources.append(
                    {
                        "type": "okta:profile/mapping:Mapping",
                        "name": "gainsight-scim-mapping",
                        "id": mapping_id,
                        "parent": "gainsight",
                    }
                )
    return {"resources": resources}
