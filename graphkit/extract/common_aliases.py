"""Actors' aliases that are ordinary words ("Copper", "Play", "Mask"), and when one names an actor.

The words are data (``graphkit/data/cues/common_aliases.yaml``, written by
``tools/common_aliases.py``). Written in lower case such a word is never a name (no alias is);
a capital letter makes a name of it only where nothing else puts one there: not as a
sentence's first word, not in a line written in capitals (a headline), and not as a word of a
longer capitalised name that nothing here knows ("Copper Wren", "Operation Copper"). Written
all in capitals inside a sentence ("COPPER used ..."), it is a name, as vendors write theirs.
A word beside it that says it is a name makes it one anywhere: an actor's noun after it ("the
Copper group"), a naming word before it ("tracked as Copper", "a gang called Play"), a
description of an actor or another name set apart by a comma ("Copper, a China-based group,
...", "Silence, also known as ..."), or an operator's verb with its object after it ("Silence
targeted banks").

Examples
--------
>>> from graphkit.extract.gazetteer import TOKEN, norm
>>> def named(text):
...     return names_an_actor(text, TOKEN.findall(text), norm(text).split(), 0)
>>> named("Copper prices rose."), named("Copper, a Chinese group, sent lures.")
(False, True)
>>> named("COPPER sent lures."), named("Copper Wren sent lures.")
(True, False)
"""

from __future__ import annotations

from functools import cache

from pydantic import field_validator

from graphkit.data import Strict, load
from graphkit.extract.cues import nouns, word_list, words
from graphkit.extract.gazetteer import first_words

__all__ = ["common_aliases", "names_an_actor"]


class CommonAliases(Strict):
    aliases: dict[str, tuple[str, ...]]  # the word, lower case → the actors it is an alias of

    @field_validator("aliases")
    @classmethod
    def _lower_words(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        wrong = [w for w in value if not (w.isalpha() and w.islower())]
        if wrong:
            raise ValueError(f"not a lower-case word: {wrong}")
        return value


@cache
def common_aliases() -> frozenset[str]:
    """The one-word aliases that are ordinary words, lower case."""
    table: CommonAliases = load("cues/common_aliases.yaml", CommonAliases)
    return frozenset(table.aliases)


@cache
def _naming() -> frozenset[str]:
    """Words right before a name that say it is one: "as" ("tracked as", "known as") and the
    naming verbs of ``names.yaml`` that are plain words."""
    return frozenset({"as", *(w for w in word_list("naming_leads") if w.isalpha())})


def _in_capitals(originals: list[str], letters: str = "first") -> bool:
    """A headline or title: more than half of its words capitalised (``letters="all"``: all in
    capitals)."""
    if letters == "all":
        capitals = sum(w.isupper() for w in originals)
    else:
        capitals = sum(w[:1].isupper() for w in originals)
    return len(originals) > 2 and capitals * 2 > len(originals)


def _said_to_be_a_name(text: str, originals: list[str], lowers: list[str], i: int) -> bool:
    """An actor's noun after the word, a naming word before it, an actor's description or
    another name set apart after it by a comma ("Copper, also tracked as ..."), or an
    operator's verb after it with its object ("Silence targeted banks"; "Copper used in
    wiring" is a participle)."""
    after = lowers[i + 1 : i + 6]
    who = nouns("who_end")
    if (after[:1] and after[0] in who) or (i and lowers[i - 1] in _naming()):
        return True
    if f"{originals[i]}, " in text:
        return not who.isdisjoint(after) or not _naming().isdisjoint(after[:3])
    verbs, prepositions = _acts()
    return len(after) > 1 and after[0] in verbs and after[1] not in prepositions


@cache
def _acts() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs an operator does (``names.yaml``) and the prepositions (``words.yaml``)."""
    return words("operator_verbs"), words("prepositions")


def names_an_actor(text: str, originals: list[str], lowers: list[str], i: int) -> bool:
    """Whether the ordinary word at token ``i``, written with a capital, names the actor it is
    an alias of."""
    if _said_to_be_a_name(text, originals, lowers, i):
        return True
    word, count = originals[i], len(originals)
    nxt = originals[i + 1] if i + 1 < count else ""
    if word.isupper():  # as vendors write names ("Charcoal Typhoon (CHROMIUM)", "COPPER used")
        return not _in_capitals(originals, "all") and not (
            nxt.isupper() and f"{word} {nxt}" in text
        )
    if _in_capitals(originals):
        return False
    if nxt[:1].isupper() and lowers[i + 1] not in first_words() and f"{word} {nxt}" in text:
        return False  # "Copper Wren": a longer name ("Copper APT28" is two)
    before = originals[i - 1] if i > 1 else ""  # the sentence's first word is capitalised anyway
    if before[:1].isupper() and f"{before} {word}" in text:
        return False  # "Operation Copper" ("Chinese Copper group": an actor's noun after)
    return i > 0
