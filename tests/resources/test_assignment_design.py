"""Group assignments: one provider resource per group writes, one AppGroupAssignments per app only watches.

resource_okta_app_group_assignment.go: Create/Update = one PUT + one GET; Delete = one DELETE.
resource_okta_app_group_assignments.go: Update re-sends every group; Read lists them all in one call; Delete
unassigns every group in its state.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from tests.conftest import article_stack, resource, run_cli

WRITER = "okta:app/groupAssignment:GroupAssignment"


def test_the_watcher_never_writes_never_unassigns_and_keeps_its_urn(plan_stack) -> None:
    document = plan_stack(article_stack())
    for kind in ("sso", "scim"):
        watcher = resource(document, f"gainsight-{kind}-assignments")  # the name (and URN) assignments always had
        assert watcher["inputs"]["groups"] == []  # declares nothing, so Create writes nothing
        assert watcher["options"]["ignoreChanges"] == ["groups"]  # so an old state's groups never diff
        assert watcher["options"]["retainOnDelete"] is True  # its Delete would unassign every group it read
        writers = {r["urn"] for r in document["resources"] if r["name"].startswith(f"gainsight-{kind}-assignment-")}
        assert set(watcher["options"]["dependsOn"]) >= writers  # it reads after the writers wrote


def test_a_renamed_group_keeps_its_assignments(plan_stack) -> None:
    groups = [{"name": "Admins"}, {"name": "Gainsight Viewers", "previousName": "Viewer"}]
    document = plan_stack(article_stack(**{"gainsight-okta:groups": groups}))
    writer = resource(document, "gainsight-scim-assignment-Gainsight Viewers")
    assert writer["options"]["aliases"][0].endswith("::gainsight-scim-assignment-Viewer")


def plan_with_previous(write_stack, groups: list[dict], previous: dict) -> dict:
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    return run_offline("test", read_stack_file(path), path.name, OfflineMocks(previous)).to_json()


def test_priorities_stay_from_the_last_run(write_stack) -> None:
    groups = [{"name": "Admins"}, {"name": "Viewer"}]
    first = plan_with_previous(write_stack, groups, {})
    assert first["outputs"]["scimPriorities"] == {"Admins": 10, "Viewer": 20}
    second = plan_with_previous(write_stack, [{"name": "Top"}, *groups], first["outputs"])
    assert second["outputs"]["scimPriorities"] == {"Top": 5, "Admins": 10, "Viewer": 20}
    assert resource(second, "gainsight-scim-assignment-Top")["inputs"]["priority"] == 5


def test_plan_takes_the_previous_run_from_a_file(tmp_path: Path, write_stack) -> None:
    path = write_stack(article_stack())
    previous = tmp_path / "outputs.json"
    previous.write_text(json.dumps({"scimPriorities": {"Admins": 7, "Viewer": 9}}))
    result = run_cli("plan", "--stack", "t", "--config", str(path), "--json", "--previous-outputs", str(previous))
    assert result.returncode == 0, result.stderr
    priorities = {r["name"]: r["inputs"].get("priority") for r in json.loads(result.stdout)["resources"]}
    assert (priorities["gainsight-scim-assignment-Admins"], priorities["gainsight-scim-assignment-Viewer"]) == (7, 9)


class OverlapWatchingMocks(OfflineMocks):
    """Holds each assignment write for a moment and records writes of one app that were in flight together."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.in_flight: dict[str, int] = {}
        self.overlaps: list[str] = []
        self.order: list[str] = []

    def new_resource(self, args):  # type: ignore[no-untyped-def]
        if args.typ != WRITER:
            return super().new_resource(args)
        app = args.inputs["appId"]
        with self.lock:
            self.in_flight[app] = self.in_flight.get(app, 0) + 1
            if self.in_flight[app] > 1:
                self.overlaps.append(args.name)
            self.order.append(args.name)
        time.sleep(0.01)  # the PUT and GET of resourceAppGroupAssignmentUpdate
        with self.lock:
            self.in_flight[app] -= 1
        return super().new_resource(args)


def test_the_writers_of_one_app_run_one_at_a_time_in_list_order(write_stack) -> None:
    """Concurrent assignment writes to one app have been responded with 500 E0000009 (provider issues #1198,
    #1373), and resourceAppGroupAssignmentUpdate does not retry a 500: each writer waits for the one above it,
    and no dependency chain is declared (the SDK's cycle check overflows on ~1,000 links)."""
    groups = [{"name": f"G{i}", "profile": {"LicenseType": "Full"}} for i in range(12)]
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    mocks = OverlapWatchingMocks()
    plan = run_offline("test", read_stack_file(path), path.name, mocks, preview=False)  # as `pulumi up` runs it
    assert mocks.overlaps == []
    for kind in ("sso", "scim"):
        names = [name for name in mocks.order if name.startswith(f"gainsight-{kind}-assignment-")]
        assert names == [f"gainsight-{kind}-assignment-G{i}" for i in range(12)]
    writers = [r for r in plan.to_json()["resources"] if r["type"] == WRITER]
    assert not [urn for w in writers for urn in w["options"].get("dependsOn", []) if "-assignment-" in urn]


def test_in_a_preview_the_writers_do_not_wait_for_each_other(write_stack) -> None:
    """A preview writes nothing: each writer's priority is there at once, so the engine diffs them side by side
    (at 100 groups the wait was most of the gap to the plural program's preview: docs/api-cost.md). The values are
    the same as an `up` declares."""
    groups = [{"name": f"G{i}", "profile": {"LicenseType": "Full"}} for i in range(12)]
    path = write_stack(article_stack(**{"gainsight-okta:groups": groups}))
    previewed, applied = OverlapWatchingMocks(), OverlapWatchingMocks()
    preview = run_offline("test", read_stack_file(path), path.name, previewed)
    up = run_offline("test", read_stack_file(path), path.name, applied, preview=False)
    assert previewed.overlaps and not applied.overlaps

    def writers(plan) -> dict[str, object]:
        return {r["name"]: r["inputs"]["priority"] for r in plan.to_json()["resources"] if r["type"] == WRITER}

    assert writers(preview) == writers(up) and len(writers(up)) == 24
