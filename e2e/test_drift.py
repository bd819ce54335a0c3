"""Scenario 4: changes made by hand in Okta, seen by the drift workflow's steps and put back by the deploy
workflow's, with the real engine and provider (.github/workflows/drift.yml and pulumi-up.yml)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conftest import Engine
from .steps import deployed_with_provisioning
from .workflows import deploy_workflow, drift_workflow


def _assignments(engine: Engine, app_id: str) -> list[dict[str, Any]]:
    return engine.org.state.app_groups[app_id]


def _unassign(engine: Engine, app_id: str, group: str) -> None:
    gid = engine.org.group_id(group)
    engine.org.state.app_groups[app_id] = [a for a in _assignments(engine, app_id) if a["id"] != gid]
    engine.org.state.changed()


def _assign_another(engine: Engine, app_id: str) -> None:
    gid = engine.org.state.add_group("Contractors", "assigned by hand")
    top = max(a["priority"] for a in _assignments(engine, app_id))
    engine.org.state.assign(app_id, gid, top + 1, {"LicenseType": "Viewer"})


def _set(engine: Engine, app_id: str, group: str, **fields: Any) -> None:
    gid = engine.org.group_id(group)
    for assignment in _assignments(engine, app_id):
        if assignment["id"] == gid:
            profile = fields.pop("profile", None)
            assignment.update(fields)
            if profile:
                assignment["profile"].update(profile)
    engine.org.state.changed()


def _delete_attribute(engine: Engine, app_id: str, name: str) -> None:
    del engine.org.state.schemas[app_id][name]
    engine.org.state.changed()


def _show_to_users(engine: Engine, app_id: str) -> None:
    engine.org.state.apps[app_id]["visibility"]["hide"] = {"iOS": False, "web": False}


def _hide_from_users(engine: Engine, app_id: str) -> None:
    engine.org.state.apps[app_id]["visibility"]["hide"] = {"iOS": True, "web": True}


def _priority(engine: Engine, app_id: str, group: str) -> int:
    gid = engine.org.group_id(group)
    return next(a["priority"] for a in _assignments(engine, app_id) if a["id"] == gid)


# A change by hand, and how it is undone: None when the deploy workflow puts it back; otherwise what a person does,
# because the deploy refuses to (verify's finding says why and what to do).
Change = Callable[[Engine, str], None]
HAND_CHANGES: list[tuple[str, Change, Change | None]] = [
    ("unassign a group", lambda e, app: _unassign(e, app, "Gainsight Viewers (dev)"), None),
    # Unassigning it would deactivate its members in Gainsight: that stays a person's call.
    ("assign another group", _assign_another, lambda e, app: _unassign(e, app, "Contractors")),
    # Writing the stack's numbers while Okta holds others can make two groups share one (provider #736).
    (
        "change a priority",
        lambda e, app: _set(
            e, app, "Gainsight Admins (dev)", priority=_priority(e, app, "Gainsight Admins (dev)") + 1000
        ),
        lambda e, app: _set(
            e, app, "Gainsight Admins (dev)", priority=_priority(e, app, "Gainsight Admins (dev)") - 1000
        ),
    ),
    (
        "change a group value",
        lambda e, app: _set(e, app, "Gainsight Viewers (dev)", profile={"LicenseType": "Viewer_Analytics"}),
        None,
    ),
    ("delete an attribute", lambda e, app: _delete_attribute(e, app, "LicenseType"), None),
    # The SCIM app is frozen once it provisions: an update of it could reset its provisioning (provider #655).
    ("show the SCIM app to users", _show_to_users, _hide_from_users),
]


def test_each_hand_change_is_reported_and_put_back(engine: Engine) -> None:
    deployed_with_provisioning(engine, "dev")
    scim = engine.pulumi.outputs("dev")["scimAppId"]
    clean = drift_workflow(engine, "dev")
    assert (clean.status, clean.verify_code) == ("clean", 0), clean
    for what, change, undo in HAND_CHANGES:
        change(engine, scim)
        drift = drift_workflow(engine, "dev")
        assert drift.status == "drift" or drift.verify_code == 1, (what, drift)
        code, findings = deploy_workflow(engine, "dev")
        if undo is not None:
            assert code == 1, (what, findings)  # the deploy's verify fails on it, and nothing was undone
            undo(engine, scim)
        else:
            assert code == 0, (what, findings)
        after = drift_workflow(engine, "dev")
        assert (after.status, after.verify_code) == ("clean", 0), (what, after)
        engine.pulumi.assert_no_changes("dev")
