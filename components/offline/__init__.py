"""The one program run in process under Pulumi's mocks: the offline plan.

Public surface: `plan.run_offline` and `plan.run_under_mocks`, `plan_text.render_plan_text`.
"""
