"""Reading `pulumi preview --json` / `pulumi refresh --preview-only --json` output: what drifted, as Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from components.rendering.templates import markdown_value, render

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


def _summary_drift(digest: dict[str, Any]) -> int:
    """What the change summary counts beyond the program's own changes: a refresh's updates and deletes."""
    summary = digest.get("changeSummary") or {}
    ignored = UNCHANGED_OPS | PROGRAM_OPS
    return sum(count for op, count in summary.items() if op not in ignored and isinstance(count, int))


def _diagnostics(digest: dict[str, Any], *severities: str) -> list[dict[str, Any]]:
    return [d for d in digest.get("diagnostics") or [] if isinstance(d, dict) and d.get("severity") in severities]


def drift_status(exit_code: int | None, digest: dict[str, Any] | None) -> str:
    """`drift`, `clean` or `error`: the one verdict that `drift-status` prints and `drift-report` is headed by.

    `exit_code` is that of `pulumi refresh --preview-only --expect-no-changes --json` (None: not known), `digest`
    its JSON (None: absent, empty, half-written or not a digest). Drift the JSON shows is drift whatever the exit
    code; `clean` needs a readable digest without drift, without errors and without a failing exit code.
    """
    if digest is None:
        return "drift" if exit_code == DRIFT_EXIT_CODE else "error"  # only the drift exit code can speak
    # Older CLIs exit non-zero for any failure, drift included: what the JSON shows decides.
    if drifted_resources(digest) or _summary_drift(digest):
        return "drift"
    if _diagnostics(digest, "error") or exit_code not in (None, 0, DRIFT_EXIT_CODE):
        return "error"
    return "drift" if exit_code == DRIFT_EXIT_CODE else "clean"


def _stack_of(digest: dict[str, Any]) -> str:
    """The stack named in any step's URN (unchanged ones too), for a heading that never reads `?`."""
    for step in digest.get("steps") or []:
        urn = str(step.get("urn") or "") if isinstance(step, dict) else ""
        if urn.startswith("urn:pulumi:") and "::" in urn:
            return urn.removeprefix("urn:pulumi:").split("::")[0]
    return ""


def render_drift_report(digest: dict[str, Any], stack: str | None = None, exit_code: int | None = None) -> str:
    return render(
        "drift_report.md.j2",
        {
            "stack": stack or _stack_of(digest),
            "status": drift_status(exit_code, digest),  # the heading says what `drift-status` says
            "exit_code": exit_code,
            "drifted": drifted_resources(digest),
            "pending": pending_resources(digest),
            "summary": digest.get("changeSummary") or {},
            "diagnostics": _diagnostics(digest, "warning", "error"),
            "value_text": lambda value: markdown_value(value, "(none)"),
        },
    )
