"""The emulator's mutation check (issue 33, item 6): a hole in the judge is a mutation no test catches.

Each mutation changes one behaviour of `components/emulator/` (one edit of its source, put back afterwards), then
runs the emulator's tests (the replay included) and a set of `make e2e` scenarios, and reports which caught it. A
mutation of a behaviour the program relies on must be caught by one of them.

Usage: venv/bin/python bench/emulator_mutations.py [--only NAME] [--e2e SCENARIO ...] [--markdown]
  (the e2e part needs `make e2e-tools`; E2E_BIN or OKTA_PROVIDER_SOURCE as for `make e2e`)
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EMULATOR = ROOT / "components" / "emulator"
UNIT = ("tests/emulator", "tests/verify", "tests/okta", "tests/rotate_key", "tests/impact", "tests/adopt")
E2E = ("e2e/test_fresh_stack.py", "e2e/test_drift.py", "e2e/test_write_order.py")


@dataclass(frozen=True)
class Mutation:
    name: str
    what: str
    file: str
    old: str
    new: str
    relied_on: bool = True  # a behaviour the program's deploys or reads rest on
    e2e: tuple[str, ...] = ()  # the scenarios that exercise it (default: E2E)


MUTATIONS = (
    Mutation(
        "metadata-entity-host",
        "the SAML metadata's entityID names another host",
        "apps.py",
        "entity = f\"http://www.okta.com/exk{app['id'][3:]}\"",
        "entity = f\"http://evil.example.com/exk{app['id'][3:]}\"",
    ),
    Mutation(
        "metadata-sso-host",
        "the SAML metadata's SSO Location points at another host",
        "apps.py",
        "sso = f\"{request.base}/app/{app['name']}/exk{app['id'][3:]}/sso/saml\"",
        "sso = f\"https://evil.example.com/app/{app['name']}/exk{app['id'][3:]}/sso/saml\"",
    ),
    Mutation(
        "app-user-profiles-empty",
        "app users' profiles answered empty",
        "app_users.py",
        '        item["profile"] = {**own, **copy.deepcopy(values), **copy.deepcopy(stale)}\n    return item',
        '        item["profile"] = {**own, **copy.deepcopy(values), **copy.deepcopy(stale)}\n'
        '    item["profile"] = {}\n    return item',
    ),
    Mutation(
        "assignment-link-app",
        "an assignment's `_links.app` points at the wrong URL",
        "links.py",
        '"app": {"href": f"{base}/api/v1/apps/{app_id}"},\n        "group"',
        '"app": {"href": f"{base}/api/v1/apps/{group_id}"},\n        "group"',
    ),
    Mutation(
        "priority-off-by-one",
        "an assignment's priority answered one more than stored",
        "assignments.py",
        '"priority": assignment["priority"],',
        '"priority": assignment["priority"] + 1,',
        e2e=("e2e/test_fresh_stack.py",),
    ),
    Mutation(
        "group-profile-null-dropped",
        "a group profile's unset values left out instead of null (provider #669)",
        "assignments.py",
        "profile = {name: stored.get(name) for name in org.group_scoped(app_id)}",
        "profile = {name: stored[name] for name in org.group_scoped(app_id) if stored.get(name) is not None}",
        e2e=("e2e/test_fresh_stack.py",),
    ),
    Mutation(
        "features-deactivate-missing",
        "the manual step leaves PUSH_USER_DEACTIVATION out of the app's features",
        "org.py",
        '    "deactivateUsers": "PUSH_USER_DEACTIVATION",\n',
        "",
    ),
    Mutation(
        "delete-status-200",
        "deleting an assignment answers 200 instead of 204",
        "assignments.py",
        "            org.changed()\n        return Answer(204, None)",
        '            org.changed()\n        return Answer(200, {"deleted": True})',
    ),
    Mutation(
        "rate-limit-reset-missing",
        "rate-limit answers without X-Rate-Limit-Reset",
        "rate_limits.py",
        '                "X-Rate-Limit-Reset": str(reset),\n',
        "",
    ),
    Mutation(
        "schema-writes-serial",
        "two schema writes at once no longer lose one (the last writer would not win)",
        "schemas.py",
        "    org.schemas[key] = began  # last writer wins",
        "    org.schemas[key] = {**org.schemas.get(key, {}), **began}",
    ),
    Mutation(
        "deletion-window-gone",
        "a deleted property can be created again at once",
        "schemas.py",
        "    if refused:\n        raise _deletion_incomplete(refused[0])",
        "    if refused and False:\n        raise _deletion_incomplete(refused[0])",
        e2e=("e2e/test_attribute_replacement.py",),
    ),
    Mutation(
        "held-priority-duplicated",
        "a write that takes a held priority leaves the holder on it (a duplicate)",
        "assignments.py",
        "            _move_holder(org, app_id, assignment, priority)\n",
        "",
    ),
    Mutation(
        "provisioning-reset-gone",
        "an app PUT without `features` keeps provisioning (provider #655 no longer modelled)",
        "apps.py",
        '    app["features"] = list(current.get("features") or []) if body.get("features") else []',
        '    app["features"] = list(current.get("features") or [])',
        e2e=("e2e/test_scim_app_update.py",),
    ),
    Mutation(
        "signing-kid-ignored",
        "an app PUT ignores `credentials.signing.kid` (the key switch)",
        "apps.py",
        "    if kid is None:\n        app.setdefault",
        "    if True:\n        app.setdefault",
        e2e=("e2e/test_key_rotation.py",),
    ),
    Mutation(
        "races-never-fail",
        "two assignment writes at once never fail",
        "assignments.py",
        "        if racing:\n            raise internal_error()  # #1198, #1373: now and then, not every time",
        "        if False:\n            raise internal_error()  # #1198, #1373: now and then, not every time",
    ),
    Mutation(
        "unknown-query-accepted",
        "an unknown query parameter is no longer recorded as unrouted",
        "routes.py",
        "    return sorted(set(query) - QUERY.get((method, template), frozenset()))",
        "    return []",
        relied_on=False,
    ),
)


@contextmanager
def mutated(mutation: Mutation) -> Iterator[None]:
    path = EMULATOR / mutation.file
    original = path.read_text()
    if original.count(mutation.old) != 1:
        raise SystemExit(f"error: {mutation.name}: the text to change is not once in {path.name}")
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # never leave the source mutated on Ctrl-C
    try:
        path.write_text(original.replace(mutation.old, mutation.new))
        signal.signal(signal.SIGINT, previous)
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        path.write_text(original)
        signal.signal(signal.SIGINT, previous)


def caught(paths: tuple[str, ...], env: dict[str, str], seconds: float) -> tuple[bool, float]:
    """Whether pytest over `paths` fails (the mutation is caught), and how long it took."""
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *paths, "-q", "-x", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=seconds,
    )
    return run.returncode != 0, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="")
    parser.add_argument("--e2e", nargs="*", default=list(E2E), help="e2e scenarios to run (none: skip the e2e)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--e2e-always", action="store_true", help="run a mutation's scenarios even when caught")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    rows = []
    for mutation in MUTATIONS:
        if args.only and args.only not in mutation.name:
            continue
        scenarios = mutation.e2e or tuple(args.e2e)
        with mutated(mutation):
            unit, unit_seconds = caught(UNIT, env, 1800)
            run_e2e = bool(scenarios) and (args.e2e_always or not unit)
            e2e, e2e_seconds = caught(scenarios, env, 3600) if run_e2e else (False, 0.0)
        rows.append((mutation, unit, e2e if run_e2e else None))
        print(
            f"{mutation.name:28} emulator tests: {'caught' if unit else 'missed'} ({unit_seconds:.0f} s)"
            + (
                f", e2e {' '.join(scenarios)}: {'caught' if e2e else 'missed'} ({e2e_seconds:.0f} s)" if run_e2e else ""
            ),
            flush=True,
        )
    missed = [m for m, unit, e2e in rows if not (unit or e2e)]
    relied = [m for m in missed if m.relied_on]
    print(f"caught {len(rows) - len(missed)} of {len(rows)}; missed, relied on: {[m.name for m in relied]}")
    if args.markdown:
        print("\n| mutation | the emulator's tests | `make e2e` |\n| --- | --- | --- |")
        for mutation, unit, e2e in rows:
            scenarios = ", ".join(f"`{Path(s).name}`" for s in mutation.e2e or E2E)
            shown = "not run" if e2e is None else (f"caught ({scenarios})" if e2e else f"**missed** ({scenarios})")
            print(f"| {mutation.what} | {'caught' if unit else '**missed**'} | {shown} |")
    return 1 if relied else 0


if __name__ == "__main__":
    sys.exit(main())
