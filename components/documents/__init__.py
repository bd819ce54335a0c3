"""Inputs and outputs → documents: runbook, explain, plan diff, drift report (Jinja2 templates in templates/).

Public surface: `templates.render_runbook`, `explain.explain`, `plan_diff.diff_plans`/`render_plan_diff`,
`drift_report.render_drift_report`/`drift_status`, and the JSON readers in `json_documents`/`stack_outputs`.
"""
