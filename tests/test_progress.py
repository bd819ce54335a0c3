"""Progress on long reads (components/progress.py): a live line on a terminal, and nothing new anywhere else.

The commands are run as real subprocesses with stderr on a pseudo-terminal, as a person sees them, and with
stderr on a pipe, as CI and scripts see them."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from components.progress import Progress, TerminalProgress, progress_for
from tests.adopt.test_adopt_verify import ENV, adopted
from tests.conftest import PROJECT_ROOT
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import FakeOktaServer


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def wait(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def monotonic(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_live_line_names_the_list_its_items_and_pages_the_calls_and_the_wait_counted_down() -> None:
    clock, screen = FakeClock(), io.StringIO()
    with TerminalProgress(clock.wait, clock.monotonic, screen, force_terminal=True) as progress:
        progress.listed(f"/api/v1/apps/{SCIM_ID}/users", 200, 1)
        progress.listed(f"/api/v1/apps/{SCIM_ID}/users", 400, 2)
        progress.called(7)
        progress.sleep(2.5)
        progress.say("waiting 3 s for Okta's /api/v1/apps rate-limit window")
    shown = screen.getvalue()
    assert "reading /api/v1/apps/{id}/users: 400 so far (2 pages)" in shown
    assert "7 calls" in shown and "waiting 3 s" in shown and "waiting 1 s" in shown
    assert SCIM_ID not in shown  # the org's ids are not worth the line
    assert clock.waits == [1.0, 1.0, 0.5]  # the whole wait, a second at a time for the countdown
    assert "rate-limit window" in shown  # a line worth keeping is printed above the live one


def test_off_a_terminal_a_wait_is_one_sleep_and_lines_are_as_before() -> None:
    clock, stream = FakeClock(), io.StringIO()
    with progress_for(json_output=False, wait=clock.wait, monotonic=clock.monotonic, stream=stream) as progress:
        assert type(progress) is Progress
        progress.listed("/api/v1/groups", 200, 1)
        progress.called(3)
        progress.sleep(12.0)
        progress.say("waiting 12 s for Okta's /api/v1/groups rate-limit window")
    assert clock.waits == [12.0]
    assert stream.getvalue() == "waiting 12 s for Okta's /api/v1/groups rate-limit window\n"


@pytest.mark.parametrize(
    ("json_output", "environ", "live"),
    [(False, {}, True), (True, {}, False), (False, {"CI": "true"}, False), (False, {"TERM": "dumb"}, False)],
)
def test_the_live_line_only_for_a_person_at_a_terminal(
    json_output: bool, environ: dict[str, str], live: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    clock = FakeClock()
    with progress_for(json_output=json_output, wait=clock.wait, monotonic=clock.monotonic, stream=Terminal()) as shown:
        assert isinstance(shown, TerminalProgress) is live


def _run(*args: str, terminal: bool) -> tuple[int, str, str]:
    """`python -m components ARGS` with stdout on a pipe and stderr on a pseudo-terminal (or a pipe)."""
    env = {"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin", "TERM": "xterm", "COLUMNS": "160", **ENV}
    argv = [sys.executable, "-m", "components", *args]
    if not terminal:
        done = subprocess.run(argv, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def read() -> None:  # concurrently: a full pseudo-terminal would block the command
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO once the command has closed its end
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    process = subprocess.Popen(argv, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    stdout, _ = process.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(leader)
    return process.returncode, stdout.decode(), b"".join(chunks).decode(errors="replace")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return adopted(article_org(), tmp_path_factory.mktemp("progress"))[0]


def test_verify_shows_progress_on_a_terminal_and_prints_the_same_report(stack: Path) -> None:
    with FakeOktaServer(article_org()) as url:
        args = ("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url)
        code, report, screen = _run(*args, terminal=True)
        piped = _run(*args, terminal=False)
    assert code == 0 and piped[0] == 0, piped[2]
    assert "reading /api/v1/apps/{id}/users" in screen and "calls" in screen
    assert report == piped[1]  # the report on stdout is the same
    assert piped[2] == ""  # and off a terminal, stderr holds nothing new


def test_json_on_a_terminal_shows_no_progress(stack: Path) -> None:
    with FakeOktaServer(article_org()) as url:
        args = ("verify", "--stack", "acme", "--config", str(stack), "--okta-url", url, "--json")
        code, document, screen = _run(*args, terminal=True)
    assert code == 0
    assert json.loads(document)["findings"] == []
    assert screen == ""


def test_adopt_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    org = article_org()
    with FakeOktaServer(org) as url:
        code, _, screen = _run(
            "adopt",
            "--stack",
            "acme",
            "--sso-app",
            SSO_ID,
            "--scim-app",
            SCIM_ID,
            "--okta-url",
            url,
            "--metadata",
            "metadata/dev.xml",
            "--tenant-url",
            "https://acme-dev.gainsightcloud.com",
            "--oauth-client-id",
            "3f1c9a52-6b7e-4d2a-9c41-0e8b5d7a2f10",
            "--output",
            str(tmp_path / "Pulumi.acme.yaml"),
            terminal=True,
        )
    assert code == 0, screen
    assert "reading /api/v1/" in screen and "calls" in screen


class Recorded(Progress):
    def __init__(self) -> None:
        super().__init__(lambda _seconds: None)
        self.lists: list[tuple[str, int, int]] = []
        self.calls: list[int] = []

    def listed(self, path: str, items: int, pages: int) -> None:
        self.lists.append((path, items, pages))

    def called(self, calls: int) -> None:
        self.calls.append(calls)


def test_gainsight_s_pages_of_users_are_shown_as_they_are_read() -> None:
    from tests.gainsight.test_gainsight_scim import people
    from tests.servers.gainsight_server import GainsightServer, client_for

    progress = Recorded()
    with GainsightServer() as server:
        server.seed(*people(7))
        with client_for(server, page_size=3, progress=progress) as client:
            client.users()
    assert progress.lists == [("Gainsight's /Users", 3, 1), ("Gainsight's /Users", 6, 2), ("Gainsight's /Users", 7, 3)]


def test_okta_s_pages_and_calls_are_shown_as_they_are_read() -> None:
    from components.okta.client import OktaClient
    from components.okta.credentials import Credentials
    from tests.servers.fake_okta import TOKEN

    progress = Recorded()
    org = article_org()
    with FakeOktaServer(org) as url, OktaClient(url, Credentials("token", TOKEN), progress=progress) as client:
        everyone = list(client.iterate(f"/api/v1/apps/{SCIM_ID}/users", limit=1))
    assert [items for _, items, _ in progress.lists] == list(range(1, len(everyone) + 1))
    assert {path for path, _, _ in progress.lists} == {f"/api/v1/apps/{SCIM_ID}/users"}
    assert progress.calls == list(range(1, len(everyone) + 1))  # one call a page
