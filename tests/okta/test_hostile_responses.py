"""Answers an audit found still breaking the contract (exit 2, one `error:` line, no traceback, no credential),
each now refused or made safe where it is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.errors import InputError
from components.http.addresses import same_origin
from components.okta.client import OktaClient
from components.okta.credentials import Credentials, credentials_from_environment
from tests.conftest import run_cli
from tests.servers.article_org import SCIM_ID, SSO_ID, article_org
from tests.servers.fake_okta import TOKEN, FakeOktaServer

GROUPS = f"/api/v1/apps/{SCIM_ID}/groups"


def with_next_link(monkeypatch: pytest.MonkeyPatch, link: str) -> None:
    from components.emulator import assignments, paging

    def linking(items, query, base, path, *, default, cap):  # type: ignore[no-untyped-def]
        page, links = paging.page(items, query, base, path, default=default, cap=cap)
        return page, [*links[:1], f'<{link.replace("BASE", base)}>; rel="next"']

    monkeypatch.setattr(assignments, "page", linking)


@pytest.mark.parametrize(
    ("link", "fragment"),
    [
        ("BASE/api/v1/apps/x/groups?after=\ta", "cannot be asked"),
        ("http://[::1/api/v1/apps", "points off the org"),
        ("http://user:pw@127.0.0.1:1/api/v1/apps", "points off the org"),  # its user would replace the token
    ],
)
def test_a_next_link_no_request_can_follow_is_one_error(
    monkeypatch: pytest.MonkeyPatch, link: str, fragment: str
) -> None:
    with_next_link(monkeypatch, link)
    org = article_org()
    with (
        FakeOktaServer(org) as url,
        OktaClient(url, Credentials("token", token=TOKEN)) as client,
        pytest.raises(InputError) as caught,
    ):
        list(client.iterate(GROUPS))
    assert fragment in caught.value.message and TOKEN not in caught.value.line()


def test_a_link_with_a_user_is_not_the_org() -> None:
    assert not same_origin("https://user:pw@acme.okta.com/api/v1/apps", "https://acme.okta.com")


def test_a_page_with_more_items_than_asked_for_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Okta never sends more than `limit`: a page of a million tiny items is refused, not kept."""
    from components.emulator import assignments

    monkeypatch.setattr(assignments, "page", lambda items, *_, **__: (items, []))  # every item, whatever asked
    org = article_org()
    for index in range(250):
        org.assign(SCIM_ID, org.add_group(f"Group {index}"), index + 2)
    with (
        FakeOktaServer(org) as url,
        OktaClient(url, Credentials("token", token=TOKEN)) as client,
        pytest.raises(InputError) as caught,
    ):
        list(client.iterate(GROUPS))
    assert caught.value.message == "responded with 252 items, more than the 200 asked for"


def test_a_token_a_header_cannot_carry_is_refused_before_any_request() -> None:
    with pytest.raises(InputError) as caught:
        credentials_from_environment({"OKTA_API_TOKEN": "tökén"})
    assert caught.value.line() == (
        "error: OKTA_API_TOKEN: holds characters an HTTP header cannot carry (spaces, non-ASCII)"
    )


def test_credentials_in_group_values_and_enums_never_reach_a_report(tmp_path: Path) -> None:
    from tests.adopt.test_adopt_verify import adopted

    stack, _ = adopted(article_org(), tmp_path)
    org = article_org()
    org.app_groups[SCIM_ID][0]["profile"]["LicenseType"] = f"SSWS {TOKEN}"
    with FakeOktaServer(org) as url:
        result = run_cli(
            "verify", "--stack", "acme", "--config", str(stack), "--okta-url", url, "--json",
            env={"OKTA_API_TOKEN": TOKEN},
        )  # fmt: skip
    assert result.returncode == 1 and TOKEN not in result.stdout + result.stderr
    assert "SSWS [redacted]" in json.dumps(json.loads(result.stdout)["findings"])


def test_a_proxy_setting_that_is_not_a_proxy_is_one_error_line() -> None:
    result = run_cli(
        "adopt", "--stack", "acme", "--sso-app", SSO_ID, "--okta-url", "https://acme.okta.com",
        "--metadata", "metadata/dev.xml", "--output", "/nonexistent/Pulumi.acme.yaml",
        env={"OKTA_API_TOKEN": TOKEN, "HTTPS_PROXY": "ftp://user:secret@127.0.0.1:9"},
    )  # fmt: skip
    assert result.returncode == 2 and "secret" not in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")
