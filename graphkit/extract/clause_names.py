"""The operation a clause opens with, by its name and its verb: "Sneer Review flooded ...",
"Another, called Iron Gate, targeted ...", 'In "Operation Paper Lantern," the accounts ...'."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_pattern, words
from graphkit.extract.headings import GENERIC_HEADINGS
from graphkit.extract.name_checks import CAMEL, NOT_NAMES, QUOTED_OPENING, says_nothing
from graphkit.extract.namelike import looks_like_name
from graphkit.extract.quoted import has_quote, quoted_names
from graphkit.extract.reading import Sentence

__all__ = ["clause_name", "run_by_opener"]


# A clause that opens with an operation's name and its verb, in a paragraph that names several:
# "Sneer Review flooded ...", "Russia's Helgoland Bite wrote ...", "VAGue Focus, probably
# Chinese too, pretended ...", "a developer behind ScopeCreep built ...", "the task scam Wrong
# Number recruited ...", "a PR firm's operation called High Five posted ...".
_CLAUSE_NAME: Final = re.compile(
    r"^(?:(?:And|But|Also|Meanwhile|Then),? )?(?:(?:[Ii]n|[Ff]rom) (?:the )?[A-Z][\w ]{1,30}, )?"
    r"(?:[A-Z][a-z]+(?:'s|\u2019s) )?"
    rf"(?:(?:[Aa]n?|[Tt]he) (?:[\w'\u2019-]+ ){{0,4}}?(?:{noun_pattern('opens_named')})"
    # ... its name after "called" or set apart: "a Russian network, Doppel Street, which ..."
    r"(?: (?:called|named|dubbed|behind) | |, (?=[A-Z][^,]{2,40}, [a-z])))?"
    r"([A-Z][\w\u2014-]*(?: (?:[A-Z][\w\u2014-]*|and|of) ?){0,3}?)"
    r"(?:, [^,]{1,60},|,(?= (?:which|that|who)\b))? [a-z]{3,}\b"
)

# ... or a clause that is only a case brought in by its noun and name, the verb in the clause
# before it: "(The lab described) an Iranian effort called Cyber Lotus (and ...)"
_NAMED_ALONE: Final = re.compile(
    rf"^(?:[Aa]n?|[Tt]he) (?:[\w'\u2019-]+ ){{0,3}}?(?:{noun_pattern('opens_named')}) "
    r"(?:called|named|dubbed) ([A-Z][\w\u2014-]*(?: (?:[A-Z][\w\u2014-]*|and|of)){0,3})\.?$"
)


# "Another, called Iron Gate, targeted ...": a clause that turns to another case by its name
_ANOTHER_NAMED: Final = re.compile(
    r"^(?:[Aa]nother|(?:[Aa]|[Tt]he) (?:second|third|fourth|other|latter)|One of (?:them|(?:the|"
    r"these|those) (?:[a-z-]+ )?(?:groups|networks|operations|campaigns|clusters|crews|actors)))"
    r"(?: (?:one|operation|network|campaign|scheme|group|cluster))?"
    # ... or its name alone set apart by commas: "while another, Grey Loom, scanned ..."
    r"(?:,? (?:called|named|dubbed|known as|tracked as) |, (?=[^,]{3,40}, [a-z]{3,}))"
    r"([A-Z][\w\u2014-]*(?: (?:[A-Z][\w\u2014-]*|and|of)){0,3}),? [a-z]{3,}\b"
)


_SPEECH: Final = words("speech_verbs")


def clause_name(text: str) -> str | None:
    """The operation a clause opens with, by its name and verb (see _CLAUSE_NAME); None when
    it opens with none, or with a word that is no name ("Chinese operations dominate")."""
    quoted = quoted_names(text) if has_quote(text[:60]) else []
    quoted = [q for q in quoted if q.kind != "tool"]  # two: 'the clusters "X" and "Y"' opens none
    if len(quoted) == 1 and QUOTED_OPENING.match(text[: quoted[0].start]):
        return quoted[0].name  # 'In "Operation Paper Lantern," ...', 'Another case, "X," ...'
    m = _ANOTHER_NAMED.match(text) or _CLAUSE_NAME.match(text) or _NAMED_ALONE.match(text)
    if not m:
        return None
    name = m.group(1).strip()
    if m.group(0).rsplit(" ", 1)[-1] in _SPEECH:
        return None  # "The Threat Hub said it expects ...": who speaks, no operation
    if name.startswith("The ") and " " in name[4:]:
        name = name[4:]  # "The Tin Wren group also targeted ...": the article is no name's
    words = name.split()
    if len(words) < 2 and not CAMEL.match(name):
        return None  # one capitalised word is most often a sentence's first word (asked
        # first: three in four clauses open so, and the patterns below are long)
    if words[-1] in ("and", "of") or NOT_NAMES.match(name) or GENERIC_HEADINGS.match(name):
        return None
    if not all(w[:1].isupper() or w in ("and", "of") for w in words):
        return None
    if not looks_like_name(name, frozenset()):
        return None  # "The AI wrote ...", "YouTube operators posted ..."
    return name if says_nothing(name) else None  # a country, an actor, ... is no name


def run_by_opener(named: str, first: Sentence, clause: str) -> bool:
    """Whether a paragraph's name is an operation its first clause's opening actor ran
    ("APT28 launched Operation MacroMaze against ..., while X ..."): the name stands in that
    clause, and is not the actor's own ("Vixen Panda and Keyhole Panda ...")."""
    opener = next((m.text for m in first.mentions if m.index == 0 and m.entry.kind == "Actor"), "")
    return bool(opener) and named in clause and opener not in named and not clause.startswith(named)
