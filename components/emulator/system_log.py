"""The System Log, as far as Okta writes it for an app's provisioning: a failed push is an event of the app.

Okta's "Provisioning integration error events" (help.okta.com, ref-apps-events) name an event type per failed
action (`application.provision.user.push` creating a user, `…push_profile` updating one, `…deactivate`); each is a
LogEvent (Okta's System Log API) with `outcome.result` FAILURE, the reason in `outcome.reason`, and the app and the
user among its `target`s. The app user's `syncState` becomes ERROR.

`GET /api/v1/logs` serves `since` (ISO 8601), `sortOrder` (ASCENDING, the default, or DESCENDING), `limit` (1 to
1,000, default 100) and a `filter` of `target.id eq "…"` and `outcome.result eq "…"` clauses joined by `and`; any
other expression is 400 E0000031, as Okta answers an invalid filter. No `Link` is sent: one page is all verify reads.

What Okta's API cannot show, a failed push, is the control call `POST /_emulator/apps/{appId}/push-failures` with
`{"users": [ids], "action": "push_profile", "detail": "<the SCIM server's refusal>"}`.
"""

from __future__ import annotations

import datetime
import re
import uuid
from typing import Any

from components.emulator.okta_errors import OktaError, invalid, not_found
from components.emulator.org import EmulatedOrg
from components.emulator.request import Answer, Request, ok
from components.emulator.users import add_app_user

ACTIONS = {
    "push": ("Push new user to external application", "creating"),
    "push_profile": ("Push user profile updates to external application", "updating"),
    "deactivate": ("Deactivate user in external application", "deactivating"),
}
_CLAUSE = re.compile(r'^(target\.id|outcome\.result) eq "([^"]*)"$')


def _iso(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def record_push_failures(org: EmulatedOrg, request: Request) -> Answer:
    app_id = request.params["appId"]
    app = org.apps.get(app_id)
    if app is None:
        raise not_found(request.path)
    body = request.json()
    users, action, detail = body.get("users"), body.get("action", "push_profile"), body.get("detail")
    if not isinstance(users, list) or action not in ACTIONS or not isinstance(detail, str):
        raise invalid("push-failures", f"give users (ids), action ({', '.join(ACTIONS)}) and detail")
    display, verb = ACTIONS[action]
    with org.lock:
        for user_id in users:
            user = org.users.get(user_id)
            if user is None:
                raise not_found(f"/api/v1/users/{user_id}")
            login = user["profile"]["login"]
            held = org.app_users.get(app_id, {}).get(user_id)
            if held is None:
                add_app_user(org, app_id, user_id, sync_state="ERROR")
            else:
                held["syncState"] = "ERROR"
            label = app.get("label", "")
            org.log_events.append(
                {
                    "uuid": str(uuid.uuid4()),
                    "published": _iso(org.clock()),
                    "eventType": f"application.provision.user.{action}",
                    "severity": "ERROR",
                    "displayMessage": display,
                    "outcome": {
                        "result": "FAILURE",
                        "reason": f"Automatic provisioning of user {login} to app {label} failed: Error while "
                        f"{verb} user {login}: {detail}",
                    },
                    "target": [
                        {"id": app_id, "type": "AppInstance", "alternateId": label, "displayName": label},
                        {"id": user_id, "type": "User", "alternateId": login, "displayName": login},
                    ],
                }
            )
        org.changed()
    return ok({"appId": app_id, "events": len(users)})


def _matches(event: dict[str, Any], clauses: list[tuple[str, str]]) -> bool:
    for field, value in clauses:
        if field == "target.id" and not any(target.get("id") == value for target in event.get("target", [])):
            return False
        if field == "outcome.result" and (event.get("outcome") or {}).get("result") != value:
            return False
    return True


def list_events(org: EmulatedOrg, request: Request) -> Answer:
    expression = request.arg("filter").strip()
    clauses: list[tuple[str, str]] = []
    for part in filter(None, (part.strip() for part in expression.split(" and "))) if expression else ():
        match = _CLAUSE.match(part)
        if match is None:
            raise OktaError(400, "E0000031", "Invalid search criteria.", [f"filter: {expression}"])
        clauses.append((match.group(1), match.group(2)))
    try:
        limit = int(request.arg("limit", "100"))
    except ValueError:
        raise invalid("limit", "limit: must be a number from 1 to 1000") from None
    if not 1 <= limit <= 1000:
        raise invalid("limit", "limit: must be a number from 1 to 1000")
    order = request.arg("sortOrder", "ASCENDING")
    if order not in ("ASCENDING", "DESCENDING"):
        raise invalid("sortOrder", "sortOrder: ASCENDING or DESCENDING")
    since = request.arg("since")
    with org.lock:
        events = [e for e in org.log_events if _matches(e, clauses) and (not since or e["published"] >= since)]
    events.sort(key=lambda e: e["published"], reverse=order == "DESCENDING")
    return ok(events[:limit])
