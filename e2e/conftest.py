"""Fixtures of `make e2e`: the real toolchain, an emulated org on 127.0.0.1 for each test, and a project copy with a
`file://` backend of its own. A request the emulator cannot route fails the test that made it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from components.emulator.org import EmulatedOrg
from components.emulator.rate_limits import DEFAULT_LIMITS, RateLimits
from components.emulator.seeds import article_org
from components.emulator.server import EmulatorServer

from .engine import API_TOKEN, REPO, Project, Pulumi, toolchain_bin

# The groups the repository's stacks name with `existing: true`: they are the org's, made before any stack.
EXISTING_GROUPS = {"dev": ["Customer Success"], "prod": ["Gainsight Admins"]}
# Okta's buckets would make a 100-group `up` a matter of waiting; the e2e lifts them (the calls are still counted).
LIFTED = dict.fromkeys(DEFAULT_LIMITS, 1_000_000)
# Okta's clean-up after an attribute's deletion, during which one of the same name is refused (provider #587): longer
# than the provider's 30 s of retries, as it is in an org with many users.
SCHEMA_CLEANUP_SECONDS = 120.0
# Okta's writes take time, so the program's writes to one app would overlap if it ever sent two at once: then
# Okta answers 500 E0000009 now and then (assignments, #1198, #1373) or loses an update (schemas, #27, #632).
ASSIGNMENT_WRITE_SECONDS = 0.05
SCHEMA_WRITE_SECONDS = 0.2
RACE_FAILURE_RATE = 0.5


@pytest.fixture(scope="session")
def bin_dir() -> Path:
    return toolchain_bin()


@dataclass
class Org:
    state: EmulatedOrg
    url: str

    def control(self, method: str, path: str, body: Any = None) -> Any:
        """The emulator's own calls (`/_emulator/...`) and what a person does in Okta's Admin Console."""
        response = httpx.request(
            method, self.url + path, json=body, headers={"Authorization": f"SSWS {API_TOKEN}"}, timeout=30
        )
        assert response.status_code < 300, response.text
        return response.json() if response.content else None

    def group_id(self, name: str) -> str:
        return next(gid for gid, g in self.state.groups.items() if g["profile"]["name"] == name)

    def app_id(self, label: str) -> str:
        return next(aid for aid, a in self.state.apps.items() if a.get("label") == label)


def make_org(*existing: str) -> EmulatedOrg:
    state = EmulatedOrg(
        token=API_TOKEN,
        rate_limits=RateLimits(limits=dict(LIFTED)),
        schema_deletion_seconds=SCHEMA_CLEANUP_SECONDS,
        assignment_write_seconds=ASSIGNMENT_WRITE_SECONDS,
        schema_write_seconds=SCHEMA_WRITE_SECONDS,
        race_failure_rate=RACE_FAILURE_RATE,
    )
    for name in existing:
        state.add_group(name, "made in Okta before this project")
    return state


def served(state: EmulatedOrg) -> Iterator[Org]:
    with EmulatorServer(state) as url:  # it raises on a request the emulator failed to answer (state.failures)
        yield Org(state, url)
    assert not state.unrouted, f"requests the emulator cannot route: {state.unrouted}"
    assert not state.failures, f"requests the emulator failed on: {state.failures}"
    # Two writes to one app at once: Okta then fails one now and then, or loses one (test_write_order.py). The
    # program writes one at a time; only the engine's deletes of removed assignments run at once (it orders deletes
    # by recorded dependencies, and write_order.py records none), which a failed `up` run again mends.
    written = [o for o in state.overlaps if o["method"] != "DELETE"]
    assert not written, f"writes to one app that overlapped: {written[:5]}"


serving = contextmanager(served)  # `with serving(state) as org:` outside pytest (the e2e benchmarks)


@pytest.fixture
def org(request: pytest.FixtureRequest) -> Iterator[Org]:
    """An org with the groups the repository's stacks take as existing; `@pytest.mark.seed("article")`: the
    article's setup made by hand (components.emulator.seeds) instead."""
    marker = request.node.get_closest_marker("seed")
    if marker is not None and marker.args == ("article",):
        yield from served(article_org(make_org()))
    else:
        yield from served(make_org(*(name for names in EXISTING_GROUPS.values() for name in names)))


@dataclass
class Engine:
    pulumi: Pulumi
    project: Project
    org: Org

    def write_stack(self, stack: str, config: dict[str, Any]) -> Path:
        """A stack file for the emulator: the given settings with the provider pointed at it."""
        config = {**config, "okta:httpProxy": self.org.url}
        path = self.project.stack_file(stack)
        path.write_text(yaml.safe_dump({"config": config}, sort_keys=False))
        return path

    def repository_stack(self, stack: str) -> dict[str, Any]:
        """The settings of the repository's Pulumi.<stack>.yaml, as users have them."""
        return dict(yaml.safe_load((REPO / f"Pulumi.{stack}.yaml").read_text())["config"])

    def edit(self, stack: str, change: Any) -> None:
        path = self.project.stack_file(stack)
        config = yaml.safe_load(path.read_text())["config"]
        change(config)
        path.write_text(yaml.safe_dump({"config": config}, sort_keys=False))


def engine_in(folder: Path, bin_dir: Path, org: Org) -> Engine:
    """A project copy and a `file://` backend under `folder`, against `org` (also used by the e2e benchmarks)."""
    project = Project(folder / "project")
    return Engine(Pulumi(bin_dir, project, folder / "state", org.url), project, org)


@pytest.fixture
def engine(bin_dir: Path, org: Org, tmp_path: Path) -> Engine:
    return engine_in(tmp_path, bin_dir, org)
