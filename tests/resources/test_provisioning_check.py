"""The check after the manual SCIM step, under mocks with canned Okta answers: enabled, partly, unreadable."""

from __future__ import annotations

from typing import Any

import grpc
import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.provisioning_check import FEATURES_TOKEN, assess_features
from tests.conftest import article_stack


def features(create: str = "ENABLED", profile: str = "ENABLED", deactivate: str = "ENABLED", status: str = "ENABLED"):
    return {
        "name": "USER_PROVISIONING",
        "status": status,
        "capabilities": {
            "create": {"lifecycleCreate": {"status": create}},
            "update": {"profile": {"status": profile}, "lifecycleDeactivate": {"status": deactivate}},
        },
    }


class PermissionDenied(grpc.RpcError):
    """What the engine relays when Okta answers 403 to the provider's read."""

    def code(self) -> grpc.StatusCode:
        return grpc.StatusCode.PERMISSION_DENIED

    def details(self) -> str:
        return "The API token does not have the scope okta.apps.read"


class CannedOkta(OfflineMocks):
    def __init__(self, answer: Any) -> None:
        super().__init__()
        self.answer = answer
        self.asked: list[dict[str, Any]] = []

    def call(self, args: MockCallArgs):
        if args.token != FEATURES_TOKEN:
            return super().call(args)
        self.asked.append(dict(args.args))
        if isinstance(self.answer, Exception):
            raise self.answer
        if isinstance(self.answer, list):
            return {}, self.answer  # a check failure, as a provider reports a refused read
        return self.answer, []


def plan_with(write_stack, answer: Any, provisioning: bool = True):
    mocks = CannedOkta(answer)
    path = write_stack(article_stack(provisioning))
    plan = run_offline("test", read_stack_file(path), path.name, mocks)
    return plan, mocks


def test_assess_all_enabled() -> None:
    result = assess_features(features())
    assert result.status == "ok" and result.missing == ()
    assert result.warning("SCIM") is None


def test_assess_partly_enabled() -> None:
    result = assess_features(features(deactivate="DISABLED", profile="DISABLED"))
    assert result.status == "incomplete"
    assert result.missing == ("Update User Attributes", "Deactivate Users")


def test_assess_feature_off_or_empty() -> None:
    for answer in (features(status="DISABLED"), {}):
        assert assess_features(answer).missing == ("Create Users", "Update User Attributes", "Deactivate Users")


def test_enabled_answer_gives_ok_and_no_warning(write_stack) -> None:
    plan, mocks = plan_with(write_stack, features())
    assert mocks.asked == [{"appId": "placeholder-id-gainsight-scim", "name": "USER_PROVISIONING"}]
    assert plan.recording.stack_outputs["provisioningCheck"] == {"status": "ok", "missing": [], "detail": ""}
    assert plan.notices == []


def test_partly_enabled_answer_warns_with_what_is_missing(write_stack) -> None:
    plan, _ = plan_with(write_stack, features(create="DISABLED"))
    assert plan.recording.stack_outputs["provisioningCheck"]["status"] == "incomplete"
    assert plan.recording.stack_outputs["provisioningCheck"]["missing"] == ["Create Users"]
    (warning,) = plan.notices
    assert warning.startswith("warning: ") and "Create Users" in warning and "To App" in warning


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ([("appId", "Okta said 404: feature not found")], "Okta said 404"),
        (PermissionDenied(), "does not have the scope"),
    ],
)
def test_unreadable_answer_warns_and_never_fails_the_run(write_stack, answer: Any, reason: str) -> None:
    plan, _ = plan_with(write_stack, answer)
    check = plan.recording.stack_outputs["provisioningCheck"]
    assert check["status"] == "unreadable"
    assert reason in check["detail"]
    (warning,) = plan.notices
    assert "could not read its provisioning settings" in warning
    # Everything else was still declared.
    assert any(r.name == "gainsight-scim-assignments" for r in plan.recording.registrations)


def test_no_check_before_the_manual_step(write_stack) -> None:
    plan, mocks = plan_with(write_stack, features(), provisioning=False)
    assert mocks.asked == []
    assert "provisioningCheck" not in plan.recording.stack_outputs
