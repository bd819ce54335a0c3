"""What Okta's System Log says of the SCIM app's failed pushes to Gainsight: one page, newest first.

Okta logs each failed provisioning action as an event of the app (`application.provision.user.push`,
`…push_profile`, `…deactivate`: Okta's "Provisioning integration error events") with `outcome.result` FAILURE and
the remote server's refusal in `outcome.reason`. `GET /api/v1/logs` filters by target and outcome (Okta's System
Log API: `filter`, `since`, `sortOrder`, `limit` up to 1,000); it needs the `okta.logs.read` scope.
"""

from __future__ import annotations

import datetime

from components.limits import SYSTEM_LOG_DAYS, SYSTEM_LOG_EVENTS
from components.okta.client import OktaClient
from components.okta.models.base import read_documents
from components.okta.models.system_log import LogEvent

PATH = "/api/v1/logs"


def provisioning_failures(client: OktaClient, app_id: str, now: datetime.datetime) -> tuple[LogEvent, ...]:
    """The app's failed provisioning events of the last SYSTEM_LOG_DAYS, newest first, at most one page."""
    since = (now - datetime.timedelta(days=SYSTEM_LOG_DAYS)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    params = {
        "filter": f'target.id eq "{app_id}" and outcome.result eq "FAILURE"',
        "since": since,
        "sortOrder": "DESCENDING",
        "limit": SYSTEM_LOG_EVENTS,
    }
    events = read_documents(LogEvent, client.get(PATH, params), f"GET {PATH}")
    return tuple(event for event in events if (event.event_type or "").startswith("application.provision."))
