"""Decode YAML mappings into frozen dataclasses, strictly.

Rule-kind parameters, lexicons and configuration are all declared as frozen
dataclasses; this module turns ``Located`` YAML into them, checking every key and
type once, compiling regular expressions once, and reporting mistakes as
``ConfigError`` with file, line and field.

Supported field types: ``str``, ``int``, ``float``, ``bool``, ``re.Pattern``,
``Literal[...]`` of text, ``tuple[T, ...]`` of any of these or of a nested dataclass,
and a nested dataclass.
Field names use ``_`` in Python and may be written with ``-`` or ``_`` in YAML.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from pathlib import Path
from typing import Any

from annolint.yamlfile import ConfigError, Located

REGEX_FLAGS = re.IGNORECASE | re.UNICODE


def _builtin(path: str) -> bool:
    """Whether a file is one of annolint's own rule packs (trusted patterns)."""
    from annolint.ruleset import builtin_rules_dir

    try:
        return Path(path).resolve().is_relative_to(builtin_rules_dir().resolve())
    except (OSError, RuntimeError):
        return False


def yaml_key(name: str) -> str:
    return name.replace("_", "-")


def _field_of(cls: type, key: str) -> dataclasses.Field | None:
    for f in dataclasses.fields(cls):
        if key in (f.name, yaml_key(f.name)):
            return f
    return None


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin is tuple:
        return f"a list of {_type_name(typing.get_args(tp)[0])}"
    if tp is re.Pattern or origin is re.Pattern:
        return "a regular expression (text)"
    if dataclasses.is_dataclass(tp):
        return "a mapping"
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(
        tp, str(tp)
    )


def _decode_value(tp: Any, item: Located, field: str, flags: int) -> Any:
    value = item.value
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _decode_value(args[0], item, field, flags)
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if value not in allowed:
            raise ConfigError(item.path, item.line, field, f"must be one of: {', '.join(map(str, allowed))}")
        return value
    if origin is tuple:
        inner = typing.get_args(tp)[0]
        if not isinstance(value, list):
            raise ConfigError(item.path, item.line, field, f"must be {_type_name(tp)}")
        return tuple(
            _decode_value(inner, element, f"{field}[{i}]", flags) for i, element in enumerate(value)
        )
    if tp is re.Pattern or origin is re.Pattern:
        if not isinstance(value, str):
            raise ConfigError(item.path, item.line, field, "must be a regular expression (text)")
        try:
            if _builtin(item.path):
                return re.compile(value, flags)
            from annolint.patterns import GuardedPattern  # a user's pattern: a time budget per search
            re.compile(value, flags)  # the syntax annolint documents, and its error messages
            return GuardedPattern(value, flags, item.path, item.line, field)
        except re.error as err:
            raise ConfigError(
                item.path, item.line, field, f"is not a valid regular expression: {err}"
            ) from err
    if dataclasses.is_dataclass(tp):
        return decode(tp, item, prefix=f"{field}.")
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(item.path, item.line, field, "must be true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(item.path, item.line, field, "must be a whole number")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(item.path, item.line, field, "must be a number")
        return float(value)
    if tp is str:
        if isinstance(value, bool):
            raise ConfigError(item.path, item.line, field,
                              "must be text: YAML reads yes, no, on and off as true or false, so quote them")
        if isinstance(value, (dict, list)) or value is None:
            raise ConfigError(item.path, item.line, field, "must be text")
        return str(value)
    raise TypeError(f"unsupported parameter type {tp!r}")  # a programming error


def decode(cls: type, source: Located, *, prefix: str = "", skip: frozenset[str] = frozenset(),
           what: str = "") -> Any:
    """Build ``cls`` from a YAML mapping; ``skip`` names keys handled by the caller."""
    if not isinstance(source.value, dict):
        raise ConfigError(source.path, source.line, prefix.rstrip(".") or None, "must be a mapping")
    hints = typing.get_type_hints(cls)
    flags = getattr(cls, "REGEX_FLAGS", REGEX_FLAGS)
    values: dict[str, Any] = {}
    for key, item in source.value.items():
        if key in skip:
            continue
        f = _field_of(cls, key)
        if f is None:
            allowed = sorted(
                {yaml_key(x.name) for x in dataclasses.fields(cls)} | set(skip)
            )
            raise ConfigError(
                source.path, item.line, prefix + key,
                f"unknown key{(' for ' + what) if what else ''}; allowed: {', '.join(allowed)}",
            )
        values[f.name] = _decode_value(hints[f.name], item, prefix + key, flags)
    for f in dataclasses.fields(cls):
        missing = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if missing and f.name not in values:
            raise ConfigError(source.path, source.line, prefix + yaml_key(f.name), "is required")
    try:
        return cls(**values)
    except FieldError as err:  # a dataclass's own check of its values (``__post_init__``)
        item = source.value.get(err.field) or source.value.get(yaml_key(err.field))
        line = item.line if isinstance(item, Located) else source.line
        raise ConfigError(source.path, line, prefix + yaml_key(err.field), err.message) from err


class FieldError(ValueError):
    """Raised by a dataclass's ``__post_init__`` for a value of the right type that
    cannot be used; ``decode`` turns it into a ``ConfigError`` with file and line."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def merge_mappings(base: Located, extra: Located) -> Located:
    """``extra`` over ``base``: lists are extended, mappings merged, other values replaced."""
    if not isinstance(base.value, dict) or not isinstance(extra.value, dict):
        return extra
    merged = dict(base.value)
    for key, item in extra.value.items():
        old = merged.get(key)
        if old is not None and isinstance(old.value, list) and isinstance(item.value, list):
            merged[key] = Located(old.value + item.value, item.path, item.line)
        elif old is not None and isinstance(old.value, dict) and isinstance(item.value, dict):
            merged[key] = merge_mappings(old, item)
        else:
            merged[key] = item
    return Located(merged, extra.path, extra.line)
