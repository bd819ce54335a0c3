"""Jinja2 rendering of templates/ (StrictUndefined), and the runbook's values: settings, metadata and, when known,
the stack's outputs."""
