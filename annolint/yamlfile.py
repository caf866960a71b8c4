"""Strict YAML reading for rule, lexicon and configuration files.

Errors name the file, the line and the field, in the form ``path:line: field 'x': …``,
so that a secretariat member who edits a rule pack can find the mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class ConfigError(Exception):
    """A configuration, rule or lexicon file that annolint cannot use (exit 2)."""

    def __init__(self, path: str | Path, line: int | None, field: str | None, message: str):
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        where = self.path + (f":{line}" if line else "")
        what = f"field '{field}': " if field else ""
        super().__init__(f"{where}: {what}{message}")

    def __reduce__(self):  # raised in a worker process, reported by the main one
        return ConfigError, (self.path, self.line, self.field, self.message)


@dataclass(frozen=True)
class Located:
    """A YAML value together with where it stood, for error messages."""

    value: Any
    path: str
    line: int


MAX_FILE_BYTES = 2_000_000  # a configuration, rule or lexicon file: far more than any needs
MAX_VALUES = 100_000  # more values than any rule pack or configuration holds: aliases expanding


class _Converter:
    """YAML nodes to ``Located`` values, refusing what would hang or crash: an alias
    that contains itself ("exclude: &a [*a]"), aliases that expand without end (a
    "billion laughs"), a value YAML cannot build ("root: 2024-02-30", a Python tag)."""

    def __init__(self, path: str):
        self.path = path
        self.count = 0
        self.open: set[int] = set()  # the nodes being converted: one of them again is a loop

    def convert(self, node: yaml.Node, field: str | None = None) -> Any:
        line = node.start_mark.line + 1
        self.count += 1
        if self.count > MAX_VALUES:
            raise ConfigError(self.path, line, field, f"holds more than {MAX_VALUES:,} values (aliases that "
                              "expand without end?)")
        if id(node) in self.open:
            raise ConfigError(self.path, line, field, "an alias refers to the value that contains it")
        self.open.add(id(node))
        try:
            return self._value(node, line, field)
        finally:
            self.open.discard(id(node))

    def _value(self, node: yaml.Node, line: int, field: str | None) -> Any:
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                if key in result:
                    raise ConfigError(self.path, key_node.start_mark.line + 1, key, "appears twice")
                name = f"{field}.{key}" if field else key
                result[key] = Located(self.convert(value_node, name), self.path, key_node.start_mark.line + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [Located(self.convert(item, f"{field or ''}[{i}]"), self.path, item.start_mark.line + 1)
                    for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        try:
            return yaml.safe_load(yaml.serialize(node))
        except (yaml.YAMLError, ValueError) as err:  # "2024-02-30", "!!python/name:os.system"
            problem = getattr(err, "problem", None) or str(err)
            raise ConfigError(self.path, line, field, f"'{node.value or node.tag}' is not a value annolint can read: "
                              f"{problem}") from err


# libyaml's parser where PyYAML was built with it: the rule packs and lexicons parse
# several times faster (the same nodes, the same marks); the pure-Python one otherwise.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_located(path: Path) -> Located:
    """Parse a YAML file into ``Located`` values (mappings and lists keep lines)."""
    shown = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ConfigError(shown, None, None, f"is larger than the {MAX_FILE_BYTES // 1_000_000} MB a "
                              "configuration, rule or lexicon file can be")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(shown, None, None, f"cannot be read: {err}") from err
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except RecursionError as err:
        raise ConfigError(shown, None, None, "is nested too deeply to read") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(err, "problem", None) or str(err)
        if "nesting depth" in problem:  # libyaml from PyYAML 6.0.4 on stops at a depth limit of its own
            raise ConfigError(shown, None, None, "is nested too deeply to read") from err
        raise ConfigError(shown, line, None, f"is not valid YAML: {problem}") from err
    if node is None:
        return Located({}, shown, 1)
    try:
        return Located(_Converter(shown).convert(node), shown, node.start_mark.line + 1)
    except RecursionError as err:
        raise ConfigError(shown, None, None, "is nested too deeply to read") from err


def locate_plain(value: Any, path: str, line: int) -> Located:
    """Wrap plain data (from TOML, say) so it can be decoded like YAML."""
    if isinstance(value, dict):
        return Located({k: locate_plain(v, path, line) for k, v in value.items()}, path, line)
    if isinstance(value, list):
        return Located([locate_plain(v, path, line) for v in value], path, line)
    return Located(value, path, line)
