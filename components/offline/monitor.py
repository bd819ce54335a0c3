"""A mock resource monitor that records each registration as the engine would receive it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pulumi.output import Unknown
from pulumi.runtime import Mocks, rpc
from pulumi.runtime.mocks import MockMonitor

STACK_TYPE = "pulumi:pulumi:Stack"
UNKNOWN_TEXT = "(known after apply)"
SECRET_TEXT = "[secret]"


@dataclass
class Registration:
    urn: str
    type: str
    name: str
    id: str | None
    parent: str | None
    custom: bool
    inputs: dict[str, Any]
    protect: bool
    depends_on: list[str]
    import_id: str | None
    ignore_changes: list[str]
    retain_on_delete: bool
    delete_before_replace: bool
    replace_on_changes: list[str]
    aliases: list[str]  # the URNs this resource was known by, as the engine resolves them


@dataclass
class Recording:
    registrations: list[Registration] = field(default_factory=list)
    stack_outputs: dict[str, Any] = field(default_factory=dict)
    component_outputs: dict[str, dict[str, Any]] = field(default_factory=dict)  # by URN, as registered

    def ordered(self) -> list[Registration]:
        # RPCs finish in any order; sort so parents come first and runs compare line by line.
        return sorted(self.registrations, key=lambda r: (r.urn.split("::")[2].count("$"), r.type != STACK_TYPE, r.urn))


def readable(value: Any) -> Any:
    """Plain JSON values: secrets redacted, unknowns spelled out."""
    if rpc.is_rpc_secret(value):
        return SECRET_TEXT
    if isinstance(value, Unknown) or value == rpc.UNKNOWN:
        return UNKNOWN_TEXT
    if isinstance(value, dict):
        return {key: readable(value[key]) for key in sorted(value)}  # protobuf maps have no stable order
    if isinstance(value, (list, tuple)):
        return [readable(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # protobuf carries every number as a double; priorities and indices are integers
    return value


class RecordingMonitor(MockMonitor):
    def __init__(self, mocks: Mocks) -> None:
        super().__init__(mocks)
        self.recording = Recording()

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        # The engine leaves the root stack out of a child's type chain; so must we, for URNs to match
        # what `pulumi preview` shows.
        if parent and parent.split("::")[2].split("$")[-1] == STACK_TYPE:
            parent = ""
        return super().make_urn(parent, type_, name)

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        response = super().RegisterResource(request)
        if request.type == STACK_TYPE and any(r.type == STACK_TYPE for r in self.recording.registrations):
            return response  # set_mocks registers a root stack of its own before the real one
        inputs = rpc.deserialize_properties(request.object, keep_unknowns=True)
        implicit = {urn for deps in request.propertyDependencies.values() for urn in deps.urns}
        self.recording.registrations.append(
            Registration(
                urn=response.urn,
                type=request.type,
                name=request.name,
                id=response.id or None,
                parent=request.parent or None,
                custom=request.custom,
                inputs=readable(inputs),
                protect=bool(request.protect),
                depends_on=sorted(urn for urn in request.dependencies if urn not in implicit),  # sent as a set
                import_id=request.importId or None,
                ignore_changes=list(request.ignoreChanges),
                retain_on_delete=bool(request.retainOnDelete),
                delete_before_replace=bool(request.deleteBeforeReplace),
                replace_on_changes=sorted(request.replaceOnChanges),
                aliases=sorted(self._alias_urns(request, response.urn)),
            )
        )
        return response

    def _alias_urns(self, request: Any, urn: str) -> list[str]:
        """Full URNs of the request's aliases; a spec that renames keeps the resource's parent and type."""
        found = []
        for alias in request.aliases:
            if alias.urn:
                found.append(alias.urn)
            elif alias.spec.name and not (alias.spec.type or alias.spec.parentUrn or alias.spec.noParent):
                found.append(urn.rsplit("::", 1)[0] + "::" + alias.spec.name)
        return found

    def RegisterResourceOutputs(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        if request.urn.split("::")[2] == STACK_TYPE:
            outputs = rpc.deserialize_properties(request.outputs, keep_unknowns=True)
            self.recording.stack_outputs = readable(outputs)
        else:
            outputs = rpc.deserialize_properties(request.outputs, keep_unknowns=True)
            self.recording.component_outputs[request.urn] = readable(outputs)
        return super().RegisterResourceOutputs(request)
