"""`gainsight-okta init`: a new environment's stack file and metadata, written whole and checked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli
from tests.newcomer.project_copy import project_copy, run_in

INIT = "venv/bin/gainsight-okta init"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = project_copy(tmp_path)
    prod = (root / "metadata" / "prod.xml").read_text()
    (tmp_path / "qa-metadata.xml").write_text(prod.replace("acme-prod", "acme-qa"))
    return root


def test_init_writes_a_stack_that_validates_and_its_metadata(project: Path) -> None:
    result = run_in(project, f"{INIT} qa --metadata ../qa-metadata.xml --tenant-url https://acme-qa.gainsightcloud.com "
                             "--okta-org acme --okta-domain okta.com")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no other stack shares its metadata, labels or org settings
    config = yaml.safe_load((project / "Pulumi.qa.yaml").read_text())["config"]
    assert config["gainsight-okta:tenantUrl"] == "https://acme-qa.gainsightcloud.com"
    assert config["gainsight-okta:metadataFile"] == "metadata/qa.xml"
    assert config["gainsight-okta:scimApp"]["provisioningEnabled"] is False
    assert [a["name"] for a in config["gainsight-okta:attributes"]] == ["IsSuperAdmin", "LicenseType"]
    assert len(config["gainsight-okta:groups"]) == 1
    assert (project / "metadata" / "qa.xml").read_text() == (project.parent / "qa-metadata.xml").read_text()
    assert "# Okta groups assigned to both apps" in (project / "Pulumi.qa.yaml").read_text()  # commented
    assert result.stdout.splitlines()[1:] == [
        "Next steps:",
        "1. Check it offline: `venv/bin/gainsight-okta validate --stack qa`, then "
        "`venv/bin/gainsight-okta plan --stack qa`",
        "2. Create the stack and deploy: `pulumi stack init qa`, then `pulumi preview --stack qa` and "
        "`pulumi up --stack qa`",
        "3. After that first `pulumi up`, the manual SCIM step: `venv/bin/gainsight-okta runbook --stack qa`",
    ]


def test_init_never_overwrites_without_force(project: Path) -> None:
    before = (project / "Pulumi.dev.yaml").read_text()
    args = "--metadata ../qa-metadata.xml --tenant-url https://acme-qa.gainsightcloud.com"
    result = run_in(project, f"{INIT} dev {args}")
    assert result.returncode == 2 and result.stderr == (
        "error: Pulumi.dev.yaml: exists; init never overwrites it without --force\n"
    )
    assert (project / "Pulumi.dev.yaml").read_text() == before
    assert run_in(project, f"{INIT} dev {args} --force").returncode == 0
    assert "acme-qa" in (project / "Pulumi.dev.yaml").read_text()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        ("qa --metadata ../qa-metadata.xml --tenant-url http://acme.example",
         "error: --tenant-url: "),
        ("qa --metadata ../nope.xml --tenant-url https://acme-qa.gainsightcloud.com", "error: ../nope.xml"),
        ("qa --metadata ../qa-metadata.xml --tenant-url https://acme-qa.gainsightcloud.com --okta-org acme",
         "error: init: --okta-org: and --okta-domain go together"),
        ("'q a' --metadata ../qa-metadata.xml --tenant-url https://acme-qa.gainsightcloud.com",
         "error: init: STACK: 'q a': a stack name is"),
    ],
)  # fmt: skip
def test_bad_input_writes_nothing(project: Path, args: str, line: str) -> None:
    before = sorted(path.name for path in project.iterdir()) + sorted(p.name for p in (project / "metadata").iterdir())
    result = run_in(project, f"{INIT} {args}")
    assert result.returncode == 2 and result.stderr.startswith(line), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    after = sorted(path.name for path in project.iterdir()) + sorted(p.name for p in (project / "metadata").iterdir())
    assert after == before


def test_init_from_another_stack_leaves_that_environment_s_own_values(project: Path) -> None:
    result = run_in(project, f"{INIT} qa --from dev --metadata ../qa-metadata.xml "
                             "--tenant-url https://acme-qa.gainsightcloud.com")  # fmt: skip
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((project / "Pulumi.qa.yaml").read_text())["config"]
    assert config["gainsight-okta:samlApp"]["label"] == "Gainsight (qa)"
    assert config["gainsight-okta:scimApp"]["label"] == "Gainsight SCIM Integration (qa)"
    assert "gainsight-okta:oauthClientId" not in config
    assert [g["name"] for g in config["gainsight-okta:groups"]][:2] == [
        "Gainsight Admins (qa)",
        "Gainsight Viewers (qa)",
    ]
    assert config["okta:orgName"] == "acme-dev"  # the same org unless told otherwise


def test_a_stack_sharing_another_s_metadata_is_warned_about(project: Path) -> None:
    result = run_in(project, f"{INIT} qa --metadata metadata/prod.xml --tenant-url https://acme-qa.gainsightcloud.com")
    assert result.returncode == 0
    assert "warning: Pulumi.qa.yaml: its metadata has the entityID of stack 'prod'" in result.stderr
    assert "warning: Pulumi.qa.yaml: the Okta org is not set" in result.stderr
    validated = run_in(project, "venv/bin/gainsight-okta validate --stack qa")
    assert validated.returncode == 0 and "its metadata has the entityID of stack 'prod'" in validated.stderr


def test_the_pulumi_template_asks_what_init_asks() -> None:
    """`pulumi new <repository>` prompts for the template's config: the same values `init` takes as flags."""
    from components.cli.arguments import add_arguments
    from tests.conftest import PROJECT_ROOT

    template = yaml.safe_load((PROJECT_ROOT / "Pulumi.yaml").read_text())["template"]
    asked = set(template["config"])
    assert asked == {"gainsight-okta:tenantUrl", "gainsight-okta:metadataFile", "okta:orgName", "okta:baseUrl"}
    import argparse

    parser = argparse.ArgumentParser()
    add_arguments("init", False, parser)
    flags = {option for action in parser._actions for option in action.option_strings}
    assert {"--tenant-url", "--metadata", "--okta-org", "--okta-domain"} <= flags


def test_a_stack_file_is_never_compared_with_itself() -> None:
    """Issue 35, item 7: `validate --stack qa --config Pulumi.prod.yaml` warned that Pulumi.prod.yaml shares its
    metadata and SCIM label with stack `prod`: the file compared with itself."""
    result = run_cli("validate", "--stack", "qa", "--config", "Pulumi.prod.yaml")
    assert result.returncode == 0, result.stderr
    assert "of stack 'prod'" not in result.stderr and "stack 'prod' has a SCIM app" not in result.stderr
    assert "is named for stack 'prod'" in result.stderr  # the one warning that is true


def test_an_okta_domain_that_is_none_of_okta_s_is_warned_about(project: Path) -> None:
    """Issue 35, item 7: `init --okta-domain okta.co` was accepted without a word."""
    result = run_in(project, f"{INIT} qa --metadata ../qa-metadata.xml --tenant-url https://acme-qa.gainsightcloud.com "
                             "--okta-org acme --okta-domain okta.co")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "warning: Pulumi.qa.yaml: okta:baseUrl 'okta.co' is none of Okta's domains" in result.stderr


def test_an_http_proxy_elsewhere_is_warned_about_as_the_end_of_the_rate_limit_guard(project: Path) -> None:
    """With okta:httpProxy (or OKTA_HTTP_PROXY) the provider's Okta SDK builds an HTTP client of its own
    (okta-sdk-golang v4.1.2 okta/client.go NewAPIClient), dropping the provider's max_api_capacity governor and
    retrying transport (terraform-provider-okta okta/api/idaas.go): measured in docs/api-cost.md. The emulator's
    loopback address is not warned about, and the proxy's address (it may hold a password) is never echoed."""
    stack = project / "Pulumi.qa.yaml"
    created = run_in(
        project, f"{INIT} qa --metadata ../qa-metadata.xml --tenant-url https://acme-qa.gainsightcloud.com"
    )
    assert created.returncode == 0, created.stderr
    document = yaml.safe_load(stack.read_text())
    elsewhere, here = "http://user:s3cret@proxy.corp.example:3128", "http://127.0.0.1:8443"

    def validated(proxy: str | None, variable: str | None = None) -> str:
        document["config"].pop("okta:httpProxy", None)
        if proxy:
            document["config"]["okta:httpProxy"] = proxy
        stack.write_text(yaml.safe_dump(document, sort_keys=False))
        result = run_in(project, "venv/bin/gainsight-okta validate --stack qa", {"OKTA_HTTP_PROXY": variable or ""})
        assert result.returncode == 0, result.stderr
        return result.stderr

    for said, key in ((validated(elsewhere), "okta:httpProxy"), (validated(None, elsewhere), "OKTA_HTTP_PROXY")):
        warned = [line for line in said.splitlines() if "rate-limit" in line]
        assert len(warned) == 1 and warned[0].startswith(f"warning: Pulumi.qa.yaml: {key} is set"), said
        assert "okta:maxApiCapacity" in warned[0]
        assert "s3cret" not in said and "proxy.corp" not in said
    assert "rate-limit" not in validated(here) and "rate-limit" not in validated(None, here)
    assert "rate-limit" not in validated(None)
