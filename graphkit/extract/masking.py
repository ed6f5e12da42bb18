"""The words the technique mapper reads of a sentence: what it says of whom, masked.

:mod:`~graphkit.extract.learned` reads a report's sentences through :func:`mapper_pieces`
(and ``bench/techniques_cv.py`` its held-out sentences): a sentence's words with the names
of its actors, its places, demonyms and languages (the gazetteer's mentions, with the
"-language" of a language), "group(s)" where they are the actors and "run" where it says who
runs them ("run by", "run from") replaced by the placeholder, which gives no feature.
"Spanish-language lures" tell no System Language Discovery, "Iranian groups" no Permission
Groups Discovery, "Phish and Scripts" names an operation and says nothing of phishing. A
sentence is read whole and, when long enough, clause by clause; a clause left with fewer
than three words besides the placeholder ("run from Russia") is not read.

Examples
--------
>>> masked(["sneer", "review", "posted", "comments"], [("sneer", "review")])
['xactor', 'xactor', 'posted', 'comments']
>>> from graphkit.extract.reading import read_sentence
>>> mapper_pieces(read_sentence("Groups from Iran sent Korean-language lures and scanned hosts."))
[['xactor', 'from', 'xactor', 'sent', 'xactor', 'xactor', 'lures', 'and', 'scanned', 'hosts']]
"""

from __future__ import annotations

from collections.abc import Sequence

from graphkit.extract.cues import words as words_of
from graphkit.extract.features import MIN_WORDS, PLACEHOLDER, clauses
from graphkit.extract.reading import Sentence

__all__ = ["Names", "mapper_pieces", "masked", "names_of", "told"]

# Names to mask, each as its tokens, and the set of their first tokens.
Names = tuple[tuple[tuple[str, ...], ...], frozenset[str]]

_NO_NAMES: Names = ((), frozenset())


def names_of(tokenised: Sequence[Sequence[str]]) -> Names:
    """Names (each as its tokens) ready for :func:`mapper_pieces`."""
    kept = tuple(tuple(n) for n in tokenised if n)
    return kept, frozenset(n[0] for n in kept)


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


def told(tokens: list[str]) -> bool:
    """Whether a piece has words enough to tell a behaviour besides masked names."""
    return len(tokens) - tokens.count(PLACEHOLDER) >= MIN_WORDS


def mapper_pieces(s: Sentence, names: Names = _NO_NAMES) -> list[list[str]]:
    """What the mapper reads of a sentence: its masked words whole, then each clause's that
    still tells something, when the sentence is long enough to hold two clauses."""
    name_tokens, firsts = names
    own = _said_of_whom(s)
    if own:
        name_tokens = (*name_tokens, *own)
        firsts = firsts | {n[0] for n in own}
    whole = _actor_sense(_masked(s.words, name_tokens, firsts))
    parts = clauses(s.text) if len(s.words) >= 2 * MIN_WORDS else []  # two or none
    masks = (_actor_sense(_masked(w, name_tokens, firsts)) for w in parts)
    return [whole, *(m for m in masks if told(m))]
