"""`adopt` and `verify` end to end, as a user runs them, against a fake org over real HTTP on 127.0.0.1.

The round trip: adopt an org set up like the article's screenshots -> the offline plan of the written stack ->
its inputs equal what the org holds. verify passes on that org and finds each planted defect.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from components.adopt.app_inputs import input_differences, live_saml_inputs
from components.emulator.assignments import rendered
from components.inputs.stack_file import read_stack_file
from components.offline.plan import run_offline
from components.okta.models.apps import OktaApp
from components.okta.org import LiveApp
from tests.conftest import PROJECT_ROOT, run_cli
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import SCIM_NAMESPACE, TOKEN, FakeOktaServer, FakeOrg

ENV = {"OKTA_API_TOKEN": TOKEN}


def adopt(url: str, output: Path, *extra: str):
    return run_cli(
        "adopt",
        "--stack", "acme",
        "--sso-app", SSO_ID,
        "--scim-app", SCIM_ID,
        "--okta-url", url,
        "--metadata", "metadata/dev.xml",
        "--output", str(output),
        "--tenant-url", "https://acme-dev.gainsightcloud.com",
        "--oauth-client-id", "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10",
        *extra,
        env=ENV,
    )  # fmt: skip


def adopted(org: FakeOrg, tmp_path: Path) -> tuple[Path, str]:
    output = tmp_path / "Pulumi.acme.yaml"
    with FakeOktaServer(org) as url:
        result = adopt(url, output)
    assert result.returncode == 0, result.stderr
    return output, result.stdout


def test_round_trip_the_plan_of_the_adopted_stack_declares_what_the_org_holds(tmp_path: Path) -> None:
    org = article_org()
    output, report = adopted(org, tmp_path)
    assert "a clean import" in report
    plan = run_offline("acme", read_stack_file(output), output.name).to_json()
    resources = {r["name"]: r for r in plan["resources"]}
    # The apps: every declared input equals the live app as the provider reads it.
    for name, app_id in (("gainsight-sso", SSO_ID), ("gainsight-scim", SCIM_ID)):
        live = LiveApp(OktaApp.model_validate(org.apps[app_id]))
        assert input_differences(resources[name]["inputs"], live_saml_inputs(live)) == []
        assert resources[name]["options"]["import"] == app_id
    # The attributes: names, types, values, scope, in Gainsight's namespace.
    for attribute, live in org.schemas[SCIM_ID].items():
        inputs = resources[f"gainsight-attr-{attribute}"]["inputs"]
        assert (inputs["type"], inputs["scope"], inputs["externalNamespace"]) == (
            live["type"],
            live["scope"],
            SCIM_NAMESPACE,
        )
        assert inputs.get("enums", inputs.get("arrayEnums")) == live.get("enum", (live.get("items") or {}).get("enum"))
    # The assignments: the same groups, in the same order, with the profile exactly as Okta returns it (nulls
    # included, provider #669), so the provider's comparison finds no difference.
    groups = {group_id: group["profile"]["name"] for group_id, group in org.groups.items()}
    for app_id, kind in ((SCIM_ID, "scim"), (SSO_ID, "sso")):
        live = sorted(org.app_groups[app_id], key=lambda a: a["priority"])
        declared = [resources[f"gainsight-{kind}-assignment-{groups[a['id']]}"]["inputs"] for a in live]
        assert [d["groupId"] for d in declared] == [a["id"] for a in live]
        priorities = [d["priority"] for d in declared]
        assert priorities == sorted(priorities) and priorities[0] >= 1  # the order kept, never 0
        if kind == "scim":
            as_read = [rendered(org, app_id, a, "")["profile"] for a in live]  # what GET …/groups/{id} answers
            assert [json.loads(d["profile"]) for d in declared] == as_read
    # Groups are used by id, never owned: adopting creates and deletes no group.
    assert not [r for r in plan["resources"] if r["type"] == "okta:group/group:Group"]
    assert all(method == "GET" for method, _ in org.requests)  # read only


def test_the_import_file_lists_every_declared_resource(tmp_path: Path) -> None:
    output, _ = adopted(article_org(), tmp_path)
    document = json.loads(output.with_name("Pulumi.acme.import.json").read_text())
    by_name = {r["name"]: r for r in document["resources"]}
    assert by_name["gainsight"] == {
        "type": "gainsight-okta:index:GainsightOkta",
        "name": "gainsight",
        "component": True,
    }
    assert by_name["gainsight-sso"]["id"] == SSO_ID and by_name["gainsight-scim"]["parent"] == "gainsight"
    assert by_name["gainsight-attr-LicenseType"]["id"] == f"{SCIM_ID}/LicenseType"
    assert by_name["gainsight-scim-assignments"]["id"] == SCIM_ID
    test_group = next(g for g, body in article_org().groups.items() if body["profile"]["name"] == "Test")
    assert by_name["gainsight-scim-assignment-Test"]["id"].startswith(f"{SCIM_ID}/00g")
    assert test_group.startswith("00g")
    plan = run_offline("acme", read_stack_file(output), output.name).to_json()
    declared = {r["name"] for r in plan["resources"] if r["type"].startswith("okta:")}
    assert declared == {name for name in by_name if name != "gainsight"}


def test_an_existing_stack_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    output = tmp_path / "Pulumi.acme.yaml"
    output.write_text("config: {}\n")
    with FakeOktaServer(article_org()) as url:
        refused = adopt(url, output)
        assert refused.returncode == 2 and "exists; adopt never overwrites" in refused.stderr
        assert output.read_text() == "config: {}\n"
        assert adopt(url, output, "--force").returncode == 0
    assert "importId" in output.read_text()


def test_an_existing_import_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    output = tmp_path / "Pulumi.acme.yaml"
    import_file = tmp_path / "Pulumi.acme.import.json"
    import_file.write_text("{}\n")
    org = article_org()
    with FakeOktaServer(org) as url:
        refused = adopt(url, output)
    assert refused.returncode == 2 and "Pulumi.acme.import.json" in refused.stderr and "--force" in refused.stderr
    assert import_file.read_text() == "{}\n" and not output.exists() and org.requests == []


def test_the_stack_file_and_the_import_file_are_put_in_place_both_or_neither(tmp_path: Path) -> None:
    """When the second rename fails, the first target is as it was: an old import file is not lost, and no new
    one is left without its stack file."""
    from components.user_files import replace_together

    import_file, new_import, new_stack = tmp_path / "Pulumi.acme.import.json", tmp_path / "a", tmp_path / "b"
    import_file.write_text("old\n")
    new_import.write_text("new\n")
    new_stack.write_text("config: {}\n")
    with pytest.raises(OSError):
        replace_together([(new_import, import_file), (new_stack, tmp_path / "gone" / "Pulumi.acme.yaml")])
    assert import_file.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Pulumi.acme.import.json", "b"]


def test_a_directory_as_output_is_refused_before_okta_is_read(tmp_path: Path) -> None:
    org = article_org()
    with FakeOktaServer(org) as url:
        result = adopt(url, tmp_path, "--force")
    assert result.returncode == 2 and "is a directory" in result.stderr and org.requests == []


def test_an_output_in_a_missing_directory_is_refused_before_okta_is_read(tmp_path: Path) -> None:
    org = article_org()
    with FakeOktaServer(org) as url:
        result = adopt(url, tmp_path / "missing" / "Pulumi.acme.yaml")
    assert result.returncode == 2 and result.stderr.startswith("error: --output: ")
    assert "is not a directory" in result.stderr and result.stderr.count("\n") == 1
    assert org.requests == []


@pytest.mark.parametrize("flag", ["--sso-app", "--scim-app"])
def test_an_app_id_that_is_not_okta_s_is_refused_before_any_request(tmp_path: Path, flag: str) -> None:
    """The id goes into every request path (`/api/v1/apps/{id}`): `../users` must never reach the org."""
    org = article_org()
    ids = {"--sso-app": SSO_ID, "--scim-app": SCIM_ID, flag: "../users"}
    with FakeOktaServer(org) as url:
        result = run_cli(
            "adopt", "--stack", "acme", *(item for pair in ids.items() for item in pair), "--okta-url", url,
            "--metadata", "metadata/dev.xml", "--output", str(tmp_path / "Pulumi.acme.yaml"), env=ENV,
        )  # fmt: skip
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert f"argument {flag}: '../users' is not an Okta app id" in result.stderr
    assert org.requests == []


def plant(org: FakeOrg, defect: str) -> None:
    if defect == "visible SCIM app":
        org.apps[SCIM_ID]["visibility"]["hide"] = {"iOS": False, "web": False}
    elif defect == "attribute without namespace":
        org.schemas[SCIM_ID]["IsSuperAdmin"]["externalNamespace"] = None
    elif defect == "rejected license type":
        org.schemas[SCIM_ID]["LicenseType"]["enum"].append("Premium")
    elif defect == "same app":
        pass


@pytest.mark.parametrize(
    ("defect", "fragment"),
    [
        ("visible SCIM app", "is visible to users: hide it in Okta"),
        ("attribute without namespace", "attribute 'IsSuperAdmin' has no Gainsight namespace"),
        ("rejected license type", "'Premium', which Gainsight rejects"),
    ],
)
def test_the_report_names_what_differs_from_the_article(tmp_path: Path, defect: str, fragment: str) -> None:
    org = article_org()
    plant(org, defect)
    _, report = adopted(org, tmp_path)
    assert fragment in report


def test_one_app_for_sso_and_scim_is_reported(tmp_path: Path) -> None:
    with FakeOktaServer(article_org()) as url:
        result = run_cli(
            "adopt", "--stack", "acme", "--sso-app", SSO_ID, "--scim-app", SSO_ID, "--okta-url", url,
            "--metadata", "metadata/dev.xml", "--output", str(tmp_path / "Pulumi.acme.yaml"), env=ENV,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "the SSO app and the SCIM app are the same app" in result.stdout
    assert "gainsight-okta:tenantUrl: your Gainsight tenant" in result.stdout  # Okta cannot tell it


def test_metadata_in_the_project_is_written_relative(tmp_path: Path) -> None:
    output, _ = adopted(article_org(), tmp_path)
    assert "gainsight-okta:metadataFile: metadata/dev.xml" in output.read_text()
    assert (PROJECT_ROOT / "metadata" / "dev.xml").exists()


@pytest.mark.parametrize(
    "live",
    [
        "urn:oasis:names:tc:SAML:1.1:nameid-format:x509SubjectName",
        "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName",
    ],
)
def test_adopt_reads_either_x509_spelling_as_the_short_name(live: str) -> None:
    """Okta answers with its own spelling (small x, its OpenAPI enum); an older app may hold the SAML spec's."""
    from components.adopt.adoption import _name_id_format

    assert _name_id_format(live) == "x509SubjectName"


def test_a_wrong_tenant_url_is_refused_by_its_flag_before_okta_is_read(tmp_path: Path) -> None:
    """Issue 35, item 6: `adopt --tenant-url http://…` read Okta first, then said `error: Okta: adopted settings:
    gainsight-okta:tenantUrl: …`; `init` checks the same flag first and names it."""
    org = article_org()
    with FakeOktaServer(org) as url:
        result = adopt(url, tmp_path / "Pulumi.acme.yaml", "--tenant-url", "http://acme.gainsightcloud.com")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --tenant-url: 'http://acme.gainsightcloud.com' must be an https://")
    assert org.requests == []
    assert not (tmp_path / "Pulumi.acme.yaml").exists()


def test_a_stack_adopted_from_a_loopback_org_runs_the_next_commands_as_printed(tmp_path: Path) -> None:
    """Issue 35, item 7: a stack adopted from a loopback org (the emulator) had no okta:orgName, so the commands
    the tool prints next (`verify --stack acme`) failed as printed. It now holds the org as the provider reaches
    it, okta:httpProxy, and the tool's commands read it too."""
    org = article_org()
    output = tmp_path / "Pulumi.acme.yaml"
    with FakeOktaServer(org) as url:
        result = adopt(url, output)
        assert result.returncode == 0, result.stderr
        config = yaml.safe_load(output.read_text())["config"]
        assert config["okta:httpProxy"] == url and "okta:orgName" not in config
        verified = run_cli("verify", "--stack", "acme", "--config", str(output), env=ENV)  # no --okta-url
    assert "the Okta org is unknown" not in verified.stderr
    assert verified.returncode in (0, 1), verified.stderr
    assert any(path.startswith("/api/v1/apps") for _, path in org.requests)


def test_a_certificate_difference_is_one_short_line(tmp_path: Path) -> None:
    """Issue 35, item 3: a difference in the SP certificate was one 1,400-character line of base64."""
    from components.metadata.certificates import certificate_summary
    from components.metadata.sp_metadata import read_sp_metadata

    other = read_sp_metadata(PROJECT_ROOT / "metadata" / "prod.xml").signing_certificates[0]
    org = article_org()
    org.apps[SSO_ID]["settings"]["signOn"]["spCertificate"] = {"x5c": [other]}
    with FakeOktaServer(org) as url:
        result = adopt(url, tmp_path / "Pulumi.acme.yaml")
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if "singleLogoutCertificate" in line]
    assert line.strip().startswith(f"- gainsight-sso: singleLogoutCertificate: {certificate_summary(other)} in Okta")
    assert len(line) < 200 and other[:40] not in line
