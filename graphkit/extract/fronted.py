"""A place a sentence opens on, set apart before its subject ("In Ghana, a marketing firm ran
..."): where that subject sits, or only the scene of what the sentence tells.

The place is the subject's seat when the subject is an actor's noun with nothing before it in
capitals (a people's name, "In Ghana, a Chinese group ...", says where the actors are from, so
the place is only where they acted) and its verb aims at no one ("In Ghana, hackers targeted
banks": the banks are there).

Examples
--------
>>> fronted_seat("In the Philippines, a marketing company ran fake accounts.")
'the Philippines'
>>> fronted_seat("In Ghana, a Chinese group ran fake accounts.") is None
True
>>> fronted_seat("In Ghana, hackers targeted banks.") is None
True
>>> without_fronted("In Ghana, a Chinese group ran fake accounts.")
'a Chinese group ran fake accounts.'
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_pattern, word_list, words
from graphkit.extract.reading import Sentence

__all__ = ["country_seat", "fronted", "fronted_seat", "without_fronted", "without_time"]


# "In the Philippines, ", "In South Korea, ", "In March 2025, ": a place or a time set apart
# before the clause
_FRONTED: Final = re.compile(
    r"^In ((?:the )?(?:[A-Z][\w-]*|\d{4})(?: (?:[A-Z][\w-]*|\d{4})){0,2}), "
)


# "On May 2, ", "In mid-September 2025, ", "Last week, ", "Earlier this year, ": a time set
# apart before the clause (layout.yaml's months and time_words)
_WHEN: Final = re.compile(
    rf"^(?:{'|'.join(word_list('time_openers'))})\b[^,.;:\"]{{0,30}}?"
    rf"\b(?:{'|'.join((*word_list('months'), *word_list('time_words')))}|\d{{4}})\b"
    r"[^,;:\"]{0,15}?, "  # "On Feb. 26, "
)
_WHEN_FIRST: Final = frozenset(w[0] for w in word_list("time_openers"))


# The subject after it: an actor's noun, the words before it in lower case, and its verb
_SUBJECT: Final = re.compile(
    r"(?:(?:an?|the|some|several|one|two|three) )?(?:[a-z][\w-]* ){0,3}?"
    rf"(?:{noun_pattern('located')})\b (?:(?:also|then|later|reportedly|allegedly) )?(\w+)"
)


_AIMING: Final = words("target_verbs_strict")


def fronted_seat(text: str) -> str | None:
    """The place a sentence opens on, when it is where the sentence's subject sits; else
    None."""
    m = _FRONTED.match(text) if text.startswith("In ") else None
    subject = _SUBJECT.match(text, m.end()) if m else None
    if m is None or subject is None or subject.group(1) in _AIMING:
        return None
    return m.group(1)


def country_seat(first: Sentence, text: str) -> str | None:
    """The country a sentence opens on when it is where the sentence's subject sits ("In
    Ghana, a marketing firm ran ..."); None when it is not, or names no country."""
    seat = fronted_seat(text)
    countries = (x.text for x in first.mentions if x.entry.kind == "Country")
    return seat if seat and any(c in seat for c in countries) else None


def fronted(text: str) -> str | None:
    """The place or time a sentence opens on, set apart ("In Peru, Russian hackers ..." gives
    "Peru"); None when it opens on none."""
    m = _FRONTED.match(text) if text.startswith("In ") else None
    return m.group(1) if m else None


def without_fronted(text: str) -> str:
    """The sentence without the place or time it opens on ("In Ghana, operators ran ..." gives
    "operators ran ...", "On May 2, hackers sent ..." gives "hackers sent ...")."""
    m = _FRONTED.match(text) if text.startswith("In ") else None
    if m is None and text[:1] in _WHEN_FIRST:
        m = _WHEN.match(text)
    return text[m.end() :] if m else text


def without_time(text: str) -> str:
    """The sentence without the time it opens on ("On May 2, the lab said ..." gives "the lab
    said ..."); a place it opens on stays ("In Ghana, ...")."""
    m = _WHEN.match(text) if text[:1] in _WHEN_FIRST else None
    return text[m.end() :] if m else text
