"""Configuration: ``.annolint.yaml`` or ``[tool.annolint]`` in ``pyproject.toml``,
found upwards from the first path checked (or named with ``--config``).

Keys (all optional; paths are relative to the configuration file):

- ``root``: the briefing set's folder, checked as a whole by the pre-commit hook;
- ``language``: the rule pack, ``nl`` (default) or ``en``;
- ``message-language``: the language of the findings, ``nl`` or ``en`` (default: the
  rule pack's language);
- ``extensions``: file endings to check in folders (default ``.txt``, ``.md``, ``.docx``,
  ``.pdf``; a ``.doc`` is reported as not read);
- ``exclude``: glob patterns of files to skip (matched against the path below the
  configuration's folder and the file name);
- ``rule-dirs``: folders of your own YAML rules (a rule with a built-in id replaces it);
- ``lexicons``: lexicon files that extend the built-in lexicon;
- ``select`` / ``ignore``: rule ids or names;
- ``fail-on``: the lowest severity that fails the run (default ``warning``: notes
  are reported but do not fail);
- ``rule-options``: per rule id or name, parameters that replace or extend the rule's.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from annolint.decode import decode
from annolint.findings import SEVERITIES
from annolint.sources import DEFAULT_EXTENSIONS
from annolint.yamlfile import ConfigError, Located, load_located, locate_plain

CONFIG_NAMES = (".annolint.yaml", ".annolint.yml", "pyproject.toml")
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class _Settings:
    root: str = ""
    language: str = "nl"
    message_language: str = ""
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it came from; None for defaults
    root: Path | None = None
    language: str = "nl"
    message_language: str = ""  # "" : the rule pack's language
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    lexicons: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    rule_options: dict[str, Located] = field(default_factory=dict)

    @property
    def messages(self) -> str:
        """The language findings are written in."""
        return self.message_language or self.language

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def _read_pyproject(path: Path) -> Located | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(path, None, None, f"cannot be read as TOML: {err}") from err
    tool = data.get("tool", {})
    if not isinstance(tool, dict):  # "tool = 1": another program's business, not a table of tools
        return None
    section = tool.get("annolint")
    if section is None:
        return None
    line = 1
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.strip().startswith("[tool.annolint"):
            line = number
            break
    return locate_plain(section, str(path), line)


def _read(path: Path) -> Located | None:
    if path.name == "pyproject.toml":
        return _read_pyproject(path)
    return load_located(path)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file():
                if name == "pyproject.toml" and _read_pyproject(candidate) is None:
                    continue
                return candidate
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    located = _read(path)
    if located is None:
        return Config(path=path)
    if not isinstance(located.value, dict):
        raise ConfigError(path, located.line, None, "must be a mapping of settings")
    options = located.value.get("rule-options")
    settings = decode(_Settings, located, skip=frozenset({"rule-options"}), what="annolint's configuration")
    if settings.language not in LANGUAGES:
        item = located.value["language"]
        raise ConfigError(item.path, item.line, "language", f"must be one of {', '.join(LANGUAGES)}")
    if settings.message_language and settings.message_language not in LANGUAGES:
        item = located.value["message-language"]
        raise ConfigError(item.path, item.line, "message-language", f"must be one of {', '.join(LANGUAGES)}")
    if settings.fail_on not in SEVERITIES:
        item = located.value["fail-on"]
        raise ConfigError(item.path, item.line, "fail-on", f"must be one of {', '.join(SEVERITIES)}")
    rule_options: dict[str, Located] = {}
    if options is not None:
        if not isinstance(options.value, dict):
            raise ConfigError(options.path, options.line, "rule-options", "must map rule ids or names to parameters")
        rule_options = dict(options.value)
    base = path.parent
    return Config(
        path=path,
        root=(base / settings.root) if settings.root else None,
        language=settings.language,
        message_language=settings.message_language,
        extensions=tuple(e if e.startswith(".") else "." + e for e in settings.extensions),
        exclude=settings.exclude,
        rule_dirs=tuple(base / d for d in settings.rule_dirs),
        lexicons=tuple(base / d for d in settings.lexicons),
        select=settings.select,
        ignore=settings.ignore,
        fail_on=settings.fail_on,
        rule_options=rule_options,
    )
