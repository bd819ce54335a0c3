"""The stack's last outputs, read with the engine's readStackOutputs (resources/previous_run.py): a checkpoint the
engine is rewriting is read again; any other failure is one line, with nothing declared."""

from __future__ import annotations

import pulumi
import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources import previous_run
from components.resources.previous_run import READ_STACK_OUTPUTS
from tests.conftest import article_stack


class Backend(OfflineMocks):
    """Fails the read with `failures` in turn, then answers with `previous`."""

    def __init__(self, failures: list[str], previous: dict) -> None:
        super().__init__(previous_outputs=previous)
        self.failures = list(failures)
        self.reads = 0

    def call(self, args: MockCallArgs):
        if args.token == READ_STACK_OUTPUTS:
            self.reads += 1
            if self.failures:
                return {}, [("name", self.failures.pop(0))]
        return super().call(args)


def plan(write_stack, mocks: Backend) -> dict:
    path = write_stack(article_stack(provisioning=False))
    return run_offline("test", read_stack_file(path), path.name, mocks).to_json()


def test_a_half_written_checkpoint_is_read_again(write_stack, monkeypatch) -> None:
    monkeypatch.setattr(previous_run, "CHECKPOINT_RETRY_SECONDS", 0.0)
    mocks = Backend(["failed to load checkpoint: EOF"] * 2, {"ssoPriorities": {"Admins": 30, "Viewer": 40}})
    result = plan(write_stack, mocks)
    assert mocks.reads == 3
    assert result["outputs"]["ssoPriorities"] == {"Admins": 30, "Viewer": 40}  # the last run's numbers kept


def test_another_failure_is_one_line(write_stack) -> None:
    mocks = Backend(["unknown stack 'test'"], {})
    with pytest.raises(pulumi.RunError) as failed:
        plan(write_stack, mocks)
    assert str(failed.value) == "could not read this stack's last outputs from the backend: " + (
        "invoke of pulumi:pulumi:readStackOutputs failed: unknown stack 'test' (name)"
    )
    assert mocks.reads == 1
