"""Run the program in process under Pulumi's mocks and return what it declared: the offline plan."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pulumi
from pulumi.runtime import Mocks, run_in_stack
from pulumi.runtime import settings as runtime_settings

from components import program
from components.inputs.project import load_inputs
from components.inputs.stack_file import StackFile
from components.inputs.stack_inputs import StackInputs
from components.offline.mocks import OfflineMocks
from components.offline.monitor import Recording, RecordingMonitor
from components.resources.urns import PROJECT

ORGANIZATION = "organization"  # what a self-managed backend calls every stack's organization


HELD_BACK = "heldBack"  # a plan document's key: what waits on the manual step


@dataclass(frozen=True)
class Plan:
    project: str
    stack: str
    recording: Recording
    inputs: StackInputs
    notices: list[str]

    def to_json(self) -> dict[str, Any]:
        resources = [
            {
                "urn": r.urn,
                "type": r.type,
                "name": r.name,
                "id": r.id,
                "parent": r.parent,
                "inputs": r.inputs,
                "options": {
                    "protect": r.protect,
                    "dependsOn": r.depends_on,
                    "import": r.import_id,
                    "ignoreChanges": r.ignore_changes,
                    "retainOnDelete": r.retain_on_delete,
                    "deleteBeforeReplace": r.delete_before_replace,
                    "aliases": r.aliases,
                },
            }
            for r in self.recording.ordered()
        ]
        document: dict[str, Any] = {
            "project": self.project,
            "stack": self.stack,
            "resources": resources,
            "outputs": self.recording.stack_outputs,
        }
        if not self.inputs.provisioning_enabled:
            # Declared nowhere until the manual step: the SCIM groups' Gainsight values, so that plan-diff can
            # say what a change to them will do once provisioning is on.
            document[HELD_BACK] = {
                "groupValues": {group.name: dict(group.profile) for group in self.inputs.groups if group.scim}
            }
        return document


class _NoticeCollector(logging.Handler):
    """Keeps what the program logs through pulumi.log, as `pulumi up` would show it under Diagnostics."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.notices: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.notices.append(f"{record.levelname.lower()}: {record.getMessage()}")


def _collecting_logger() -> tuple[logging.Logger, _NoticeCollector]:
    collector = _NoticeCollector()
    logger = logging.Logger("gainsight-okta.offline-plan", logging.INFO)  # not registered: no global state
    logger.addHandler(collector)
    return logger, collector


def run_under_mocks(
    stack: str,
    config: dict[str, str],
    declare: Callable[[], object],
    mocks: Mocks | None = None,
    secret_keys: tuple[str, ...] = (),
    preview: bool = True,
) -> tuple[Recording, list[str]]:
    """Run `declare` as a Pulumi program in process, Pulumi's mocks standing in for the engine and Okta: as in a
    preview (what `plan` shows), or with `preview` false as in an `up` (tests of what only an `up` does)."""
    monitor = RecordingMonitor(mocks or OfflineMocks())
    logger, collector = _collecting_logger()
    loop = asyncio.new_event_loop()  # Python 3.14 has no implicit loop; a fresh one also isolates runs
    asyncio.set_event_loop(loop)
    # The mock monitor runs in executor threads, and the SDK gives each thread an event loop. Hand each
    # thread one we own, so all are closed here and none is half-finalized later by the garbage collector.
    thread_loops: list[asyncio.AbstractEventLoop] = []

    def give_thread_a_loop() -> None:
        thread_loop = asyncio.new_event_loop()
        asyncio.set_event_loop(thread_loop)
        thread_loops.append(thread_loop)

    loop.set_default_executor(ThreadPoolExecutor(thread_name_prefix="offline-plan", initializer=give_thread_a_loop))
    try:
        runtime_settings.ROOT.set(None)
        pulumi.runtime.set_mocks(
            monitor.mocks,
            project=PROJECT,
            stack=stack,
            preview=preview,
            monitor=monitor,
            logger=logger,
            organization=ORGANIZATION,
        )
        runtime_settings.ROOT.set(None)  # run_in_stack makes the root stack, as the real host does
        pulumi.runtime.set_all_config(dict(config), list(secret_keys))
        loop.run_until_complete(run_in_stack(declare))
    finally:
        runtime_settings.ROOT.set(None)
        loop.run_until_complete(loop.shutdown_default_executor())
        for thread_loop in thread_loops:
            thread_loop.close()
        asyncio.set_event_loop(None)
        loop.close()
    return monitor.recording, collector.notices


def run_offline(
    stack: str, stack_file: StackFile, source: str, mocks: Mocks | None = None, *, preview: bool = True
) -> Plan:
    """Validate first (nothing is declared on bad input), then run the very program `pulumi up` runs."""
    inputs = load_inputs(stack_file.config, source, stack_file.secret_keys)
    recording, notices = run_under_mocks(
        stack, stack_file.config, lambda: program.run(source), mocks, stack_file.secret_keys, preview
    )
    return Plan(project=PROJECT, stack=stack, recording=recording, inputs=inputs, notices=notices)
