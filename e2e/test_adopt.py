"""Scenario 9: an org set up by hand (the article's two apps, attributes and groups); `adopt` writes the stack and
the import file; `pulumi import --file` takes every resource into the state without a write; the refreshed
preview then shows no change, or exactly the differences `adopt` listed."""

from __future__ import annotations

import json
import re

import pytest

from components.emulator.seeds import SCIM_APP_ID, SSO_APP_ID
from components.resources.provider_facts import APP_GROUP_ASSIGNMENT as GROUP_ASSIGNMENT

from .conftest import Engine
from .engine import gainsight_okta

pytestmark = pytest.mark.seed("article")


def test_adopt_then_import_gives_a_clean_preview(engine: Engine) -> None:
    stack_file = engine.project.stack_file("prod")
    adopted = gainsight_okta(
        "adopt",
        "--stack",
        "prod",
        "--okta-url",
        engine.org.url,
        "--sso-app",
        SSO_APP_ID,
        "--scim-app",
        SCIM_APP_ID,
        "--metadata",
        "metadata/prod.xml",
        "--tenant-url",
        "https://acme.gainsightcloud.com",
        "--oauth-client-id",
        "9d2e4b71-0c3a-4f58-b6e2-7a1d3c5e9f04",
        "--output",
        str(stack_file),
        cwd=engine.project.root,
        env=engine.pulumi.env,
    )
    assert adopted.code == 0, adopted.output
    engine.edit("prod", lambda config: config.update({"okta:httpProxy": engine.org.url}))
    import_file = stack_file.with_name("Pulumi.prod.import.json")
    assert json.loads(import_file.read_text())["resources"]
    engine.pulumi.init("prod")
    writes_before = [r for r in engine.org.state.requests if r[0] != "GET"]
    engine.pulumi.run("import", "--stack", "prod", "--file", str(import_file), "--generate-code=false", "--yes")
    assert [r for r in engine.org.state.requests if r[0] != "GET"] == writes_before  # an import writes nothing
    digest = engine.pulumi.preview("prod", "--refresh", "--diff")
    shown = {
        (step["urn"].split("::")[-1], prop)
        for step in digest["steps"]
        if step["op"] not in ("same", "read", "refresh")
        for prop in step.get("detailedDiff") or {"(whole resource)": None}
    }
    assert {op for op in (s["op"] for s in digest["steps"])} <= {"same", "read", "refresh", "update"}
    assert shown == listed(adopted.stdout, json.loads(import_file.read_text())), adopted.stdout


def listed(report: str, import_document: dict) -> set[tuple[str, str]]:
    """The (resource, input) pairs `adopt`'s report says the first preview shows."""
    found: set[tuple[str, str]] = set()
    for resource, prop in re.findall(r"^  - (gainsight-[\w-]+): (\w+): ", report, re.MULTILINE):
        found.add((resource, prop))  # the plan's differences with the org
    if "renumbers them 10, 20, 30" in report:
        found |= {(r["name"], "priority") for r in import_document["resources"] if r["type"] == GROUP_ASSIGNMENT}
    if "SSO app: skipAuthenticationPolicy" in report:
        found.add(("gainsight-sso", "skipAuthenticationPolicy"))
    if match := re.search(r"every attribute: userType \('default'\) \(([^)]*)\)", report):
        found |= {(f"gainsight-attr-{name}", "userType") for name in match.group(1).split(", ")}
    if match := re.search(r"attribute\(s\) ([\w, ]+): union", report):
        found |= {(f"gainsight-attr-{name}", "union") for name in match.group(1).split(", ")}
    return found
