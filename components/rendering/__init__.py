"""Jinja2 rendering of components/templates/ (StrictUndefined), and the runbook's values: settings, metadata and,
when known, the stack's outputs."""
