"""Before anything is declared: no run sends the SSO app a signing key other than the one the stack names.

The okta provider sends `credentials.signing.kid` from the resource's *state* on every update of an `okta_app_saml`
(`buildSamlApp` in resource_okta_app_saml.go: `if id, ok := d.GetOk("key_id")`), and `key_id` is computed: only a
read of the app (create, update, refresh, import) sets it. `pulumi up` does not refresh unless asked. So after a
switch made outside the engine (`rotate-key switch`, or by hand in the Admin Console), the next update of the SSO app
from the state before it puts the old key back, and Gainsight rejects every sign-in (seen on the real engine).

So a run that finds the SSO app in the stack's state reads, before declaring anything:
- the state the provider will update from: the app's `keyId` in the stack's last checkpoint, through the engine's
  builtin `pulumi:pulumi:readStackResourceOutputs` (pkg/resource/deploy/builtins.go). A `pulumi refresh` is in
  it. The refresh that `pulumi up --refresh` runs first is not: the engine leaves refresh steps out of the
  checkpoint until the run ends (pkg/backend/snapshot.go, refreshSnapshotMutation), so such an `up` after a switch
  is refused like a plain one, and the refusal names `pulumi refresh`;
- the app as Okta has it: `okta.app.get_saml(id=…)`, one `GET /api/v1/apps/{id}`.

The key a run must send is `samlApp.signingKeyId`, or, while that is not set, the one the app signs with. Then:
- the state holds another key than the app signs with (a switch since the last refresh): `pulumi up` is refused
  in one line that says to refresh first; a preview warns that the `up` will be;
- the stack names a key the app does not sign with yet (a rotation's hand-off, before `rotate-key switch`): the
  SSO app's changes are held back (`ignore_changes` on every input, so no update is sent at all) and a warning
  says to switch, then refresh. Everything else deploys, so the hand-off's runbook is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi_okta as okta

from components.command_name import hint
from components.errors import InputError
from components.inputs.stack_inputs import StackInputs
from components.resources.previous_run import PreviousRun
from components.resources.provider_facts import SAML_APP

NOT_FOUND = "Resource not found"  # Okta's E0000007 summary: an app gone from Okta, nothing left to protect


@dataclass(frozen=True)
class SigningKeyGate:
    """What the run may do with the SSO app: `hold_back` keeps every change of it out of this run."""

    hold_back: bool = False
    notice: str | None = None  # a warning for the run's output (the engine's, and the offline plan's)


def pulumi_refresh(stack: str) -> str:
    return f"pulumi refresh --stack {stack}"


def guard_signing_key(
    inputs: StackInputs, stack: str, previous: PreviousRun, sso_resource_name: str, *, dry_run: bool
) -> SigningKeyGate:
    """Refuse (InputError) an `up` that would update the SSO app from a state holding another key than Okta's, and
    hold back the app's changes while the stack names a key the app does not sign with yet."""
    state = previous.resource_state(SAML_APP, sso_resource_name)
    if state is None:
        return SigningKeyGate()  # a first run, or an app this run imports: the engine reads it before any update
    app_id, stale = state.get("id"), state.get("keyId")
    if not isinstance(app_id, str) or not app_id or not isinstance(stale, str) or not stale:
        return SigningKeyGate()  # no key in the state (an inactive app): the provider sends none
    key = inputs.key("samlApp.signingKeyId")
    label = inputs.settings.saml_app.label
    try:
        live = okta.app.get_saml(id=app_id).key_id
    except Exception as error:  # a failed invoke, as the SDK raises it (pulumi/runtime/invoke.py)
        if NOT_FOUND in str(error):
            return SigningKeyGate()
        raise InputError(
            inputs.source,
            key,
            f"the SSO app {label!r} ({app_id}) is read from Okta first, to know which key it signs with, and that "
            f"failed: {error}",
        ) from None
    wanted = inputs.settings.saml_app.signing_key_id or live
    refresh = pulumi_refresh(stack)
    if stale != live:
        message = (
            f"the SSO app {label!r} ({app_id}) signs with key {live} in Okta, but this stack's state still holds "
            f"{stale} (a switch made since its last refresh): the okta provider sends the state's key with any "
            f"update of the app, which would switch it back to {stale} and fail every sign-in to Gainsight. Run "
            f"`{refresh}` first, then the same command again; nothing was changed"
        )
        if not dry_run:
            raise InputError(inputs.source, key, message)
        said = message.removesuffix("; nothing was changed")
        return SigningKeyGate(notice=f"`pulumi up` will refuse this stack: {said}.")
    if wanted != live:
        switch = (
            f"run `{hint('rotate-key', 'switch', '--stack', stack, '--confirm')}` (the deploy workflow does, "
            "before `pulumi up`)"
            if inputs.from_stack_file
            else f"activate key {wanted} on the app in Okta (Sign On > SAML Signing Certificates > Actions)"
        )
        return SigningKeyGate(
            hold_back=True,
            notice=(
                f"{key} names key {wanted}, but the SSO app {label!r} ({app_id}) still signs with {live}: its "
                f"changes are held back until the switch (an update now would send {live}). Once Gainsight's admin "
                f"has the new certificate, {switch}, then `{refresh}`."
            ),
        )
    return SigningKeyGate()
