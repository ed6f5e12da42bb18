"""Canonical ids: slugs, countries (ISO 3166-1 alpha-2) and languages (ISO 639-1).

The words beyond ISO's names (short forms, demonyms, "Farsi") are data:
``graphkit/data/countries.yaml`` and ``languages.yaml`` (:mod:`graphkit.vocab`).

Examples
--------
>>> slugify("Forest Blizzard (APT28)")
'forest-blizzard-apt28'
>>> resolve_country("China-based")
'CN'
>>> resolve_country("North Korean")
'KP'
>>> resolve_language("Farsi")
'fa'
>>> resolve_language("Russian-speaking")
'ru'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

from graphkit.vocab import countries, languages

__all__ = [
    "country_name",
    "country_words",
    "language_name",
    "language_words",
    "resolve_country",
    "resolve_language",
    "slugify",
]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")


def slugify(text: str, max_words: int | None = None) -> str:
    """Lower-case words joined by hyphens; the shape of every slug id.

    Accents come off; letters of other scripts stay, so that names written in them keep ids of
    their own instead of all becoming the empty id.

    >>> slugify("Forest Blizzard"), slugify("Café Noir 2"), slugify("Газпром 2"), slugify("🐻")
    ('forest-blizzard', 'cafe-noir-2', 'газпром-2', '')
    """
    plain = (
        text  # ASCII has no accents to take off
        if text.isascii()
        else "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    )
    lowered = plain.lower()
    words = [w for w in (_NON_SLUG if lowered.isascii() else _NON_WORD).split(lowered) if w]
    if max_words is not None:
        words = words[:max_words]
    return "-".join(words)


_QUALIFIERS = re.compile(
    r"[-\s](based|linked|nexus|aligned|affiliated|origin|sponsored|backed|state|government|"
    r"speaking|language)$"
)


def _strip_qualifiers(text: str) -> str:
    text = text.strip().lower().replace("\u2019", "'")
    while True:
        stripped = _QUALIFIERS.sub("", text).strip()
        if stripped == text:
            return text
        text = stripped


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_3"):
            value = getattr(c, attr, None)
            if value:
                index[value.lower()] = c.alpha_2
    index.update(countries().word_codes())
    return index


@cache
def _alpha_2() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code (a set: pycountry's own look-up takes a lock per call)."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_words() -> dict[str, str]:
    """Every name, short form and demonym :func:`resolve_country` knows, lower case, to its code."""
    return dict(_country_index())


def resolve_country(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for a code, name, short form or demonym; None if unknown."""
    raw = text.strip()
    if len(raw) == 2 and raw.isalpha() and raw.isupper():
        return raw if raw in _alpha_2() else None
    return _country_index().get(_strip_qualifiers(raw))


def country_name(code: str) -> str:
    """A short English name for an alpha-2 code (``KP`` is North Korea)."""
    short = countries().short_names.get(code)
    if short:
        return short
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        raise KeyError(code)
    return str(getattr(c, "common_name", None) or c.name)


@cache
def _language_codes() -> frozenset[str]:
    """Every ISO 639-1 code (a set, as for countries: pycountry's look-up takes a lock)."""
    return frozenset(
        code for lang in pycountry.languages if (code := getattr(lang, "alpha_2", None))
    )


@cache
def _language_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for lang in pycountry.languages:
        code = getattr(lang, "alpha_2", None)
        if code:
            index[lang.name.lower()] = code
    index.update(languages().word_codes())
    return index


def language_words() -> dict[str, str]:
    """Every language name :func:`resolve_language` knows, lower case, to its code."""
    return dict(_language_index())


def resolve_language(text: str) -> str | None:
    """The ISO 639-1 code for a code or language name ("Chinese-language"); None if unknown."""
    raw = text.strip()
    if len(raw) == 2 and raw.isalpha() and raw.islower():
        return raw if raw in _language_codes() else None
    return _language_index().get(_strip_qualifiers(raw))


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code."""
    short = languages().short_names.get(code)
    if short:
        return short
    lang = pycountry.languages.get(alpha_2=code)
    if lang is None:
        raise KeyError(code)
    return str(lang.name).split(" (")[0]
