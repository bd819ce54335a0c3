"""`StackInputs` → Okta resources: the `GainsightOkta` component and its parts.

Public surface: `gainsight_okta.GainsightOkta` (type `gainsight-okta:index:GainsightOkta`),
`provisioning_gate.require_provisioning` (the live SCIM app checked before anything is declared), and
`manual_step` (what waits on the manual SCIM step).
"""
