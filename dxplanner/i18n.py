"""Translation of user-visible text: `_()` looks English text up in the chosen language."""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from dxplanner.resources import bundled_dir

LANGUAGES = ("vi", "en")
SOURCE_LANGUAGE = "en"

_current = SOURCE_LANGUAGE


@cache
def _catalog(language: str) -> dict[str, str]:
    if language == SOURCE_LANGUAGE:
        return {}
    path = bundled_dir("resources") / "translations" / f"{language}.json"
    with path.open(encoding="utf-8") as handle:
        catalog: dict[str, str] = json.load(handle)
    return catalog


def _(message: str) -> str:
    """The message in the current language, or as written when it has no translation."""
    return _catalog(_current).get(message, message)


def N_(message: str) -> str:  # noqa: N802  (the gettext name, so tools and readers know it)
    """Mark a message for translation where it is defined; `_()` translates it where it is shown."""
    return message


def every_language(message: str) -> list[str]:
    """The message in every language dxplanner speaks (to read what a user typed in any of them)."""
    return list(dict.fromkeys(_catalog(language).get(message, message) for language in LANGUAGES))


def set_language(language: str) -> None:
    """Choose the language of every later message (one of LANGUAGES)."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _current = language


def current_language() -> str:
    """The language messages are given in now."""
    return _current


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Words in `language` inside the block (None: the current one), the language before after it.

    For what a document says (a report in English for a Vietnamese user): messages to the user
    belong outside the block, so that they stay in the user's language.
    """
    before = _current
    if language is not None:
        set_language(language)
    try:
        yield
    finally:
        set_language(before)


def system_language(environ: dict[str, str] | None = None) -> str:
    """Vietnamese when the user's environment asks for it, English otherwise."""
    env = os.environ if environ is None else environ
    chosen = env.get("DXPLANNER_LANG")
    if chosen in LANGUAGES:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable)
        if value:
            return "vi" if value.lower().startswith("vi") else SOURCE_LANGUAGE
    system_locale = locale.getlocale()[0] or ""
    return "vi" if system_locale.lower().startswith("vi") else SOURCE_LANGUAGE
