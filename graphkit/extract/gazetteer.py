"""What the extractor can recognise, as one dictionary from word n-grams to entities.

Text is cut into lower-case word tokens (hyphens split words: "China-based" is "china" then
"based"), and every n-gram of up to :data:`MAX_WORDS` tokens is looked up in one dict: the
cost is a few dict look-ups per word, whatever the size of the vocabularies (2 MB/s and more
on one core; BENCHMARKS.md).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Final

import pycountry

from graphkit.actors import actor_index
from graphkit.errors import InputError
from graphkit.extract.cues import technique_cues, word_list
from graphkit.identity import country_words
from graphkit.techniques import all_attack_techniques
from graphkit.vocab import (
    ATLAS_TECHNIQUES,
    LLM_TECHNIQUES,
    PLATFORMS,
    SECTORS,
    countries,
    languages,
)

__all__ = [
    "MAX_WORDS",
    "TOKEN",
    "Entry",
    "first_words",
    "gazetteer",
    "has_digit",
    "lookup_table",
    "single_words",
    "word_pairs",
]

MAX_WORDS: Final = 5
# Words, with inner dots (T1566.001) and apostrophes, but not a possessive "'s".
_WORD: Final = r"[A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"  # Latin letters, accented too
# No backtracking; the first letter apart, so that Python's re skips to a word's letters.
TOKEN: Final = re.compile(rf"{_WORD}{_WORD}*+(?:[.'\u2019](?![sS]\b){_WORD}++)*+")


def fold(text: str) -> str:
    """Accents dropped: "Doppelgänger" is looked up as "doppelganger", "résumés" as "resumes".

    >>> fold("Doppelgänger wrote résumés")
    'Doppelganger wrote resumes'
    """
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Entry:
    kind: str  # Country, Language, Sector, Technique, Platform, Actor, Demonym, Sponsor, Other
    id: str
    name: str
    proper: bool = False  # must be written with a capital letter or digit (a proper name)
    phrase: bool = False  # a behaviour phrase, not the technique's own name or id


def norm(text: str) -> str:
    return " ".join(t.lower() for t in TOKEN.findall(fold(text.replace("\u2019", "'"))))


def _inflected(phrases: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The phrases with their verbs in every form ("builds malware", "stole credentials"). A
    lone verb stays as written: "built" alone is as often "built an audience"."""
    forms = technique_cues().verb_forms
    out = dict(phrases)
    for phrase, ids in phrases.items():
        verb, _, rest = phrase.partition(" ")
        for form in forms.get(verb, ()) if rest else ():
            out.setdefault(f"{form} {rest}", ids)
    return out


_DIGITS: Final = tuple("0123456789")


def has_digit(text: str) -> bool:
    """Whether a text holds an ASCII digit: a search for each digit skips through the text to
    it (as ``memchr``), where a pattern ``[0-9]`` tries the text's characters one by one."""
    return any(digit in text for digit in _DIGITS)


# Each shape's first letter leads, so the regex engine skips to those letters quickly.
_NAMES_FILE: Final = "graphkit/data/cues/names.yaml"


def _tracking_pattern(shapes: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the tracking names' shapes (``names.yaml`` ``tracking_codes``), each
    opening with its capital as a plain letter, the word boundary looked for behind it: Python's
    re skips to those capitals, and at one enters only the shapes that open with it (it passes
    over an alternative led by another letter at once, not one led by a look behind).

    >>> _tracking_pattern(("APT ?[0-9]{1,3}", "UNC[0-9]{3,5}")).findall("APT 28 and UNC1069")
    ['APT 28', 'UNC1069']
    """
    for shape in shapes:
        why = "" if shape[:1].isupper() and shape[:1].isascii() else "must open with a capital"
        try:
            re.compile(shape)
        except re.error as e:
            why = why or f"is no regular expression: {e}"
        if why:
            raise InputError(f"shape {shape!r} {why}", path=_NAMES_FILE, field="tracking_codes")
    return re.compile("(?:" + "|".join(rf"{s[0]}(?<=\b{s[0]}){s[1:]}" for s in shapes) + r")\b")


_ACTOR_PATTERN: Final = _tracking_pattern(word_list("tracking_codes"))


@cache
def gazetteer() -> dict[str, list[Entry]]:
    """Normalised n-gram → the entities it may name."""
    g: dict[str, list[Entry]] = {}
    cues = technique_cues()

    def add(key: str, entry: Entry) -> None:
        k = norm(key)
        if k and len(k.split()) <= MAX_WORDS and entry not in g.setdefault(k, []):
            g[k].append(entry)

    places = countries()
    ours, demonyms = places.word_codes(), places.demonyms()
    alpha3 = {c.alpha_3.lower() for c in pycountry.countries}
    for word, code in country_words().items():
        if word in places.not_places or (word in alpha3 and word not in ours):
            continue  # alpha-3 codes are not how reports name countries
        adjective = word in demonyms
        kind = "Demonym" if adjective else "Country"
        add(word, Entry(kind, code, word, proper=word in places.capitalised_only or adjective))
    for people, code in places.peoples().items():  # "The North Koreans also tried ..."
        add(people, Entry("Demonym", code, people, proper=True))
    for city, code in places.city_codes().items():  # "a marketing firm in Tel Aviv": where it is
        add(city, Entry("Country", code, city, proper=True))
    for word, code in {**_iso_languages(), **languages().word_codes()}.items():
        add(word, Entry("Language", code, word, proper=True))
    for s in SECTORS.values():
        for word in (s.id.replace("-", " "), s.name, *s.synonyms):
            add(word, Entry("Sector", s.id, s.name))
    for t in LLM_TECHNIQUES.values():
        add(t.name, Entry("Technique", t.id, t.name))
        add(t.id, Entry("Technique", t.id, t.name))
    for tid, info in all_attack_techniques().items():
        add(tid, Entry("Technique", tid, info.name, proper=True))
        # Technique names, and the sub-techniques' long ones ("Bypass User Account Control")
        named = info.parent is None and info.name.lower() not in cues.generic_names
        long_sub = (
            info.parent and len(info.name.split()) >= 3 and not info.name.endswith("Accounts")
        )
        if named or long_sub:  # "Social Media Accounts" is too common to mean T1585.001
            add(info.name, Entry("Technique", tid, info.name))
    for tid, t in ATLAS_TECHNIQUES.items():
        add(tid, Entry("Technique", tid, t.name, proper=True))
    for phrase, ids in _inflected(cues.phrase_ids()).items():
        for tid in ids:
            add(phrase, Entry("Technique", tid, phrase, phrase=True))
    for platform in PLATFORMS.values():
        for word in platform.words if platform.kind == "ai" else ():
            for form in (word, word + "s"):  # "GPTs", "Llamas"; "ChatGPT's" is "ChatGPT"
                add(form, Entry("Platform", platform.id, platform.name, proper=True))
    for word, code in places.sponsor_codes().items():
        add(word, Entry("Sponsor", code, word, proper=True))
    for phrase in cues.not_entities:
        g[norm(phrase)] = [Entry("Other", phrase, phrase)]
    for actor in actor_index().actors.values():
        for name in (actor.name, *actor.aliases):
            if len(name) >= 4 or any(c.isdigit() for c in name):
                add(name, Entry("Actor", actor.id, actor.name, proper=True))
    return g


def _iso_languages() -> dict[str, str]:
    """The ISO 639-1 languages by name ("Swahili", "Pashto", "Sinhalese"), as pycountry has
    them; ``languages.yaml`` adds the names reports use that ISO does not ("Farsi", "Taglish")."""
    out: dict[str, str] = {}
    for lang in pycountry.languages:
        code = getattr(lang, "alpha_2", None)
        if not code:
            continue
        for name in re.sub(r"\s*\([^)]*\)", "", lang.name).split(";"):
            name = name.strip().lower()
            if name and len(name.split()) == 1 and name not in languages().not_languages:
                out[name] = code
    return out


@cache
def first_words() -> dict[str, tuple[int, ...]]:
    """First word of every gazetteer key → the lengths of the keys it starts, longest first.

    Most words start no key; "the" starts a few ("the philippines"), so the loop over a text's
    words asks :func:`word_pairs` before it joins words to try the longer keys.
    """
    lengths: dict[str, set[int]] = {}
    for key in gazetteer():
        words = key.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


@cache
def lookup_table() -> dict[str, tuple[tuple[Entry, ...], tuple[Entry, ...]]]:
    """Key → (its entries, its entries that may be written in lower case)."""
    return {k: (tuple(v), tuple(e for e in v if not e.proper)) for k, v in gazetteer().items()}


@cache
def single_words() -> frozenset[str]:
    """The keys of one word."""
    return frozenset(k for k in gazetteer() if " " not in k)


@cache
def word_pairs() -> dict[str, frozenset[str]]:
    """First word of every key of two words or more → the second words of those keys."""
    seconds: dict[str, set[str]] = {}
    for k in gazetteer():
        words = k.split()
        if len(words) > 1:
            seconds.setdefault(words[0], set()).add(words[1])
    return {w: frozenset(s) for w, s in seconds.items()}


def actor_codes(text: str) -> list[tuple[int, int, str]]:
    """Tracking names of the usual shapes (STORM-0817, UNC1069, APT42, GTG-2002, ...)."""
    if not has_digit(text) and "UNK_" not in text:
        return []  # every shape but UNK_ has a digit: most paragraphs have none
    return [
        (m.start(), m.end(), m.group(0).replace("APT ", "APT"))
        for m in _ACTOR_PATTERN.finditer(text)
    ]
