"""The `GainsightOkta` component (args → checks against Okta → Okta resources, outputs, runbook) and its parts.

Public surface: `gainsight_okta.GainsightOkta` (type `gainsight-okta:index:GainsightOkta`),
`provisioning_gate.require_provisioning` (the live SCIM app checked before anything is declared), and
`previous_run.PreviousRun` (what the last run left).
"""
