"""Issue 32, item 4: a read that never ends. The okta provider has no working per-request bound:
- its `request_timeout` (0, no limit, by default) cancels each request's context as soon as the headers are in,
  before the body is read (sdk/v2_requestExecutor.go doWithRetries, `defer cancel()`; okta-sdk-golang #370), so
  with any value every look-up reads an empty answer. The program refuses the key before anything is sent;
- without it, a SAML metadata read that is accepted and never answered (the emulator's hostile `silent` mode) holds
  a refreshed preview for as long as the connection stays open (provider #2735). What bounds it is the CI step's
  and job's `timeout-minutes` (.github/workflows; tests/test_workflows.py), which this scenario shows is needed."""

from __future__ import annotations

import subprocess

import pytest

from .conftest import Engine
from .steps import first_up

HELD_SECONDS = 20


def test_a_request_timeout_is_refused_before_anything_is_sent(engine: Engine) -> None:
    config = {**engine.repository_stack("dev"), "okta:requestTimeout": 30}
    engine.write_stack("dev", config)
    engine.pulumi.init("dev")
    refused = engine.pulumi.run("preview", "--stack", "dev", ok=(255, 1))
    errors = {line.strip() for line in refused.output.splitlines() if line.strip().startswith("error: Pulumi.dev.yaml")}
    assert len(errors) == 1 and "okta:requestTimeout: must be left unset" in errors.pop()
    assert "Traceback" not in refused.output
    assert engine.org.state.requests == []  # the provider was never even configured


def test_a_metadata_read_that_never_answers_holds_a_refreshed_preview(engine: Engine) -> None:
    first_up(engine, "dev")
    sso = engine.pulumi.outputs("dev")["ssoAppId"]
    engine.org.state.hostile[f"/api/v1/apps/{sso}/sso/saml/metadata"] = "silent"
    with pytest.raises(subprocess.TimeoutExpired):
        engine.pulumi.run("preview", "--stack", "dev", "--refresh", ok=(), timeout=HELD_SECONDS)
    assert ("GET", f"/api/v1/apps/{sso}/sso/saml/metadata") in engine.org.state.requests
