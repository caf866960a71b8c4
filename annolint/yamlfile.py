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


@dataclass(frozen=True)
class Located:
    """A YAML value together with where it stood, for error messages."""

    value: Any
    path: str
    line: int


def _convert(node: yaml.Node, path: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in result:
                raise ConfigError(path, key_node.start_mark.line + 1, key, "appears twice")
            result[key] = Located(_convert(value_node, path), path, key_node.start_mark.line + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [Located(_convert(item, path), path, item.start_mark.line + 1) for item in node.value]
    return yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:str" else node.value


def load_located(path: Path) -> Located:
    """Parse a YAML file into ``Located`` values (mappings and lists keep lines)."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(shown, None, None, f"cannot be read: {err}") from err
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(err, "problem", None) or str(err)
        raise ConfigError(shown, line, None, f"is not valid YAML: {problem}") from err
    if node is None:
        return Located({}, shown, 1)
    return Located(_convert(node, shown), shown, node.start_mark.line + 1)


def locate_plain(value: Any, path: str, line: int) -> Located:
    """Wrap plain data (from TOML, say) so it can be decoded like YAML."""
    if isinstance(value, dict):
        return Located({k: locate_plain(v, path, line) for k, v in value.items()}, path, line)
    if isinstance(value, list):
        return Located([locate_plain(v, path, line) for v in value], path, line)
    return Located(value, path, line)
