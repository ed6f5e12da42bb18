"""Controlled vocabularies: sectors, techniques of our own, platforms, countries, languages.

Each is a data file under ``graphkit/data/`` (``sectors.yaml``, ``techniques.yaml``,
``platforms.yaml``, ``publishers.yaml``, ``countries.yaml``, ``languages.yaml``), read and
checked once here. The ids are a contract (DESIGN.md); names and synonyms are the project's own.

Examples
--------
>>> SECTORS["education"].name, PLATFORMS["claude"].vendor
('Education', 'Anthropic')
>>> countries().word_codes()["north korean"], languages().word_codes()["farsi"]
('KP', 'fa')
"""

from __future__ import annotations

from functools import cache
from typing import Literal

import pycountry
from pydantic import model_validator

from graphkit.atlas import atlas_techniques
from graphkit.data import Strict, load
from graphkit.errors import InputError

__all__ = [
    "ATLAS_TECHNIQUES",
    "LLM_TECHNIQUES",
    "PLATFORMS",
    "PUBLISHERS",
    "SECTORS",
    "Countries",
    "Languages",
    "Platform",
    "Publisher",
    "Sector",
    "VocabTechnique",
    "countries",
    "languages",
    "resolve_sector",
    "sector_words",
]


class Sector(Strict):
    id: str
    name: str
    synonyms: tuple[str, ...] = ()


class VocabTechnique(Strict):
    id: str
    name: str
    description: str
    framework: Literal["llm", "atlas"]
    tactics: tuple[str, ...] = ()
    maps_to: tuple[str, ...] = ()


class Platform(Strict):
    """An AI service (``kind: ai``) or a social platform operators used (``kind: social``)."""

    id: str
    name: str
    vendor: str
    kind: Literal["ai", "social"]
    aliases: tuple[str, ...] = ()  # other names of the service, as reports write them
    family: tuple[str, ...] = ()  # its models' names ("GPT-4o" is ChatGPT's)
    company: tuple[str, ...] = ()  # names that mean it in a query, but the company in a report

    @property
    def synonyms(self) -> tuple[str, ...]:
        """Every other name an analyst may give it."""
        return (*self.aliases, *self.family, *self.company)

    @property
    def words(self) -> tuple[str, ...]:
        """What names the service in report text: its name, aliases and family."""
        return (self.name, *self.aliases, *self.family)


class Publisher(Strict):
    """A publisher the extractor recognises, and the AI platform its reports are about."""

    name: str
    aliases: tuple[str, ...]  # how a text names it, lower case
    platform: str | None  # a platform's name
    # every threat report it publishes is about misuse of its own AI (an AI lab's): "the
    # operators' posts" there speak of its models unnamed; a security team's reports are not
    only_ai: bool = False


class _Words(Strict):
    """Lower-case words by code; a word may stand under one code only."""

    @staticmethod
    def _once(pairs: list[tuple[str, str]], what: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for word, code in pairs:
            if word != word.lower():
                raise ValueError(f"{what} {word!r} is not lower case")
            if out.setdefault(word, code) != code:
                raise ValueError(f"{what} {word!r} stands under {out[word]} and {code}")
        return out


class CountryWords(Strict):
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()  # adjectives ("a Chinese actor")


class Countries(_Words):
    short_names: dict[str, str]  # where ISO's name is long or formal
    words: dict[str, CountryWords]
    capitalised_only: frozenset[str]  # ordinary English words unless capitalised ("us")
    not_places: frozenset[str]  # names the extractor does not read as one country
    sponsors: dict[str, tuple[str, ...]]  # state bodies behind actors
    cities: dict[str, tuple[str, ...]]  # cities and parliaments that stand for their country

    @model_validator(mode="after")
    def _codes_and_words(self) -> Countries:
        codes = {c.alpha_2 for c in pycountry.countries}
        for group in (self.short_names, self.words, self.sponsors, self.cities):
            unknown = sorted(set(group) - codes)
            if unknown:
                raise ValueError(f"not an ISO 3166-1 alpha-2 code: {unknown[0]}")
        self.word_codes()
        self._names_no_demonyms()
        self._once([(w, c) for c, ws in self.sponsors.items() for w in ws], "sponsor")
        self._once([(w, c) for c, ws in self.cities.items() for w in ws], "city")
        return self

    def _names_no_demonyms(self) -> None:
        """A country's name with "n", "an" or "ian" after it, or in place of its last letter
        ("cuban", "rwandan", "mexican"), is its demonym: under ``names`` it would read "a Cuban
        crew" as a place, not a people."""
        for code, entry in self.words.items():
            country = pycountry.countries.get(alpha_2=code)
            bases = {n.lower() for n in entry.names}
            bases |= {getattr(country, a, "").lower() for a in ("name", "common_name")}
            for name in entry.names:
                others = bases - {name}
                stems = others | {b[:-1] for b in others if len(b) > 3}  # "mexic(o)"
                if any(name == b + end for b in stems if b for end in ("n", "an", "ian")):
                    raise ValueError(f"{code}: {name!r} is a demonym: list it under demonyms")

    def word_codes(self) -> dict[str, str]:
        """Every name and demonym → its code."""
        pairs = [(w, c) for c, e in self.words.items() for w in (*e.names, *e.demonyms)]
        return self._once(pairs, "country word")

    def demonyms(self) -> frozenset[str]:
        return frozenset(w for e in self.words.values() for w in e.demonyms)

    def peoples(self) -> dict[str, str]:
        """The plural of each one-word demonym that takes an "s" ("north koreans", "israelis";
        not "chinese"): the people, who may act ("The North Koreans also tried ...") → code."""
        return {
            f"{w}s": c
            for c, e in self.words.items()
            for w in e.demonyms
            if w.endswith(("n", "i")) and "-" not in w
        }

    def collectives(self) -> dict[str, str]:
        """Each one-word demonym that is its own plural ("chinese", "british", "dutch"): after
        "the" and before a verb, the people who act ("the Chinese researched ...") → code."""
        return {
            w: c
            for c, e in self.words.items()
            for w in e.demonyms
            if w.endswith(("ese", "ish", "tch", "nch", "ss")) and " " not in w and "-" not in w
        }

    def sponsor_codes(self) -> dict[str, str]:
        return {w: c for c, ws in self.sponsors.items() for w in ws}

    def city_codes(self) -> dict[str, str]:
        return {w: c for c, ws in self.cities.items() for w in ws}


class Languages(_Words):
    short_names: dict[str, str]
    words: dict[str, tuple[str, ...]]
    not_languages: frozenset[str]  # ISO names that are ordinary words or name something else

    @model_validator(mode="after")
    def _codes_and_words(self) -> Languages:
        codes = {c for lang in pycountry.languages if (c := getattr(lang, "alpha_2", None))}
        unknown = sorted((set(self.short_names) | set(self.words)) - codes)
        if unknown:
            raise ValueError(f"not an ISO 639-1 code: {unknown[0]}")
        self.word_codes()
        return self

    def word_codes(self) -> dict[str, str]:
        """Every name → its code."""
        return self._once([(w, c) for c, ws in self.words.items() for w in ws], "language word")


class _AtlasChoice(Strict):
    """An ATLAS technique we single out: its id in atlas.json and a description of our own."""

    id: str
    description: str


class _Techniques(Strict):
    llm: tuple[VocabTechnique, ...]
    atlas: tuple[_AtlasChoice, ...]


def _atlas_vocab(chosen: tuple[_AtlasChoice, ...]) -> tuple[VocabTechnique, ...]:
    """The chosen ATLAS techniques, named and placed in tactics by atlas.json."""
    catalog = atlas_techniques()
    missing = [c.id for c in chosen if c.id not in catalog]
    if missing:
        message = f"{missing[0]}: not an ATLAS technique in graphkit/data/atlas.json"
        raise InputError(message, path="graphkit/data/techniques.yaml")
    return tuple(
        VocabTechnique(
            id=c.id,
            name=catalog[c.id]["name"],
            description=c.description,
            framework="atlas",
            tactics=tuple(catalog[c.id]["tactics"]),
        )
        for c in chosen
    )


def _by_id(items: tuple[Sector, ...] | tuple[VocabTechnique, ...] | tuple[Platform, ...]) -> dict:
    return {item.id: item for item in items}


SECTORS: dict[str, Sector] = _by_id(load("sectors.yaml", tuple[Sector, ...]))
_TECHNIQUES: _Techniques = load("techniques.yaml", _Techniques)
LLM_TECHNIQUES: dict[str, VocabTechnique] = _by_id(_TECHNIQUES.llm)
# The ATLAS techniques that matter most for AI misuse (names and tactics from atlas.json).
ATLAS_TECHNIQUES: dict[str, VocabTechnique] = _by_id(_atlas_vocab(_TECHNIQUES.atlas))
PLATFORMS: dict[str, Platform] = _by_id(load("platforms.yaml", tuple[Platform, ...]))


def _publishers() -> tuple[Publisher, ...]:
    """The publishers, each naming a platform that platforms.yaml has (or none)."""
    publishers: tuple[Publisher, ...] = load("publishers.yaml", tuple[Publisher, ...])
    names = {p.name for p in PLATFORMS.values()}
    for p in publishers:
        if p.platform is not None and p.platform not in names:
            message = f"{p.name}: no platform named {p.platform!r} in platforms.yaml"
            raise InputError(message, path="graphkit/data/publishers.yaml")
    return publishers


PUBLISHERS = _publishers()


@cache
def publisher_names() -> frozenset[str]:
    """Every publisher's name and aliases in lower case ("openai", "google threat intelligence
    group")."""
    return frozenset(a.lower() for p in PUBLISHERS for a in (p.name, *p.aliases))


@cache
def countries() -> Countries:
    """The country words of ``countries.yaml``."""
    return load("countries.yaml", Countries)


@cache
def languages() -> Languages:
    """The language words of ``languages.yaml``."""
    return load("languages.yaml", Languages)


def _sector_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for s in SECTORS.values():
        for word in (s.id, s.name, *s.synonyms):
            index[word.casefold()] = s.id
    return index


_SECTOR_INDEX = _sector_index()


def sector_words() -> dict[str, str]:
    """Every sector id, name and synonym :func:`resolve_sector` knows, lower case, to its id."""
    return dict(_SECTOR_INDEX)


def resolve_sector(text: str) -> str | None:
    """The sector id for an id, name or synonym ("academia" is education); None if unknown.

    >>> resolve_sector("Chip makers"), resolve_sector("farming")
    ('semiconductors', None)
    """
    return _SECTOR_INDEX.get(text.strip().casefold().replace("_", "-"))
