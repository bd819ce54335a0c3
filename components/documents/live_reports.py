"""What `adopt` and `verify` print: plain text for people, JSON for the drift workflow."""

from __future__ import annotations

from typing import Any

from components.command_name import hint
from components.live.adopt import AdoptReport
from components.live.certificates import pem
from components.live.key_rotation import SigningKey, metadata_url
from components.live.verify_finding import Finding


def adopt_text(report: AdoptReport, stack_file: str, import_file: str, changes: list[str]) -> str:
    lines = [f"Wrote {stack_file} and {import_file}.", "", "Adopted:"]
    lines += [f"  - {item}" for item in report.adopted]
    sections = (
        ("Set by hand before the first `pulumi preview` (Okta does not know them):", report.to_set),
        ("Differs from what Gainsight's article and this project recommend:", report.advice),
        ("Could not be expressed in the settings:", report.not_expressed),
        (
            "After `pulumi import --file`, the first `pulumi preview` shows these as updates: the okta provider's "
            "import does not read them back, so the first `pulumi up` writes them as they are (no change in Okta):",
            report.not_read_back,
        ),
        (
            "Differences between the new stack's plan and the org. Pulumi refuses an import (importId) whose inputs "
            "differ: change these in Okta first, or import with the import file and let the next `pulumi up` apply "
            "them:",
            changes,
        ),
    )
    for heading, items in sections:
        if items:
            lines += ["", heading, *(f"  - {item}" for item in items)]
    if not changes:
        lines += ["", "The offline plan of the new stack declares the apps exactly as Okta holds them: a clean import."]
    lines += [
        "",
        "Next: review the file, `pulumi stack init` the stack if needed, then `pulumi preview` (it shows the imports).",
    ]
    return "\n".join(lines) + "\n"


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


def rotation_status_text(status: dict[str, Any]) -> str:
    lines = [
        f"SSO app {status['app']}: signs with {status['active']}; the stack says {status['stack'] or '(not set)'}."
    ]
    for key in status["keys"]:
        lines.append(f"  {'*' if key['active'] else ' '} {key['kid']}  expires {key['expires'] or '?'}")
    return "\n".join(lines) + "\n"


def handoff_markdown(
    stack: str, base_url: str, app_id: str, key: SigningKey, active: SigningKey | None, metadata: str
) -> str:
    """Phase 1's hand-off: what Gainsight's admin needs (the key's certificate and IdP metadata), and what follows."""
    old = active.kid if active else "(none)"
    expires = key.expires.strftime("%Y-%m-%d") if key.expires else "?"
    return f"""## IdP signing certificate rotation, stack `{stack}`

Okta holds a new signing key for the SSO app `{app_id}`: **{key.kid}** (valid until {expires}). The app still
signs with `{old}`: nothing has changed for sign-in yet.

### 1. Hand-off to Gainsight's admin

In Gainsight, Administration > User Management > Authentication, the SAML connection: the new certificate goes
in when you switch (step 2), or before if the connection accepts two. The certificate:

```
{pem(key.certificate)}
```

The IdP metadata for this key (`{metadata_url(base_url, app_id, key.kid)}`, read with an API token):

```xml
{metadata.strip()}
```

### 2. The switch: a reviewed change

When Gainsight's admin is ready, open a pull request that sets `samlApp.signingKeyId: {key.kid}` in
`Pulumi.{stack}.yaml`. Its deploy runs `{hint("rotate-key", "switch", "--stack", stack, "--confirm")}`, which
points the app at the new key; Gainsight's admin saves the new certificate at the same moment.

### 3. Check

`{hint("verify", "--stack", stack)}` confirms the app signs with `{key.kid}`. Sign in to Gainsight.

### 4. Rollback

Set `samlApp.signingKeyId: {old}` and switch again; the old key stays in Okta until it expires.
"""
