"""The okta provider's own acceptance tests, run live against the emulator (issue 33, item 7): an independent
check of it, written by the people who know the provider and Okta best. Each test gets an org of its own.

Usage: venv/bin/python -m e2e.conformance.run --bin DIR --source DIR [--only REGEX] [--json FILE]
  --bin: the folder holding `tofu` and `idaas.test` (e2e/toolchain/build.sh --conformance builds them)
  --source: a copy of terraform-provider-okta whose okta/services/idaas/ the tests run from (they read
  ../../../examples/)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from components.emulator.org import EmulatedOrg
from components.emulator.server import EmulatorServer

# The tests of the resources and data sources this project's program uses (e2e/conformance/scope.py says why a
# test is out of scope, when one is).
RESOURCE_TESTS = (
    "TestAccResourceOktaGroup_crud",
    "TestAccResourceOktaGroup_customschema",
    "TestAccResourceOktaGroup_customschema_null",
    "TestAccResourceOktaAppSaml_conditionalRequire",
    "TestAccResourceOktaAppSaml_invalidURL",
    "TestAccResourceOktaAppSaml_crud",
    "TestAccResourceOktaAppSaml_preconfigured",
    "TestAccResourceOktaAppSaml_inlineHook",
    "TestAccResourceOktaAppSaml_federationBroker",
    "TestAccResourceOktaAppSaml_timeouts",
    "TestAccResourceOktaAppSaml_certdiff",
    "TestAccResourceOktaAppSaml_Issue2021",
    "TestAccResourceOktaAppSaml_Issue2171AcsEndpoints",
    "TestAccResourceOktaAppSaml_Issue2171AcsEndpointsWithIndex",
    "TestAccResourceOktaAppSaml_skipAuthenticationPolicy",
    "TestAccResourceOktaAppSaml_skipAuthenticationPolicyUpdate",
    "TestAccResourceOktaAppSaml_skipAuthenticationPolicyOffice365",
    "TestAccResourceOktaAppGroupAssignment_crud",
    "TestAccResourceOktaAppGroupAssignment_retain",
    "TestAccResourceOktaAppGroupAssignment_timeouts",
    "TestAccResourceOktaAppGroupAssignments_crud",
    "TestAccResourceOktaAppGroupAssignments_1088_unplanned_changes",
    "TestAccResourceOktaAppGroupAssignments_2068_empty_assignments",
    "TestAccResourceOktaAppGroupAssignments_1832_timeouts",
    "TestAccResourceOktaAppUserSchemas_crud",
    "TestAccResourceOktaAppUserSchemas_array_enum_number",
    "TestAccResourceOktaAppUserSchemas_enum_number",
    "TestAccResourceOktaAppUserSchemas_array_enum_integer",
    "TestAccResourceOktaAppUserSchemas_enum_integer",
    "TestAccResourceOktaAppUserSchemas_array_enum_boolean",
    "TestAccResourceOktaAppUserSchemas_enum_boolean",
    "TestAccResourceOktaAppUserSchemas_array_enum_string",
    "TestAccResourceOktaAppUserSchemas_array_enum_json",
    "TestAccResourceOktaAppUserSchemas_enum_string",
    "TestAccResourceOktaAppUserSchemas_parallel_api_calls",
    "TestAccResourceOktaAppUserBaseSchema_change",
    "TestAccResourceOktaProfileMapping_crud",
    "TestAccResourceOktaProfileMapping_existing",
)
DATA_SOURCE_TESTS = (
    "TestAccDataSourceOktaAppSaml_read",
    "TestAccDataSourceOktaAppMetadataSaml_read",
    "TestAccDataSourceOktaAppGroupAssignments_read",
    "TestAccDataSourceOktaGroup_read",
    "TestAccDataSourceOktaGroup_read_multiple_groups",
)
TEST_SECONDS = 300
# Tests that cannot pass against any Okta, with why: run and reported, never counted as the emulator's failure.
OUT_OF_SCOPE = {
    "TestAccResourceOktaProfileMapping_existing": (
        "fails against any server: on import the provider's Read keeps only the mappings already in its state, none "
        "(resource_okta_profile_mapping.go, resourceProfileMappingRead with delete_when_absent unset), and the test "
        "verifies the import against the state of four"
    ),
}


@dataclass
class Outcome:
    test: str
    result: str  # pass, fail, skip
    seconds: float
    reason: str  # the skip's message, the failure's first error line, or what the emulator could not serve


def _reason(output: str, org: EmulatedOrg) -> str:
    if org.failures:
        return f"emulator failed: {org.failures[0]['error']}"
    if org.unrouted:
        method, path = org.unrouted[0]
        return f"not served: {method} {path}"
    for pattern in (r"(?m)^\s+\S+_test\.go:\d+: (.+)$", r"(?m)Error: (.+)$", r"(?m)^--- (?:FAIL|SKIP).*\n\s+(.+)$"):
        if found := re.search(pattern, output):
            return found.group(1).strip()[:300]
    return output.strip().splitlines()[-1][:300] if output.strip() else ""


def run_one(test: str, bin_dir: Path, source: Path) -> Outcome:
    org = EmulatedOrg(token="x")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:
        cli_config = Path(scratch) / "tofu.rc"
        cli_config.write_text("")
        with EmulatorServer(org) as url:
            env = {
                **os.environ,
                "TF_ACC": "1",
                "TF_ACC_TERRAFORM_PATH": str(bin_dir / "tofu"),
                "TF_ACC_PROVIDER_NAMESPACE": "hashicorp",
                "TF_ACC_PROVIDER_HOST": "registry.opentofu.org",
                "CHECKPOINT_DISABLE": "1",
                "TF_CLI_CONFIG_FILE": str(cli_config),
                "OKTA_ORG_NAME": "emulated",
                "OKTA_BASE_URL": "okta.com",
                "OKTA_API_TOKEN": "x",
                "OKTA_HTTP_PROXY": url,
                "HOME": scratch,
            }
            env.pop("OKTA_VCR_TF_ACC", None)
            try:
                done = subprocess.run(
                    [str(bin_dir / "idaas.test"), "-test.run", f"^{test}$", "-test.v", "-test.timeout", "10m"],
                    cwd=source / "okta" / "services" / "idaas",
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=TEST_SECONDS,
                    check=False,
                )
                output = done.stdout + done.stderr
            except subprocess.TimeoutExpired as expired:
                output = f"timed out after {TEST_SECONDS} s: {expired.stdout!s:.200}"
            org.failures_seen = list(org.failures)  # type: ignore[attr-defined]
            org.failures.clear()  # reported below, not raised by the server's exit
    seconds = round(time.monotonic() - started, 1)
    if f"--- PASS: {test}" in output and not org.unrouted and not getattr(org, "failures_seen", []):
        return Outcome(test, "pass", seconds, "")
    if f"--- SKIP: {test}" in output:
        return Outcome(test, "skip", seconds, _reason(output, org))
    org.failures = getattr(org, "failures_seen", [])
    return Outcome(test, "fail", seconds, _reason(output, org))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", type=Path, required=True)
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--only", default="")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    tests = [t for t in (*RESOURCE_TESTS, *DATA_SOURCE_TESTS) if re.search(args.only, t)]
    outcomes = []
    for test in tests:
        outcome = run_one(test, args.bin, args.source)
        outcomes.append(outcome)
        why = f"  (out of scope: {OUT_OF_SCOPE[test]})" if test in OUT_OF_SCOPE else ""
        print(f"{outcome.result:4}  {outcome.seconds:5.1f} s  {test}  {outcome.reason}{why}", flush=True)
    counts = {kind: sum(1 for o in outcomes if o.result == kind) for kind in ("pass", "fail", "skip")}
    failed = [o.test for o in outcomes if o.result == "fail" and o.test not in OUT_OF_SCOPE]
    print(
        f"{counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped of {len(outcomes)}; "
        f"out of scope: {', '.join(sorted(OUT_OF_SCOPE)) or 'none'}; in scope and failing: {len(failed)}"
    )
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
