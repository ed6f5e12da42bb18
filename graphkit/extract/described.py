"""The unnamed actor a text that opens no case describes somewhere by its people or its place:
"later North Korean scammers used it", "a group of unidentified actors allegedly operating from
China", "misuse by APT groups linked to North Korea, China and Iran". Its name, for the one
cluster such a text is drafted as, where the report's title would stand; else the malware the
text is about, by its name ("NightPorter, a new Android trojan"), names that cluster.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import noun_pattern, word_list
from graphkit.extract.reading import Sentence
from graphkit.extract.roles import country_role

__all__ = ["described_actor", "described_malware"]


_NOUNS: Final = f"{noun_pattern('subject')}|{noun_pattern('misusing')}"  # and businesses that act
# Everything up to the phrase's last article before its noun: a verb and what comes before
_UP_TO_ARTICLE: Final = re.compile(
    rf"^(?:.*?\s)?(?:an?|the)\s+(?!.*\b(?:an?|the)\s+.*(?i:{_NOUNS}))", re.I
)
_UP_TO_CLAUSE: Final = re.compile(r"^.*\b(?:that|which|who|whom)\s+", re.I)


def described_actor(sentences: list[Sentence]) -> str | None:
    """The first actor the sentences describe by a people before an actor's noun ("North
    Korean scammers") or by a place after one ("actors operating from China"), where the
    people or place is the actors' own; None when none does."""
    for s in sentences:
        for m in s.mentions:
            if m.entry.kind not in ("Demonym", "Country") or country_role(m, s.text) != (
                "attribution"
            ):
                continue
            found = _people_first(m.text).search(s.text) if m.entry.kind == "Demonym" else None
            found = found or _place_after(m.text).search(s.text)
            found = found or _place_first(m.text).search(s.text)
            if found:
                phrase = " ".join(found.group(0).split())
                # from its last article on: "(facilitate) a deceptive employment scheme ..."
                phrase = _UP_TO_ARTICLE.sub("", phrase, count=1)
                # ... and from what a clause says on: "(research found) that state hackers ..."
                phrase = _UP_TO_CLAUSE.sub("", phrase, count=1)
                return phrase[0].upper() + phrase[1:]
    return None


@cache
def _people_first(people: str) -> re.Pattern[str]:
    """A people, up to two words, an actor's noun: "North Korean scammers", "Chinese
    state-sponsored group"."""
    return re.compile(rf"\b{re.escape(people)}(?:\s+[\w-]+){{0,2}}?\s+(?i:{_NOUNS})\b")


@cache
def _place_first(place: str) -> re.Pattern[str]:
    """A place tied by a hyphen to up to two words and an actor's noun: "China-aligned threat
    actors", "Russia-linked hackers"."""
    ties = "|".join(word_list("attr_after"))
    return re.compile(rf"\b{re.escape(place)}-(?:{ties})(?:\s+[\w-]+){{0,2}}?\s+(?i:{_NOUNS})\b")


@cache
def _place_after(place: str) -> re.Pattern[str]:
    """Up to four words and an actor's noun, then what ties it to a place: "unidentified
    actors allegedly operating from China", "APT groups linked to North Korea"."""
    return re.compile(
        rf"\b(?:[\w()-]+\s+){{0,4}}?(?i:{_NOUNS})\s+(?:[a-z]+ly\s+)?(?:linked|tied|connected|"
        rf"affiliated|operating|based|working)\s+(?:to|with|from|in|for)\s+{re.escape(place)}\b"
    )


# A malware's name: a word with a capital inside or in capitals ("NightPorter", "PROMPTFLUX"),
# a digit allowed, or one or two capitalised words in quotes ("Snow Drift")
_NAME: Final = (
    r"(?:[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[A-Z][A-Z0-9]{3,}|"
    r"[\"\u201c](?:[A-Z][\w-]+(?: [A-Z][\w-]+)?)[,.]?[\"\u201d])"
)
_MALWARE: Final = "|".join(word_list("malware_nouns"))
_NAMED_MALWARE: Final = re.compile(
    # "NightPorter, a new Android trojan", "PromptSpy, the first known Android malware"
    rf"(?P<a>{_NAME}),? (?:an?|the) (?:[\w-]+ ){{0,4}}?(?i:{_MALWARE})s?\b|"
    # "a trojan it dubbed NightPorter", "malware called PROMPTFLUX"
    rf"\b(?i:{_MALWARE})s? (?:(?:that|which) )?(?:[\w-]+ ){{0,3}}?(?:called|dubbed|named|"
    rf"nicknamed|known as|tracked as) (?P<b>{_NAME})|"
    # "the NightPorter trojan"
    rf"\b[Tt]he (?P<c>{_NAME}) (?i:{_MALWARE})\b"
)


def described_malware(sentences: list[Sentence]) -> str | None:
    """The first malware the sentences name as such, where no mention of an entity (a
    platform, a country) takes its name: "NightPorter, a new Android trojan"."""
    for s in sentences:
        for found in _NAMED_MALWARE.finditer(s.text):
            name = found.group("a") or found.group("b") or found.group("c")
            name = name.strip('"\u201c\u201d,.')
            if not any(m.text == name for m in s.mentions):
                return name
    return None
