"""Gainsight's SCIM API on 127.0.0.1 for the tests: scim2-server with Gainsight's user extension, behind a small
WSGI layer that plays Gainsight's OAuth token endpoint (client credentials, HTTP Basic) and wants its bearer
token on every SCIM request, mounted where Gainsight has it (`/v1/users/services/scim`).

`hostile`, when set, answers a request instead (a broken or malicious Gainsight); `requests` records what came.
"""

from __future__ import annotations

import base64
import functools
import json
import secrets
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, unquote_plus
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import httpx
from scim2_models import ResourceType, Schema, ScimProvider
from scim2_server.applications.wsgi import WSGIApplication
from scim2_server.memory import InMemoryStorage
from scim2_server.service import ScimService
from scim2_server.utils import load_default_resource_types, load_default_schemas, load_default_service_provider_config

from components.gainsight.credentials import GainsightCredentials
from components.gainsight.endpoints import SCIM_PATH, TOKEN_PATH, gainsight_endpoints
from components.gainsight.scim import GainsightScimClient
from components.http.budget import Deadline
from components.inputs.gainsight_schema import LICENSE_TYPES, SCIM_NAMESPACE

CLIENT_ID = "5b0c7e52-gainsight-test-client"
CLIENT_SECRET = "gsTESTsecret-Zq81-do-not-print"
CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"
SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
NOT_A_SUPER_ADMIN = "Forbidden: only a Super Admin can create or update users"  # Gainsight's wording is not public

# (status, headers, body): what a hostile server sends instead of the real answer.
Answer = tuple[str, list[tuple[str, str]], bytes]
Hostile = Callable[[dict[str, Any]], Answer | None]

GAINSIGHT_SCHEMA = {
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    "id": SCIM_NAMESPACE,
    "name": "GainsightUser",
    "description": "Gainsight's custom user fields",
    "attributes": [
        {"name": "LicenseType", "type": "string", "multiValued": False, "required": False, "caseExact": False,
         "canonicalValues": list(LICENSE_TYPES), "mutability": "readWrite", "returned": "default",
         "uniqueness": "none"},
        {"name": "IsSuperAdmin", "type": "boolean", "multiValued": False, "required": False,
         "mutability": "readWrite", "returned": "default"},
    ],
}  # fmt: skip


@functools.cache  # immutable, and a tenth of a second to build
def gainsight_provider() -> ScimProvider:
    """RFC 7643's schemas and Gainsight's extension; the User resource type carries it."""
    schemas = [*load_default_schemas().values(), Schema.model_validate(GAINSIGHT_SCHEMA)]
    resource_types = []
    for resource_type in load_default_resource_types().values():
        if resource_type.id == "User":
            document = resource_type.model_dump()
            document["schemaExtensions"] = [*document.get("schemaExtensions", []), {"schema": SCIM_NAMESPACE}]
            resource_type = ResourceType.model_validate(document)
        resource_types.append(resource_type)
    return ScimProvider.from_discovery(schemas, resource_types, config=load_default_service_provider_config())


def json_answer(status: str, document: Any, content_type: str = "application/scim+json") -> Answer:
    return status, [("Content-Type", content_type)], json.dumps(document).encode()


def scim_error_answer(status: int, detail: str) -> Answer:
    return json_answer(f"{status} Refused", {"schemas": [SCIM_ERROR], "status": str(status), "detail": detail})


class _GainsightFront:
    """The token endpoint, and the bearer check in front of scim2-server."""

    def __init__(self, scim: WSGIApplication, client_id: str, client_secret: str) -> None:
        self.scim = scim
        self.client_id = client_id
        self.client_secret = client_secret
        self.tokens: set[str] = set()
        # Tokens of a Gainsight user who is not a super admin (one who authorized Okta's connector, say): Gainsight's
        # SCIM API lets them read, and refuses their creates, updates and patches (design facts, Gainsight's side).
        self.non_admin_tokens: set[str] = set()
        self.hostile: Hostile | None = None
        self.requests: list[tuple[str, str, str]] = []

    def _token(self, environ: dict[str, Any]) -> Answer:
        if environ["REQUEST_METHOD"] != "POST":
            return json_answer("405 Method Not Allowed", {"error": "invalid_request"}, "application/json")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = parse_qs(environ["wsgi.input"].read(length).decode())
        scheme, _, encoded = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
        try:
            user, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
        except ValueError:
            user = password = ""
        # RFC 6749 §2.3.1: each half is form-urlencoded before base64.
        if scheme != "Basic" or (unquote_plus(user), unquote_plus(password)) != (self.client_id, self.client_secret):
            refused = {"error": "invalid_client", "error_description": "Bad client credentials"}
            return (
                "401 Unauthorized",
                [("Content-Type", "application/json"), ("WWW-Authenticate", "Basic")],
                (json.dumps(refused).encode()),
            )
        if form.get("grant_type") != ["client_credentials"]:
            return json_answer("400 Bad Request", {"error": "unsupported_grant_type"}, "application/json")
        token = secrets.token_urlsafe(24)
        self.tokens.add(token)
        issued = {"access_token": token, "token_type": "Bearer", "expires_in": 3600}
        return json_answer("200 OK", issued, "application/json")

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        self.requests.append((environ["REQUEST_METHOD"], path, environ.get("QUERY_STRING", "")))
        answer = self.hostile(environ) if self.hostile else None
        if answer is None and path == TOKEN_PATH:
            answer = self._token(environ)
        elif answer is None and (path == SCIM_PATH or path.startswith(SCIM_PATH + "/")):
            scheme, _, token = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
            if scheme != "Bearer" or token not in self.tokens:
                answer = scim_error_answer(401, "Authorization failure")
            elif token in self.non_admin_tokens and environ["REQUEST_METHOD"] in ("POST", "PUT", "PATCH"):
                answer = scim_error_answer(403, NOT_A_SUPER_ADMIN)
            else:
                environ["SCRIPT_NAME"] = SCIM_PATH
                environ["PATH_INFO"] = path.removeprefix(SCIM_PATH)
                return self.scim(environ, start_response)
        elif answer is None:
            answer = json_answer("404 Not Found", {"error": "not found"}, "application/json")
        status, headers, body = answer
        start_response(status, [*headers, ("Content-Length", str(len(body)))])
        return [body]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a hostile answer that never ends must not hold up the test's end
    block_on_close = False


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class GainsightServer:
    """`with GainsightServer() as server:`; `server.url` is the tenant (`http://127.0.0.1:<port>`)."""

    def __init__(self, client_id: str = CLIENT_ID, client_secret: str = CLIENT_SECRET) -> None:
        provider = gainsight_provider()
        self.storage = InMemoryStorage()
        scim = WSGIApplication(self.storage, provider, ScimService(provider))
        self.front = _GainsightFront(scim, client_id, client_secret)
        self._server = make_server("127.0.0.1", 0, self.front, server_class=_Server, handler_class=_QuietHandler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)

    def __enter__(self) -> GainsightServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def requests(self) -> list[tuple[str, str, str]]:
        return self.front.requests

    @property
    def hostile(self) -> Hostile | None:
        return self.front.hostile

    @hostile.setter
    def hostile(self, hostile: Hostile | None) -> None:
        self.front.hostile = hostile

    def user_token(self, *, super_admin: bool) -> str:
        """A token as Okta's connector holds it after "Authenticate with …": made for the Gainsight user who signed
        in, a super admin or not."""
        token = secrets.token_urlsafe(24)
        self.front.tokens.add(token)
        if not super_admin:
            self.front.non_admin_tokens.add(token)
        return token

    def seed(self, *users: dict[str, Any]) -> None:
        """Create users through scim2-server's own POST /Users; each is `{"userName": …, "active": …,
        "LicenseType": …, "IsSuperAdmin": …}` (the last two optional)."""
        token = secrets.token_urlsafe(24)
        self.front.tokens.add(token)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/scim+json"}
        with httpx.Client(base_url=self.url + SCIM_PATH, headers=headers, trust_env=False) as client:
            for user in users:
                extension = {name: user[name] for name in ("LicenseType", "IsSuperAdmin") if name in user}
                document = {"schemas": [CORE_USER, SCIM_NAMESPACE], "userName": user["userName"],
                            "active": user.get("active", True), SCIM_NAMESPACE: extension}  # fmt: skip
                response = client.post("/Users", json=document)
                assert response.status_code == 201, response.text
        self.front.tokens.discard(token)
        self.front.requests.clear()


def client_for(server: GainsightServer, secret: str = CLIENT_SECRET, **options: Any) -> GainsightScimClient:
    """A client of `server` at its default addresses, waiting for nothing between retries."""
    options.setdefault("sleep", lambda _seconds: None)
    options.setdefault("deadline", Deadline(20))
    endpoints = gainsight_endpoints(server.url, None, None)
    return GainsightScimClient(endpoints, GainsightCredentials(CLIENT_ID, secret), **options)
