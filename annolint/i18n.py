"""The language annolint speaks in its findings: English or Dutch.

The rule packs and the language of the messages are separate choices: a Dutch team
reads Dutch findings about Dutch notes, and an English-speaking reviewer can read the
same Dutch pack's findings in English (``message-language`` in the configuration).

Everything a rule kind writes into a message goes through ``say``: its English
template is the key, and the catalogue ``rules/common/messages-<language>.yaml``
gives the translation (``phrases:``), as gettext does with msgids. The catalogue also
holds each built-in rule's message and description (``rules:``) and the texts that
rule packs give as parameters, such as a placeholder's reason (``phrases:`` too).
Dates and month names come from Babel's locale data, not from tables of our own.

The language is set for the duration of a check with ``speaking(language)`` (a
context variable, so a rule kind needs no extra argument and parallel runs do not
mix languages).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "nl")
_language: ContextVar[str] = ContextVar("annolint_message_language", default="en")


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Messages in ``language`` ("en" or "nl") inside the block."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def current() -> str:
    return _language.get()


@dataclass(frozen=True)
class Catalogue:
    """One language's translations: phrases by their English template, and the
    built-in rules' message and description by rule name."""

    language: str
    phrases: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, str]] = field(default_factory=dict)
    path: str = ""


def catalogue_path(language: str) -> Path:
    from annolint.ruleset import builtin_rules_dir

    return builtin_rules_dir() / "common" / f"messages-{language}.yaml"


@lru_cache(maxsize=None)
def catalogue(language: str) -> Catalogue:
    """The catalogue of a language; English needs none (its templates are the keys)."""
    if language == "en":
        return Catalogue("en")
    from annolint.yamlfile import ConfigError, load_located

    path = catalogue_path(language)
    located = load_located(path)
    data = located.value if isinstance(located.value, dict) else {}

    def texts(section: str) -> dict:
        item = data.get(section)
        if item is None:
            return {}
        if not isinstance(item.value, dict):
            raise ConfigError(path, item.line, section, "must be a mapping")
        return item.value

    phrases = {}
    for english, dutch in texts("phrases").items():
        if not isinstance(dutch.value, str):
            raise ConfigError(path, dutch.line, f"phrases.{english}", "must be text")
        phrases[english] = dutch.value
    rules = {}
    for name, entry in texts("rules").items():
        if not isinstance(entry.value, dict) or not all(isinstance(v.value, str) for v in entry.value.values()):
            raise ConfigError(path, entry.line, f"rules.{name}", "must map message and description to text")
        rules[name] = {key: value.value for key, value in entry.value.items()}
    return Catalogue(language, phrases, rules, str(path))


def say(template: str, /, **values: object) -> str:
    """``template`` in the current language, with ``values`` filled in.

    The English template is the key; a phrase without a translation stays English
    (a test keeps every phrase in the code translated)."""
    language = _language.get()
    if language != "en":
        template = catalogue(language).phrases.get(template, template)
    return template.format(**values) if values else template


def phrase(template: str) -> str:
    """Marks a template kept for later (in a table) as one the catalogue translates;
    ``say`` translates it when it is used."""
    return template


def plural(count: int, one: str, many: str, /, **values: object) -> str:
    """``one`` or ``many`` by ``count`` (both templates may use ``{count}``)."""
    return say(one if count == 1 else many, count=count, **values)


@lru_cache(maxsize=4096)
def _formatted(day: dt.date, language: str) -> str:
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=language)


def long_date(day: dt.date) -> str:
    """A day as messages write it: "3 October 2024", "3 oktober 2024"."""
    return _formatted(day, _language.get())


def ready() -> None:
    """Load what writing a date in the message language takes (Babel and its locale
    data, 40 ms) now: the rule workers forked after it share it, instead of each
    loading it for its first message."""
    long_date(dt.date(2000, 1, 1))


def number(value: int) -> str:
    """A whole number with the language's grouping: "30,002", "30.002"."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_language.get())


@lru_cache(maxsize=None)
def _months(language: str) -> tuple[str, ...]:
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=language)
    return tuple(names[m] for m in range(1, 13))


def month_name(month: int) -> str:
    """"October", "oktober": in a period ("September–November 2024") Dutch writes
    month names in lower case, as Babel's locale data has them."""
    return _months(_language.get())[month - 1]
