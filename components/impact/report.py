"""`impact`'s three outputs: `--json` (the shape other tools read, exactly), the terminal text, and `--markdown`
(the PR comment's People section: counts only; the people themselves only with --show-users, which the preview
workflow sends to a private repository's job summary, never to a comment)."""

from __future__ import annotations

import json
from typing import Any

from components.impact.effects import Impact


def impact_json(stack: str, org: str, result: Impact, api_calls: dict[str, int], show_users: bool) -> dict[str, Any]:
    return {
        "stack": stack,
        "org": org,
        "deactivateUsers": result.deactivate_users,
        "summary": result.summary(),
        "apiCalls": api_calls,
        "users": list(result.rows) if show_users else [],
    }


def _licenses(result: Impact) -> str:
    return ", ".join(f"{count} {move.replace('->', ' -> ')}" for move, count in sorted(result.license_type.items()))


def _summary_lines(result: Impact) -> list[str]:
    lines = []
    if result.loses_access:
        fate = (
            "deactivated in Gainsight (the SCIM app's Deactivate Users is on)"
            if result.deactivate_users
            else "kept in Gainsight (Deactivate Users is off): they stay active there until someone deactivates them"
        )
        lines.append(f"{result.loses_access} lose the Gainsight SCIM app: {fate}")
    if result.gains_access:
        lines.append(f"{result.gains_access} gain it: Okta creates them in Gainsight")
    if result.license_type:
        lines.append(f"LicenseType: {_licenses(result)}")
    if result.super_admin_granted or result.super_admin_revoked:
        lines.append(
            f"IsSuperAdmin: {result.super_admin_granted} made super admin, {result.super_admin_revoked} no longer"
        )
    if result.other_value_changes:
        lines.append(f"{result.other_value_changes} other value change(s) among people who keep access")
    return lines


def _value_text(value: Any) -> str:
    return "(unset)" if value is None else json.dumps(value)


def _row_text(row: dict[str, Any]) -> str:
    if row["change"] == "value":
        return f"{row['login']}: {row['attribute']} {_value_text(row['from'])} -> {_value_text(row['to'])}"
    return f"{row['login']}: {'loses' if row['change'] == 'losesAccess' else 'gains'} access"


def impact_text(
    stack: str, org: str, result: Impact, api_calls: dict[str, int], show_users: bool, waited_seconds: float = 0.0
) -> str:
    lines = [f"Stack {stack}, {org}: what this change does to people in Gainsight"]
    summary = _summary_lines(result)
    lines += [f"  {line}" for line in summary] or ["  nobody's access or Gainsight values change"]
    if show_users and result.rows:
        lines.append("People:")
        lines += [f"  {_row_text(row)}" for row in result.rows]
    calls = ", ".join(f"{count} on {bucket}" for bucket, count in api_calls.items())
    lines.append(f"Read {result.people_read} member(s) of the changed groups; Okta calls: {calls or 'none'}")
    if waited_seconds >= 1:
        lines.append(f"Waited {waited_seconds:.0f} s in all to keep to a quarter of each rate-limit bucket a minute")
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    return _value_text(value).replace("|", "/").replace("`", "'")


def _login(login: str) -> str:
    return login.replace("|", "/").replace("`", "'")


def impact_markdown(stack: str, result: Impact, show_users: bool) -> str:
    """Counts only, unless `show_users` (then a table of logins, for a private job summary)."""
    heading = f"#### People: stack `{stack}`\n\n"
    if not result.touches_anyone:
        return heading + "Nobody's access or Gainsight values change.\n"
    summary = result.summary()
    rows = [
        ("lose access", summary["losesAccess"]),
        ("deactivated in Gainsight", summary["deactivatedInGainsight"]),
        ("gain access", summary["gainsAccess"]),
        *((f"LicenseType {move.replace('->', ' → ')}", count) for move, count in summary["licenseType"].items()),
        ("made super admin", summary["superAdminGranted"]),
        ("no longer super admin", summary["superAdminRevoked"]),
        ("other value changes", summary["otherValueChanges"]),
    ]
    table = "| change | people |\n| --- | --- |\n" + "".join(f"| {name} | {count} |\n" for name, count in rows if count)
    if not show_users:
        return heading + table
    people = "".join(
        f"| {_login(row['login'])} | {row['change']} | {row['attribute'] or ''} | "
        + (f"{_cell(row['from'])} | {_cell(row['to'])} |\n" if row["change"] == "value" else " |  |\n")
        for row in result.rows
    )
    return heading + table + "\n| login | change | attribute | from | to |\n| --- | --- | --- | --- | --- |\n" + people
