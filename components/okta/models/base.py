"""The base of the typed Okta documents: strict JSON types, unknown fields ignored, server text made safe.

Every response read from Okta is validated into a model of just the fields these commands use, at the edge: a
`signOn` that is a string or a `hide` that is text is one error line naming the endpoint and the field, not an
AttributeError three calls later. Types are strict (Okta's JSON has them: `"true"` is not a boolean), nulls are
accepted wherever Okta may send one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError

from components.errors import InputError, key_path
from components.printable import printable

# Text a person reads or that goes into a stack file (labels, names, templates, URLs): credentials redacted and
# control characters escaped as it is read, so no report, stack file or import file can carry them.
ServerText = Annotated[str, AfterValidator(printable)]


def _printable_json(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list):
        return [_printable_json(item) for item in value]
    if isinstance(value, dict):
        return {printable(str(key)): _printable_json(item) for key, item in value.items()}
    return value


# JSON of any kind (a group value, an enum): its text made safe the same way.
ServerJson = Annotated[Any, AfterValidator(_printable_json)]
# base64 DER: never redacted (a certificate may hold any run of letters), but nothing else gets through either.
Certificate = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/=\s]*$")]
# Ids go into request paths and URNs: Okta's are letters and digits (0oa…, 00g…); key ids are base64url.
OktaId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,64}$")]
KeyId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,128}$")]


class OktaDocument(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, populate_by_name=True)


Document = TypeVar("Document", bound=OktaDocument)


def _field(location: tuple[int | str, ...]) -> str:
    return key_path(location) or "(the document)"


# pydantic's error types, in the words of JSON (its own messages name Python classes).
_WHAT_WAS_EXPECTED = {
    "model_type": "is not an object",
    "dict_type": "is not an object",
    "list_type": "is not a list",
    "string_type": "is not text",
    "bool_type": "is not true or false",
    "int_type": "is not a whole number",
    "missing": "is missing",
    "string_pattern_mismatch": "is not an Okta id",
}


def _refused(where: str, error: ValidationError, index: int | None = None) -> InputError:
    first = error.errors(include_url=False)[0]
    location = first["loc"] if index is None else (index, *first["loc"])
    what = _WHAT_WAS_EXPECTED.get(first["type"], first["msg"].lower())
    return InputError("Okta", where, f"{_field(location)} {what}, which Okta's API reference does not document")


def read_document(model: type[Document], value: Any, where: str) -> Document:
    """`value` (parsed JSON) as `model`; one error line naming the endpoint and the field when it is not."""
    try:
        return model.model_validate(value)
    except ValidationError as error:
        raise _refused(where, error) from None


def read_documents(model: type[Document], values: Any, where: str) -> list[Document]:
    """Each item of a list response; an error names the item's position and its field."""
    if not isinstance(values, list):
        raise InputError("Okta", where, "responded with something other than a list")
    found = []
    for index, value in enumerate(values):
        try:
            found.append(model.model_validate(value))
        except ValidationError as error:
            raise _refused(where, error, index) from None
    return found


def stream_documents(model: type[Document], values: Iterable[Any], where: str) -> Iterator[Document]:
    """Each item of a list read page by page, validated as it comes: a long list is never held whole."""
    for index, value in enumerate(values):
        try:
            yield model.model_validate(value)
        except ValidationError as error:
            raise _refused(where, error, index) from None
