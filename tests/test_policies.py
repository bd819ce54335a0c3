"""The policy pack: each policy through pulumi_policy's argument types, on offline plans and hand-made violations."""

from __future__ import annotations

import asyncio
import copy
import inspect
import json
import sys
from typing import Any

import pytest
from pulumi_policy import (
    PolicyCustomTimeouts,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
)

from components.inputs import gainsight_schema
from tests.conftest import article_stack
from tests.metadata_builder import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "policy"))
import gainsight_policies as policies  # the pack is a folder of its own, not a package

SAML = "okta:app/saml:Saml"


def _options(entry: dict[str, Any]) -> PolicyResourceOptions:
    return PolicyResourceOptions(
        protect=entry["options"]["protect"],
        ignore_changes=entry["options"]["ignoreChanges"],
        delete_before_replace=None,
        aliases=[],
        custom_timeouts=PolicyCustomTimeouts(0, 0, 0),
        additional_secret_outputs=[],
        parent=entry["parent"],
    )


def violations(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """Run every policy of the pack on a plan's resources, as the engine hands them over; (policy, message)."""
    found: list[tuple[str, str]] = []
    entries = [r for r in plan["resources"] if r["id"] is not None]  # the engine checks custom resources

    def run(outcome: Any) -> None:
        if inspect.isawaitable(outcome):
            asyncio.run(outcome)

    for policy in policies.POLICIES:

        def report(message: str, urn: str | None = None, name: str = policy.name) -> None:
            found.append((name, message))

        if isinstance(policy, ResourceValidationPolicy):
            for entry in entries:
                args = ResourceValidationArgs(
                    entry["type"], entry["inputs"], entry["urn"], entry["name"], _options(entry), None
                )
                run(policy.validate(args, report))
        else:
            resources = [
                PolicyResource(e["type"], e["inputs"], e["urn"], e["name"], _options(e), None, None, [], {})
                for e in entries
            ]
            run(policy.validate(StackValidationArgs(resources), report))
    return found


def edit(plan: dict[str, Any], name: str, **inputs: Any) -> dict[str, Any]:
    changed = copy.deepcopy(plan)
    entry = next(r for r in changed["resources"] if r["name"] == name)
    entry["inputs"].update(inputs)
    return changed


@pytest.fixture
def good_plan(plan_stack) -> dict[str, Any]:
    return plan_stack(article_stack(**{"gainsight-okta:protect": True}), stack="prod-eu")


def test_constants_match_the_program() -> None:
    assert policies.SCIM_NAMESPACE == gainsight_schema.SCIM_NAMESPACE
    assert policies.LICENSE_TYPES == gainsight_schema.LICENSE_TYPES
    assert policies.KNOWN_FIELDS == gainsight_schema.KNOWN_FIELDS


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_shipped_stacks_pass_every_policy(stack: str) -> None:
    from components.inputs.stack_file import read_stack_file
    from components.offline.plan import run_offline

    path = PROJECT_ROOT / f"Pulumi.{stack}.yaml"
    assert violations(run_offline(stack, read_stack_file(path), path.name).to_json()) == []


def test_a_generated_plan_passes(good_plan) -> None:
    assert violations(good_plan) == []


def test_unprotected_apps_in_a_prod_stack(plan_stack) -> None:
    found = violations(plan_stack(article_stack(), stack="prod-eu"))
    assert {name for name, _ in found} == {"apps-protected-in-prod"}
    assert len(found) == 2  # both apps
    assert violations(plan_stack(article_stack(), stack="dev")) == []  # only prod* stacks


def test_visible_scim_app(good_plan) -> None:
    found = violations(edit(good_plan, "gainsight-scim", hideWeb=False))
    assert found == [
        ("scim-app-hidden", "gainsight-scim: the SCIM app must be hidden from end users (hideWeb must be true)")
    ]


def test_weak_signature(good_plan) -> None:
    found = violations(edit(good_plan, "gainsight-sso", signatureAlgorithm="RSA_SHA1"))
    assert found == [
        ("saml-signed-rsa-sha256", "gainsight-sso: SAML responses must be signed with RSA_SHA256, not RSA_SHA1")
    ]


def test_plain_http_anywhere(good_plan) -> None:
    found = violations(edit(good_plan, "gainsight-sso", singleLogoutUrl="http://a.example/logout"))
    assert found == [("no-plain-http", "gainsight-sso: singleLogoutUrl uses plain http://; use https://")]


def test_the_provider_s_http_proxy_on_this_machine_is_the_emulator_and_passes() -> None:
    """The tool takes plain http:// only for the provider's okta:httpProxy on a loopback host (the Okta emulator);
    the pack agrees, or `pulumi preview --policy-pack policy` fails every stack pointed at the emulator
    (e2e/test_shown_commands.py). Anywhere else, and for any other input, plain http:// stays a violation."""

    def provider(url: str, **more: str) -> policies.Resource:
        return policies.Resource("pulumi:providers:okta", "default", "urn:p", {"httpProxy": url, **more})

    for url in ("http://127.0.0.1:8080", "http://localhost", "http://[::1]:9"):
        assert policies.no_plain_http(provider(url)) == []
    assert policies.no_plain_http(provider("http://[::1")) != []  # not an address: no crash, a violation
    assert policies.no_plain_http(provider("http://proxy.example.com:3128")) != []
    assert policies.no_plain_http(provider("http://127.0.0.1:1", orgName="http://127.0.0.1")) != []
    saml = policies.Resource(SAML, "gainsight-sso", "urn:s", {"singleLogoutUrl": "http://127.0.0.1/logout"})
    assert policies.no_plain_http(saml) != []


def test_the_observer_s_groups_read_from_okta_are_not_checked_as_writes(good_plan) -> None:
    """The program's AppGroupAssignments per app writes no group (`groups` in ignoreChanges): in a real preview
    its `groups` are the state's, what the refresh read from Okta, so every group's priority shows twice. Found by
    running ci-workflows.md's `pulumi preview --policy-pack policy` with the real engine."""
    observed = copy.deepcopy(good_plan)
    for entry in observed["resources"]:
        if entry["type"] != policies.APP_ASSIGNMENTS:
            continue
        kind = entry["name"].removesuffix("-assignments")
        read = [r for r in good_plan["resources"] if r["name"].startswith(f"{kind}-assignment-")]
        assert read, entry["name"]
        entry["inputs"]["groups"] = [
            {"id": f"00g{r['name']}", "priority": r["inputs"]["priority"], "profile": '{"Tier": "hand-set"}'}
            for r in read
        ]
        assert "groups" in entry["options"]["ignoreChanges"]
    assert violations(observed) == []
    written = copy.deepcopy(observed)  # the same groups, sent: a hand-written plural resource is checked
    for entry in written["resources"]:
        if entry["type"] == policies.APP_ASSIGNMENTS:
            entry["options"]["ignoreChanges"] = []
    assert {name for name, _ in violations(written)} == {"unique-assignment-priorities", "assignment-profiles-valid"}


def _with_profile(plan: dict[str, Any], group: str, profile: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(plan)
    entry = next(r for r in changed["resources"] if r["name"] == f"gainsight-scim-assignment-{group}")
    entry["inputs"]["profile"] = json.dumps(profile)
    return changed


def _with_priority(plan: dict[str, Any], name: str, priority: int) -> dict[str, Any]:
    changed = copy.deepcopy(plan)
    next(r for r in changed["resources"] if r["name"] == name)["inputs"]["priority"] = priority
    return changed


@pytest.mark.parametrize(
    ("profile", "fragment"),
    [
        ({"Tier": "Gold"}, "sets 'Tier', which is not an attribute declared on that app"),
        ({"LicenseType": "Admin"}, "LicenseType value 'Admin' is not one of Full, Viewer, Viewer_Analytics"),
        ({"IsSuperAdmin": "yes"}, "IsSuperAdmin must be true or false"),
        ({"Department": "Support"}, "Department is a Multi-Picklist and takes a list"),
        ({"Department": ["Sales"]}, "Department value 'Sales' is not one of Support, Services, Engineering"),
    ],
)
def test_invalid_assignment_profiles(good_plan, profile: dict[str, Any], fragment: str) -> None:
    found = violations(_with_profile(good_plan, "Viewer", profile))
    assert [name for name, _ in found] == ["assignment-profiles-valid"]
    assert found[0][1].startswith("gainsight-scim-assignment-Viewer: ")
    assert fragment in found[0][1]


def test_duplicate_priorities_on_one_app(good_plan) -> None:
    admins = next(r for r in good_plan["resources"] if r["name"] == "gainsight-sso-assignment-Admins")
    found = violations(_with_priority(good_plan, "gainsight-sso-assignment-Viewer", admins["inputs"]["priority"]))
    assert found == [
        (
            "unique-assignment-priorities",
            f"gainsight-sso-assignment-Viewer: priority {admins['inputs']['priority']} is already taken on that app "
            "by gainsight-sso-assignment-Admins",
        )
    ]


def test_priority_zero_is_refused(good_plan) -> None:
    """resource_okta_app_group_assignments.go: Create sends a priority only when `GetOk` finds it (0 is unset),
    and the priority's DiffSuppressFunc hides a change whose new value is "0"."""
    changed = _with_priority(good_plan, "gainsight-scim-assignment-Admins", 0)
    found = [f for f in violations(changed) if f[0] == "unique-assignment-priorities"]
    assert found == [
        (
            "unique-assignment-priorities",
            "gainsight-scim-assignment-Admins: priority 0 is never sent reliably by the okta provider; start at 1",
        )
    ]


def test_same_priority_on_two_different_apps_is_fine(good_plan) -> None:
    # Each app has its own 1, 2, ...: that is not a clash.
    assert not [f for f in violations(good_plan) if f[0] == "unique-assignment-priorities"]


def test_per_group_assignments_written_by_hand_are_checked_too() -> None:
    """okta.app.GroupAssignment resources (one per group), as a hand-written program would declare them."""

    def assignment(name: str, priority: int, profile: dict[str, Any]) -> policies.Resource:
        props = {"appId": "0oaSCIM", "groupId": f"00g{name}", "priority": priority, "profile": json.dumps(profile)}
        return policies.Resource(
            policies.GROUP_ASSIGNMENT,
            name,
            f"urn:pulumi:prod::p::{policies.GROUP_ASSIGNMENT}::{name}",
            props,
            app_ref="0oaSCIM",
        )

    license_type = policies.Resource(
        policies.ATTRIBUTE,
        "attr",
        "urn:pulumi:prod::p::x::attr",
        {"appId": "0oaSCIM", "index": "LicenseType", "type": "string", "enums": list(policies.LICENSE_TYPES)},
        app_ref="0oaSCIM",
    )
    resources = [license_type, assignment("a", 3, {"LicenseType": "Full"}), assignment("b", 3, {"LicenseType": "Pro"})]
    assert policies.unique_priorities(resources) == ["b: priority 3 is already taken on that app by a"]
    assert policies.assignment_profiles_valid(resources) == [
        "b: LicenseType value 'Pro' is not one of Full, Viewer, Viewer_Analytics"
    ]


def test_apps_are_matched_through_property_dependencies_when_ids_are_unknown() -> None:
    """In a real preview a new app's id is unknown; the engine still says which app an input came from."""
    app = PolicyResource(
        SAML,
        {"label": "Gainsight SCIM"},
        "urn:pulumi:dev::p::okta:app/saml:Saml::gainsight-scim",
        "gainsight-scim",
        PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), []),
        None,
        None,
        [],
        {},
    )
    attribute = PolicyResource(
        policies.ATTRIBUTE,
        {"index": "IsSuperAdmin", "type": "boolean"},
        "urn:a",
        "attr",
        app.opts,
        None,
        None,
        [app],
        {"appId": [app]},
    )
    assignments = PolicyResource(
        policies.APP_ASSIGNMENTS,
        {"groups": [{"priority": 0, "profile": '{"IsSuperAdmin": "no"}'}]},
        "urn:g",
        "gainsight-scim-assignments",
        app.opts,
        None,
        None,
        [app],
        {"appId": [app]},
    )
    resources = policies.from_stack_args(StackValidationArgs([app, attribute, assignments]))
    assert resources[1].app_ref == resources[2].app_ref == app.urn
    assert policies.assignment_profiles_valid(resources) == [
        "gainsight-scim-assignments groups[0]: IsSuperAdmin must be true or false, not 'no'"
    ]
