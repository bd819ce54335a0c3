"""The JSON documents the report commands read, validated at the edge: `plan --json`, Pulumi's PreviewDigest
(`pulumi preview --json`, `pulumi refresh --preview-only --json`) and `pulumi stack output --json`.

Only the fields the commands use are checked; anything else passes through. A document of the wrong shape is one
`error:` line naming the file and the field, never a traceback deep in a renderer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from components.errors import InputError, key_path
from components.inputs.json_files import read_json_object


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class PlanOptions(_Shape):
    protect: StrictBool = False
    depends_on: list[StrictStr] = Field(default_factory=list, alias="dependsOn")
    import_: StrictStr | None = Field(default=None, alias="import")
    retain_on_delete: StrictBool = Field(default=False, alias="retainOnDelete")
    delete_before_replace: StrictBool = Field(default=False, alias="deleteBeforeReplace")
    aliases: list[StrictStr] = Field(default_factory=list)


class PlanResource(_Shape):
    urn: StrictStr
    type: StrictStr
    name: StrictStr
    parent: StrictStr | None = None
    inputs: dict[str, Any] = Field(default_factory=dict)
    options: PlanOptions = Field(default_factory=PlanOptions)


class PlanDocument(_Shape):
    stack: StrictStr | None = None
    resources: list[PlanResource]
    outputs: dict[str, Any] = Field(default_factory=dict)


class DiffEntry(_Shape):
    kind: StrictStr | None = None
    diff_kind: StrictStr | None = Field(default=None, alias="diffKind")
    input_diff: StrictBool = Field(default=False, alias="inputDiff")


class ResourceState(_Shape):
    inputs: dict[str, Any] | None = None
    outputs: dict[str, Any] | None = None


class Step(_Shape):
    op: StrictStr
    urn: StrictStr
    old_state: ResourceState | None = Field(default=None, alias="oldState")
    new_state: ResourceState | None = Field(default=None, alias="newState")
    detailed_diff: dict[str, DiffEntry | None] | None = Field(default=None, alias="detailedDiff")
    diff_reasons: list[StrictStr] | None = Field(default=None, alias="diffReasons")


class Diagnostic(_Shape):
    severity: StrictStr = ""
    message: StrictStr = ""


class PreviewDigest(_Shape):
    steps: list[Step] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    change_summary: dict[str, StrictInt] = Field(default_factory=dict, alias="changeSummary")


class ProvisioningCheckOutput(_Shape):
    status: Literal["ok", "incomplete", "unreadable"]
    missing: list[StrictStr]
    detail: StrictStr


class StackOutputs(_Shape):
    sso_app_name: StrictStr | None = Field(default=None, alias="ssoAppName")
    scim_app_name: StrictStr | None = Field(default=None, alias="scimAppName")
    scim_app_id: StrictStr | None = Field(default=None, alias="scimAppId")
    idp_sso_url: StrictStr | None = Field(default=None, alias="idpSsoUrl")
    idp_entity_id: StrictStr | None = Field(default=None, alias="idpEntityId")
    idp_metadata_url: StrictStr | None = Field(default=None, alias="idpMetadataUrl")
    idp_certificate: StrictStr | None = Field(default=None, alias="idpCertificate")
    provisioning_check: ProvisioningCheckOutput | None = Field(default=None, alias="provisioningCheck")


def _where(error: dict[str, Any]) -> str:
    return key_path(error["loc"])


def _problem(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is missing"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be a JSON object"
    if kind == "list_type":
        return "must be a JSON list"
    if kind in ("string_type", "int_type", "bool_type"):
        return {
            "string_type": "must be text",
            "int_type": "must be a whole number",
            "bool_type": "must be true or false",
        }[kind]
    if kind == "literal_error":
        return f"must be one of {error.get('ctx', {}).get('expected', '')}"
    return str(error["msg"])


def validated(model: type[BaseModel], document: dict[str, Any], display_name: str, what: str) -> dict[str, Any]:
    """Check `document` against `model`; return it as JSON again (defaults filled in, extra fields kept)."""
    try:
        parsed = model.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(display_name, _where(first), f"{_problem(first)}; is this {what}?") from None
    return parsed.model_dump(by_alias=True, exclude_none=False)


PLAN = "the output of `gainsight-okta plan --json`"
DIGEST = "the output of `pulumi preview --json` or `pulumi refresh --preview-only --json`"
OUTPUTS = "the JSON of `pulumi stack output --json`"


def read_plan(path: Path, display_name: str) -> dict[str, Any]:
    document = read_json_object(path, display_name, PLAN)
    if "resources" not in document and "steps" in document:
        raise InputError(display_name, "", f"is {DIGEST}, not {PLAN}")
    return validated(PlanDocument, document, display_name, PLAN)


def read_digest(path: Path, display_name: str) -> dict[str, Any]:
    document = read_json_object(path, display_name, DIGEST)
    if "resources" in document and "steps" not in document:
        raise InputError(display_name, "", f"is {PLAN}, not {DIGEST}; give the JSON that `pulumi` printed")
    return validated(PreviewDigest, document, display_name, DIGEST)


STACK_NAME_OUTPUT = "stackName"  # the program exports its stack's name, so outputs can be told apart
# Every output the program exports (components/program.py; a test keeps the two in step).
PROGRAM_OUTPUTS = (
    *(STACK_NAME_OUTPUT, "ssoAppId", "ssoAppName", "idpSsoUrl", "idpEntityId", "idpMetadataUrl", "idpCertificate"),
    *("idpSigningKeyId", "idpNextCertificate", "idpNextMetadata", "scimAppId", "scimAppName", "provisioningEnabled"),
    *("ssoAssignedGroups", "scimAssignedGroups", "scimAttributes", "scimRemovals", "ssoPriorities", "scimPriorities"),
    *("provisioningCheck", "runbook"),
)


def _refuse_other_kinds(document: dict[str, Any], display_name: str) -> None:
    """A refresh digest or a plan given as outputs was once read as "no outputs yet", silently."""
    if "steps" in document or "changeSummary" in document or "diagnostics" in document:
        raise InputError(display_name, "", f"is {DIGEST}, not {OUTPUTS}")
    if "resources" in document:
        raise InputError(display_name, "", f"is {PLAN}, not {OUTPUTS}")


def _refuse_foreign(document: dict[str, Any], display_name: str) -> None:
    if document and not any(key in document for key in PROGRAM_OUTPUTS):
        raise InputError(
            display_name,
            "",
            f"is not {OUTPUTS} of this project: it has none of its outputs ({STACK_NAME_OUTPUT}, ssoAppId, ...)",
        )


def _check_stack(found: Any, stack: str | None, display_name: str) -> None:
    if stack is not None and found is not None and found != stack:
        raise InputError(display_name, STACK_NAME_OUTPUT, f"holds the outputs of stack {found!r}, not {stack!r}")


def read_stack_outputs(path: Path, display_name: str | None = None, stack: str | None = None) -> dict[str, Any]:
    """`pulumi stack output --json` of `stack` (an empty object before the first `pulumi up`)."""
    display_name = display_name or str(path)
    document = read_json_object(
        path, display_name, OUTPUTS, when_missing="not found; create it with `pulumi stack output --json > FILE`"
    )
    _refuse_other_kinds(document, display_name)
    validated(StackOutputs, document, display_name, OUTPUTS)
    _refuse_foreign(document, display_name)
    _check_stack(document.get(STACK_NAME_OUTPUT), stack, display_name)
    return document


def read_previous_outputs(path: Path, display_name: str, stack: str | None = None) -> dict[str, Any]:
    """A previous run's stack outputs: `pulumi stack output --json`, or the `outputs` of a `plan --json`."""
    document = read_json_object(path, display_name, f"{OUTPUTS} or {PLAN}")
    if "resources" in document:
        plan = validated(PlanDocument, document, display_name, PLAN)
        _check_stack(plan.get("stack"), stack, display_name)
        return dict(plan["outputs"])
    _refuse_other_kinds(document, display_name)
    _refuse_foreign(document, display_name)
    _check_stack(document.get(STACK_NAME_OUTPUT), stack, display_name)
    return document
