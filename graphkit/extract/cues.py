"""The extractor's cue words, as data: ``graphkit/data/cues/*.yaml``, read and checked once.

``techniques.yaml`` holds the behaviour phrases of the rule mapper, ``behaviour.yaml`` the
verb and object classes of :mod:`graphkit.extract.behaviour`, ``words.yaml`` the word lists
that tell a mention's role, ``layout.yaml`` the words of headings, ``names.yaml`` the words
that introduce a name or make one no name, ``actor_nouns.yaml`` the nouns for who acts, with the
roles each plays, and ``fields.yaml`` the labels of fields.

Examples
--------
>>> technique_cues().phrase_ids()["password spraying"]
('T1110.003',)
>>> "targeting" in words("aimed")
True
>>> sorted(nouns("called"))
['actor', 'company', 'contractor', 'firm', 'group', 'startup', 'vendor']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Literal

from pydantic import Field, model_validator

from graphkit.data import Strict, load
from graphkit.errors import InputError

__all__ = ["ActorNouns", "BehaviourClass", "a_body_head", "behaviour_cues", "by_first_letter",
           "field_roles",
           "noun_forms", "noun_pattern", "nouns", "other_senses", "past_verb", "technique_cues",
           "word_led", "word_list", "words"]  # fmt: skip


class PhraseGroup(Strict):
    ids: tuple[str, ...]
    phrases: tuple[str, ...]


class Combination(Strict):
    ids: tuple[str, ...]
    first: tuple[str, ...]
    second: tuple[str, ...]


class TechniqueCues(Strict):
    phrases: tuple[PhraseGroup, ...]
    named_vulnerabilities: PhraseGroup
    combinations: tuple[Combination, ...]
    verb_forms: dict[str, tuple[str, ...]]
    generic_names: frozenset[str]
    not_entities: tuple[str, ...]

    def phrase_ids(self) -> dict[str, tuple[str, ...]]:
        """Every phrase → the technique ids it names."""
        out = {p: g.ids for g in (*self.phrases, self.named_vulnerabilities) for p in g.phrases}
        for c in self.combinations:
            out.update({f"{a} {b}": c.ids for a in c.first for b in c.second})
        return out


class WordSet(Strict):
    verbs: tuple[str, ...] = ()  # taken in every form
    words: tuple[str, ...] = ()  # as written


class BehaviourClass(Strict):
    verbs: str | tuple[str, ...]  # the name of a set, or of several
    objects: str
    reach: int = Field(ge=1)
    ids: tuple[str, ...]
    turns: str
    except_: tuple[str, ...] = Field((), alias="except")

    def verb_sets(self) -> tuple[str, ...]:
        return (self.verbs,) if isinstance(self.verbs, str) else self.verbs


class BehaviourCues(Strict):
    doubled: frozenset[str]
    sets: dict[str, WordSet]
    classes: tuple[BehaviourClass, ...]

    @model_validator(mode="after")
    def _sets_named(self) -> BehaviourCues:
        for c in self.classes:
            for name in (*c.verb_sets(), c.objects, c.turns):
                if name not in self.sets:
                    raise ValueError(f"class of {c.ids}: no set {name!r}")
        return self


@cache
def technique_cues() -> TechniqueCues:
    """The behaviour phrases of ``cues/techniques.yaml``."""
    cues: TechniqueCues = load("cues/techniques.yaml", TechniqueCues)
    return cues


@cache
def behaviour_cues() -> BehaviourCues:
    """The verb and object classes of ``cues/behaviour.yaml``."""
    cues: BehaviourCues = load("cues/behaviour.yaml", BehaviourCues)
    return cues


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    lists: dict[str, tuple[str, ...]] = {}
    for name in ("cues/words.yaml", "cues/layout.yaml", "cues/names.yaml"):
        for key, value in load(
            name, dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]]
        ).items():
            if isinstance(value, dict):
                continue  # field_roles
            if key in lists:
                raise InputError(
                    f"{key!r} is a list of another file too", path=f"graphkit/data/{name}"
                )
            lists[key] = value
    return lists


@cache
def other_senses() -> dict[str, frozenset[str]]:
    """Sector words by the words beside them that give them another sense
    (``cues/words.yaml``'s ``other_senses``): "cyber offense and defense", "computing power"."""
    lists = load("cues/words.yaml", dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]])
    senses = lists["other_senses"]
    if not isinstance(senses, dict):
        raise InputError("a mapping of words to lists", path="graphkit/data/cues/words.yaml",
                         field="other_senses")  # fmt: skip
    return {k: frozenset(v) for k, v in senses.items()}


@cache
def field_roles() -> dict[str, tuple[str, ...]]:
    """Labelled fields' labels by what they say (``layout.yaml``)."""
    roles: dict[str, tuple[str, ...]] = load("cues/fields.yaml", _Fields).field_roles
    return roles


class _Fields(Strict):
    field_roles: dict[
        Literal["name", "who", "language", "target", "actor", "text"], tuple[str, ...]
    ]


def word_list(name: str) -> tuple[str, ...]:
    """A list of ``cues/words.yaml``, ``cues/layout.yaml`` or ``cues/names.yaml``, in its order."""
    return _lists()[name]


@cache
def words(name: str) -> frozenset[str]:
    """A list of ``cues/words.yaml`` or ``cues/layout.yaml``, as a set (made once: some callers
    ask for it at each name they read)."""
    return frozenset(_lists()[name])


def a_body_head(word: str) -> bool:
    """Whether a lower-case word is the head of a public body's name, singular or plural
    (names.yaml's institution_heads: "agency", "services"): "the Canadian spy service" is a
    state's body, no actor.

    >>> a_body_head("agencies"), a_body_head("service"), a_body_head("crews")
    (True, True, False)
    """
    heads = words("institution_heads")
    if word in heads:
        return True
    return word.endswith("s") and (word[:-1] in heads or word[:-3] + "y" in heads)


class ActorNouns(Strict):
    roles: dict[str, str]  # role → what it says and where it is read
    forms: dict[str, frozenset[str]]  # form → its roles

    @model_validator(mode="after")
    def _roles_declared(self) -> ActorNouns:
        for form, roles in self.forms.items():
            if form != form.lower():
                raise ValueError(f"form {form!r}: forms are lower case")
            if not roles <= self.roles.keys():
                raise ValueError(f"form {form!r}: no role {sorted(roles - self.roles.keys())}")
        unused = self.roles.keys() - set().union(*self.forms.values())
        if unused:
            raise ValueError(f"roles no form plays: {sorted(unused)}")
        return self


@cache
def _actor_nouns() -> dict[str, tuple[str, ...]]:
    table: ActorNouns = load("cues/actor_nouns.yaml", ActorNouns)
    return {
        role: tuple(form for form, roles in table.forms.items() if role in roles)
        for role in table.roles
    }


def nouns(role: str) -> frozenset[str]:
    """The forms of ``cues/actor_nouns.yaml`` that play ``role``, as the tokenizer reads them (a
    hyphenated form by its first word: "start-up" is "start" before "up")."""
    return frozenset(form.split("-")[0] for form in _actor_nouns()[role])


def led_by_letters(alternatives: str) -> str:
    r"""``\b(?:a|b|...)`` for an alternation whose alternatives each open with a letter or a
    digit, written so that Python's ``re`` skips to their first letters: a pattern that opens
    with ``\b`` gets no first characters to look for and is tried at every character of the
    text. The same matches: at any one place only the alternatives of that place's letter can
    match, and they keep their order.

    >>> led_by_letters("said|says|found")
    '(?:s(?<=\\bs)(?:aid|ays)|f(?<=\\bf)(?:ound))'
    """
    plain = rf"\b(?:{alternatives})"
    if "(" in alternatives or "[" in alternatives or "\\|" in alternatives:
        return plain  # a group or a class inside: its bars are not all the alternation's
    by_letter: dict[str, list[str]] = {}
    for a in alternatives.split("|"):
        if not (a[:1].isascii() and a[:1].isalnum()):
            return plain  # an alternative that opens otherwise
        by_letter.setdefault(a[0], []).append(a[1:])
    led = [c + r"(?<=\b" + c + ")(?:" + "|".join(rest) + ")" for c, rest in by_letter.items()]
    return "(?:" + "|".join(led) + ")"


def word_led(branches: Sequence[str], ignore_case: bool = False) -> str:
    r"""``\b(?:a|b|...)`` for branches that each open with a letter or a digit (what follows it
    may be any pattern, a bar only inside a group), written as one class of their first
    characters, the word boundary looked for behind it, then the branches without their first
    character, grouped under a look behind at it: Python's ``re`` skips to the class's
    characters, where a pattern that opens with ``\b`` (or with a group of classes) is tried at
    every character of the text. The same matches: at any one place only the branches of that
    place's character can match, and they keep their order. ``ignore_case``: the branches in
    any case, as ``\b(?i:...)`` (the class holds every character ``re`` takes for a letter in
    any case: "\u017f" is an "s"). Plain when a branch opens otherwise.

    >>> word_led(["two", "Two", "both", "tie"])
    '[tTb](?<=\\b[tTb])(?:(?<=t)(?:wo|ie)|(?<=T)(?:wo)|(?<=b)(?:oth))'
    >>> word_led(["two", "both"], ignore_case=True)
    '[tTbB](?<=\\b[tTbB])(?i:(?<=t)(?:wo)|(?<=b)(?:oth))'
    """
    if not all(b[:1].isascii() and b[:1].isalnum() for b in branches):
        return rf"\b(?{'i' if ignore_case else ''}:{'|'.join(branches)})"
    by_first: dict[str, list[str]] = {}
    for b in branches:
        by_first.setdefault(b[0].lower() if ignore_case else b[0], []).append(b[1:])
    firsts = dict.fromkeys(
        x for c in by_first for x in ((c, c.upper(), *_FOLDED.get(c, "")) if ignore_case else c)
    )
    led = "".join(firsts)
    inner = "|".join(f"(?<={c})(?:{'|'.join(rest)})" for c, rest in by_first.items())
    return rf"[{led}](?<=\b[{led}])(?{'i' if ignore_case else ''}:{inner})"


# The characters besides its two cases that ``re`` takes for a letter when it ignores case
_FOLDED = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def past_verb() -> str:
    """A verb in the past tense, as a regular expression to set in a pattern ("used",
    "wrote"): a word that ends in "ed", or one of the list ``irregular_past``."""
    return rf"(?:[a-z]+ed|{'|'.join(word_list('irregular_past'))})"


def noun_forms(role: str) -> list[str]:
    """The forms that play ``role``, each as a regular expression (a hyphen optional), longest
    first."""
    forms = sorted(_actor_nouns()[role], key=lambda f: (-len(f), f))
    return [re.escape(f).replace(r"\-", "-?") for f in forms]


def noun_pattern(role: str) -> str:
    """The forms that play ``role`` as one regular-expression alternation
    (:func:`by_first_letter`)."""
    return by_first_letter(noun_forms(role))


def by_first_letter(alternatives: Sequence[str], folded: bool = False) -> str:
    """An alternation with the alternatives that open with one letter set under it, each
    group in their order. Python's ``re`` tries the branches of an alternation one by one,
    and under ``(?i)`` enters each whatever its first letter; grouped, it tries a letter's
    group. The same matches: at any one place only the alternatives of that place's letter
    can match, and they keep their order. Plain when an alternative opens with no letter or
    digit, or two letters are one in either case ("K", "k"), unless ``folded``: for an
    alternation set under ``(?i)``, where they are one letter, grouped under its lower case.

    >>> by_first_letter(["crews", "gangs", "crew"])
    'c(?:rews|rew)|g(?:angs)'
    >>> by_first_letter(["Kaspersky", "the lab", "krew"], folded=True)
    'k(?:aspersky|rew)|t(?:he lab)'
    """
    by_letter: dict[str, list[str]] = {}
    for a in alternatives:
        if not (a[:1].isascii() and a[:1].isalnum()):
            return "|".join(alternatives)
        by_letter.setdefault(a[0].lower() if folded else a[0], []).append(a[1:])
    if len({c.lower() for c in by_letter}) < len(by_letter):
        return "|".join(alternatives)
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in by_letter.items())
