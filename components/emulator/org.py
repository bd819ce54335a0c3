"""The emulated org's state, and the knobs a test turns (throttle, fail, deny) to make it misbehave on purpose."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from components.emulator.rate_limits import RateLimits

SCIM_NAMESPACE = "urn:ietf:params:scim:schemas:extension:gainsight:2.0:User"
NOW = "2026-01-01T00:00:00.000Z"

# The base schema of a custom app: only the username, Personal (`scope: SELF`).
APP_BASE_PROPERTIES: dict[str, dict[str, Any]] = {
    "userName": {"title": "Username", "type": "string", "scope": "SELF", "required": True},
}
# Once the app is switched to SCIM, Okta adds the SCIM base attributes. Most are Personal; Gainsight's article
# shows the group assignment dialog offering "preferred language, locale, timezone, and user type" as group values.
SCIM_BASE_PROPERTIES: dict[str, dict[str, Any]] = {
    **APP_BASE_PROPERTIES,
    **{
        name: {"title": title, "type": "string", "scope": scope}
        for name, title, scope in (
            ("givenName", "Given name", "SELF"),
            ("familyName", "Family name", "SELF"),
            ("email", "Email", "SELF"),
            ("displayName", "Display name", "SELF"),
            ("preferredLanguage", "Preferred language", "NONE"),
            ("locale", "Locale", "NONE"),
            ("timezone", "Time zone", "NONE"),
            ("userType", "User type", "NONE"),
        )
    },
}
# An OIDC app's base schema: the OpenID Connect standard claims, all Personal (ResourceOktaAppUserSchemas_crud #8).
_OIDC_CLAIMS = (
    ("name", "Name", "End-User's full name in displayable form."),
    ("nickname", "Nickname", "Casual name of the End-User (may or may not be the same as the given_name)"),
    ("given_name", "Given Name", "Given name or first name of the End-User."),
    ("middle_name", "Middle Name", "Middle name of the End-User."),
    ("family_name", "Family Name", "Surname or last name of the End-User."),
    ("email", "Email", "End-User's preferred e-mail address."),
    ("profile", "Profile URL", "URL of the End-User's profile page."),
    ("picture", "Picture URL", "URL of the End-User's profile picture."),
    ("website", "Website", "URL of the End-User's Web page or blog."),
    ("gender", "Gender", "End-User's gender."),
    ("birthdate", "Birthdate", "End-User's birthday, represented as an ISO 8601:2004 YYYY-MM-DD format."),
    ("zoneinfo", "Time Zone", "String representing the End-User's time zone."),
    ("locale", "Locale Name", "ISO3166\u20111 country code in uppercase, separated by a dash (e.g. 'en-US')"),
    ("phone_number", "Phone Number", "End-User's preferred telephone number in E.164 format."),
)
_OIDC_ADDRESS = (
    ("street_address", "Street Address", "Full street address component."),
    ("locality", "Locality", "City or locality component."),
    ("region", "Region", "State, province, prefecture, or region component."),
    ("postal_code", "Postal Code", "Zip code or postal code component."),
    ("country", "Country", "Country name component."),
    ("formatted", "Formatted", "Full mailing address, formatted for display."),
)
OIDC_BASE_PROPERTIES: dict[str, dict[str, Any]] = {
    "userName": {
        "title": "Username",
        "type": "string",
        "required": True,
        "externalName": "preferred_username",
        "scope": "SELF",
    },
    **{name: {"title": t, "description": d, "type": "string", "scope": "SELF"} for name, t, d in _OIDC_CLAIMS},
    **{
        name: {"title": t, "description": d, "type": "string", "externalName": f"address.{name}", "scope": "SELF"}
        for name, t, d in _OIDC_ADDRESS
    },
}
# What "Provisioning > To App" switches on, as the app's read-only `features` (Okta's Application schema).
PROVISIONING_FEATURES = {
    "createUsers": "PUSH_NEW_USERS",
    "updateUsers": "PUSH_PROFILE_UPDATES",
    "deactivateUsers": "PUSH_USER_DEACTIVATION",
}


# Okta ships two app sign-on policies to every Identity Engine org; the system one is the default for new apps
# (components.emulator.org_policies). A test replaying a recorded org puts that org's own list here.
DEFAULT_ACCESS_POLICIES: list[dict[str, Any]] = [
    {"id": "rst1emulatedadmin00", "name": "Okta Admin Applications", "system": False, "priority": 1},
    {
        "id": "rst1emulateddefault",
        "name": "Any two factors",
        "system": True,
        "priority": 1,
        "description": "Require two factors to access.",
    },
]

T = TypeVar("T")


def okta_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:17]}"


@dataclass
class EmulatedOrg:
    apps: dict[str, dict[str, Any]] = field(default_factory=dict)
    app_groups: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # app id -> assignments as stored
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)  # app id -> custom properties
    base_schemas: dict[str, dict[str, Any]] = field(default_factory=dict)  # app id -> base properties, when set
    mappings: dict[str, dict[str, Any]] = field(default_factory=dict)
    keys: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # app id -> credential keys
    users: dict[str, dict[str, Any]] = field(default_factory=dict)  # user id -> Okta user
    members: dict[str, list[str]] = field(default_factory=dict)  # group id -> user ids, in the order added
    # App id -> user id -> the app user record Okta holds (status, syncState, its own profile values). Which users
    # an app has, and their group values, are derived from memberships and assignments (components.emulator.app_users).
    app_users: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    stale: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # app id -> user id -> values held
    # Credentials: any non-empty SSWS token unless `token` is set; Bearer tokens from /oauth2/v1/token.
    token: str | None = None
    public_key: Any = None  # the service app's key, to verify client assertions
    client_id: str = ""
    issued_tokens: set[str] = field(default_factory=set)
    # "Require Demonstrating Proof of Possession (DPoP) header in token requests" on the service app (credentials.py).
    dpop_required: bool = False
    dpop_nonce: str = field(default_factory=lambda: uuid.uuid4().hex)
    dpop_tokens: dict[str, str] = field(default_factory=dict)  # DPoP-bound token -> its key's JWK thumbprint
    dpop_proofs_seen: set[str] = field(default_factory=set)  # jti of every proof accepted: each is used once
    page_size_cap: int = 200
    # Identity Engine (`idx`) or Classic (`v1`): /.well-known/okta-organization's `pipeline` (org_policies).
    pipeline: str = "idx"
    access_policies: list[dict[str, Any]] = field(default_factory=lambda: [dict(p) for p in DEFAULT_ACCESS_POLICIES])
    profile_enrollment_policy: str = "rst1emulatedprofile0"  # what every app's `_links.profileEnrollment` names
    id_token_modes: dict[str, str] = field(default_factory=dict)  # an OIDC app's id token issuer mode (apps.py)
    inline_hooks: dict[str, dict[str, Any]] = field(default_factory=dict)  # hooks_and_idps.py
    idps: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Misbehaviour on purpose: path prefix -> responses still to give.
    throttle: dict[str, int] = field(default_factory=dict)  # 429s
    fail: dict[str, int] = field(default_factory=dict)  # 500s
    deny: set[str] = field(default_factory=set)  # 403s
    # Not Okta at all: path prefix -> a mode of components.emulator.hostile (a silence, a bomb, a trickle...).
    hostile: dict[str, str] = field(default_factory=dict)
    closing: threading.Event = field(default_factory=threading.Event)
    # How long an assignment write takes: a second write to the same app meanwhile is a race (#1198, #1373), which
    # Okta answers 500 E0000009 now and then (`race_failure_rate`, drawn from `chance`, seeded: a run repeats).
    assignment_write_seconds: float = 0.0
    race_failure_rate: float = 1.0
    chance: random.Random = field(default_factory=lambda: random.Random(1373))
    # How long a write to an app's user schema takes; writes at once lose updates (schemas.py).
    schema_write_seconds: float = 0.0
    # How long Okta's clean-up after an app user schema property's deletion runs: a same-name property cannot be
    # created meanwhile (provider #587, #1974). App id -> property name -> when its clean-up ends (`clock`).
    schema_deletion_seconds: float = 0.0
    deleting: dict[str, dict[str, float]] = field(default_factory=dict)
    clock: Callable[[], float] = time.time
    rate_limits: RateLimits = field(default_factory=RateLimits)
    log_events: list[dict[str, Any]] = field(default_factory=list)  # the System Log (system_log.py)
    # What happened, for the tests and the e2e.
    requests: list[tuple[str, str]] = field(default_factory=list)
    unrouted: list[tuple[str, str]] = field(default_factory=list)  # requests no endpoint serves: the e2e fails on any
    failures: list[dict[str, str]] = field(default_factory=list)  # the emulator's own errors: every test fails on any
    calls: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (method, path template, bucket)
    collisions: list[dict[str, Any]] = field(default_factory=list)  # every moment two assignments shared a number
    provisioning_resets: list[str] = field(default_factory=list)  # apps whose provisioning an app PUT reset
    in_flight: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, app id) -> writes under way
    overlaps: list[dict[str, str]] = field(default_factory=list)  # every write that began while another was under way
    # (start, end) of every answer, time.time(), once a list is set here: how long the callers waited on "Okta"
    # (bench/e2e_profile.py). None by default, so that a long-running `emulate` keeps nothing.
    answered: list[tuple[float, float]] | None = None
    lock: threading.RLock = field(default_factory=threading.RLock)
    # Views derived from the people (an app's users, a user's groups), rebuilt when `changed()` was called since.
    people_version: int = 0
    views: dict[str, tuple[Hashable, Any]] = field(default_factory=dict)

    # ---- building --------------------------------------------------------------------------------

    def add_group(self, name: str, description: str = "") -> str:
        group_id = okta_id("00g")
        self.groups[group_id] = {
            "id": group_id,
            "created": NOW,
            "lastUpdated": NOW,
            "lastMembershipUpdated": NOW,
            "objectClass": ["okta:user_group"],
            "type": "OKTA_GROUP",
            "profile": {"name": name, "description": description},
            "_links": {},
        }
        return group_id

    def assign(self, app_id: str, group_id: str, priority: int, profile: dict[str, Any] | None = None) -> None:
        self.app_groups.setdefault(app_id, []).append(
            {"id": group_id, "priority": priority, "profile": dict(profile or {}), "lastUpdated": NOW}
        )
        self.changed()

    def changed(self) -> None:
        """Every write to users, memberships, assignments or schemas calls this: the derived views are rebuilt."""
        with self.lock:
            self.people_version += 1

    def cached(self, name: str, key: Hashable, build: Callable[[], T]) -> T:
        """The view `name`, built again only when `key` differs from the one it was built for."""
        with self.lock:
            held = self.views.get(name)
            if held is None or held[0] != key:
                held = (key, build())
                self.views[name] = held
            return held[1]  # type: ignore[no-any-return]

    def begin_write(self, kind: str, app_id: str, path: str, method: str = "PUT") -> tuple[str, str]:
        """A write of `kind` (assignment, schema) to the app begins (under the lock): recorded as an overlap when
        another is under way. Returns what `end_write` takes."""
        key = (kind, app_id)
        self.in_flight[key] += 1
        if self.in_flight[key] > 1:
            self.overlaps.append({"kind": kind, "appId": app_id, "method": method, "path": path})
        return key

    def end_write(self, key: tuple[str, str]) -> None:
        with self.lock:
            self.in_flight[key] -= 1

    def hostile_mode(self, path: str) -> str | None:
        return next((mode for prefix, mode in self.hostile.items() if path.startswith(prefix)), None)

    # ---- reading -----------------------------------------------------------------------------------

    def base_properties(self, app_id: str) -> dict[str, dict[str, Any]]:
        if app_id in self.base_schemas:
            return self.base_schemas[app_id]
        if (self.apps.get(app_id) or {}).get("signOnMode") == "OPENID_CONNECT":
            return OIDC_BASE_PROPERTIES
        has_scim = any(f in (self.apps.get(app_id) or {}).get("features", []) for f in PROVISIONING_FEATURES.values())
        return SCIM_BASE_PROPERTIES if has_scim else APP_BASE_PROPERTIES

    def group_scoped(self, app_id: str) -> list[str]:
        """The app's properties that take group values (`scope` other than SELF), base first."""
        properties = {**self.base_properties(app_id), **self.schemas.get(app_id, {})}
        # A test may plant a property in a shape Okta never sends; it is then not one that takes group values.
        return [n for n, spec in properties.items() if isinstance(spec, dict) and spec.get("scope", "NONE") != "SELF"]

    def has_provisioning(self, app_id: str) -> bool:
        features = (self.apps.get(app_id) or {}).get("features") or []
        return any(feature in features for feature in PROVISIONING_FEATURES.values())
