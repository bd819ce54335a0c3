"""`gainsight-okta emulate` as a user (or the e2e) runs it: the URL first, Okta's answers, stops on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx

from tests.conftest import PROJECT_ROOT, run_cli


def _ctrl_c_as_at_a_terminal() -> None:
    # A job started in the background by a non-interactive shell inherits SIGINT ignored, and Python then installs
    # no KeyboardInterrupt for it: the command would never see the Ctrl-C these tests send.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def emulate(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "components", "emulate", *args],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )


def test_emulate_serves_the_article_org_until_interrupted() -> None:
    process = emulate("--port", "0", "--seed", "article", "--token", "t0ken")
    try:
        url = process.stdout.readline().strip()  # type: ignore[union-attr]
        assert url.startswith("http://127.0.0.1:") and url.rsplit(":", 1)[1].isdigit()
        apps = httpx.get(f"{url}/api/v1/apps", headers={"Authorization": "SSWS t0ken"}, timeout=10).json()
        assert sorted(app["label"] for app in apps) == ["Gainsight", "Gainsight SCIM Integration"]
        refused = httpx.get(f"{url}/api/v1/apps", headers={"Authorization": "SSWS other"}, timeout=10)
        assert refused.status_code == 401
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "t0ken" not in err + out  # the token is never printed


def test_a_bad_port_is_one_error_line() -> None:
    result = run_cli("emulate", "--port", "99999")
    assert result.returncode == 2
    assert result.stderr.startswith("error:") and "--port" in result.stderr and len(result.stderr.splitlines()) == 1


def test_emulate_misbehaves_on_the_paths_it_is_told() -> None:
    process = emulate("--seed", "article", "--hostile", "/api/v1/groups=not-json")
    try:
        url = process.stdout.readline().strip()  # type: ignore[union-attr]
        headers = {"Authorization": "SSWS any"}
        assert httpx.get(f"{url}/api/v1/apps", headers=headers, timeout=10).json()  # Okta's answer
        portal = httpx.get(f"{url}/api/v1/groups", headers=headers, timeout=10)
        assert portal.text.startswith("<html>")  # not Okta's
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)


def test_an_unknown_hostile_mode_is_one_error_line() -> None:
    result = run_cli("emulate", "--hostile", "/api/v1/apps=explode")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: emulate: --hostile: '/api/v1/apps=explode' must be PATH=MODE, MODE one of")
