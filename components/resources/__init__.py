"""`StackInputs` → Okta resources: the `GainsightOkta` component and its parts.

Public surface: `gainsight_okta.GainsightOkta` (type `gainsight-okta:index:GainsightOkta`),
`provisioning_check.check_provisioning`, and `manual_step` (what waits on the manual SCIM step).
"""
