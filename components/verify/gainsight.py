"""`verify`'s checks of Gainsight itself against the SCIM app's users in Okta: people Okta says it provisioned
that Gainsight lacks, people still active in Gainsight whom the app no longer assigns, and Gainsight values that
are not the ones Okta holds.

Users are matched by userName without case (RFC 7643 §4.1.1), the app user's login being the userName Okta
pushes. An attribute an app user leaves unset is not compared: Okta sends nothing for it, so Gainsight's own
default stands (no LicenseType: Internal Collaborator; no IsSuperAdmin: not a super admin). The Gainsight users
must be all of them (`GainsightScimClient.users()` without names), or "no longer assigned" cannot be told.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from components.gainsight.holds import gainsight_client
from components.gainsight.users import GainsightUser
from components.http.budget import Deadline
from components.inputs.gainsight_schema import IS_SUPER_ADMIN, LICENSE_TYPE
from components.inputs.stack_inputs import StackInputs
from components.okta.models.directory import AppUser
from components.progress import Progress
from components.verify.finding import Finding, examples

PROVISIONED = "PROVISIONED"


def _missing(users: Sequence[AppUser], gainsight: Mapping[str, GainsightUser], label: str) -> list[Finding]:
    missing = [user.login for user in users if user.status == PROVISIONED and user.login.casefold() not in gainsight]
    if not missing:
        return []
    return [
        Finding(
            "gainsight-missing",
            label,
            f"{len(missing)} user(s) Okta has provisioned that Gainsight does not have (deleted or renamed in "
            "Gainsight?): Okta holds them as provisioned, so their changes go to users that are not there",
            people=examples(missing),
        )
    ]


def _not_assigned(users: Sequence[AppUser], gainsight: Mapping[str, GainsightUser], label: str) -> list[Finding]:
    assigned = {user.login.casefold() for user in users}
    left = [user.user_name for key, user in gainsight.items() if user.active and key not in assigned]
    if not left:
        return []
    return [
        Finding(
            "gainsight-not-assigned",
            label,
            f"{len(left)} user(s) active in Gainsight whom the Okta app does not assign: Okta never deactivated "
            "them (is Deactivate Users on in the app's Provisioning tab?), or they were added in Gainsight "
            "directly; deactivate them in Gainsight, or assign them in Okta",
            people=examples(left),
        )
    ]


def _differences(user: AppUser, theirs: GainsightUser) -> list[str]:
    profile = user.profile or {}
    # Gainsight's unset IsSuperAdmin means false (its documented default): Okta's false is no difference.
    held = ((LICENSE_TYPE, theirs.license_type), (IS_SUPER_ADMIN, bool(theirs.is_super_admin)))
    return [name for name, value in held if profile.get(name) is not None and profile.get(name) != value]


def _values(users: Sequence[AppUser], gainsight: Mapping[str, GainsightUser], label: str) -> list[Finding]:
    differing: dict[str, list[str]] = {}
    for user in users:
        theirs = gainsight.get(user.login.casefold())
        if theirs is not None and (names := _differences(user, theirs)):
            differing[user.login] = names
    if not differing:
        return []
    counts = Counter(name for names in differing.values() for name in names)
    which = ", ".join(f"{name} for {counts[name]}" for name in (LICENSE_TYPE, IS_SUPER_ADMIN) if counts[name])
    return [
        Finding(
            "gainsight-values",
            label,
            f"{len(differing)} user(s) whose Gainsight values are not Okta's ({which}): changed in Gainsight by "
            "hand, or a push that did not reach it; Okta writes its values again on the user's next push",
            people=examples(list(differing)),
        )
    ]


def gainsight_findings(users: Sequence[AppUser], gainsight: Mapping[str, GainsightUser], label: str) -> list[Finding]:
    """`users`: the SCIM app's app users in Okta; `gainsight`: every Gainsight user, by casefolded userName;
    `label`: the app as the other findings name it (`SCIM app 'Gainsight SCIM Integration'`)."""
    return _missing(users, gainsight, label) + _not_assigned(users, gainsight, label) + _values(users, gainsight, label)


def gainsight_verify_findings(
    inputs: StackInputs, app_users: Sequence[AppUser], label: str, deadline: Deadline, progress: Progress | None = None
) -> list[Finding]:
    """Gainsight's users, all of them, against the SCIM app's users in Okta; nothing when not configured."""
    client = gainsight_client(inputs, deadline, progress)
    if client is None:
        return []
    with client:
        return gainsight_findings(app_users, client.users(), label)
