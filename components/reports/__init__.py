"""The report commands: `runbook`, `plan-diff` (two offline plans compared, with warnings, for a PR comment),
`drift-report` and `drift-status` (what a refreshed preview found drifted)."""
