"""After the manual step the SCIM app is frozen: an update is a full PUT without `features`
(resource_okta_app_saml.go, buildSamlApp: "You can't currently configure provisioning features via the API"),
which reset provisioning to NONE before (provider #655, closed unfixed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.inputs.stack_file import read_stack_file
from components.offline.plan import run_offline
from components.reports.plan_diff import diff_plans, render_plan_diff
from tests import metadata_builder as mb
from tests.conftest import article_stack, resource


def scim(document: dict) -> dict:
    return resource(document, "gainsight-scim")


def test_frozen_once_provisioning_is_on_and_not_before(plan_stack) -> None:
    assert scim(plan_stack(article_stack(provisioning=False)))["options"]["ignoreChanges"] == []
    frozen = scim(plan_stack(article_stack()))
    assert set(frozen["options"]["ignoreChanges"]) >= set(frozen["inputs"])  # every input it declares
    assert resource(plan_stack(article_stack()), "gainsight-sso")["options"]["ignoreChanges"] == []


@pytest.mark.parametrize("indices", [(0, 1), (1, 5)])
def test_every_input_the_program_can_declare_is_frozen(plan_stack, tmp_path: Path, indices) -> None:
    """ACS lists, single logout, custom statements and honorForceAuthn included: a new input must join the list."""
    services = mb.acs("https://a.example/a", index=indices[0], default="true") + mb.acs(
        "https://a.example/b", index=indices[1]
    )
    metadata = mb.write(tmp_path, mb.document(mb.entity(mb.sp_descriptor(services=services))))
    saml = {"honorForceAuthn": True, "attributeStatements": [{"name": "mail", "values": ["user.email"]}]}
    document = plan_stack(
        article_stack(**{"gainsight-okta:metadataFile": str(metadata), "gainsight-okta:samlApp": saml})
    )
    app = scim(document)
    assert set(app["inputs"]) <= set(app["options"]["ignoreChanges"])


def test_allow_update_lifts_the_freeze_and_says_so(write_stack) -> None:
    stack = article_stack(**{"gainsight-okta:scimApp": {"provisioningEnabled": True, "allowUpdate": True}})
    path = write_stack(stack)
    plan = run_offline("test", read_stack_file(path), path.name)
    assert scim(plan.to_json())["options"]["ignoreChanges"] == []
    (warning,) = [n for n in plan.notices if "allowUpdate" in n]
    assert "provider #655" in warning and "verify" in warning


def test_the_pr_comment_says_a_frozen_change_is_not_sent(plan_stack) -> None:
    base = plan_stack(article_stack())
    head = plan_stack(article_stack(**{"gainsight-okta:scimApp": {"provisioningEnabled": True, "label": "Renamed"}}))
    diff = diff_plans(base, head)
    (app,) = [c for c in diff.changed if c.name == "gainsight-scim"]
    assert [(c.path, c.ignored) for c in app.changes] == [("label", True)] and app.ignored
    text = render_plan_diff(diff)
    assert "changes the SCIM app's label, which is **not sent**" in text
    assert "**updates the SCIM app**" not in text
    assert "| ~ ignored | `okta:app/saml:Saml` | `gainsight-scim` |" in text
    assert '- `label`: "Gainsight SCIM Integration" → "Renamed" (ignored: not sent to Okta)' in text


def test_the_pr_comment_is_loud_when_the_scim_app_will_be_updated(plan_stack) -> None:
    base = plan_stack(article_stack())
    scim_app = {"provisioningEnabled": True, "label": "Renamed", "allowUpdate": True}
    head = plan_stack(article_stack(**{"gainsight-okta:scimApp": scim_app}))
    text = render_plan_diff(diff_plans(base, head))
    assert "**updates the SCIM app** (label)" in text and "provider #655" in text
    assert "| ~ change | `okta:app/saml:Saml` | `gainsight-scim` |" in text and "(ignored" not in text
