"""components/loopback.py: only this machine's hosts count as loopback (plain http:// and an unremarked proxy are
allowed there alone), and a text that is not a URL never does."""

from __future__ import annotations

import pytest

from components.loopback import is_loopback, is_loopback_url


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.10", "::1"])
def test_this_machine_s_hosts_are_loopback(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["", "acme.okta.com", "10.0.0.1", "localhost.example", "::2", "128.0.0.1"])
def test_other_hosts_are_not(host: str) -> None:
    assert not is_loopback(host)


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8443", True),
        (" http://localhost:1/ ", True),
        ("http://[::1]:9", True),
        ("http://user:pw@proxy.corp.example:3128", False),
        ("https://acme.okta.com", False),
        ("http://[::1", False),  # not a URL: urlsplit raises
        ("127.0.0.1:8443", False),  # no scheme: no host to read
    ],
)
def test_a_url_is_loopback_by_its_host(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback
