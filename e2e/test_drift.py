"""Scenario 4: changes made by hand in Okta, seen by the drift workflow's steps and put back by the deploy
workflow's, with the real engine and provider (.github/workflows/drift.yml and pulumi-up.yml)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conftest import Engine
from .steps import deployed_with_provisioning
from .workflows import deploy_workflow, drift_workflow


def _assignments(engine: Engine, app_id: str) -> list[dict[str, Any]]:
    return engine.org.control("GET", f"/api/v1/apps/{app_id}/groups?limit=200")


def _assignment(engine: Engine, app_id: str, group: str) -> dict[str, Any]:
    gid = engine.org.group_id(group)
    return next(a for a in _assignments(engine, app_id) if a["id"] == gid)


# Every hand change goes through Okta's API (what the Admin Console sends), so its side effects are Okta's.
def _unassign(engine: Engine, app_id: str, group: str) -> None:
    engine.org.control("DELETE", f"/api/v1/apps/{app_id}/groups/{engine.org.group_id(group)}")


def _assign_another(engine: Engine, app_id: str) -> None:
    group = engine.org.control("POST", "/api/v1/groups", {"profile": {"name": "Contractors"}})
    top = max(a["priority"] for a in _assignments(engine, app_id))
    body = {"priority": top + 1, "profile": {"LicenseType": "Viewer"}}
    engine.org.control("PUT", f"/api/v1/apps/{app_id}/groups/{group['id']}", body)


def _set(engine: Engine, app_id: str, group: str, **fields: Any) -> None:
    current = _assignment(engine, app_id, group)
    body = {"priority": fields.get("priority", current["priority"]), "profile": current["profile"]}
    body["profile"] = {**current["profile"], **fields.get("profile", {})}
    engine.org.control("PUT", f"/api/v1/apps/{app_id}/groups/{current['id']}", body)


def _delete_attribute(engine: Engine, app_id: str, name: str) -> None:
    """Profile Editor's delete: the property set to null. Okta drops the values groups set for it, and refuses one
    of the same name until its clean-up ends: the person waits for it (the control call) before the deploy."""
    body = {"definitions": {"custom": {"properties": {name: None}}}}
    engine.org.control("POST", f"/api/v1/meta/schemas/apps/{app_id}/default", body)
    engine.org.control("POST", f"/_emulator/apps/{app_id}/schema-cleanup")


def _visibility(engine: Engine, app_id: str, hidden: bool) -> None:
    """The app's General tab: the whole app sent back (its read-only `features` with it, so nothing resets)."""
    app = engine.org.control("GET", f"/api/v1/apps/{app_id}")
    app["visibility"]["hide"] = {"iOS": hidden, "web": hidden}
    engine.org.control("PUT", f"/api/v1/apps/{app_id}", app)


def _show_to_users(engine: Engine, app_id: str) -> None:
    _visibility(engine, app_id, hidden=False)


def _hide_from_users(engine: Engine, app_id: str) -> None:
    _visibility(engine, app_id, hidden=True)


def _priority(engine: Engine, app_id: str, group: str) -> int:
    return int(_assignment(engine, app_id, group)["priority"])


def _license(engine: Engine, app_id: str, group: str) -> Any:
    return _assignment(engine, app_id, group)["profile"].get("LicenseType")


GROUPS = ("Gainsight Admins (dev)", "Gainsight Viewers (dev)", "Customer Success")

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
    values = {group: _license(engine, scim, group) for group in GROUPS}
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
        # What Okta dropped with the change (an attribute's group values) came back with the deploy.
        assert {group: _license(engine, scim, group) for group in GROUPS} == values, what
    assert engine.org.state.provisioning_resets == []
