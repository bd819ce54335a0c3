"""A SAML attribute statement of Okta's `type: GROUP` (it carries `filterType` and `filterValue`, not values),
end to end: adopted into `type: group` settings, planned as the provider's GROUP statement with nothing to
change, and checked by `verify`, which names the app to refresh when the filter was changed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from components.adopt.app_inputs import input_differences, live_saml_inputs
from components.inputs.stack_file import read_stack_file
from components.offline.plan import run_offline
from components.okta.models.apps import OktaApp
from components.okta.org import LiveApp
from tests.adopt.test_adopt_verify import ENV, adopted
from tests.conftest import run_cli
from tests.servers.article_org import SSO_ID, article_org
from tests.servers.fake_okta import FakeOktaServer, FakeOrg

UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"
GROUPS_STATEMENT = {
    "type": "GROUP",
    "name": "groups",
    "namespace": UNSPECIFIED,
    "filterType": "STARTS_WITH",
    "filterValue": "Gainsight",
}


def org_with_group_statement() -> FakeOrg:
    org = article_org()
    org.apps[SSO_ID]["settings"]["signOn"]["attributeStatements"].append(dict(GROUPS_STATEMENT))
    return org


def test_a_group_statement_is_adopted_and_planned_as_okta_holds_it(tmp_path: Path) -> None:
    org = org_with_group_statement()
    stack, _ = adopted(org, tmp_path)
    settings = yaml.safe_load(stack.read_text())["config"]["gainsight-okta:samlApp"]
    assert settings["attributeStatements"][-1] == {
        "name": "groups",
        "type": "group",
        "filterType": "STARTS_WITH",
        "filterValue": "Gainsight",
    }
    plan = run_offline("acme", read_stack_file(stack), stack.name).to_json()
    sso = next(r for r in plan["resources"] if r["name"] == "gainsight-sso")
    declared = sso["inputs"]["attributeStatements"][-1]
    assert (declared["type"], declared["filterType"], declared["filterValue"]) == ("GROUP", "STARTS_WITH", "Gainsight")
    assert "values" not in declared or not declared["values"]
    assert input_differences(sso["inputs"], live_saml_inputs(LiveApp(OktaApp.model_validate(org.apps[SSO_ID])))) == []


def test_verify_names_a_group_filter_changed_by_hand(tmp_path: Path) -> None:
    stack, _ = adopted(org_with_group_statement(), tmp_path)
    for change, expected in ((None, []), ("Sales", ["attribute-statements"])):
        org = org_with_group_statement()
        if change:
            org.apps[SSO_ID]["settings"]["signOn"]["attributeStatements"][-1]["filterValue"] = change
        with FakeOktaServer(org) as url:
            result = run_cli("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url, "--json", env=ENV)
        findings = json.loads(result.stdout)["findings"]
        assert [f["check"] for f in findings] == expected, result.stderr
    (finding,) = findings
    assert "missing in Okta: groups (groups STARTS_WITH 'Gainsight')" in finding["message"]
    assert "not in the stack: groups (groups STARTS_WITH 'Sales')" in finding["message"]
    assert finding["refresh"] == [
        "urn:pulumi:acme::gainsight-okta::gainsight-okta:index:GainsightOkta$okta:app/saml:Saml::gainsight-sso"
    ]
