"""A sentence's clauses, each with the operation or the actor it opens with: where "; ",
", while", ", and" and the like part them, a clause set before the main one, and a series
whose members each open on their own actor ("The Russians wrote malware, the Chinese ...")."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.clause_names import clause_name
from graphkit.extract.cues import noun_pattern, past_verb
from graphkit.extract.quoted import conjuncts, has_quote
from graphkit.extract.reading import Sentence
from graphkit.extract.subject_text import SUBORDINATE, SUBORDINATE_FIRST
from graphkit.extract.subjects import may_open_subject, opening_phrase

__all__ = ["Clause", "split_clauses"]


# A case brought in by its noun and its name: "an Iranian effort called Cyber Lotus"
_NAMED_CASE: Final = (
    rf"(?:an?|the) (?:[\w'-]+ ){{0,3}}?(?:{noun_pattern('opens_named')}) (?:called|named|dubbed) "
    r"[A-Z]"
)
_NAMED_CASE_IN: Final = re.compile(rf" (?={_NAMED_CASE})")


# Where a sentence's clauses part: "...; Uncle Spam ...", "..., while VAGue Focus ...", "..., and
# a developer behind ScopeCreep ...", "..., as well as scammers in Laos who ..." (each way opens
# with a character of its own, so that Python's re skips to those three: an optional comma
# first had it try the pattern at every character)
_CLAUSE_SPLIT: Final = re.compile(
    r"; (?:and )?|, while (?=[A-Z])| while (?=[A-Z])|, (?:while|whereas|as well as) |"
    # "found that X ..., and that a Y ...", "..., and later Bolivian scammers used it ..."
    r", and (?:that |later |then |also |separately )?(?=(?:an?|the|in|from) |[A-Z])"
    # ... not a list's last member: "groups from China, Iran, and North Korea."
    r"(?![A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}[.;:]?$)|"
    # "... in Chile and the Bolivian crew scanned ...": a people's actor and its own verb
    rf" and (?=the [A-Z][\w-]* (?:[\w-]+ )?(?i:{noun_pattern('subject')}) {past_verb()}\b)|"
    # "... an Iranian effort called Cyber Lotus and a Russian network called Doppel Street"
    rf" and (?={_NAMED_CASE})"
)
_SPLITS: Final = ("; ", "while ", ", and ", ", whereas ", ", as well as ", " and the ", " and a")

Clause = tuple[str, str | None, str | None]  # its text, the operation and the actor it names


def split_clauses(s: Sentence) -> list[Clause]:
    """A sentence's clauses, as text, each with the operation it opens with, or the actor or
    operation its own words introduce in quotes."""
    split = any(cue in s.text for cue in _SPLITS)
    texts = _CLAUSE_SPLIT.split(s.text) if split else [s.text]
    if s.text[:1] in SUBORDINATE_FIRST and SUBORDINATE.match(texts[0]):
        texts = [*_subordinate_cut(texts[0]), *texts[1:]]
    if len(texts) > 1 and ", and " in s.text:  # "X did this, Y did that, and Z ...": a series
        texts = [c for t in texts for c in _series(t)]
    if len(texts) > 1 and any(f" {w} " in texts[0] for w in ("called", "named", "dubbed")):
        texts = [*_before_the_named(texts[0]), *texts[1:]]
    clauses: list[Clause] = []
    for t in texts:  # a clause that introduces two names: each its own words
        quoted = conjuncts(t) if has_quote(t) else None
        clauses += quoted or [(t, clause_name(t), None)]
    return clauses


def _before_the_named(text: str) -> list[str]:
    """A first clause that brings a case in by its noun and name after other words ("The lab
    described an Iranian effort called Cyber Lotus, ...", before another case): the words before
    it, then the case's own; the clause itself when no such case is in it."""
    at = _NAMED_CASE_IN.search(text)
    return [text[: at.start()], text[at.end() :]] if at else [text]


def _subordinate_cut(text: str) -> list[str]:
    """A sentence that opens on a clause of its own, cut where the main clause's actor opens
    it ("While Peruvian groups hit banks, shops and ports, Bolivian crews ..."; the commas
    before it may be a list's), the first without the word that sets it before; the sentence
    itself when no actor opens a later part."""
    parts = text.split(", ")
    for k in range(1, len(parts)):
        if opening_phrase(parts[k]) is not None:
            opener = SUBORDINATE.match(text)
            return [", ".join(parts[:k])[opener.end() if opener else 0 :], ", ".join(parts[k:])]
    return [text]


def _series(text: str) -> list[str]:
    """A clause of a series cut where an actor opens the next ("The Russians wrote malware, the
    Chinese researched ..."); a comma before anything else stays ("Hackers from Russia, China
    ...")."""
    parts = text.split(", ")
    out = [parts[0]]
    for part in parts[1:]:
        if may_open_subject(part) and _DEFINITE_OR_PEOPLE.match(part):
            out.append(part)
        else:
            out[-1] += ", " + part
    return out


# the clause after a series' comma opens on "the" and a people or actor noun, or on a people
# and an actor's noun before its verb ("..., North Korean hackers wrote lures, and ...")
_DEFINITE_OR_PEOPLE: Final = re.compile(
    r"^(?:the [A-Z]|(?:[A-Z][\w-]* ){1,2}(?:[\w-]+ )?"
    rf"(?i:{noun_pattern('subject')}) (?:also )?(?:{past_verb()}|[a-z]+ing)\b)"
)
