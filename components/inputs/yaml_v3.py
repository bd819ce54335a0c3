"""Read a YAML document the way Pulumi's CLI does: as Go's yaml.v3 decodes it into an untyped value.

Pulumi reads `Pulumi.<stack>.yaml` with gopkg.in/yaml.v3, which is neither YAML 1.1 (PyYAML) nor plain YAML 1.2
(ruamel.yaml): booleans are only true/false in three spellings, so `yes`/`on` stay text; timestamps such as
`2024-06-30` decode into an untyped value as the original text; `12:30:45` is text, not base 60; integers go
through Go's `strconv.ParseInt(s, 0, 64)` after dropping `_` (so `0x1F`, `0o17` and the old `017` are numbers);
`!!binary` is the decoded bytes as text; a key repeated in one mapping is an error. No Python library resolves
scalars that way, so the syntax comes from PyYAML's parser (libyaml when present), driven event by event without
recursion, and scalar resolution follows yaml.v3's resolve.go. Anchors are kept as shared values and their
expanded size is counted, so an alias bomb is refused in microseconds instead of expanding.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from components.limits import MAX_YAML_DEPTH, MAX_YAML_EXPANDED_VALUES

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INFINITIES = {".inf": math.inf, ".Inf": math.inf, ".INF": math.inf, "+.inf": math.inf, "+.Inf": math.inf}
_INFINITIES |= {"+.INF": math.inf, "-.inf": -math.inf, "-.Inf": -math.inf, "-.INF": -math.inf}
_NANS = {".nan", ".NaN", ".NAN"}
_YAML_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_TIMESTAMP = re.compile(
    r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$"
)
_GO_INT = re.compile(r"^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$")

TAG = "tag:yaml.org,2002:"
MERGE = "<<"


class YamlError(ValueError):
    """A document Pulumi's reader would refuse (or one too hostile to read), with its 1-based line and column."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    @property
    def where(self) -> str:
        if self.line is None:
            return ""
        return f"line {self.line}" + (f", column {self.column}" if self.column is not None else "")


def _go_int(text: str) -> int | None:
    """strconv.ParseInt(text, 0, 64), then ParseUint: Go's base prefixes, and a leading 0 for octal."""
    if not _GO_INT.match(text):
        return None
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    old_octal = len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXoObB"  # Go reads 017 as octal
    value = sign * int(digits, 8 if old_octal else 0)
    return value if -(2**63) <= value < 2**64 else None


def resolve_plain(text: str) -> Any:
    """The value yaml.v3 gives a plain (unquoted, untagged) scalar when decoding into interface{}."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text in _INFINITIES or text in _NANS:
        raise YamlError(f"{text!r} is not a finite number; Pulumi cannot pass it on")
    if text[0] in "+-.0123456789":
        if _TIMESTAMP.match(text):
            return text  # decoded into interface{} as the original text, for compatibility
        plain = text.replace("_", "")
        if (number := _go_int(plain)) is not None:
            return number
        if _YAML_FLOAT.match(plain):
            return float(plain)
    return text


def _tagged(tag: str, text: str, plain: bool) -> Any:
    kind = tag.removeprefix(TAG)
    if tag == "!" or kind == "str":
        return text
    if kind == "binary":
        try:
            return base64.b64decode("".join(text.split()), validate=True).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            raise YamlError(f"!!binary value {text[:40]!r} is not base64") from None
    if kind == "timestamp":
        return text
    if kind in ("int", "float", "bool", "null"):
        value = resolve_plain(text)
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[kind]
        if isinstance(value, bool) != (kind == "bool") or not isinstance(value, expected):
            raise YamlError(f"cannot decode {text!r} as !!{kind}")
        return float(value) if kind == "float" else value
    raise YamlError(f"the YAML tag {tag} is not supported in a stack file")


@dataclass
class _Node:
    """A mapping or sequence being built, with what yaml.v3's checks need."""

    value: Any
    anchor: str | None
    size: int = 1
    keys: dict[str, int] = field(default_factory=dict)  # raw key text -> line, for duplicate keys
    merges: list[dict[str, Any]] = field(default_factory=list)
    pending_key: tuple[str, Any, int] | None = None  # (raw text, value, line) of a key awaiting its value


def _mark(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _scalar_value(event: Any) -> Any:
    plain = event.style in (None, "") and event.implicit[0]
    if event.tag is not None and event.tag != "!":
        return _tagged(event.tag, event.value, plain)
    return resolve_plain(event.value) if plain and event.tag is None else event.value


def load(text: str) -> Any:
    """The first document of `text`, decoded as yaml.v3 decodes into interface{}; YamlError when refused."""
    try:
        return _Loader(text).run()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        raise YamlError(
            f"not valid YAML: {problem}", *((mark.line + 1, mark.column + 1) if mark else (None, None))
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlError(f"not valid YAML: control character U+{character:04X} is not allowed", line, column) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None


class _Loader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Node] = []
        self.total = 0
        self.result: Any = None
        self.done = False

    def run(self) -> Any:
        loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        for event in yaml.parse(self.text, Loader=loader_class):
            if isinstance(event, yaml.DocumentEndEvent):
                return self.result  # yaml.v3's Unmarshal reads the first document only
            try:
                self._event(event)
            except YamlError as error:
                if error.line is None:  # a scalar's own problem: say where it stands
                    error.line, error.column = _mark(event)
                raise
        return self.result

    def _count(self, size: int, event: Any) -> None:
        self.total += size
        if self.total > MAX_YAML_EXPANDED_VALUES:
            raise YamlError(
                f"aliases expand to more than {MAX_YAML_EXPANDED_VALUES:,} values (an alias bomb?)", *_mark(event)
            )

    def _event(self, event: Any) -> None:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_YAML_DEPTH:
                raise YamlError(f"nests deeper than {MAX_YAML_DEPTH} levels", *_mark(event))
            tag = event.tag
            expected = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            if tag not in (None, "!", TAG + expected):
                raise YamlError(f"the YAML tag {tag} is not supported in a stack file", *_mark(event))
            value: Any = {} if expected == "map" else []
            self.stack.append(_Node(value, event.anchor))
            self._count(1, event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node = self.stack.pop()
            for merged in node.merges:  # explicit keys win over merged ones; earlier merges over later
                for key, item in merged.items():
                    node.value.setdefault(key, item)
            self._complete(node.value, node.size, node.anchor, event)
        elif isinstance(event, yaml.ScalarEvent):
            self._count(1, event)
            self._complete(_scalar_value(event), 1, event.anchor, event, raw=event.value, scalar=True)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise YamlError(f"unknown anchor {event.anchor!r}", *_mark(event))
            value, size = self.anchors[event.anchor]
            self._count(size, event)
            self._complete(value, size, None, event, alias=True)

    def _complete(
        self,
        value: Any,
        size: int,
        anchor: str | None,
        event: Any,
        *,
        raw: str = "",
        scalar: bool = False,
        alias: bool = False,
    ) -> None:
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.result = value
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        line, column = _mark(event)
        if parent.pending_key is None:
            if not scalar or alias:
                raise YamlError("a mapping key must be plain text", line, column)
            if raw in parent.keys and raw != MERGE:
                raise YamlError(f"mapping key {raw!r} already defined at line {parent.keys[raw]}", line, column)
            parent.keys[raw] = line
            parent.pending_key = (raw, value, line)
            return
        key_text, _, _ = parent.pending_key
        parent.pending_key = None
        if key_text == MERGE:
            merges = value if isinstance(value, list) else [value]
            if not all(isinstance(item, dict) for item in merges):
                raise YamlError("a merge key (<<) takes a mapping or a list of mappings", line, column)
            parent.merges.extend(merges)
            return
        parent.value[key_text] = value
