"""A fake Okta org served over real HTTP on 127.0.0.1, answering with the JSON shapes of Okta's Management API.

It paginates list endpoints (`limit`, `after`, `Link: <…>; rel="next"`), can rate-limit (`429` with
`X-Rate-Limit-Reset`) or fail (`500`) a path a given number of times, checks the credential (an SSWS token, or a
Bearer token from `/oauth2/v1/token` after verifying the private-key JWT), and records every request so a test can
prove a command only reads. It never talks to anything but its own loopback socket.
"""

from __future__ import annotations

import copy
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt

TOKEN = "00aFAKEapiTOKENforTESTSonly0000000000000000"
SCIM_NAMESPACE = "urn:ietf:params:scim:schemas:extension:gainsight:2.0:User"


@dataclass
class FakeOrg:
    """The org's state; tests build it like the article's screenshots, then plant defects."""

    apps: dict[str, dict[str, Any]] = field(default_factory=dict)
    app_groups: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # app id -> assignments
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)  # app id -> custom properties
    mappings: dict[str, dict[str, Any]] = field(default_factory=dict)  # mapping id -> mapping
    keys: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # app id -> credential keys
    public_key: Any = None  # the service app's key, to verify client assertions
    client_id: str = ""
    page_size_cap: int = 200
    throttle: dict[str, int] = field(default_factory=dict)  # path prefix -> 429s still to answer
    fail: dict[str, int] = field(default_factory=dict)  # path prefix -> 500s still to answer
    deny: set[str] = field(default_factory=set)  # path prefixes answered 403
    requests: list[tuple[str, str]] = field(default_factory=list)
    issued_tokens: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    # ---- building ------------------------------------------------------------------------------

    def add_group(self, name: str, description: str = "") -> str:
        group_id = f"00g{uuid.uuid4().hex[:17]}"
        self.groups[group_id] = {
            "id": group_id,
            "type": "OKTA_GROUP",
            "profile": {"name": name, "description": description},
            "_links": {},
        }
        return group_id

    def assign(self, app_id: str, group_id: str, priority: int, profile: dict[str, Any] | None = None) -> None:
        self.app_groups.setdefault(app_id, []).append(
            {
                "id": group_id,
                "priority": priority,
                "profile": dict(profile or {}),
                "lastUpdated": "2026-01-01T00:00:00.000Z",
            }
        )

    # ---- answering -------------------------------------------------------------------------------

    def _paginate(
        self, items: list[Any], query: dict[str, list[str]], base: str, path: str
    ) -> tuple[list[Any], str | None]:
        limit = min(int(query.get("limit", ["20"])[0]), self.page_size_cap)
        start = int(query.get("after", ["0"])[0])
        page = items[start : start + limit]
        if start + limit < len(items):
            rest = {k: v[0] for k, v in query.items() if k != "after"} | {"after": str(start + limit)}
            return page, f"{base}{path}?{urlencode(rest)}"
        return page, None

    def answer(self, method: str, path: str, query: dict[str, list[str]], base: str, auth: str, body: bytes):
        with self.lock:
            self.requests.append((method, path))
            for prefix, count in self.throttle.items():
                if path.startswith(prefix) and count > 0:
                    self.throttle[prefix] = count - 1
                    return (
                        429,
                        {"errorCode": "E0000047", "errorSummary": "API call exceeded rate limit"},
                        {"X-Rate-Limit-Reset": str(int(time.time()) + 1)},
                    )
            for prefix, count in self.fail.items():
                if path.startswith(prefix) and count > 0:
                    self.fail[prefix] = count - 1
                    return 500, {"errorCode": "E0000009", "errorSummary": "Internal Server Error"}, {}
        if method == "POST" and path == "/oauth2/v1/token":
            return self._token(body, base)
        if not self._authorized(auth):
            return 401, {"errorCode": "E0000011", "errorSummary": "Invalid token provided"}, {}
        if any(path.startswith(prefix) for prefix in self.deny):
            return 403, {"errorCode": "E0000006", "errorSummary": "You do not have permission"}, {}
        if method == "POST" and path.endswith("/credentials/keys/generate"):
            return self._generate_key(path.split("/")[4], query)
        if method == "PUT" and path.startswith("/api/v1/apps/") and path.count("/") == 4:
            return self._put_app(path.split("/")[4], body)
        if method != "GET":
            return 405, {"errorCode": "E0000022", "errorSummary": "The endpoint does not support the method"}, {}
        return self._get(path, query, base)

    def _generate_key(self, app_id: str, query: dict[str, list[str]]):
        from tests.live.article_org import certificate

        if app_id not in self.apps:
            return 404, {"errorCode": "E0000007", "errorSummary": "Not found"}, {}
        years = int(query.get("validityYears", ["2"])[0])
        key = {"kid": f"kid-{uuid.uuid4().hex[:12]}", "kty": "RSA", "use": "sig", "x5c": [certificate(365 * years)]}
        self.keys.setdefault(app_id, []).append(key)
        return 201, copy.deepcopy(key), {}

    def _put_app(self, app_id: str, body: bytes):
        if app_id not in self.apps:
            return 404, {"errorCode": "E0000007", "errorSummary": "Not found"}, {}
        app = json.loads(body)
        kid = ((app.get("credentials") or {}).get("signing") or {}).get("kid")
        if kid not in {key["kid"] for key in self.keys.get(app_id, [])}:
            return 400, {"errorCode": "E0000001", "errorSummary": "Api validation failed: credentials.signing.kid"}, {}
        app["id"] = app_id
        self.apps[app_id] = app
        return 200, copy.deepcopy(app), {}

    def _authorized(self, auth: str) -> bool:
        if auth == f"SSWS {TOKEN}":
            return True
        return auth.startswith("Bearer ") and auth.removeprefix("Bearer ") in self.issued_tokens

    def _token(self, body: bytes, base: str):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        try:
            claims = jwt.decode(
                form.get("client_assertion", ""),
                self.public_key,
                algorithms=["RS256"],
                audience=f"{base}/oauth2/v1/token",
            )
        except jwt.PyJWTError:
            return (
                401,
                {"error": "invalid_client", "error_description": "The client_assertion signature is invalid."},
                {},
            )
        if claims.get("iss") != self.client_id or form.get("grant_type") != "client_credentials":
            return 401, {"error": "invalid_client", "error_description": "Unknown client."}, {}
        token = uuid.uuid4().hex
        self.issued_tokens.add(token)
        return 200, {"token_type": "Bearer", "expires_in": 3600, "access_token": token, "scope": form.get("scope")}, {}

    def _get(self, path: str, query: dict[str, list[str]], base: str):
        parts = path.strip("/").split("/")  # api v1 ...
        not_found = (404, {"errorCode": "E0000007", "errorSummary": f"Not found: Resource not found: {path}"}, {})
        rest = parts[2:]
        if rest == ["apps"]:
            prefix = query.get("q", [""])[0].lower()
            items = [copy.deepcopy(app) for app in self.apps.values() if app["label"].lower().startswith(prefix)]
            page, next_url = self._paginate(items, query, base, path)
            return 200, page, ({"Link": f'<{next_url}>; rel="next"'} if next_url else {})
        if rest[:1] == ["apps"] and len(rest) == 2:
            app = self.apps.get(rest[1])
            return (200, copy.deepcopy(app), {}) if app else not_found
        if rest[:1] == ["apps"] and len(rest) == 3 and rest[2] == "groups":
            if rest[1] not in self.apps:
                return not_found
            items = []
            for assignment in sorted(self.app_groups.get(rest[1], []), key=lambda a: a["priority"]):
                item = copy.deepcopy(assignment)
                if "group" in query.get("expand", []):
                    item["_embedded"] = {"group": copy.deepcopy(self.groups[assignment["id"]])}
                items.append(item)
            page, next_url = self._paginate(items, query, base, path)
            return 200, page, ({"Link": f'<{next_url}>; rel="next"'} if next_url else {})
        if rest[:1] == ["apps"] and rest[2:] == ["sso", "saml", "metadata"]:
            kid = query.get("kid", [""])[0]
            key = next((k for k in self.keys.get(rest[1], []) if k["kid"] == kid), None)
            if key is None:
                return not_found
            xml = (
                '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
                f'entityID="http://www.okta.com/exk{rest[1][3:]}"><md:IDPSSODescriptor '
                'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing">'
                '<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>'
                f"{key['x5c'][0]}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                "</md:IDPSSODescriptor></md:EntityDescriptor>"
            )
            return 200, xml, {"Content-Type": "application/xml"}
        if rest[:1] == ["apps"] and rest[2:] == ["credentials", "keys"]:
            return (200, copy.deepcopy(self.keys.get(rest[1], [])), {}) if rest[1] in self.apps else not_found
        if rest[:1] == ["groups"] and len(rest) == 2:
            group = self.groups.get(rest[1])
            return (200, copy.deepcopy(group), {}) if group else not_found
        if rest[:3] == ["meta", "schemas", "apps"] and rest[4:] == ["default"]:
            if rest[3] not in self.apps:
                return not_found
            custom = copy.deepcopy(self.schemas.get(rest[3], {}))
            return (
                200,
                {
                    "id": f"{base}/api/v1/meta/schemas/apps/{rest[3]}/default",
                    "definitions": {
                        "base": {"id": "#base", "properties": {"userName": {"title": "Username", "type": "string"}}},
                        "custom": {"id": "#custom", "type": "object", "properties": custom},
                    },
                },
                {},
            )
        if rest == ["mappings"]:
            target = query.get("targetId", [None])[0]
            items = [
                {key: value for key, value in m.items() if key != "properties"}
                for m in self.mappings.values()
                if target is None or m["target"]["id"] == target
            ]
            page, next_url = self._paginate(items, query, base, path)
            return 200, page, ({"Link": f'<{next_url}>; rel="next"'} if next_url else {})
        if rest[:1] == ["mappings"] and len(rest) == 2:
            mapping = self.mappings.get(rest[1])
            return (200, copy.deepcopy(mapping), {}) if mapping else not_found
        return not_found


class _Handler(BaseHTTPRequestHandler):
    org: FakeOrg

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        base = f"http://{self.headers['Host']}"
        status, payload, headers = self.org.answer(
            method, parts.path, parse_qs(parts.query), base, self.headers.get("Authorization", ""), body
        )
        is_text = isinstance(payload, str)
        data = payload.encode() if is_text else json.dumps(payload).encode()
        self.send_response(status)
        if not is_text:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def log_message(self, *args: object) -> None:
        pass


class FakeOktaServer:
    """`with FakeOktaServer(org) as url:` serves `org` at http://127.0.0.1:<port> for the block."""

    def __init__(self, org: FakeOrg) -> None:
        handler = type("Handler", (_Handler,), {"org": org})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()
