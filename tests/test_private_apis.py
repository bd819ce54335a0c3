"""The private APIs this code uses (names a package does not document as its API) are exactly pyproject.toml's
`private-api` list, and each package they come from is pinned to a minor version.

A use is: an import from pulumi, httpx or httpcore of a name the package does not export (`__all__` of `pulumi`,
`pulumi.runtime`, `pulumi.provider`, `httpx`, `httpcore`), an attribute of a module imported that way, or an
attribute with a leading underscore on anything but `self`. lxml's `etree._Element` is its documented element type
(lxml's API reference), so it is not counted."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import httpcore
import httpx
import pulumi
import pulumi.provider
import pulumi.runtime
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PUBLIC = {
    "pulumi": set(pulumi.__all__),
    "pulumi.runtime": set(pulumi.runtime.__all__),
    "pulumi.provider": set(pulumi.provider.__all__),
    "httpx": set(httpx.__all__),
    "httpcore": set(httpcore.__all__),
}
WATCHED = ("pulumi", "httpx", "httpcore")
DOCUMENTED = {"etree._Element"}


def private_uses(source: str) -> set[str]:
    tree = ast.parse(source)
    uses: set[str] = set()
    private_modules: set[str] = set()  # local names bound to a module that is not a public export
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in WATCHED:
            for alias in node.names:
                if alias.name in PUBLIC.get(node.module, set()):
                    continue
                if alias.name[:1].islower() and node.module in PUBLIC:  # a submodule, such as pulumi.runtime.config
                    private_modules.add(alias.asname or alias.name)
                else:
                    uses.add(f"{node.module}.{alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            spelled = f"{node.value.id}.{node.attr}"
            if node.value.id in private_modules or (
                node.attr.startswith("_") and not node.attr.startswith("__") and node.value.id not in ("self", "cls")
            ):
                uses.add(spelled)
    return uses - DOCUMENTED


def test_the_private_apis_used_are_exactly_the_listed_ones() -> None:
    found = {
        (str(path.relative_to(ROOT)), use)
        for path in sorted((ROOT / "components").rglob("*.py"))
        for use in private_uses(path.read_text())
    }
    listed = {(entry["module"], entry["use"]) for entry in PYPROJECT["tool"]["gainsight-okta"]["private-api"]}
    assert found == listed


def test_each_package_whose_internals_are_used_is_pinned_to_a_minor() -> None:
    pins = {Requirement(text).name: Requirement(text).specifier for text in PYPROJECT["project"]["dependencies"]}
    for package in ("pulumi", "httpx", "httpcore"):
        bounds = {spec.operator: spec.version for spec in pins[package]}
        low, high = bounds[">="].split("."), bounds["<"].split(".")
        assert high[:-1] == low[:2][:-1] and int(high[1]) == int(low[1]) + 1, f"{package}: {pins[package]}"


def test_the_scan_finds_what_it_should() -> None:
    source = (
        "from pulumi.runtime import config as c, Mocks\nfrom pulumi.output import Unknown\n"
        "x = c.CONFIG\ny = t._pool\nz = self._ok\nw = etree._Element\n"
    )
    assert private_uses(source) == {"c.CONFIG", "pulumi.output.Unknown", "t._pool"}


def test_httpx_still_keeps_its_network_backend_where_the_deadline_is_put() -> None:
    """What deadline_transport patches (httpx's pool's httpcore backend), checked against the locked versions."""
    transport = httpx.HTTPTransport(retries=0)
    assert isinstance(transport._pool._network_backend, httpcore.NetworkBackend)
