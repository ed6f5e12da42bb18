"""The actor a clause of a paragraph opens with: its first words name it (after up to a few
words: "Meanwhile, X", "According to the lab, X"), the first of a counted set of names ("Two
Chinese groups, X and Y"), a name and its other names ("X (also known as Y) has ..."), the
reporter's struck name ("It also banned a cluster it tracks as X"), or the one of two named
before that "the former" or "the latter" points back to."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import nouns, words
from graphkit.extract.gazetteer import Entry
from graphkit.extract.reading import Mention, Sentence
from graphkit.extract.reporter import NAMING_AS, struck_name
from graphkit.extract.sentence_clauses import Clause

__all__ = ["clause_actor", "opens_anything", "struck_actor"]


# Words that may stand before the actor a clause opens with: "Meanwhile, X", "According to the
# lab, X", "Researchers tied the first, X, to ...".
_OPENING_REACH: Final = 7


def struck_actor(s: Sentence) -> str | None:
    """The actor a clause opens with when the reporter brings it in by name as what it acted
    against ("It also banned a cluster it tracks as X ...")."""
    rest = struck_name(s.text) if _STRUCK_WORDS.intersection(s.words) else None
    if rest is None:
        return None
    return next((m.entry.id for m in s.mentions
                 if m.entry.kind == "Actor" and rest.startswith(m.text)), None)  # fmt: skip


_STRUCK_WORDS: Final = frozenset(phrase.split()[0] for phrase in NAMING_AS)  # a cheap test first


def _opening_actor(s: Sentence, sets: bool = False) -> str | None:
    """The one actor a clause opens with (its first words name it, and no other actor; or
    the reporter brings it in by name: "It also banned a cluster it tracks as X"); with
    ``sets``, the first of a counted set of names ("Two Chinese groups, X and Y, ...")."""
    actors = sorted((m for m in s.mentions if m.entry.kind == "Actor"), key=lambda m: m.index)
    if not actors:
        return None
    if actors[0].index > _OPENING_REACH:
        return struck_actor(s)
    ids = {m.entry.id for m in actors} - _other_names(actors, s.text)
    lead = actors[0].words[: actors[0].index]
    if len(ids) > 1 and _EXAMPLES.isdisjoint(lead) and not (sets and _counted_set(lead)):
        return None  # "X and Y are both Chinese", "X, like Y, ...": both, or neither
    return actors[0].entry.id  # "Chinese groups such as X and Y", "Two Chinese groups, X and Y"


def _other_names(actors: list[Mention], text: str) -> set[str]:
    """The actors right after the first that are its other names ("UNC9999 (also known as
    Tin Wren and UAC-0001) ran ...", "UNC9999 (Tin Wren) ran ..."): one actor, not two."""
    words, end = actors[0].words, actors[0].index + actors[0].width
    out: set[str] = set()
    listed = False  # "known as X and Y": names after "as" go on while "and" or "or" joins them
    previous = actors[0]
    for m in actors[1:]:
        if len(words) < m.index or m.words is not words:
            break  # a name found apart from the sentence's words: nothing stands between
        gap = words[end : m.index]
        closed = re.search(rf"{re.escape(previous.text)}\s*[),]\s*(?:and|or)\b", text)
        if out and not (listed and gap in (["and"], ["or"]) and not closed):
            break  # "X (Aquatic Panda) and Y", "X (aka A), and Y": Y is another actor
        if not out and gap and not ({"as", "aka"} & set(gap) and set(gap) <= _ALIAS_GAP):
            break
        listed = listed or bool(gap)
        out.add(m.entry.id)
        end, previous = m.index + m.width, m
    return out - {actors[0].entry.id}


_ALIAS_GAP: Final = {"also", "known", "tracked", "as", "aka", "a", "k", "or"}


_FORMER_LATTER: Final = re.compile(r"^(?:[Tt]he) (former|latter)\b")


def clause_actor(piece: Sentence, text: str, sets: bool, said: list[Sentence]) -> str | None:
    """The actor a clause opens with, or points back to; ``sets``: a counted set of names opens
    a case after another's clauses ("X ... Two Chinese groups, Y and Z, ..."; first in a
    paragraph, its names are shared); ``said``: the paragraph's sentences so far."""
    return _opening_actor(piece, sets=sets) or _pointed_back(piece, text, said)


def opens_anything(s: Sentence, clauses: list[Clause]) -> bool:
    """Whether a clause of a sentence opens with an operation or an actor, the sentence names
    an actor, or a later clause points back to one ("...; the latter ...")."""
    return (
        any(op or a for _, op, a in clauses)
        or any(m.entry.kind == "Actor" for m in s.mentions)
        or any(_FORMER_LATTER.match(c[0]) for c in clauses[1:])
    )


def _pointed_back(piece: Sentence, text: str, said: list[Sentence]) -> str | None:
    """The actor a clause points back to ("Kimsuky and APT41 both used it. The former ...; the
    latter ..."): the first or the second of the two the paragraph named before it, given to the
    clause as its mention; None when it opens otherwise or two were not named."""
    m = _FORMER_LATTER.match(text) if text[:1] in "Tt" else None
    if m is None:
        return None
    named: dict[str, Entry] = {}
    for s in said:
        for x in sorted(s.mentions, key=lambda x: x.index):
            if x.entry.kind == "Actor":
                named.setdefault(x.entry.id, x.entry)
    if len(named) != 2:
        return None
    entry = list(named.values())[0 if m.group(1) == "former" else 1]
    piece.mentions = [*piece.mentions, Mention(entry, 0, 2, piece.words, m.group(0))]
    return entry.id


_COUNTS: Final = words("number_words")


_SET_NOUNS: Final = nouns("subject")


def _counted_set(lead: list[str]) -> bool:
    """Whether the words before a list of names count the set the names are of: "Two Chinese
    groups, X and Y, ..."."""
    return not _COUNTS.isdisjoint(lead) and not _SET_NOUNS.isdisjoint(lead)


_EXAMPLES: Final = words("example_openers")  # "groups such as X and Y"
