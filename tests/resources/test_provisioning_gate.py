"""`provisioningEnabled: true` is believed only when Okta shows the manual step done (resources/provisioning_gate.py).

Against the real provider and the emulator (e2e scenario 1), a stack switched on before the manual step failed
half-way through `up`: every SCIM assignment refused with "profile.locale: Property is not defined in the app
user schema". Now the SCIM app is looked up first (data_source_okta_app_saml.go: by id, or by `q` then the exact
label, failing with "no SAML application found ...") and the run refused before anything is declared.
"""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.runtime.mocks import MockCallArgs

from components.errors import InputError
from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.provider_facts import APP_USER_SCHEMA_PROPERTY, SAML_APP_LOOKUP
from tests.conftest import article_stack

ALL_ON = ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "IMPORT_NEW_USERS"]
SCIM_ID = "0oa9scim8gainsight7x6"


class LiveScimApp(OfflineMocks):
    """Answers the SCIM app's look-up as the provider would; `features=None`: Okta has no such app."""

    def __init__(self, features: list[str] | None, failure: str | None = None) -> None:
        super().__init__()
        self.features = features
        self.failure = failure  # what the provider says when the look-up fails otherwise
        self.asked: list[dict[str, Any]] = []

    def call(self, args: MockCallArgs):
        if args.token != SAML_APP_LOOKUP:
            return super().call(args)
        self.asked.append(dict(args.args))
        if self.failure is not None:
            return {}, [("id", self.failure)]
        if self.features is None and "id" in args.args:
            # data_source_okta_app_saml.go by id, as the okta SDK words Okta's E0000007 (no status, no code)
            return {}, [
                (
                    "id",
                    f"failed get app by ID: the API returned an error: Not found: Resource not found: "
                    f"{args.args['id']} (AppInstance)",
                )
            ]
        if self.features is None:
            label = args.args.get("label")
            return {}, [("label", f"no SAML application found with the provided label: {label}")]
        return {"id": SCIM_ID, "label": args.args.get("label"), "features": self.features}, []


def plan(write_stack, mocks: LiveScimApp, **changes: Any) -> dict[str, Any]:
    path = write_stack(article_stack(**changes))
    return run_offline("test", read_stack_file(path), path.name, mocks).to_json()


def test_provisioning_on_in_okta_declares_the_scim_side(write_stack) -> None:
    mocks = LiveScimApp(ALL_ON)
    result = plan(write_stack, mocks)
    assert mocks.asked == [{"label": "Gainsight SCIM Integration"}]
    assert any(r["type"] == APP_USER_SCHEMA_PROPERTY for r in result["resources"])


def test_the_last_run_s_app_is_looked_up_by_its_id_whatever_its_label_in_the_stack(write_stack) -> None:
    # A frozen SCIM app renamed in the stack file keeps its old label in Okta: the label would find nothing.
    mocks = LiveScimApp(ALL_ON)
    mocks.previous_outputs = {"scimAppId": SCIM_ID}
    plan(write_stack, mocks, **{"gainsight-okta:scimApp": {"provisioningEnabled": True, "label": "Renamed"}})
    assert mocks.asked == [{"id": SCIM_ID}]


def test_an_adopted_app_is_looked_up_by_its_id(write_stack) -> None:
    mocks = LiveScimApp(ALL_ON)
    plan(write_stack, mocks, **{"gainsight-okta:scimApp": {"provisioningEnabled": True, "importId": SCIM_ID}})
    assert mocks.asked == [{"id": SCIM_ID}]


@pytest.mark.parametrize(
    ("features", "said"),
    [
        (None, "Okta has no SCIM app 'Gainsight SCIM Integration' yet"),
        ([], "lacks Create Users, Update User Attributes, Deactivate Users"),
        (["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES"], "lacks Deactivate Users"),
    ],
)
def test_the_manual_step_not_done_is_refused_before_anything_is_declared(write_stack, features, said) -> None:
    with pytest.raises(InputError) as refused:
        plan(write_stack, LiveScimApp(features))
    line = refused.value.line()
    assert line.startswith("error: ") and "gainsight-okta:scimApp.provisioningEnabled" in line
    assert said in line and "step 3 of the runbook" in line
    assert "gainsight-okta runbook --stack test" in line


def test_without_provisioning_nothing_is_looked_up(write_stack) -> None:
    mocks = LiveScimApp(None)
    plan(write_stack, mocks, **{"gainsight-okta:scimApp": {"provisioningEnabled": False}})
    assert mocks.asked == []


def test_an_app_gone_from_okta_is_refused_in_one_line(write_stack) -> None:
    mocks = LiveScimApp(None)
    mocks.previous_outputs = {"scimAppId": SCIM_ID}  # the last run's app, since deleted in Okta
    with pytest.raises(InputError, match="Okta has no SCIM app"):
        plan(write_stack, mocks)


def test_any_other_failure_of_the_look_up_is_one_line_too(write_stack) -> None:
    mocks = LiveScimApp(ALL_ON, failure="the API returned an error: You do not have permission (403)")
    with pytest.raises(InputError) as refused:
        plan(write_stack, mocks)
    line = refused.value.line()
    assert "the SCIM app is read from Okta first, and that failed" in line and "permission" in line
