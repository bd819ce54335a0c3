"""The check after the manual SCIM step, judged from the SCIM app's own `features`, under mocks that answer
the SCIM app's look-up the way the okta provider's data source fills that output.

data_source_okta_app_saml.go: `features` is set from the app object (`d.Set("features", ...app.Features)`);
resource_okta_app_saml.go's Read does the same, and buildSamlApp never sends it. data_source_okta_app_features.go
serves the Features API, which Okta documents for a few OIN apps only: on a custom SAML app it cannot answer.
"""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.provider_facts import SAML_APP_LOOKUP
from components.resources.provisioning_check import assess_features
from tests.conftest import article_stack

# An app with SCIM on and all three To App actions, as the Apps API lists it.
ALL_ON = ["IMPORT_NEW_USERS", "PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "REACTIVATE_USERS"]


class OktaWithFeatures(OfflineMocks):
    """Answers like the provider after a refresh: the SCIM app's outputs carry Okta's `features` list."""

    def __init__(self, features: Any) -> None:
        super().__init__()
        self.features = features
        self.invoked: list[str] = []

    def call(self, args: MockCallArgs):
        self.invoked.append(args.token)
        if args.token == SAML_APP_LOOKUP:
            return {"id": "0oa9scim8gainsight7x6", "label": args.args.get("label"), "features": self.features}, []
        return super().call(args)


def plan_with(write_stack, features: Any, provisioning: bool = True):
    mocks = OktaWithFeatures(features)
    path = write_stack(article_stack(provisioning))
    return run_offline("test", read_stack_file(path), path.name, mocks), mocks


def test_assess_all_enabled() -> None:
    result = assess_features(ALL_ON)
    assert result.status == "ok" and result.missing == ()
    assert result.warning("SCIM") is None


def test_assess_partly_enabled() -> None:
    result = assess_features(["IMPORT_NEW_USERS", "PUSH_NEW_USERS"])
    assert result.status == "incomplete"
    assert result.missing == ("Update User Attributes", "Deactivate Users")


def test_assess_no_features_means_provisioning_is_not_switched_on() -> None:
    for answer in ([], None):
        result = assess_features(answer)
        assert result.status == "incomplete"
        assert result.missing == ("Create Users", "Update User Attributes", "Deactivate Users")
        assert "Provisioning set to SCIM" in result.detail


def test_assess_an_unexpected_shape_is_unreadable_not_ok() -> None:
    assert assess_features("PUSH_NEW_USERS").status == "unreadable"  # type: ignore[arg-type]
    assert assess_features([1, 2]).status == "unreadable"  # type: ignore[list-item]


def test_enabled_features_give_ok_and_no_warning(write_stack) -> None:
    plan, mocks = plan_with(write_stack, ALL_ON)
    assert plan.recording.stack_outputs["provisioningCheck"] == {"status": "ok", "missing": [], "detail": ""}
    assert not [n for n in plan.notices if "To App" in n]
    assert "okta:app/getFeatures:getFeatures" not in mocks.invoked  # the Features API is never asked


def test_partly_enabled_is_refused_with_what_is_missing(write_stack) -> None:
    with pytest.raises(InputError, match="lacks Create Users") as refused:
        plan_with(write_stack, ["PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"])
    assert "Deactivate Users" not in refused.value.line()


def test_offline_the_stack_is_taken_at_its_word(plan_stack) -> None:
    # Offline there is no Okta to read: the plan assumes the manual step done, which `pulumi up` then checks.
    outputs = plan_stack(article_stack())["outputs"]
    assert outputs["provisioningCheck"] == {"status": "ok", "missing": [], "detail": ""}


def test_no_check_before_the_manual_step(write_stack) -> None:
    plan, _ = plan_with(write_stack, ALL_ON, provisioning=False)
    assert "provisioningCheck" not in plan.recording.stack_outputs
