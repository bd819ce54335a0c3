"""Under `pulumi up`, the program compares with its own last outputs (the engine's readStackOutputs of itself) and says
plainly which groups an update unassigns from the SCIM app, and so deactivates in Gainsight."""

from __future__ import annotations

import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.previous_run import READ_STACK_OUTPUTS, own_stack_name
from components.resources.scim_removals import removal_warnings
from tests.conftest import article_stack

LAST_RUN = {"scimAssignedGroups": ["Admins", "Viewer"], "scimAttributes": ["IsSuperAdmin", "LicenseType", "Department"]}


class RememberingOwnStackRead(OfflineMocks):
    def __init__(self, previous: dict) -> None:
        super().__init__(previous_outputs=previous)
        self.referenced: list[str] = []

    def call(self, args: MockCallArgs):
        if args.token == READ_STACK_OUTPUTS:
            self.referenced.append(args.args["name"])
        return super().call(args)


def run(write_stack, stack: dict, previous: dict) -> tuple[list[str], RememberingOwnStackRead]:
    mocks = RememberingOwnStackRead(previous)
    path = write_stack(stack)
    plan = run_offline("test", read_stack_file(path), path.name, mocks)
    return plan.notices, mocks


def test_switching_provisioning_off_warns_that_every_user_is_deactivated(write_stack) -> None:
    notices, mocks = run(write_stack, article_stack(provisioning=False), LAST_RUN)
    assert mocks.referenced == ["test"]  # the stack itself, by the name every self-managed layout accepts
    (groups,) = [n for n in notices if "unassigns" in n]
    assert "unassigns every group 'Admins', 'Viewer'" in groups
    assert "Okta deactivates every user it provisioned in Gainsight" in groups
    (attributes,) = [n for n in notices if "deletes the attribute" in n]
    assert "'IsSuperAdmin', 'LicenseType', 'Department'" in attributes
    # Two removed at once: the engine deletes them in parallel, and Okta answers that 500 now and then (#1373).
    (parallel,) = [n for n in notices if "group assignments at once" in n]
    assert "removes 2 group assignments at once" in parallel and "run it again" in parallel


def test_dropping_one_group_names_it(write_stack) -> None:
    stack = article_stack(**{"gainsight-okta:groups": [{"name": "Admins"}]})
    notices, _ = run(write_stack, stack, LAST_RUN)
    (warning,) = [n for n in notices if "unassigns" in n]
    assert "the group(s) 'Viewer'" in warning and "except those still assigned through another group" in warning
    assert not [n for n in notices if "at once" in n]  # one removal: nothing overlaps


def test_no_warning_on_a_first_run_or_without_removals(write_stack) -> None:
    for previous in ({}, LAST_RUN):
        notices, _ = run(write_stack, article_stack(), previous)
        assert not [n for n in notices if "unassigns" in n or "deletes the attribute" in n]


def test_garbage_in_the_last_outputs_is_ignored() -> None:
    assert removal_warnings("SCIM", "not a list", {"x": 1}, [], []) == []
    assert removal_warnings("SCIM", [1, None, "A"], None, ["B"], []) != []


@pytest.mark.parametrize(
    ("organization", "expected"),
    [
        (None, "dev"),  # under mocks, or an engine that gives none
        ("organization", "dev"),  # self-managed: the legacy layout refuses any `/` (tokens.ParseStackName)
        ("acme", "acme/gainsight-okta/dev"),  # Pulumi Cloud: the fully qualified name
    ],
)
def test_the_stack_refers_to_itself_by_a_name_its_backend_accepts(organization, expected: str) -> None:
    """pkg/backend/diy/store.go: the legacy store parses references with tokens.ParseStackName (no `/`); the
    project store takes a bare name and fills in "organization" and the current project."""
    assert own_stack_name(organization, "gainsight-okta", "dev") == expected
