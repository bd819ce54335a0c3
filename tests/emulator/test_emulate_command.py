"""`gainsight-okta emulate` as a user (or the e2e) runs it: the URL first, Okta's answers, stops on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx

from tests.conftest import PROJECT_ROOT, run_cli


def test_emulate_serves_the_article_org_until_interrupted() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "components", "emulate", "--port", "0", "--seed", "article", "--token", "t0ken"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
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
