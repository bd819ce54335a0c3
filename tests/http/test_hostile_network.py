"""`adopt` against a server that is not Okta (components.emulator.hostile), as a user runs it: every case ends
by the deadline with one `error:` line naming the endpoint, exit 2, no traceback, no token, no file written.

Timing here is only a bound that catches a hang (a deadline not kept); speed and memory are bench/hostile_cases.py's.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer, FakeOrg

DEADLINE = 3  # --timeout for these runs
APP = f"/api/v1/apps/{SSO_ID}"
GROUPS = f"/api/v1/apps/{SCIM_ID}/groups"


def adopt_against(org: FakeOrg, tmp_path: Path, *extra: str):
    output = tmp_path / "Pulumi.acme.yaml"
    with FakeOktaServer(org) as url:
        started = time.monotonic()
        result = run_cli(
            "adopt", "--stack", "acme", "--sso-app", SSO_ID, "--scim-app", SCIM_ID, "--okta-url", url,
            "--metadata", "metadata/dev.xml", "--output", str(output), "--timeout", str(DEADLINE), *extra,
            env={"OKTA_API_TOKEN": TOKEN},
        )  # fmt: skip
        elapsed = time.monotonic() - started
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary file
    return result, elapsed


def one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Okta: "), result.stderr
    assert "Traceback" not in result.stderr and TOKEN not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("mode", "path", "fragment"),
    [
        # No overall deadline: each of these once ran for minutes or without end.
        ("silent", APP, f"GET {APP}: no complete response within this command's deadline (--timeout {DEADLINE} s)"),
        ("trickle-headers", APP, f"GET {APP}: no complete response within this command's deadline"),
        ("trickle-body", APP, f"GET {APP}: no complete response within this command's deadline"),
        ("far-reset", APP, f"GET {APP}: 429: rate-limited until 20"),
        ("nan-reset", APP, f"GET {APP}: 429: rate-limited for an unknown time, past this command's deadline"),
        # No memory bound: these grew until killed.
        ("huge-body", APP, f"GET {APP}: responded with more than 4 MiB; stopped reading"),
        ("endless-chunked", APP, f"GET {APP}: responded with more than 4 MiB; stopped reading"),
        ("gzip-bomb", APP, f"GET {APP}: responded with more than 4 MiB; stopped reading"),
        ("deep-json", APP, f"GET {APP}: responded with JSON nested deeper than 64 levels"),
        # Broken answers.
        ("not-json", APP, f"GET {APP}: responded with non-JSON"),
        ("nan-json", APP, f"GET {APP}: responded with non-JSON"),
        ("lone-surrogate", GROUPS, f"GET {GROUPS}: responded with text holding an unpaired surrogate"),
        ("self-link", GROUPS, f"GET {GROUPS}: a next-page link points to a page already read"),
        ("redirect-off-org", APP, f"GET {APP}: 302: redirected; the client follows no redirect"),
    ],
)
def test_a_hostile_answer_ends_by_the_deadline_in_one_error_line(
    mode: str, path: str, fragment: str, tmp_path: Path
) -> None:
    org = article_org()
    org.hostile[path] = mode
    result, elapsed = adopt_against(org, tmp_path)
    assert fragment in one_error_line(result)
    assert elapsed < DEADLINE + 15  # the process's start and a margin: not the minutes it once took


def test_a_far_future_reset_fails_at_once_saying_when(tmp_path: Path) -> None:
    """A reset a year ahead is past any deadline: not waited for, not asked again."""
    org = article_org()
    org.hostile[APP] = "far-reset"
    result, elapsed = adopt_against(org, tmp_path, "--timeout", "600")
    line = one_error_line(result)
    assert ", past this command's deadline (--timeout 600 s); run it again then" in line
    assert org.requests.count(("GET", APP)) == 1 and elapsed < 60


def test_an_error_that_echoes_the_token_is_shown_redacted(tmp_path: Path) -> None:
    org = article_org()
    org.hostile[APP] = "echo-authorization"
    line = one_error_line(adopt_against(org, tmp_path)[0])
    assert line == f"error: Okta: GET {APP}: 400: Bad request with headers Authorization: SSWS [redacted]"


def test_terminal_control_from_the_server_is_shown_as_escapes(tmp_path: Path) -> None:
    org = article_org()
    org.hostile[APP] = "escape-sequences"
    line = one_error_line(adopt_against(org, tmp_path)[0])
    assert "\x1b" not in line and "\x07" not in line
    assert line.endswith("404: not found; check the id (\\x1b]0;owned\\x07\\x1b[2J\\x1b[31mdown\\x07)")


@pytest.mark.parametrize(
    ("plant", "field"),
    [
        (lambda app: app["settings"].update(signOn="SAML"), "settings.signOn is not an object"),
        (
            lambda app: app["settings"]["signOn"].update(attributeStatements=["email"]),
            "settings.signOn.attributeStatements[0] is not an object",
        ),
        (
            lambda app: app["settings"]["signOn"].update(acsEndpoints=[{"url": 7, "index": 0}]),
            "settings.signOn.acsEndpoints[0].url is not text",
        ),
        (lambda app: app.update(visibility={"hide": "yes"}), "visibility.hide is not an object"),
        (lambda app: app.update(visibility={"hide": {"web": "true"}}), "visibility.hide.web is not true or false"),
        (lambda app: app.update(id="../../users"), "id is not an Okta id"),
    ],
)
def test_an_app_in_a_shape_okta_does_not_document_names_the_field(plant, field: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    org = article_org()
    plant(org.apps[SSO_ID])
    line = one_error_line(adopt_against(org, tmp_path)[0])
    assert line == f"error: Okta: GET {APP}: {field}, which Okta's API reference does not document"


def test_credentials_and_control_characters_from_okta_never_reach_the_stack_or_import_file(tmp_path: Path) -> None:
    """Okta's text is written into files people open in terminals and commit: redacted and escaped as it is read."""
    org = article_org()
    org.apps[SSO_ID]["label"] = "Gainsight \x1b[2J"
    group_id = next(iter(org.groups))
    org.groups[group_id]["profile"]["name"] = f"Admins Bearer {TOKEN}"
    output = tmp_path / "out" / "Pulumi.acme.yaml"
    output.parent.mkdir()
    with FakeOktaServer(org) as url:
        result = run_cli(
            "adopt", "--stack", "acme", "--sso-app", SSO_ID, "--scim-app", SCIM_ID, "--okta-url", url,
            "--metadata", "metadata/dev.xml", "--output", str(output), env={"OKTA_API_TOKEN": TOKEN},
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = output.read_text() + output.with_name("Pulumi.acme.import.json").read_text() + result.stdout
    assert TOKEN not in written and "\x1b" not in written
    assert "Admins Bearer [redacted]" in written and "Gainsight \\\\x1b[2J" in written


def test_one_request_has_its_own_time_and_the_timeouts_their_own_retries() -> None:
    """A trickle never trips a read timeout; each request still ends, and a silent server is asked only a few
    times before the command gives up, well before its deadline."""
    from components.errors import InputError
    from components.http.budget import Deadline, RetryBudget
    from components.okta.client import OktaClient
    from components.okta.credentials import Credentials

    org = article_org()
    org.hostile[APP] = "trickle-body"
    with FakeOktaServer(org) as url:
        client = OktaClient(url, Credentials("token", token=TOKEN), deadline=Deadline(60), budget=RetryBudget())
        client.request_seconds = 1.0
        started = time.monotonic()
        with client, pytest.raises(InputError) as caught:
            client.get(APP)
    assert caught.value.message == "no complete response in 1 s, 3 times; Okta or the network is too slow"
    assert org.requests.count(("GET", APP)) == 3 and time.monotonic() - started < 10


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed, so it is free and refuses)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_refused_connection_fails_fast_and_says_so() -> None:
    """Issue 35, item 4: `verify --okta-url http://127.0.0.1:1` was silent for 57 s, then said "cannot reach"; with
    `--timeout 20` it said "no complete response within this command's deadline". Nothing listens there: a refused
    connection is tried twice more, briefly, then named."""
    port = _closed_port()
    started = time.monotonic()
    result = run_cli(
        "verify",
        "--stack",
        "dev",
        "--okta-url",
        f"http://127.0.0.1:{port}",
        "--timeout",
        "20",
        env={"OKTA_API_TOKEN": TOKEN},
    )
    assert result.returncode == 2
    line = one_error_line(result)
    assert line == (
        f"error: Okta: GET /api/v1/apps: cannot reach http://127.0.0.1:{port}: connection refused (3 times): "
        "check the address"
    )
    assert time.monotonic() - started < 10  # 0.5 s and 1 s of backoff, not the 20 s deadline
