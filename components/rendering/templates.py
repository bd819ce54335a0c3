"""Rendering components/templates/ (the runbook, the plan diff, the drift report, the stack file): Jinja2 with
StrictUndefined, so a missing value fails loudly. The templates are package data: in a wheel as in a checkout."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from components.inputs.stack_inputs import StackInputs
from components.rendering.runbook import runbook_context


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("components", "templates"),  # package data: in a wheel as in a checkout
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # A YAML scalar that reads back as the very string (a JSON string is a YAML double-quoted one).
    env.filters["q"] = json.dumps
    return env


def markdown_value(value: Any, none: str = "null") -> str:
    """A value in a Markdown report's line: JSON, cut at 120 characters, with no `|` or backtick to break a table
    or a code span; `none` stands for None."""
    text = json.dumps(value, sort_keys=True) if value is not None else none
    text = text if len(text) <= 120 else text[:119] + "\N{HORIZONTAL ELLIPSIS}"
    return text.replace("|", "\\|").replace("`", "'")


def render(template: str, context: Mapping[str, Any]) -> str:
    return environment().get_template(template).render(**context)


def render_runbook(inputs: StackInputs, stack: str, outputs: Mapping[str, Any] | None = None) -> str:
    return render("runbook.md.j2", runbook_context(inputs, stack, outputs))
