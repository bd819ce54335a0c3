"""Issue 34: `GainsightOkta` in another team's program, in YAML, TypeScript and Python, on the real CLI, language
hosts and okta provider against the emulator.

The YAML program names the component package (component-package/) under `packages:`; the TypeScript program uses
the SDK `pulumi package add` generates from it, with `@pulumi/pulumi` from npm as e2e/consumers/typescript's lock
has it; the Python program imports the class. Each goes through what a team does: `up` with provisioning off, the
manual step, `up` with it on, a clean refreshed preview, the groups reordered and one added, then one removed (the
numbers of the groups that keep their order stay, no two assignments of one app ever share a number: the emulator
records every moment they do), and one bad argument: one line naming its path, nothing written. None of them
exports anything for the component's sake: it reads its own last outputs from the checkpoint.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from components.resources.urns import COMPONENT_TYPE

from .conftest import Engine
from .engine import REPO, PulumiError, Run
from .steps import ALL_ON

PACKAGE = REPO / "component-package"
TYPESCRIPT = REPO / "e2e" / "consumers" / "typescript"
STACK = "dev"
NPM_SECONDS = 300

ARGS: dict[str, Any] = {
    "tenantUrl": "https://acme.gainsightcloud.com",
    "oauthClientId": "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10",
    "samlApp": {"label": "Gainsight (team program)"},
    "scimApp": {"label": "Gainsight SCIM (team program)", "provisioningEnabled": False},
    "attributes": [
        {"name": "IsSuperAdmin", "type": "boolean"},
        {"name": "LicenseType", "type": "string", "enum": ["Full", "Viewer"]},
    ],
    "groups": [
        {"name": "Team Admins", "profile": {"IsSuperAdmin": True, "LicenseType": "Full"}},
        {"name": "Team Viewers", "profile": {"LicenseType": "Viewer"}},
        {"name": "Customer Success", "existing": True, "profile": {"LicenseType": "Full"}},
    ],
}
# Exported by the programs for the test's reading (a team exports what it uses); the component needs none of them.
EXPORTS = ("scimAppId", "ssoAppId", "idpSsoUrl", "runbook", "ssoPriorities", "scimPriorities")


# ---- the three programs --------------------------------------------------------------------------------------


def yaml_program(folder: Path, args: dict[str, Any]) -> None:
    properties = {"metadataXml": {"fn::readFile": "./metadata.xml"}, **args}
    document = {
        "name": "team-okta",
        "runtime": "yaml",
        "packages": {"gainsight-okta": str(folder / "package" / "component-package")},
        "resources": {"gainsight": {"type": "gainsight-okta:index:GainsightOkta", "properties": properties}},
        "outputs": {name: f"${{gainsight.{name}}}" for name in EXPORTS},
    }
    (folder / "project" / "Pulumi.yaml").write_text(yaml.safe_dump(document, sort_keys=False))


def typescript_program(folder: Path, args: dict[str, Any]) -> None:
    exports = "\n".join(f"export const {name} = gainsight.{name};" for name in EXPORTS)
    (folder / "project" / "index.ts").write_text(
        'import * as fs from "fs";\n'
        'import * as gainsightOkta from "@pulumi/gainsight-okta";\n\n'
        "// The args as a team writes them, typed by the generated SDK (tsc checks them below).\n"
        'const gainsight = new gainsightOkta.GainsightOkta("gainsight", {\n'
        '    metadataXml: fs.readFileSync("metadata.xml", "utf8"),\n'
        f"    ...{json.dumps(args, indent=4)},\n"
        "});\n\n"
        f"{exports}\n"
    )


def _snake(key: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in key)


def _python_args(value: Any) -> Any:
    """The TypedDicts' snake_case keys; a group's profile keeps Gainsight's field names."""
    if isinstance(value, dict):
        return {_snake(k): v if k == "profile" else _python_args(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_python_args(item) for item in value]
    return value


def python_program(folder: Path, args: dict[str, Any]) -> None:
    exports = "\n".join(f"pulumi.export({name!r}, gainsight.{_snake(name)})" for name in EXPORTS)
    (folder / "project" / "__main__.py").write_text(
        "import pathlib\n\nimport pulumi\n\n"
        "from components.resources.gainsight_okta import GainsightOkta\n\n"
        f"args = {_python_args(args)!r}\n"
        'args["metadata_xml"] = pathlib.Path("metadata.xml").read_text()\n'
        'gainsight = GainsightOkta("gainsight", args)\n'
        f"{exports}\n"
    )


# ---- the projects ------------------------------------------------------------------------------------------


def _package_copy(folder: Path) -> Path:
    """The component package as a team has it (this repository's folder beside `components/`), copied so that
    the virtualenv the CLI makes in it is this test's own: `package add` recreates it."""
    root = folder / "package"
    root.mkdir()
    shutil.copytree(PACKAGE, root / "component-package", ignore=shutil.ignore_patterns("venv", "__pycache__"))
    shutil.copy(REPO / "requirements.txt", root / "requirements.txt")
    (root / "components").symlink_to(REPO / "components")
    return root / "component-package"


def _run(argv: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Run:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout)
    run = Run(argv, done.returncode, done.stdout, done.stderr)
    if run.code != 0:
        raise PulumiError(f"{' '.join(argv)} exited {run.code}:\n{run.output[-6000:]}")
    return run


def consumer(engine: Engine, tmp_path: Path, language: str) -> Callable[[dict[str, Any]], None]:
    """A team's project in `language` with the stack `dev` against the emulator; returns its program writer."""
    project = engine.project.root
    for name in ("Pulumi.yaml", "__main__.py"):
        (project / name).unlink()  # the repository's program is not this team's
    shutil.copy(REPO / "metadata" / "dev.xml", project / "metadata.xml")
    package = _package_copy(tmp_path)
    engine.pulumi.install_okta_plugin()
    env = engine.pulumi.env
    if language == "yaml":
        write: Callable[[Path, dict[str, Any]], None] = yaml_program
    elif language == "typescript":
        write = typescript_program
        for name in ("package.json", "package-lock.json"):
            shutil.copy(TYPESCRIPT / name, project / name)
        (project / "Pulumi.yaml").write_text("name: team-okta\nruntime: nodejs\n")
        npm_env = {**env, "npm_config_audit": "false", "npm_config_fund": "false"}
        _run(["npm", "ci", "--no-audit", "--no-fund"], project, npm_env, NPM_SECONDS)
        engine.pulumi.run("package", "add", str(package), timeout=NPM_SECONDS)
    else:
        write = python_program
        (project / "Pulumi.yaml").write_text(
            "name: team-okta\nruntime:\n  name: python\n  options:\n    toolchain: pip\n    virtualenv: venv\n"
        )
    write(tmp_path, ARGS)
    if language == "yaml":
        engine.pulumi.run("install", timeout=NPM_SECONDS)  # the package's virtualenv, as a team's first step
    engine.write_stack(STACK, {"okta:orgName": "acme-dev", "okta:baseUrl": "oktapreview.com"})
    engine.pulumi.init(STACK)
    return lambda args: write(tmp_path, args)


def _resources(exported: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in exported["deployment"]["resources"] if r["type"] != "pulumi:pulumi:Stack"]


def bad_argument_refused(engine: Engine, write: Callable[[dict[str, Any]], None], args: dict[str, Any]) -> str:
    """A LicenseType the attribute does not have: one line naming the argument's path, and nothing written."""
    bad = copy.deepcopy(args)
    bad["groups"][1]["profile"]["LicenseType"] = "Gold"
    write(bad)
    before, requests = engine.pulumi.export(STACK), len(engine.org.state.requests)
    refused = engine.pulumi.up(STACK, ok=())
    assert refused.code != 0, refused.output[-3000:]
    errors = [line.strip() for line in refused.output.splitlines() if "groups[1].profile.LicenseType" in line]
    assert errors, refused.output[-3000:]
    assert "'Gold' is not one of its values" in errors[0]
    assert "Traceback" not in refused.output and 'File "' not in refused.output  # no Python stack
    assert not re.search(r"^\s+at .+:\d+:\d+\)?$", refused.output, re.MULTILINE)  # no Node.js stack
    writes = [(m, p) for m, p in engine.org.state.requests[requests:] if m in ("POST", "PUT", "DELETE")]
    assert writes == []
    # Every resource as it was (the stack's own exports aside: a failed Python program leaves them unset).
    assert _resources(engine.pulumi.export(STACK)) == _resources(before)
    return errors[0]


def the_team_s_hour(engine: Engine, write: Callable[[dict[str, Any]], None]) -> None:
    args = copy.deepcopy(ARGS)
    write(args)
    engine.pulumi.up(STACK)
    outputs = engine.pulumi.outputs(STACK)
    org = engine.org.state
    scim_app = outputs["scimAppId"]
    assert org.apps[outputs["ssoAppId"]]["label"] == "Gainsight (team program)"
    assert scim_app not in org.schemas or not org.schemas[scim_app]  # provisioning off: no attribute yet
    assert "the args of GainsightOkta 'gainsight'" in outputs["runbook"]
    assert "gainsight-okta:" not in outputs["runbook"] and "venv/bin" not in outputs["runbook"]

    # The manual step, then provisioning on.
    engine.org.control("POST", f"/_emulator/apps/{scim_app}/provisioning", ALL_ON)
    args["scimApp"]["provisioningEnabled"] = True
    write(args)
    engine.pulumi.up(STACK)
    outputs = engine.pulumi.outputs(STACK)
    assert sorted(org.schemas[scim_app]) == ["IsSuperAdmin", "LicenseType"]
    assert len(org.app_groups[scim_app]) == 3
    engine.pulumi.assert_no_changes(STACK)

    # Reordered, one group added: the two that keep their order keep their numbers, the moved one takes a free one.
    before = outputs["scimPriorities"]
    admins, viewers, success = args["groups"]
    args["groups"] = [success, admins, {"name": "Team Analysts", "profile": {"LicenseType": "Viewer"}}, viewers]
    write(args)
    engine.pulumi.up(STACK)
    after = engine.pulumi.outputs(STACK)["scimPriorities"]
    for name in ("Team Admins", "Team Viewers"):
        assert after[name] == before[name], (before, after)
    order = [after[group["name"]] for group in args["groups"]]
    assert order == sorted(order) and len(set(order)) == len(order), after
    assert after["Customer Success"] not in before.values()
    assert org.collisions == []
    live = {a["id"]: a["priority"] for a in org.app_groups[scim_app]}
    assert sorted(live.values()) == sorted(after.values())
    engine.pulumi.assert_no_changes(STACK)

    # One group removed: the others keep their numbers.
    args["groups"] = [group for group in args["groups"] if group["name"] != "Team Analysts"]
    write(args)
    engine.pulumi.up(STACK)
    kept = engine.pulumi.outputs(STACK)["scimPriorities"]
    assert kept == {name: number for name, number in after.items() if name != "Team Analysts"}
    assert len(org.app_groups[scim_app]) == 3 and org.collisions == []

    bad_argument_refused(engine, write, args)


@pytest.mark.parametrize("language", ["yaml", "typescript", "python"])
def test_a_team_s_program_adds_gainsight_with_one_component(engine: Engine, tmp_path: Path, language: str) -> None:
    write = consumer(engine, tmp_path, language)
    if language == "typescript":
        tsc = [str(engine.project.root / "node_modules" / ".bin" / "tsc"), "--noEmit", "--strict", "index.ts"]
        _run(tsc, engine.project.root, {**os.environ}, 120)  # the args type-check against the generated SDK
    the_team_s_hour(engine, write)


def test_get_schema_prints_the_documented_schema(engine: Engine, tmp_path: Path) -> None:
    """`pulumi package get-schema` on the package: the schema the unit tests build in process, every input and
    output described."""
    from components.component_package.provider import package_schema

    engine.pulumi.install_okta_plugin()
    printed = engine.pulumi.run("package", "get-schema", str(_package_copy(tmp_path)), timeout=NPM_SECONDS).json()
    built = package_schema()
    # The CLI prints the schema normalised (sorted, items' repeated descriptions dropped): compared by what it says.
    for kind in ("inputProperties", "properties"):
        shown = printed["resources"][COMPONENT_TYPE][kind]
        expected = built["resources"][COMPONENT_TYPE][kind]
        assert {k: v["description"] for k, v in shown.items()} == {k: v["description"] for k, v in expected.items()}
    assert set(printed["types"]) == set(built["types"])
    for token, type_ in printed["types"].items():
        described = {k: v.get("description") for k, v in type_["properties"].items()}
        assert described == {k: v["description"] for k, v in built["types"][token]["properties"].items()}
