"""What `verify` prints: plain text for people, Markdown for the drift issue, JSON for the drift workflow."""

from __future__ import annotations

from typing import Any

from components.verify.finding import Finding


def verify_json(stack: str, base_url: str, findings: list[Finding]) -> dict[str, Any]:
    return {"stack": stack, "org": base_url, "ok": not findings, "findings": [f.to_json() for f in findings]}


def verify_text(stack: str, base_url: str, findings: list[Finding]) -> str:
    if not findings:
        return f"verify {stack} against {base_url}: ok, nothing to report.\n"
    lines = [f"verify {stack} against {base_url}: {len(findings)} finding(s)."]
    for finding in findings:
        people = f" (e.g. {', '.join(finding.people)})" if finding.people else ""
        lines.append(f"  {finding.severity}: {finding.subject}: {finding.message}{people}")
    return "\n".join(lines) + "\n"


def verify_markdown(stack: str, findings: list[Finding]) -> str:
    """The drift issue's section: what `verify` found that a refresh cannot show."""
    if not findings:
        return f"### verify: stack `{stack}`\n\nThe live org matches the stack on every check `verify` makes.\n"
    rows = "\n".join(
        f"| {f.severity} | {f.subject.replace('|', '/')} | {f.message.replace('|', '/')} |" for f in findings
    )
    return f"### verify: stack `{stack}`\n\n| severity | what | finding |\n| --- | --- | --- |\n{rows}\n"
