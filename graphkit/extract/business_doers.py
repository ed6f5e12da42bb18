"""Businesses a paragraph names as the doers of a misuse it tells: "campaigns run by three
other AI companies. Zenbrook logged 90,000 chats, while QuarkMind ..." and "AI firms such as
Zenbrook and QuarkMind distilled ...": each named business is an actor, even one whose name is
also a platform's (an AI lab accused of copying a model is who acted, not a tool it used).

A plural noun of businesses (``misusing`` in actor_nouns.yaml) is a doer where it is a passive
verb's agent ("run by ... labs"), the object of a verb of accusing, or the subject of a verb
of misusing a model; the names are the list set after it, or, in the next sentence, the names
that open its clauses ("Zenbrook logged ..., while Kite AI and QuarkMind were ...").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import noun_pattern, nouns, word_list, words
from graphkit.extract.gazetteer import TOKEN, Entry
from graphkit.extract.name_checks import NOT_NAMES, only_places
from graphkit.extract.namelike import WrittenLower, looks_like_name
from graphkit.extract.reading import Mention, Sentence, slugify
from graphkit.vocab import PLATFORMS, publisher_names

__all__ = ["business_doers"]


_BUSINESSES: Final = nouns("misusing")
_NOUNS: Final = noun_pattern("misusing")

# The businesses as doers: a passive verb's agent ("campaigns run by three AI labs"), the
# accused, the subject of a verb of misusing a model (past a list of them set after the noun)
_DEEDS: Final = "|".join(word_list("misuse_deeds"))
_DOERS: Final = re.compile(
    rf"\b(?:{_DEEDS}|run|carried out|mounted|waged|staged|operated|led) by "
    rf"(?:[\w-]+ ){{0,5}}(?:{_NOUNS})\b|"
    rf"\b(?:{'|'.join(word_list('accusing'))}) (?:[\w-]+ ){{0,5}}(?:{_NOUNS})\b|"
    rf"\b(?:{_NOUNS})\b(?:,[^.;]{{0,80}},|(?: such as| including| like| namely|:)[^.;]{{0,80}})?"
    rf" (?:(?:also|allegedly|reportedly) )?(?:{_DEEDS})\b",
    re.I,
)

# A business's name: up to three words in capitals ("Zenbrook", "Kite AI", "Hollow Pine AI")
_NAME: Final = r"[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}"
_LIST: Final = rf"{_NAME}(?:, {_NAME})*,? and {_NAME}"

# ... listed right after the noun ("three AI companies, A, B and C," "AI labs such as A and B")
_LISTED: Final = re.compile(
    rf"\b(?i:{_NOUNS})(?:(?:,|:) ({_LIST})|"
    rf" (?:such as|including|like|namely),? ({_LIST}|{_NAME}))\b"
)

# ... or opening a clause of the next sentence, one or two, before a verb in lower case
_OPENING: Final = re.compile(rf"^({_NAME}(?: and {_NAME})?),? (?=[a-z])")
_CLAUSE: Final = re.compile(
    rf"(?:, (?:while|whereas|and)|;) ({_NAME}(?: and {_NAME})?),? (?=[a-z])"
)

_SPLIT: Final = re.compile(r",? and |, ")

_PRONOUNS: Final = words("clause_pronouns")


def business_doers(sentences: list[Sentence], lowered: frozenset[str] | WrittenLower) -> None:
    """Mentions each business a paragraph names as a doer (see the module) as an actor, in
    place of any other entity its words were read as ("DeepSeek": a platform); ``lowered``:
    the words the text writes in lower case (no name is one)."""
    for i, s in enumerate(sentences):
        if _BUSINESSES.isdisjoint(s.words) or not _may_do(s.words) or not _DOERS.search(s.text):
            continue
        for listed in _LISTED.finditer(s.text):
            at = listed.lastindex or 1
            _mention(s, listed.start(at), listed.group(at), lowered)
        if i + 1 < len(sentences):
            after = sentences[i + 1]
            for found in (_OPENING.match(after.text), *_CLAUSE.finditer(after.text)):
                if found is not None:
                    _mention(after, found.start(1), found.group(1), lowered)


_LEADS: Final = words("accusing") | {"by"}
_DEED_WORDS: Final = words("misuse_deeds")


def _may_do(words: list[str]) -> bool:
    """Whether ``_DOERS`` may match a sentence with a noun of businesses, by its words: "by" or
    a verb of accusing in the six words before the noun, or a verb of misuse after it."""
    for k, w in enumerate(words):
        if w in _BUSINESSES and (
            not _LEADS.isdisjoint(words[max(0, k - 7) : k])
            or not _DEED_WORDS.isdisjoint(words[k + 1 : k + 18])
        ):
            return True
    return False


def _mention(s: Sentence, start: int, names: str, lowered: frozenset[str] | WrittenLower) -> None:
    """Each of the names (a list of them from ``start``) as an actor's mention in ``s``."""
    at = start
    for name in _SPLIT.split(names):
        at = s.text.index(name, at)
        if _a_business(name, lowered):
            index = len(TOKEN.findall(s.text[:at]))
            inside = range(index, index + len(TOKEN.findall(name)))
            s.mentions = [m for m in s.mentions if m.index not in inside]
            actor = Entry("Actor", slugify(name), name)
            s.mentions.append(Mention(actor, index, len(inside), [], name))
        at += len(name)


def _a_business(name: str, lowered: frozenset[str] | WrittenLower) -> bool:
    """Whether words may name a business that acted: a name, or a platform's maker; not a
    place, a report's publisher, a pronoun or a sentence's opening word."""
    if name.split(" ", 1)[0] in _PRONOUNS or NOT_NAMES.match(name) or only_places(name):
        return False
    folded = name.lower()
    if not slugify(name) or folded in publisher_names():
        return False
    return looks_like_name(name, lowered) or folded in _makers()


@cache
def _makers() -> frozenset[str]:
    return frozenset(n.lower() for p in PLATFORMS.values() for n in (p.name, p.vendor))
