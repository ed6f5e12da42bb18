"""Techniques the learned mapper finds in the sentences of a text's operations.

Each operation's sentences are scored in one batch (:mod:`~graphkit.extract.mapper`), read
by :func:`~graphkit.extract.masking.mapper_pieces`: the names of the operation and its actors
masked as the training text masks the names of groups and software ("Phish and Scripts"
names an operation, it says nothing of phishing), and so are the sentence's places,
languages and actor-sense "groups", and the reporter where it is a subject, with what it did
("We disabled the accounts"). A sentence left with fewer than three words ("Also likely
Iranian.") and a sentence that negates ("We have not seen these actors develop new
capabilities") draft nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from graphkit.extract.features import MIN_WORDS, words
from graphkit.extract.masking import mapper_pieces, names_of, told
from graphkit.extract.reading import Sentence
from graphkit.extract.trained import technique_model

__all__ = ["MAPPERS", "learned_techniques"]

# How techniques are found besides their ids and names: the learned model, the cue words of
# the gazetteer and graphkit.extract.behaviour (the mapper before the model), or both.
MAPPERS: Final = ("both", "learned", "rules")

_NEGATIONS: Final = frozenset({"not", "never", "no", "nor", "didn't", "hasn't", "haven't"})


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
    said: dict[str, list[str]] = {}  # each name's words: an actor's aliases come back by group
    for sentences, names in groups:
        masked_names = names_of([said.get(n) or said.setdefault(n, words(n)) for n in names if n])
        name_tokens = masked_names[0]
        for s in sentences:
            if len(s.words) < MIN_WORDS or not _NEGATIONS.isdisjoint(s.words):
                continue
            key = (s.text, name_tokens)  # a sentence's words are its text's (read_sentence)
            row = rows.get(key)
            if row is None:
                read = mapper_pieces(s, masked_names)
                # a sentence of two words besides names and places ("Also likely Chinese.")
                # tells no behaviour, as a clause of two does not
                row = rows[key] = len(pieces) if told(read[0]) else -1
                if row >= 0:
                    pieces.append(read)
            if row >= 0:
                batch.append((s, row))
    if not batch:
        return {}
    drafted = technique_model().drafts(pieces)
    return {id(s): drafted[row] for s, row in batch if drafted[row]}
