"""What `adopt` prints: what it wrote, what it adopted, and what a person still has to do."""

from __future__ import annotations

from components.adopt.adoption import AdoptReport


def adopt_text(report: AdoptReport, stack_file: str, import_file: str, changes: list[str]) -> str:
    lines = [f"Wrote {stack_file} and {import_file}.", "", "Adopted:"]
    lines += [f"  - {item}" for item in report.adopted]
    sections = (
        ("Set by hand before the first `pulumi preview` (Okta does not know them):", report.to_set),
        ("Differs from what Gainsight's article and this project recommend:", report.advice),
        ("Could not be expressed in the settings:", report.not_expressed),
        (
            "After `pulumi import --file`, the first `pulumi preview` shows these as updates: the okta provider's "
            "import does not read them back, so the first `pulumi up` writes them as they are (no change in Okta):",
            report.not_read_back,
        ),
        (
            "Differences between the new stack's plan and the org. Pulumi refuses an import (importId) whose inputs "
            "differ: change these in Okta first, or import with the import file and let the next `pulumi up` apply "
            "them:",
            changes,
        ),
    )
    for heading, items in sections:
        if items:
            lines += ["", heading, *(f"  - {item}" for item in items)]
    if not changes:
        lines += ["", "The offline plan of the new stack declares the apps exactly as Okta holds them: a clean import."]
    lines += [
        "",
        "Next: review the file, `pulumi stack init` the stack if needed, then `pulumi preview` (it shows the imports).",
    ]
    return "\n".join(lines) + "\n"
