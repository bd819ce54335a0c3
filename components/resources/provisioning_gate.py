"""Before anything is declared: `provisioningEnabled: true` is believed only when Okta shows the manual step done.

The SCIM side (Profile Editor attributes in Gainsight's namespace, the SCIM app's assignments with their values,
the profile mapping) only makes sense once the app is switched to Provisioning: SCIM. Declared earlier, Okta
refuses it half-way through an `up` (the assignments' profiles name SCIM base attributes such as `locale` that the
app's schema has only once SCIM is on: "Property is not defined in the app user schema"), or an attribute is made
without the external namespace that Okta needs to send it (Okta KB). So the live SCIM app is read first, one
look-up by id (`data_source_okta_app_saml.go`: `GET /api/v1/apps/{id}`): the adopted app's `importId`, else the
`scimAppId` of the stack's last run. Only a stack without either is looked up by its exact label (`GET
/api/v1/apps?q=…&limit=1`, then the label compared): the label in the stack file is not Okta's once the frozen
SCIM app is renamed there. Its read-only `features` are judged as `provisioning_check` judges them. A stack's
first `up`, when the app does not exist yet, is refused the same way: nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi_okta as okta

from components.errors import InputError
from components.inputs.stack_inputs import StackInputs
from components.rendering.manual_step import runbook_hint
from components.resources.provisioning_check import ProvisioningCheck, assess_features

# How the provider words "not there": by label (data_source_okta_app_saml.go), and by id (Okta's E0000007
# summary, which the okta SDK's error text carries without the status or code).
NOT_FOUND = ("no SAML application found", "Resource not found")
RUNBOOK_STEP = "step 3 of the runbook (Okta: switch the SCIM app to provisioning)"


def require_provisioning(inputs: StackInputs, stack: str, last_outputs: Mapping[str, Any]) -> ProvisioningCheck | None:
    """The SCIM app's provisioning as Okta has it now (None: provisioning is off in the stack); InputError, naming
    the runbook step, unless the app exists with every To App action Gainsight needs switched on."""
    if not inputs.provisioning_enabled:
        return None
    scim = inputs.settings.scim_app
    key = inputs.key("scimApp.provisioningEnabled")
    runbook = runbook_hint(inputs, stack)
    app_id = scim.import_id or last_outputs.get("scimAppId")
    try:
        if isinstance(app_id, str) and app_id:
            app = okta.app.get_saml(id=app_id)
        else:
            app = okta.app.get_saml(label=scim.label)
    except Exception as error:  # a failed invoke, as the SDK raises it (pulumi/runtime/invoke.py)
        if not any(sign in str(error) for sign in NOT_FOUND):
            raise InputError(
                inputs.source,
                key,
                f"is true, so the SCIM app is read from Okta first, and that failed: {error}",
            ) from None
        raise InputError(
            inputs.source,
            key,
            f"is true, but Okta has no SCIM app {scim.label!r} yet, so the manual step cannot have been done: set "
            f"it to false and run `pulumi up` to create the app, then do {RUNBOOK_STEP} ({runbook}) and set it "
            "to true again",
        ) from None
    check = assess_features(app.features)
    if check.status != "ok":
        missing = ", ".join(check.missing) or check.detail
        raise InputError(
            inputs.source,
            key,
            f"is true, but the SCIM app {scim.label!r} ({app.id}) does not provision yet: Provisioning > To App "
            f"lacks {missing}. Do {RUNBOOK_STEP} ({runbook}), then run `pulumi up` again; nothing was changed",
        )
    return check
