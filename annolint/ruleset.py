"""Load YAML rules: strict, with errors that name the file, line and field.

A rule file holds one rule (a mapping) or a pack (``rules:`` with a list of rules).
Common keys: ``id`` (AL + three digits), ``name`` (kebab-case), ``kind``,
``severity`` (error, warning, note), ``message`` (placeholders from the kind),
``description``, ``scope``; every other key is a parameter of the kind.
Files named ``lexicon*.yaml`` are lexicons and ``messages-*.yaml`` message
catalogues (``i18n``), not rules.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from annolint.decode import decode, merge_mappings
from annolint.findings import SEVERITIES
from annolint.index import SCOPES
from annolint.kinds import KINDS
from annolint.yamlfile import ConfigError, Located, load_located

COMMON_KEYS = ("id", "name", "kind", "severity", "message", "description", "scope")
RULE_ID = re.compile(r"AL\d{3}")
RULE_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    message: str
    description: str
    scope: tuple[str, ...]
    params: Any
    source: str  # the file it was defined in

    @property
    def module(self) -> ModuleType:
        return KINDS[self.kind]

    @property
    def short_description(self) -> str:
        first = self.description.strip().split("\n\n")[0]
        return " ".join(first.split())


def builtin_rules_dir() -> Path:
    """The rule packs: installed as ``annolint.rulepacks``; ``rules/`` beside the
    package when annolint runs from a checkout without being installed."""
    try:
        return Path(str(resources.files("annolint.rulepacks")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "rules"


def _text(mapping: dict, key: str, where: Located) -> str:
    item = mapping.get(key)
    if item is None:
        raise ConfigError(where.path, where.line, key, "is required")
    if not isinstance(item.value, str) or not item.value.strip():
        raise ConfigError(item.path, item.line, key, "must be non-empty text")
    return item.value


def build_rule(raw: Located, options: Located | None = None) -> Rule:
    """Decode one rule mapping, with configuration ``options`` over its parameters."""
    if not isinstance(raw.value, dict):
        raise ConfigError(raw.path, raw.line, None, "a rule must be a mapping of keys to values")
    mapping = raw.value
    rule_id = _text(mapping, "id", raw)
    if not RULE_ID.fullmatch(rule_id):
        raise ConfigError(raw.path, mapping["id"].line, "id", f"'{rule_id}' must be AL followed by three digits")
    name = _text(mapping, "name", raw)
    if not RULE_NAME.fullmatch(name):
        raise ConfigError(raw.path, mapping["name"].line, "name", f"'{name}' must be kebab-case (lower-case words joined by '-')")
    kind = _text(mapping, "kind", raw)
    if kind not in KINDS:
        raise ConfigError(raw.path, mapping["kind"].line, "kind",
                          f"unknown kind '{kind}'; known kinds: {', '.join(sorted(KINDS))}")
    severity = _text(mapping, "severity", raw)
    if severity not in SEVERITIES:
        raise ConfigError(raw.path, mapping["severity"].line, "severity",
                          f"'{severity}' must be one of {', '.join(SEVERITIES)}")
    message = _text(mapping, "message", raw)
    module = KINDS[kind]
    check_message(message, kind, raw.path, mapping["message"].line)
    description = _text(mapping, "description", raw)
    scope_item = mapping.get("scope")
    scope: tuple[str, ...] = ("all",)
    if scope_item is not None:
        values = scope_item.value
        values = [values] if isinstance(values, str) else [v.value for v in values] if isinstance(values, list) else None
        if not values or any(v not in SCOPES for v in values):
            raise ConfigError(scope_item.path, scope_item.line, "scope",
                              f"must be one or more of {', '.join(SCOPES)}")
        scope = tuple(values)
    params_source = Located({k: v for k, v in mapping.items() if k not in COMMON_KEYS}, raw.path, raw.line)
    if options is not None:
        params_source = merge_mappings(params_source, options)
    params = decode(module.Params, params_source, what=f"a rule of kind '{kind}'")
    return Rule(rule_id, name, kind, severity, message, description.strip(), scope, params, raw.path)


def check_message(message: str, kind: str, path, line: int | None, field: str = "message") -> None:
    """A message template's placeholders must be fields its kind offers (ConfigError)."""
    module = KINDS[kind]
    try:
        parts = [(f, spec, conversion) for _, f, spec, conversion in string.Formatter().parse(message)
                 if f is not None]
    except ValueError as err:
        raise ConfigError(path, line, field, f"bad placeholder: {err}") from err
    # A placeholder is a field's name and nothing else: "{text.foo}", "{text[999]}" and
    # "{text:d}" crash when a finding is written, "{text.__class__.__mro__}" prints
    # annolint's internals.
    for f, spec, conversion in parts:
        if not f.isidentifier() or spec or conversion:
            written = "{" + f + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ConfigError(path, line, field,
                              f"placeholder {written} must be a plain field name such as {{text}}, with no "
                              "attribute, index, conversion or format")
    fields = {f for f, _, _ in parts}
    unknown = sorted(f for f in fields if f not in module.MESSAGE_FIELDS)
    if unknown:
        raise ConfigError(path, line, field,
                          f"unknown placeholder {{{unknown[0]}}}; kind '{kind}' offers "
                          + ", ".join("{" + f + "}" for f in sorted(module.MESSAGE_FIELDS)))


def translated(rules: list[Rule], language: str, builtin: Path) -> list[Rule]:
    """The built-in rules with their message and description in ``language``, from
    its catalogue; a user's own rules keep the words they were written in."""
    from dataclasses import replace

    from annolint.i18n import catalogue

    if language == "en":
        return rules
    texts = catalogue(language)
    inside = str(builtin.resolve())
    result = []
    for rule in rules:
        entry = texts.rules.get(rule.name)
        if entry is None or not str(Path(rule.source).resolve()).startswith(inside):
            result.append(rule)
            continue
        message = entry.get("message", rule.message)
        check_message(message, rule.kind, texts.path, None, f"rules.{rule.name}.message")
        result.append(replace(rule, message=message, description=entry.get("description", rule.description).strip()))
    return result


def _rule_mappings(path: Path) -> list[Located]:
    doc = load_located(path)
    if isinstance(doc.value, dict) and set(doc.value) == {"rules"}:
        items = doc.value["rules"]
        if not isinstance(items.value, list):
            raise ConfigError(path, items.line, "rules", "must be a list of rules")
        return list(items.value)
    return [doc]


def rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ConfigError(folder, None, None, "rule folder does not exist")
    return sorted(p for p in folder.rglob("*.yaml") if not p.name.startswith(("lexicon", "messages-")))


def load_rules(folders: list[Path], options: dict[str, Located] | None = None,
               overridable: int = 0) -> list[Rule]:
    """Rules from ``folders`` in order. A rule in a later folder (a user's) replaces a
    built-in one with the same id; the first ``overridable`` folders are built-in."""
    options = options or {}
    rules: dict[str, Rule] = {}
    origin: dict[str, int] = {}
    for position, folder in enumerate(folders):
        for path in rule_files(folder):
            for raw in _rule_mappings(path):
                mapping = raw.value if isinstance(raw.value, dict) else {}
                # options are keyed by id or name, as the user wrote them
                ref = [mapping[k].value for k in ("id", "name") if k in mapping]
                chosen = next((options[r] for r in ref if isinstance(r, str) and r in options), None)
                rule = build_rule(raw, chosen)
                if rule.id in rules:
                    replaceable = origin[rule.id] < overridable and position >= overridable
                    if not replaceable:
                        raise ConfigError(path, raw.line, "id",
                                          f"{rule.id} is already defined in {rules[rule.id].source}")
                clash = next((r for r in rules.values() if r.name == rule.name and r.id != rule.id), None)
                if clash:
                    raise ConfigError(path, raw.line, "name",
                                      f"'{rule.name}' is already the name of {clash.id} in {clash.source}")
                rules[rule.id] = rule
                origin[rule.id] = position
    known = set(rules) | {r.name for r in rules.values()}
    for key, item in options.items():
        if key not in known:
            raise ConfigError(item.path, item.line, f"rule-options.{key}", "no rule has this id or name")
    return sorted(rules.values(), key=lambda r: r.id)
