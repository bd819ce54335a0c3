"""Rotating the IdP signing certificate in phases, against a fake org over loopback HTTP: nothing is written
without --confirm, the switch follows the reviewed stack file, verify checks it, and rollback is one change.

Why phases: resource_okta_app_saml.go's tryCreateCertificate generates a key and switches the app to it in one
apply when `key_name` changes, which locks everyone out of Gainsight until it has the new certificate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.adopt.test_adopt_verify import adopted
from tests.conftest import run_cli
from tests.servers.article_org import SSO_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer, FakeOrg

ENV = {"OKTA_API_TOKEN": TOKEN}


@pytest.fixture(scope="module")
def stack_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stack, _ = adopted(article_org(), tmp_path_factory.mktemp("rotation"))
    return stack


def rotate(url: str, stack: Path, *args: str):
    return run_cli("rotate-key", *args, "--stack", "acme", "--config", str(stack), "--okta-url", url, env=ENV)


def writes(org: FakeOrg) -> list[tuple[str, str]]:
    return [(method, path) for method, path in org.requests if method != "GET"]


def with_signing_key(stack: Path, kid: str, tmp_path: Path) -> Path:
    text = stack.read_text().replace(
        "    importId: 0oa1sso2gainsight3x4\n", f"    importId: 0oa1sso2gainsight3x4\n    signingKeyId: {kid}\n"
    )
    changed = tmp_path / "Pulumi.acme.yaml"
    changed.write_text(text)
    return changed


def test_nothing_is_written_without_confirm(stack_file: Path) -> None:
    org = article_org()
    with FakeOktaServer(org) as url:
        dry = rotate(url, stack_file, "generate")
        assert dry.returncode == 0 and "run again with --confirm" in dry.stdout
        status = rotate(url, stack_file, "status", "--json")
    assert writes(org) == []
    assert json.loads(status.stdout)["active"] == f"kid-{SSO_ID}"


def test_the_four_phases_and_a_rollback(stack_file: Path, tmp_path: Path) -> None:
    org = article_org()
    old = f"kid-{SSO_ID}"
    with FakeOktaServer(org) as url:
        # 1. generate: a new key, and the hand-off; the app still signs with the old one.
        generated = rotate(url, stack_file, "generate", "--years", "3", "--confirm")
        assert generated.returncode == 0, generated.stderr
        new = org.keys[SSO_ID][-1]["kid"]
        assert writes(org) == [("POST", f"/api/v1/apps/{SSO_ID}/credentials/keys/generate")]
        assert org.apps[SSO_ID]["credentials"]["signing"]["kid"] == old
        handoff = generated.stdout
        assert f"**{new}**" in handoff and "-----BEGIN CERTIFICATE-----" in handoff
        assert org.keys[SSO_ID][-1]["x5c"][0][:64] in handoff
        assert f"sso/saml/metadata?kid={new}" in handoff and "<md:EntityDescriptor" in handoff
        pasted = (
            f"`signingKeyId: {new}` under `gainsight-okta:samlApp`",
            f"`signingKeyId: {old}` under `gainsight-okta:samlApp`",
        )
        assert all(hint in handoff for hint in pasted)  # the switch, and the rollback
        # 2. the reviewed switch: the stack file names the new key; verify says the app does not sign with it yet.
        switched_stack = with_signing_key(stack_file, new, tmp_path)
        before = run_cli(
            "verify", "--stack", "acme", "--config", str(switched_stack), "--okta-url", url, "--json", env=ENV
        )
        assert [f["check"] for f in json.loads(before.stdout)["findings"]] == ["signing-key"]
        assert rotate(url, switched_stack, "switch").returncode == 0
        assert org.apps[SSO_ID]["credentials"]["signing"]["kid"] == old  # no --confirm, no write
        done = rotate(url, switched_stack, "switch", "--confirm")
        assert done.returncode == 0 and f"from {old} to {new}" in done.stdout
        assert org.apps[SSO_ID]["credentials"]["signing"]["kid"] == new
        assert org.apps[SSO_ID]["label"] == "Gainsight"  # the whole app went back unchanged but for the kid
        # 3. verify: the app signs with the stack's key.
        after = run_cli(
            "verify", "--stack", "acme", "--config", str(switched_stack), "--okta-url", url, "--json", env=ENV
        )
        assert json.loads(after.stdout)["findings"] == []
        # 4. rollback: one change back to the old key.
        rollback = with_signing_key(stack_file, old, tmp_path)
        assert rotate(url, rollback, "switch", "--confirm").returncode == 0
        assert org.apps[SSO_ID]["credentials"]["signing"]["kid"] == old


def test_switching_to_a_key_okta_does_not_have_is_refused(stack_file: Path, tmp_path: Path) -> None:
    """Refused with the stack file and key named, before any write, and already in the dry run."""
    org = article_org()
    changed = with_signing_key(stack_file, "kid-unknown", tmp_path)
    with FakeOktaServer(org) as url:
        results = [rotate(url, changed, "switch", *confirm) for confirm in (("--confirm",), ())]
    for result in results:
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(f"error: {changed}: gainsight-okta:samlApp.signingKeyId: 'kid-unknown' is")
    assert writes(org) == []


def test_years_out_of_range_is_refused_before_any_write(stack_file: Path) -> None:
    org = article_org()
    with FakeOktaServer(org) as url:
        result = rotate(url, stack_file, "generate", "--years", "20", "--confirm")
    assert result.returncode == 2 and "from 2 to 10" in result.stderr
    assert writes(org) == []


def test_a_key_generation_that_fails_is_not_sent_twice(stack_file: Path) -> None:
    """A POST of …/keys/generate that may have reached Okta is never repeated: retried after a timeout or a 500,
    it could generate two keys. One error line, one POST."""
    org = article_org()
    org.fail[f"/api/v1/apps/{SSO_ID}/credentials/keys/generate"] = 1
    with FakeOktaServer(org) as url:
        result = rotate(url, stack_file, "generate", "--confirm")
    assert result.returncode == 2 and result.stderr.startswith("error:") and len(result.stderr.splitlines()) == 1
    assert writes(org) == [("POST", f"/api/v1/apps/{SSO_ID}/credentials/keys/generate")]


def test_a_key_generation_never_answered_is_not_sent_twice_and_says_it_may_be_done(stack_file: Path) -> None:
    """A server that takes the POST and never answers: at the deadline, one error that says the key may exist."""
    org = article_org()
    path = f"/api/v1/apps/{SSO_ID}/credentials/keys/generate"
    org.hostile[path] = "silent"
    with FakeOktaServer(org) as url:
        result = rotate(url, stack_file, "generate", "--confirm", "--timeout", "2")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    expected = f"error: Okta: POST {path}: no response (ReadTimeout); it may have been carried out"
    assert result.stderr.startswith(expected)
    assert writes(org) == [("POST", path)]


def test_a_rate_limited_key_generation_is_retried(stack_file: Path) -> None:
    """A 429 means Okta did nothing: that is safe to send again."""
    org = article_org()
    org.throttle[f"/api/v1/apps/{SSO_ID}/credentials/keys/generate"] = 1
    with FakeOktaServer(org) as url:
        result = rotate(url, stack_file, "generate", "--confirm")
    assert result.returncode == 0, result.stderr
    assert len(org.keys[SSO_ID]) == 2  # the old key and one new one


def test_a_generated_key_whose_hand_off_fails_is_still_named(stack_file: Path) -> None:
    """The POST made a key; a hand-off read that then fails must not hide it."""
    org = article_org()
    org.fail[f"/api/v1/apps/{SSO_ID}/sso/saml/metadata"] = 100
    with FakeOktaServer(org) as url:
        result = rotate(url, stack_file, "generate", "--confirm", "--timeout", "20")
    new = [key["kid"] for key in org.keys[SSO_ID]][-1]
    assert result.returncode == 2 and result.stderr.startswith(f"generated signing key {new} for app {SSO_ID}")
    error = result.stderr.splitlines()[-1]
    assert (
        error.startswith("error: Okta: GET ")
        and f"venv/bin/gainsight-okta rotate-key handoff --stack acme --kid {new}" in error
    )


@pytest.mark.parametrize(
    ("phase", "extra", "flag"),
    [
        ("switch", ("--kid", "nope", "--confirm"), "--kid"),
        ("status", ("--years", "3"), "--years"),
        ("handoff", ("--confirm",), "--confirm"),
        ("generate", ("--json",), "--json"),
    ],
)
def test_an_option_the_phase_does_not_use_is_refused_before_any_request(
    stack_file: Path, phase: str, extra: tuple[str, ...], flag: str
) -> None:
    """Issue 35, item 5: `switch --kid nope --confirm` exited 0 with "nothing to do", --kid silently ignored."""
    org = article_org()
    with FakeOktaServer(org) as url:
        result = rotate(url, stack_file, phase, *extra)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {flag}: is for `rotate-key ") and result.stderr.count("\n") == 1
    assert org.requests == []
