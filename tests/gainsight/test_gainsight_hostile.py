"""The Gainsight client against a Gainsight that answers wrongly or maliciously: each case is one `error:` line
naming Gainsight and the endpoint, with no chained traceback, and neither the client secret nor the access token
anywhere, in the error or in the logs."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import pytest

from components.errors import InputError
from components.inputs.gainsight_schema import SCIM_NAMESPACE
from components.limits import RETRIES
from tests.servers.gainsight_server import (
    CLIENT_SECRET,
    CORE_USER,
    Answer,
    GainsightServer,
    Hostile,
    client_for,
    json_answer,
    scim_error_answer,
)

USERS = "/v1/users/services/scim/Users"
TOKEN = "/v1/users/oauth/access/token"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"


def user(name: str, **values: Any) -> dict[str, Any]:
    return {"schemas": [CORE_USER, SCIM_NAMESPACE], "id": name, "userName": name, "active": True, **values}


def page(*users: dict[str, Any]) -> Answer:
    return json_answer("200 OK", {"schemas": [LIST], "totalResults": len(users), "Resources": list(users)})


def on(path: str, answer: Answer | Callable[[dict[str, Any]], Answer]) -> Callable[[GainsightServer], Hostile]:
    """A hostile server answering `path` with `answer` (made from the request when it is a function)."""

    def hostile(environ: dict[str, Any]) -> Answer | None:
        if environ["PATH_INFO"] != path:
            return None
        return answer(environ) if callable(answer) else answer

    return lambda _other: hostile


def redirect(path: str) -> Callable[[GainsightServer], Hostile]:
    def make(other: GainsightServer) -> Hostile:
        elsewhere = other.url.replace("127.0.0.1", "localhost") + path
        return on(path, ("302 Found", [("Location", elsewhere)], b""))(other)

    return make


def silent(_environ: dict[str, Any]) -> Answer:
    time.sleep(1)
    return page()


def echo_authorization(environ: dict[str, Any]) -> Answer:
    return scim_error_answer(500, f"cannot read header Authorization: {environ.get('HTTP_AUTHORIZATION')}")


def raw(body: bytes, content_type: str = "application/scim+json") -> Answer:
    return "200 OK", [("Content-Type", content_type)], body


CASES: list[tuple[str, Callable[[GainsightServer], Hostile], str]] = [
    ("more than asked", on(USERS, page(user("a"), user("b"), user("c"))), "responded with 3 users, more than the 2"),
    ("non-JSON", on(USERS, raw(b"<html>maintenance</html>")), f"GET {USERS}: responded with non-JSON"),
    ("a JSON array", on(USERS, raw(b"[]")), "not a SCIM list of users (the response payload is not a JSON object)"),
    ("HTML type", on(USERS, raw(json.dumps({"schemas": [LIST]}).encode(), "text/html")),
     "not a SCIM list of users (unexpected content type: text/html)"),
    ("one user, no list", on(USERS, json_answer("200 OK", user("a"))),
     f"not a SCIM list of users (its schemas are not {LIST})"),
    ("active as text", on(USERS, page(user("a", active="yes"))), "(Resources[0].active: input should be a valid bool"),
    ("flag as text", on(USERS, page(user("a", **{SCIM_NAMESPACE: {"IsSuperAdmin": "no"}}))),
     f"(Resources[0].{SCIM_NAMESPACE}.IsSuperAdmin: input should be a valid boolean)"),
    ("no userName", on(USERS, page({**user("a"), "userName": None})), f"GET {USERS}: Resources[0].userName is missing"),
    ("no active", on(USERS, page({**user("a"), "active": None})), f"GET {USERS}: Resources[0].active is missing"),
    ("SCIM 401", on(USERS, scim_error_answer(401, "Bad token")), "401: the access token was refused (Bad token)"),
    ("SCIM 403", on(USERS, scim_error_answer(403, "Forbidden")), f"GET {USERS}: 403: not allowed (Forbidden)"),
    ("SCIM 404", on(USERS, ("404 Not Found", [("Content-Type", "text/html")], b"<h1>no</h1>")), "404: no SCIM API"),
    ("SCIM 503", on(USERS, scim_error_answer(503, "Service busy")), f"GET {USERS}: 503: Service busy"),
    ("SCIM redirect", redirect(USERS), f"GET {USERS}: 302: redirected to localhost; the client follows no redirect"),
    ("token redirect", redirect(TOKEN), f"POST {TOKEN}: 302: redirected to localhost"),
    ("token non-JSON", on(TOKEN, raw(b"OK", "text/plain")), f"POST {TOKEN}: responded with non-JSON"),
    ("no access_token", on(TOKEN, json_answer("200 OK", {"token_type": "Bearer"})),
     "responded without an access_token"),
    ("token with CRLF", on(TOKEN, json_answer("200 OK", {"access_token": "abc\r\nX-Evil: 1"})),
     "responded with an access token no HTTP header can carry"),
    ("token 500", on(TOKEN, json_answer("500 Internal Server Error", {"error": "server_error"})),
     f"POST {TOKEN}: 500: server_error"),
    ("rate-limited", on(USERS, ("429 Too Many Requests", [("Retry-After", "99999")], b"")),
     "429: rate-limited for 99999 s, past this command's deadline (--timeout 20 s)"),
    ("secret echoed", on(TOKEN, json_answer("400 Bad Request", {"error_description": f"bad secret {CLIENT_SECRET}!"})),
     "400: the client credentials were refused (bad secret [redacted]!); check GAINSIGHT_CLIENT_ID and"),
    ("token echoed", on(USERS, echo_authorization), "500: cannot read header Authorization: Bearer [redacted]"),
]  # fmt: skip


def leaked(server: GainsightServer, texts: list[str]) -> list[str]:
    secrets = [CLIENT_SECRET, *server.front.tokens]
    return [secret for secret in secrets for text in texts if secret in text]


def refused_read(server: GainsightServer, caplog: pytest.LogCaptureFixture, **options: Any) -> str:
    """The one error line of reading every user; checked for secrets, in it and in the logs."""
    caplog.set_level(logging.DEBUG)
    with client_for(server, page_size=2, **options) as client, pytest.raises(InputError) as refused:
        client.users()
    error = refused.value
    line = error.line()
    assert line.startswith("error: Gainsight: ") and "\n" not in line, line
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    assert not leaked(server, [line, str(error), repr(error), error.message, caplog.text])
    return line


@pytest.mark.parametrize(("name", "hostile", "fragment"), CASES, ids=[case[0] for case in CASES])
def test_a_bad_answer_is_one_error_line_without_secrets(
    name: str, hostile: Callable[[GainsightServer], Hostile], fragment: str, caplog: pytest.LogCaptureFixture
) -> None:
    with GainsightServer() as server, GainsightServer() as other:
        server.seed(user("a"))
        server.hostile = hostile(other)
        line = refused_read(server, caplog)
        assert fragment in line, line
        assert other.requests == []  # a redirect is not followed: the other host never hears of it


def test_a_5xx_is_asked_again_until_the_budget_is_spent() -> None:
    with GainsightServer() as server:
        server.hostile = on(USERS, scim_error_answer(503, "Service busy"))(server)
        with client_for(server) as client, pytest.raises(InputError, match="503: Service busy"):
            client.users()
        assert sum(path == USERS for _, path, _ in server.requests) == RETRIES + 1


def test_a_silent_server_ends_within_the_request_s_time(caplog: pytest.LogCaptureFixture) -> None:
    with GainsightServer() as server:
        server.hostile = on(USERS, silent)(server)
        with client_for(server) as client, pytest.raises(InputError) as refused:
            client.http.request_seconds = 0.2
            started = time.monotonic()
            client.users()
        assert time.monotonic() - started < 1.5
        assert f"GET {USERS}: no complete response in 0.2 s, 3 times; Gainsight or the network is too slow" in str(
            refused.value
        )


def test_a_wrong_secret_is_one_line_that_does_not_show_it(caplog: pytest.LogCaptureFixture) -> None:
    wrong = "gsWRONGsecret-5521-not-this-one"
    with GainsightServer() as server:
        server.seed(user("a"))
        line = refused_read(server, caplog, secret=wrong)
        assert wrong not in line and wrong not in caplog.text
        assert line == (
            f"error: Gainsight: POST {TOKEN}: 401: the client credentials were refused (Bad client credentials); "
            "check GAINSIGHT_CLIENT_ID and GAINSIGHT_CLIENT_SECRET (a Gainsight OAuth application of this tenant)"
        )
        assert [path for _, path, _ in server.requests] == [TOKEN]  # no SCIM request without a token


def test_a_server_whose_pages_never_end_is_stopped_at_the_page_limit() -> None:
    def endless(environ: dict[str, Any]) -> Answer:
        start = int(parse_qs(environ["QUERY_STRING"])["startIndex"][0])
        users = [user(f"u{start}"), user(f"u{start + 1}")]
        return json_answer("200 OK", {"schemas": [LIST], "totalResults": 10**9, "Resources": users})

    with GainsightServer() as server:
        server.hostile = on(USERS, endless)(server)
        with client_for(server, page_size=2, max_pages=3) as client, pytest.raises(InputError) as refused:
            client.users()
        assert str(refused.value) == f"error: Gainsight: GET {USERS}: more than 3 pages of 2 users; stopped"
        assert sum(path == USERS for _, path, _ in server.requests) == 3
