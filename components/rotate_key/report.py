"""What `rotate-key` prints: the keys' status, and phase 1's hand-off to Gainsight's admin."""

from __future__ import annotations

from typing import Any

from components.command_name import hint
from components.inputs.model_base import written_setting
from components.metadata.certificates import pem
from components.rotate_key.keys import SigningKey, metadata_url


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

When Gainsight's admin is ready, open a pull request that sets {written_setting("samlApp.signingKeyId", key.kid)} in
`Pulumi.{stack}.yaml`. Its deploy runs `{hint("rotate-key", "switch", "--stack", stack, "--confirm")}`, which
points the app at the new key; Gainsight's admin saves the new certificate at the same moment.

### 3. Check

`{hint("verify", "--stack", stack)}` confirms the app signs with `{key.kid}`. Sign in to Gainsight.

### 4. Rollback

Set {written_setting("samlApp.signingKeyId", old)} and switch again; the old key stays in Okta until it expires.
"""
