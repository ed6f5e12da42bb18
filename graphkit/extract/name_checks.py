"""Tests of a few words that may be a name: what no name opens with, what names nothing the
gazetteer knows, what only says where, what is written as a code."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from graphkit.extract.cues import word_list
from graphkit.extract.reading import COUNTRY_KINDS, read_sentence
from graphkit.techniques import all_attack_techniques

__all__ = [
    "CAMEL",
    "NOT_NAMES",
    "QUOTED_OPENING",
    "names_a_technique",
    "only_places",
    "says_nothing",
]


NOT_NAMES: Final = re.compile(rf"^({'|'.join(word_list('not_name_openers'))})\b")


# One word with a capital inside it: "DarkVane", "SweetSpecter"
CAMEL: Final = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$")


# The words before a quoted name that opens a clause: 'In "Operation Paper Lantern," the
# accounts ...', 'Researchers tied the first, "Red Ledger," to ...' (six words at most)
QUOTED_OPENING: Final = re.compile(r"^(?:[\w'\u2019-]+,? ){0,6}$")


@lru_cache(maxsize=4096)
def says_nothing(word: str) -> bool:
    """Whether words name nothing the gazetteer knows ("STOIC", not "IRGC" or "APT28")."""
    return not read_sentence(word).mentions


@lru_cache(maxsize=4096)
def only_places(words: str) -> bool:
    """Whether a few words only say where: "Iran", "the Philippines", "likely China"."""
    said = read_sentence(words)
    places = [m for m in said.mentions if m.entry.kind in COUNTRY_KINDS]
    covered = sum(m.width for m in places)
    rest = [w for w in said.words if w not in ("the", "likely", "probably", "possibly")]
    return bool(places) and covered >= len(rest)


def names_a_technique(name: str) -> bool:
    """Whether words are an ATT&CK technique's own name ("Supply Chain Compromise: ..."): a
    label of a kind of attack, not an operation's name."""
    return name.lower() in _technique_names()


@cache
def _technique_names() -> frozenset[str]:
    return frozenset(t.name.lower() for t in all_attack_techniques().values())
