"""Techniques the learned mapper finds in the sentences of a text's operations.

Each operation's sentences are scored in one batch (:mod:`~graphkit.extract.mapper`). Before
that, the names of the operation and its actors are masked as the training text masked the
names of groups and software: "Phish and Scripts" names an operation, it says nothing of
phishing. So are the sentence's places and languages, and "groups" where they are the actors:
"Spanish-language lures" tell no System Language Discovery, "Iranian groups" no Permission
Groups Discovery. A clause left with fewer than three words ("Run from Russia") is not scored.
A sentence that negates ("We have not seen these actors develop new capabilities")
drafts nothing.

Examples
--------
>>> masked(["sneer", "review", "posted", "comments"], [("sneer", "review")])
['xactor', 'xactor', 'posted', 'comments']
"""

from __future__ import annotations

from collections.abc import Sequence

from graphkit.extract.cues import words as words_of
from graphkit.extract.features import MIN_WORDS, PLACEHOLDER, clauses, words
from graphkit.extract.mapper import technique_model
from graphkit.extract.reading import Sentence

__all__ = ["MAPPERS", "learned_techniques", "masked"]

# How techniques are found besides their ids and names: the learned model, the cue words of
# the gazetteer and graphkit.extract.behaviour (the mapper before the model), or both.
MAPPERS = ("both", "learned", "rules")

_NEGATIONS = frozenset({"not", "never", "no", "nor", "didn't", "hasn't", "haven't"})


def masked(tokens: list[str], names: Sequence[tuple[str, ...]]) -> list[str]:
    """The tokens with every name (a tuple of tokens) replaced by the placeholder."""
    return _masked(tokens, names, frozenset(n[0] for n in names if n))


def _masked(
    tokens: list[str], names: Sequence[tuple[str, ...]], firsts: frozenset[str]
) -> list[str]:
    """:func:`masked`, given the names' first tokens (a group's, once for all its pieces)."""
    if firsts.isdisjoint(tokens):
        return tokens
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token not in firsts:
            continue
        for name in names:
            if name and tuple(tokens[i : i + len(name)]) == name:
                out[i : i + len(name)] = [PLACEHOLDER] * len(name)
    return out


# What a sentence says of whom, not of what was done on a system: its places and languages
# ("Spanish-language lures" tell no System Language Discovery, "outlets in Peru" no System
# Location Discovery), masked as names are.
_WHOM = frozenset({"Country", "Demonym", "Language"})


def _said_of_whom(s: Sentence) -> tuple[tuple[str, ...], ...]:
    """The words of the sentence's places and languages, with the "-language" of a language
    ("Korean-language lures")."""
    out = []
    for m in s.mentions:
        if m.entry.kind in _WHOM:
            end = m.index + m.width
            end += s.words[end : end + 1] in (["language"], ["speaking"])
            out.append(tuple(s.words[m.index : end]))
    return tuple(out)


# "Groups" in a threat report are most often the actors ("Iranian groups", "Groups seen: 3"),
# masked as their names are; after one of these words they are a system's (Permission Groups
# Discovery: "enumerated local groups")
_SYSTEM_GROUPS = words_of("system_group_words")


# "run by", "run from": who the actors are, not T1547's Run keys. (Masking "based in", "linked
# to" and the like as well drafted more wrong techniques on the labelled sets, not fewer: the
# words left weigh more.)
_WHO_VERBS = frozenset({"run"})
_WHO_AFTER = frozenset({"by", "from", "out", "in", "to", "with"})
_SENSE_WORDS = _WHO_VERBS | {"group", "groups"}


def _actor_sense(tokens: list[str]) -> list[str]:
    """The tokens with "group" and "groups" masked where they are the actors, and "run" where
    it says who runs the operation ("run by", "run from")."""
    if _SENSE_WORDS.isdisjoint(tokens):
        return tokens  # most sentences
    out = tokens
    for i, t in enumerate(tokens):
        if t in ("group", "groups"):
            actors = i == 0 or tokens[i - 1] not in _SYSTEM_GROUPS
        else:
            actors = t in _WHO_VERBS and tokens[i + 1 : i + 2] != [] and tokens[i + 1] in _WHO_AFTER
        if actors:
            out = out if out is not tokens else list(tokens)
            out[i] = PLACEHOLDER
    return out


def _told(tokens: list[str]) -> bool:
    """Whether a clause has words enough to tell a behaviour besides masked names."""
    return len(tokens) - tokens.count(PLACEHOLDER) >= MIN_WORDS


def learned_techniques(
    groups: Sequence[tuple[Sequence[Sentence], Sequence[str]]],
) -> dict[int, list[tuple[str, int]]]:
    """For each (sentences, names) group, each sentence's techniques (id, score 0-100), keyed
    by the sentence's ``id()``; negated sentences and sentences with none are left out. A
    sentence that comes back under the same names (a boilerplate line, a repeated heading) is
    cut into pieces and scored once."""
    batch: list[tuple[Sentence, int]] = []  # each sentence scored, and its row in ``pieces``
    pieces: list[list[list[str]]] = []
    rows: dict[tuple[str, tuple[tuple[str, ...], ...]], int] = {}
    for sentences, names in groups:
        name_tokens = tuple(tuple(words(n)) for n in names if n)
        firsts = frozenset(n[0] for n in name_tokens if n)
        for s in sentences:
            if len(s.words) < MIN_WORDS or not _NEGATIONS.isdisjoint(s.words):
                continue
            key = (s.text, name_tokens)  # a sentence's words are its text's (read_sentence)
            row = rows.get(key)
            if row is None:
                row = rows[key] = len(pieces)
                parts = clauses(s.text) if len(s.words) >= 2 * MIN_WORDS else []  # two or none
                own = _said_of_whom(s)
                names_here = (*name_tokens, *own) if own else name_tokens
                firsts_here = firsts | {n[0] for n in own} if own else firsts
                masks = [_actor_sense(_masked(w, names_here, firsts_here)) for w in parts]
                whole = _actor_sense(_masked(s.words, names_here, firsts_here))
                # a clause of two words once names and places are masked ("run from Russia")
                # tells no behaviour, as a sentence of two words does not
                pieces.append([whole, *(m for m in masks if _told(m))])
            batch.append((s, row))
    if not batch:
        return {}
    drafted = technique_model().drafts(pieces)
    return {id(s): drafted[row] for s, row in batch if drafted[row]}
