"""Names a sentence sets in quotation marks, and what it says they name.

A quoted name is a name when the words before it introduce one: a naming verb ('a strain it
dubbed "SnowDrift."', 'researchers labelled the clusters "Red Ledger" and "Tin Drum"'), a word
that picks one out ('specifically "Storm-9999,"'), a kind of operation or actor set beside it
('Another case, "Operation Salt Road," involved', 'the network "Quiet Fox"', '"Amber Gull," a
fraud ring, ...'), or the name says
so itself ('In "Operation Paper Lantern," the accounts'). Names joined to one by "and", "or"
or commas are introduced with it. Straight and curly quotes; the comma or full stop that
American usage puts inside the closing quote is not part of the name.

What the name is of follows from the words that introduce it: an actor ("the clusters",
"the group", a tracking code such as "Storm-9999", a name taken: "under the alias", "calling
themselves"), a tool ("a malware strain it dubbed"), else an operation.

Examples
--------
>>> [(q.name, q.kind) for q in quoted_names('Analysts labelled the clusters "Red Ledger" and '
...                                         '\u201cTin Drum.\u201d')]
[('Red Ledger', 'actor'), ('Tin Drum', 'actor')]
>>> [(q.name, q.kind) for q in quoted_names('Another case, "Operation Salt Road," involved '
...                                         'fake reviews.')]
[('Operation Salt Road', 'operation')]
>>> quoted_names('He said the plan was "Good Enough" for now.')
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Final, Literal

from graphkit.extract.cues import noun_pattern, word_list, words

__all__ = [
    "JOIN",
    "TRACKING_CODE",
    "Kind",
    "Quoted",
    "conjuncts",
    "forget_quotes",
    "has_quote",
    "inside_a_quoted_name",
    "quoted_names",
]


def has_quote(text: str) -> bool:
    """Whether a text holds a quote mark: one without any quotes no name. Four substring
    tests, not each of the text's characters looked up in a set (about ten times as fast)."""
    return '"' in text or "\u201c" in text or "\u2018" in text or "'" in text


# A word of a name: capitalised, or a small word inside one ("Sons of the Desert").
_WORD: Final = r"[A-Z0-9][\w\u2019'&-]*"
_SMALL: Final = r"(?:of|the|and|de|la|del|in|on|for|to|a)"
_NAME: Final = rf"{_WORD}(?: (?:{_SMALL} ){{0,2}}{_WORD}){{0,5}}"

# One quoted name: "X", \u201cX\u201d, \u2018X\u2019 or 'X'; a comma or stop may close it inside;
# a single quote only after a space or first. Written to open with the quote marks, so that
# Python's re skips to them instead of trying every character.
_QUOTED: Final = re.compile(
    rf"[\"\u201c\u2018'](?:(?<=[\"\u201c])(?P<a>{_NAME})[,.;:!?]?[\"\u201d]"
    rf"|(?<=[\u2018'])(?<![^\s][\u2018'])(?P<b>{_NAME})[,.;:!?]?[\u2019'](?=[\s,.;:!?)]|$))"
)

# What may join a quoted name to the one before it: "X" and "Y", "X," "Y" or "Z".
JOIN: Final = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)$")

# A tracking code an analyst gives an actor: "Storm-9999", "UNC4899", "TA453", "GTG-1002".
TRACKING_CODE: Final = re.compile(r"^[A-Z][A-Za-z]{1,7}[- ]?[0-9]{2,5}$")

_LISTS: Final = {
    name: "|".join(word_list(name)) for name in ("naming_leads", "picking_leads", "alias_leads")
}

# The words just before a quoted name that introduce it (the text before the quote ends so).
_NAMING_LEAD: Final = re.compile(
    rf"\b(?:{_LISTS['naming_leads']})(?: [a-z]+ly)?(?: as)?"
    r"(?: (?:it|them|this|these|those|the|its|their|that|one|both|all)(?: [\w-]+){0,3})?"
    r"(?: as)?,?\s*$",
    re.I,
)
_PICKING_LEAD: Final = re.compile(rf"\b(?:{_LISTS['picking_leads']}),?\s*$", re.I)
# A name someone takes for itself: 'operating under the alias "Red Quill"', 'calling themselves
# "Tin Drum"': an actor's
_ALIAS_LEAD: Final = re.compile(rf"\b(?:{_LISTS['alias_leads']}),?\s*$", re.I)

_ACTOR_NOUNS: Final = noun_pattern("quoted_actor")
_KIND_NOUNS: Final = rf"{_ACTOR_NOUNS}|" + noun_pattern("quoted_case")
_KIND_BEFORE: Final = re.compile(rf"\b(?:{_KIND_NOUNS})s?,?\s*$", re.I)
_KIND_AFTER: Final = re.compile(rf"^\s*(?:{_KIND_NOUNS})s?\b", re.I)
_ACTOR_WORD: Final = re.compile(rf"\b(?:{_ACTOR_NOUNS})s?\b", re.I)
# A phrase set apart after the name that says what it is: '"Silver Lagoon," a Bolivian fraud
# ring, sent ...' (the comma inside the quotes or after them)
_SET_APART_AFTER: Final = re.compile(
    rf",?\s*(?:[\u2014\u2013]\s*)?an?\s+(?:(?!(?:the|that|which|who|its|their)\s)[\w-]+\s+){{0,4}}?"
    rf"(?:{_KIND_NOUNS}|{noun_pattern('subject')})\b"
)
_CONTENT_WORD: Final = re.compile(
    rf"\b(?:{'|'.join(word_list('quoted_content_nouns'))})s?\b[^\"\u201c\u2018]{{0,20}}$", re.I
)
_TOOL_WORD: Final = re.compile(rf"\b(?:{'|'.join(word_list('quoted_tool_nouns'))})s?\b", re.I)

# A quoted name that opens a clause and is its subject names what acted: '"Tin Wren" targeted
# journalists', 'Two operations: "Tin Wren" posted ..., while "Glass Finch" ...'.
_OPENS_CLAUSE: Final = re.compile(r"(?:^|[:;]|,|,? (?:while|whereas|and))\s*$")
_ACTED_AFTER: Final = re.compile(
    rf"^\s+(?:(?:also|then|later|first|mainly|mostly) )?(?:[a-z]{{2,}}ed|"
    rf"{'|'.join(word_list('irregular_past'))})\b"
)

# "Operation X" and "Campaign X" say what they are whatever introduces them.
_SAYS_ITSELF: Final = re.compile(r"^(?:Operation|Campaign|Project)\s")


def inside_a_quoted_name(text: str, part: str) -> bool:
    """Whether ``part`` is only some words of a longer name the text quotes: "Copper" in
    'the cluster "Copper Wick"' is not an actor called Copper; or the title of a work, quoted
    before the work's noun: 'references to the "Dune" series'."""
    for name in _quoted_in(text):
        if name != part and part in name and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", name):
            return True
    return part in _quoted_in(text) and _quoted_work(part).search(text) is not None


_WORKS: Final = "|".join(word_list("work_nouns"))


@lru_cache(maxsize=256)
def _quoted_work(part: str) -> re.Pattern[str]:
    return re.compile(rf"[\"\u201c\u2018']{re.escape(part)}[\"\u201d\u2019'] (?:{_WORKS})\b")


@lru_cache(maxsize=4096)
def _quoted_in(text: str) -> tuple[str, ...]:
    """Every name the text quotes, kept while a text is read: the reader asks of each name
    it finds in a sentence with quotes (forgotten with :func:`forget_quotes`)."""
    return tuple((m.group("a") or m.group("b")).strip() for m in _QUOTED.finditer(text))


Kind = Literal["actor", "operation", "tool"]


@dataclass(frozen=True)
class Quoted:
    """A name a sentence quotes: where it starts in the text, and what it is of."""

    name: str
    start: int
    kind: Kind
    end: int  # after its closing quote


def quoted_names(text: str) -> list[Quoted]:
    """The names a sentence quotes and introduces as names, in their order."""
    return list(_quoted_names(text)) if has_quote(text) else []


def forget_quotes() -> None:
    """Drop the quoted names kept: each text is read afresh (see :func:`_quoted_names` and
    :func:`_quoted_in`)."""
    _quoted_names.cache_clear()
    _quoted_in.cache_clear()


@lru_cache(maxsize=4096)
def _quoted_names(text: str) -> tuple[Quoted, ...]:
    """:func:`quoted_names`, kept while a text is read: the reader, the names and the subjects
    of a paragraph each ask it of the same sentence."""
    found: list[Quoted] = []
    previous: tuple[re.Match[str], Kind] | None = None  # the last name taken, and its kind
    waiting: list[re.Match[str]] = []  # names of no kind yet, each joined to the next
    for m in _QUOTED.finditer(text):
        name = (m.group("a") or m.group("b")).strip()
        between = text[previous[0].end() : m.start()] if previous is not None else ""
        joined = previous is not None and (JOIN.match(between) or _ONE_MORE.match(between))
        kind: Kind | None = previous[1] if joined and previous is not None else _kind(text, m, name)
        if kind == "operation" and TRACKING_CODE.match(name) and not _SAYS_ITSELF.match(name):
            kind = "actor"  # "Storm-9999" is an actor's code, unless a tool's
        if waiting and not JOIN.match(text[waiting[-1].end() : m.start()]):
            waiting = []
        if kind is None or len(name) < 3:
            previous = None
            waiting.append(m)
            continue
        found += [Quoted(_name_of(w), w.start(), kind, w.end()) for w in _sharing(text, waiting, m)]
        waiting = []
        found.append(Quoted(name, m.start(), kind, m.end()))
        previous = (m, kind)
    return tuple(found)


def _name_of(m: re.Match[str]) -> str:
    return (m.group("a") or m.group("b")).strip()


# A plural kind right after the last of joined names: 'the "Paper Kite" and "Salt Road" campaigns'
_PLURAL_KIND_AFTER: Final = re.compile(rf"\s*(?:{_KIND_NOUNS})s\b", re.I)


def _sharing(text: str, waiting: list[re.Match[str]], last: re.Match[str]) -> list[re.Match[str]]:
    """The names of no kind before ``last``, joined to it, that its plural kind noun after it
    names too ('the "Paper Kite" and "Salt Road" campaigns'): both campaigns."""
    if not waiting or not JOIN.match(text[waiting[-1].end() : last.start()]):
        return []
    if not _PLURAL_KIND_AFTER.match(text, last.end(), last.end() + 30):
        return []
    return [w for w in waiting if len(_name_of(w)) >= 3]


# What stands between two names of one kind, the second's noun left out: '... the Peruvian crew
# "Tin Vane" and the Bolivian one "Grey Loom"', and its naming verb too: 'tracks the first
# group as "Red Ledger" and the second as "Tin Drum"'
_ONE_MORE: Final = re.compile(
    r"^,? (?:and|or) (?:(?:the|a|an) (?:[A-Z][\w-]* ){0,2}(?:one|other|second|third|fourth|last)"
    r"|another)(?: one)?(?: as)?\s*$"
)


_POSING: Final = words("posing")


def _kind(text: str, m: re.Match[str], name: str) -> Kind | None:
    """What a quoted name is of, by the words that introduce it; None when nothing does."""
    lead = text[max(0, m.start() - 60) : m.start()]
    lead = re.split(r"[.;:!?]\s", lead)[-1]  # the words of its own sentence
    after = text[m.end() : m.end() + 20]
    apart = _SET_APART_AFTER.match(text, m.end(), m.end() + 80)
    alias = _ALIAS_LEAD.search(lead) is not None
    introduced = bool(
        (_SAYS_ITSELF.match(name) and len(lead.split()) <= 6)  # not 'much as "Operation X" did'
        or alias
        or _NAMING_LEAD.search(lead)
        or _PICKING_LEAD.search(lead)
        or _KIND_BEFORE.search(lead)
        or _KIND_AFTER.match(after)
        or apart is not None
        or (_OPENS_CLAUSE.search(lead) is not None and _ACTED_AFTER.match(after) is not None)
    )
    if not introduced:
        return None
    if _SAYS_ITSELF.match(name):
        return "operation"
    near = lead[-30:]
    if _CONTENT_WORD.search(near):
        return None  # 'an article called "Why Votes Matter"': a title, not a name
    if not _POSING.isdisjoint(lead.lower().split()):
        return None  # 'posed as a trading firm called "Blue Meridian"': the cover's name
    if (
        alias
        or _ACTOR_WORD.search(near)
        or _ACTOR_WORD.match(after.strip())
        or (apart is not None and _ACTOR_WORD.search(apart.group(0)))
    ):
        return "actor"
    return "tool" if _TOOL_WORD.search(near) else "operation"


# Words that tie a second quoted name to the first as who is behind it: 'a case dubbed "Salt
# Kite" involving accounts tied to an outlet known as "Red Quill"'
_TIED: Final = re.compile(rf"\b(?:involving|run by|operated by|{'|'.join(word_list('tied'))})\b")


def conjuncts(text: str) -> list[tuple[str, str | None, str | None]] | None:
    """A sentence that introduces quoted names each with words of its own ("a North Korean
    network it calls 'Cold Ember' and a crew known as "Velvet Tide""), cut after each name:
    the words up to a name are its own; one name, the clause's ('two operations: "Tin Wren"
    targeted ...'). None when it introduces none, or lists them side by side ('the clusters
    "Red Ledger" and "Tin Drum"'), which names both."""
    names = [q for q in quoted_names(text) if q.kind != "tool"]
    if not names or any(JOIN.match(text[a.end : b.start]) for a, b in pairwise(names)):
        return None
    if len(names) == 2 and _TIED.search(text, names[0].end, names[1].start):
        # 'a case dubbed "Salt Kite" involving accounts tied to an outlet known as "Red
        # Quill"': the second is who is behind the first, one clause
        return [(text, names[0].name, names[1].name)]
    start = text.rfind(": ", 0, names[0].start) + 1  # "two Iranian operations:": everyone's
    cuts = [start, *(q.end for q in names[:-1]), len(text)]
    own = [
        (text[a:b].strip(" ,"), q.name if q.kind == "operation" else None,
         q.name if q.kind == "actor" else None)
        for q, (a, b) in zip(names, pairwise(cuts), strict=True)
    ]  # fmt: skip
    return [(text[:start], None, None), *own] if start else own
