"""Reading `pulumi preview --json` / `pulumi refresh --preview-only --json` output: what drifted, as Markdown."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .templates import render

UNCHANGED_OPS = {"same", "read", "refresh", "discard"}
# What `pulumi up` would do to apply the program: in a `pulumi preview`, not drift made outside the repository.
PROGRAM_OPS = {"create", "create-replacement", "replace", "delete-replaced", "import", "import-replacement"}
DRIFT_EXIT_CODE = 7  # `--expect-no-changes` with changes, on current CLIs
_PATH_PART = re.compile(r'\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.\[\]]+)')


@dataclass(frozen=True)
class PropertyDrift:
    path: str
    kind: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ResourceDrift:
    urn: str
    type: str
    name: str
    op: str
    properties: tuple[PropertyDrift, ...]


def _lookup(state: dict[str, Any] | None, path: str, input_diff: bool) -> Any:
    """The value at a Pulumi property path (`groups[0].profile`, `["a.b"].c`) in a state.

    Drift found by a refresh is in the outputs (what Okta has now); a change in the program is in the inputs.
    """
    for section in ("inputs", "outputs") if input_diff else ("outputs", "inputs"):
        value: Any = (state or {}).get(section)
        for quoted, index, plain in _PATH_PART.findall(path):
            if isinstance(value, list) and index:
                value = value[int(index)] if int(index) < len(value) else None
            elif isinstance(value, dict):
                value = value.get(quoted or plain)
            else:
                value = None
            if value is None:
                break
        if value is not None:
            return value
    return None


def _urn_parts(urn: str) -> tuple[str, str]:
    parts = urn.split("::")
    return (parts[2].split("$")[-1], parts[3]) if len(parts) >= 4 else ("", urn)


def _step_drift(step: dict[str, Any]) -> ResourceDrift | None:
    op = str(step.get("op") or "")
    detailed = step.get("detailedDiff") or {}
    reasons = step.get("diffReasons") or []
    if op in UNCHANGED_OPS and not detailed and not reasons:
        return None
    old, new = step.get("oldState"), step.get("newState")
    paths = dict(detailed) or {reason: {} for reason in reasons}
    properties = tuple(
        PropertyDrift(
            path=path,
            kind=str((diff or {}).get("diffKind") or (diff or {}).get("kind") or "update"),
            before=_lookup(old, path, bool((diff or {}).get("inputDiff"))),
            after=_lookup(new, path, bool((diff or {}).get("inputDiff"))),
        )
        for path, diff in sorted(paths.items())
    )
    type_, name = _urn_parts(str(step.get("urn") or ""))
    return ResourceDrift(urn=str(step.get("urn") or ""), type=type_, name=name, op=op, properties=properties)


def changed_resources(digest: dict[str, Any]) -> list[ResourceDrift]:
    found = (_step_drift(step) for step in digest.get("steps") or [] if isinstance(step, dict))
    return [drift for drift in found if drift is not None]


def drifted_resources(digest: dict[str, Any]) -> list[ResourceDrift]:
    """Resources Okta changed outside the repository (a refresh's updates and deletions)."""
    return [change for change in changed_resources(digest) if change.op not in PROGRAM_OPS]


def pending_resources(digest: dict[str, Any]) -> list[ResourceDrift]:
    """What the program would still create or replace: a preview's changes, not drift."""
    return [change for change in changed_resources(digest) if change.op in PROGRAM_OPS]


def changes_in_summary(digest: dict[str, Any]) -> int:
    summary = digest.get("changeSummary") or {}
    return sum(int(count) for op, count in summary.items() if op not in UNCHANGED_OPS and isinstance(count, int))


def drift_status(exit_code: int, digest: dict[str, Any] | None) -> str:
    """`drift`, `clean` or `error` for one `pulumi refresh --preview-only --expect-no-changes --json` run.

    `clean` needs both a zero exit and a readable digest without changes: garbage never reads as clean.
    """
    if exit_code == DRIFT_EXIT_CODE:
        return "drift"
    changed = bool(digest and (changes_in_summary(digest) or changed_resources(digest)))
    if exit_code == 0:
        return "clean" if digest is not None and not changed else "error"
    # Older CLIs exit non-zero for any failure, drift included: it is drift only if the JSON shows changes.
    return "drift" if changed else "error"


def _shown(value: Any) -> str:
    text = json.dumps(value, sort_keys=True) if value is not None else "(none)"
    text = text if len(text) <= 120 else text[:119] + "…"
    return text.replace("|", "\\|").replace("`", "'")


def _stack_of(digest: dict[str, Any]) -> str:
    """The stack named in any step's URN (unchanged ones too), for a heading that never reads `?`."""
    for step in digest.get("steps") or []:
        urn = str(step.get("urn") or "") if isinstance(step, dict) else ""
        if urn.startswith("urn:pulumi:") and "::" in urn:
            return urn.removeprefix("urn:pulumi:").split("::")[0]
    return ""


def render_drift_report(digest: dict[str, Any], stack: str | None = None) -> str:
    drifted = drifted_resources(digest)
    stack_name = stack or _stack_of(digest)
    diagnostics = [
        d for d in digest.get("diagnostics") or [] if isinstance(d, dict) and d.get("severity") in ("warning", "error")
    ]
    return render(
        "drift_report.md.j2",
        {
            "stack": stack_name,
            "drifted": drifted,
            "pending": pending_resources(digest),
            "summary": digest.get("changeSummary") or {},
            "diagnostics": diagnostics,
            "shown": _shown,
        },
    )
