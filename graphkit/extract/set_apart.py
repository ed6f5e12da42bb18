"""New names an actor's noun sets apart: "One of the groups, Jade Heron, used ...", "a
Peruvian group, Grey Loom, that ...", "the intelligence unit Copper Condor researched ...",
"Two Peruvian groups, Andes Falcon and Inca Shrike, used ...", "the Peru-affiliated Andes
Falcon, which ...", "Opal Heron and Rust Finch, both linked to Pakistan"."""

from __future__ import annotations

import itertools
import re
from typing import Final

from graphkit.extract.cues import (
    led_by_letters,
    noun_forms,
    noun_pattern,
    nouns,
    past_verb,
    word_led,
    word_list,
    words,
)
from graphkit.extract.namelike import then_reports
from graphkit.extract.reporter import ACCORDING, reported_removed
from graphkit.extract.sentence_cues import cue_bit, held

__all__ = [
    "SET_NAME",
    "TITLED",
    "apposed_names",
    "bracketed_names",
    "from_names",
    "owned_names",
    "set_apart_names",
]


# A name of two or three words in capitals ("Jade Heron"), none of them a sentence's "The".
_TITLED_REST: Final = r"[a-z]+(?:[A-Z][a-z0-9]+)*(?: [A-Z][a-z]+(?:[A-Z][a-z0-9]+)*){1,2}"
TITLED: Final = rf"(?!The\b)[A-Z]{_TITLED_REST}"
# ... the same where a word starts (``\b`` then TITLED), written capital first: a pattern that
# opens with ``\b`` gives Python's re no first characters to skip to, and is tried at every
# character of the text; this one is tried at capitals.
_WORD_TITLED: Final = rf"[A-Z](?<=\b[A-Z])(?!(?<=T)he\b){_TITLED_REST}"


# Two words in capitals, the first whole: what every TITLED name opens with, looked for once a
# sentence (by a pattern Python's re skips to capitals with) before the patterns that need one
_TITLED_START: Final = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]+)* [A-Z][a-z]")


# A new name set apart: words in capitals, one in CamelCase or one in capitals ("STOIC").
SET_NAME: Final = rf"{TITLED}|[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Z][A-Z0-9]{{2,}}\d*"


_APPOSITIVE_NOUNS: Final = nouns("appositive")
_NOUNS: Final = noun_pattern("appositive")
_SET_NOUNS: Final = _APPOSITIVE_NOUNS | {
    f"{n}s" for n in _APPOSITIVE_NOUNS
}  # "One of the groups, X,"
# ... as bits of a sentence's words (sentence_cues): several checks ask them of one sentence
_APPOSITIVE_BIT: Final = cue_bit(_APPOSITIVE_NOUNS)
_SET_NOUNS_BIT: Final = cue_bit(_SET_NOUNS)


def set_apart_names(text: str, words: list[str]) -> list[tuple[int, str]]:
    """The new names a sentence sets apart beside an actor's noun, each with where it starts."""
    new: list[tuple[int, str]] = []
    nouned = held(words, _SET_NOUNS_BIT)
    if nouned and ", " in text and _SET_APART_CAPITAL.search(text):  # "One of the groups, X,"
        new += [
            (c.start(c.lastindex or 1), c[c.lastindex or 1]) for c in _NOUN_SET_NAME.finditer(text)
        ]
    # what the patterns of a TITLED name need (most sentences hold none)
    titled = (nouned or "-" in text) and _TITLED_START.search(text) is not None
    if nouned and titled:  # "the intelligence unit Copper Condor ran", "Peru's Tin Vane group"
        new += [(c.start(1), c.group(1)) for c in _NOUN_THEN_TITLED.finditer(text)]
        if any(noun in text for noun in _NOUNS_AFTER_NAME):
            new += [(c.start(1), c.group(1)) for c in _TITLED_THEN_NOUN.finditer(text)]
    if nouned and " and " in text and any(count in text for count in _COUNTS):
        for c in _COUNTED_PAIR.finditer(text):  # "Two Peruvian groups, Andes Falcon and ..."
            new += [(c.start(1), c.group(1)), (c.start(2), c.group(2))]
    if nouned and (" such as " in text or " like " in text or " including " in text):
        for c in _SUCH_AS.finditer(text):  # "hacking groups such as Copper Finch and Tin Vane"
            new += [(c.start(k), c.group(k)) for k in (1, 2) if c.group(k)]
    if nouned and " and " in text and " as " in text:  # "threat actors known as X and Y"
        for c in _PLURAL_CALLED.finditer(text):
            new += [(c.start(1), c.group(1)), (c.start(2), c.group(2))]
    if titled and "-" in text and any(tie in text for tie in _TIED_DASHED):
        # "the Peru-affiliated Andes Falcon, which ..."
        new += [(c.start(1), c.group(1)) for c in _TIED_THEN_NAME.finditer(text)]
    if ", both " in text or ", each " in text:  # "Opal Heron and Rust Finch, both linked to ..."
        for c in _PAIR_SET_APART.finditer(text):
            new += [(c.start(1), c.group(1)), (c.start(2), c.group(2))]
    return new


# Two new names set apart together by what they share: "Opal Heron and Rust Finch, both linked
# to Pakistan, ...", "Kite and Vane, each tied to Iran".
_PAIR_SET_APART: Final = re.compile(
    r"(?:^|[.;:]\s+)((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) and ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+),\s+"
    r"(?:both|each)\s+(?:\w+\s+)?(?:linked|tied|attributed|connected|affiliated|based|operating|"
    r"believed|thought|suspected|assessed|working|run)\b"
)


# "One of the groups, Jade Heron, used ...": a name set apart after an actor noun (a comma,
# then a capital: looked for first, with a pattern Python's re skips to the comma with)
_SET_APART_CAPITAL: Final = re.compile(r", [A-Z]")
_NOUN_SET_NAME: Final = re.compile(
    word_led(  # (its three forms each a branch per first word: a group each; ``lastindex``)
        [
            *(rf"{w} (?:{_NOUNS})s?, ({SET_NAME})," for w in ("the", "of the", "One of the",
                                                              "one of the")),
            # "Its sister group, Condor Moss, wrote ...": a possessive and a word may come before
            *(rf"{w} (?:[\w-]+ )?(?:{_NOUNS}), ({SET_NAME})," for w in ("Its", "its", "Their",
                                                                       "their")),
            # "a Peruvian group, Grey Loom, that ...", "and a Bolivian one, Tin Vane, that ...",
            # "another group, Sefid Gale, has ..."
            *(rf"{w} (?:[\w-]+ ){{0,2}}?(?:{_NOUNS}|one), ({SET_NAME}),"
              for w in ("An?", "an?", "Another", "another")),
        ]
    )
)  # fmt: skip


# "the intelligence unit Copper Condor researched ...", "the group Jade Heron, which ...": a
# name in capitals right after an actor's noun, then its verb in the past or a comma
# A name in capitals, then the noun of who it is: "Tin Vane group", "Salt Reed hackers"
_NOUNS_AFTER: Final = (*word_list("group_nouns"), "hackers")
_TITLED_THEN_NOUN: Final = re.compile(rf"({_WORD_TITLED}) (?:{'|'.join(_NOUNS_AFTER)})\b")
_NOUNS_AFTER_NAME: Final = tuple(f" {noun}" for noun in _NOUNS_AFTER)  # what it needs in a text


_NOUN_THEN_TITLED: Final = re.compile(
    rf"{led_by_letters('|'.join(noun_forms('appositive')))} ({TITLED})"
    rf"(?=,|\s+\(|\s+{past_verb()}\b)"
)


# "Two Peruvian groups, Andes Falcon and Inca Shrike, used ...", "It named two groups, Andes
# Falcon and Inca Shrike.": the names a count of actors sets apart, one each, the pair closed
# by a comma, the sentence's end or a relative word
_COUNTS: Final = ("Two ", "two ", "Both ", "both ")
_COUNTED_PAIR: Final = re.compile(
    rf"{word_led([c.strip() for c in _COUNTS])} (?:[\w-]+ ){{0,2}}?(?:{_NOUNS})s, "
    rf"({SET_NAME}) and ({SET_NAME})(?=[,.;:]|\s+(?:which|that|who)\b|$)"
)


_APPOSITIVE_PLURAL: Final = rf"{led_by_letters('|'.join(noun_forms('appositive')))}s,? "
# Names given as examples of actors: "groups such as Copper Finch and Tin Vane", "Groups like
# Copper Finch, based in Peru,", "crews, including Tin Vane, ..."
_BRACKET: Final = r"(?: \([^()]{1,40}\))?"  # where the name is from: "Tin Vane (Chile)"
_WHOLE: Final = r"(?![\w-]| [A-Z])"  # the whole name: not "ABC" of "outlets such as ABC News"
_SUCH_AS: Final = re.compile(
    rf"(?i:{_APPOSITIVE_PLURAL})(?:such as|like|including) ({SET_NAME}){_WHOLE}{_BRACKET}"
    rf"(?:,? and ({SET_NAME}){_WHOLE})?\b"
)
# "Two Peru-affiliated threat actors known as Andes Hawk and Inca Wren": the names several
# actors are known by, one each
_PLURAL_CALLED: Final = re.compile(
    rf"{_APPOSITIVE_PLURAL}(?:known|tracked|referred to) as ({SET_NAME}){_BRACKET},? and "
    rf"({SET_NAME})\b"
)


# "the Peru-affiliated Andes Falcon, which ...", "the China-linked Jade Heron used": a name
# after the place it is tied to, then a comma, a bracket or its verb in the past
_TIED_PARTICIPLES: Final = (*word_list("tie_participles"), "based", "nexus")
_TIED_DASHED: Final = tuple(f"-{tie} " for tie in _TIED_PARTICIPLES)  # what it needs in a text
_TIED_THEN_NAME: Final = re.compile(
    rf"{led_by_letters('the|a|an')} [A-Z][a-z]+(?: [A-Z][a-z]+)?-"
    rf"(?:{'|'.join(_TIED_PARTICIPLES)}) ({TITLED})"
    rf"(?=,|\s+\(|\s+{past_verb()}\b)"
)


# "Peru's Andes Hawk (Tin Kettle), Bolivia's Salar Moth and ...": names in capitals owned by
# the words before them, listed (a bracket, a comma, "and" after); one before its verb ("Russia's
# Helgoland Bite wrote") names the paragraph's operation, as names.py reads it, unless it
# closes a list ("..., and Cuba's Havana Kite used")
_OWNED_NAME: Final = re.compile(
    rf"([A-Z](?<=\b[A-Z])[a-z]+(?: [A-Z][a-z]+)?)(?:'s|\u2019s) ({TITLED})"
    r"(?=,|\s+\(|\s+and\b|( [a-z])|(\.$))"  # ... or the sentence's end, after a list
)


def owned_names(text: str) -> list[tuple[int, str, str]]:
    """Names in capitals that the words before them own ("Peru's Andes Hawk"): where each
    starts, its owner and the name. The caller keeps those whose owner is a place. Not what
    actors are tied to ("linked to Iran's Revolutionary Guards": their sponsor)."""
    if "'s " not in text and "\u2019s " not in text:
        return []
    return [
        (c.start(2), c.group(1), c.group(2))
        for c in _OWNED_NAME.finditer(text)
        if not (c.group(3) or c.group(4)) or text[: c.start()].endswith((", ", " and "))
        if _TIES.isdisjoint(re.findall(r"[a-z]+", text[max(0, c.start() - 25) : c.start()]))
    ]


_TIES: Final = words("attr_before") | words("tied") | {"for", "of"}  # "linked to", "working for"


# "including Andes Hawk and Inca Wren from Peru, Salar Moth from Bolivia": names in capitals
# before where they are from (the caller checks that it is a place)
_NAME_FROM: Final = re.compile(
    rf"({_WORD_TITLED})(?:,? and ({TITLED}))? from (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)


def from_names(text: str, words: list[str]) -> list[tuple[int, str, str]]:
    """Names in capitals said to be from somewhere, in a sentence with an actor's noun
    ("These actors, including Andes Hawk from Peru, ..."): where each starts, the name and
    the words after "from"."""
    if " from " not in text or not held(words, _SET_NOUNS_BIT):
        return []
    out = []
    for c in _NAME_FROM.finditer(text):
        out += [(c.start(i), c.group(i), c.group(3)) for i in (1, 2) if c.group(i)]
    return out


# "Amber Finch (Peru) and Tin Vane (Chile)": a name in capitals, then where it is from in
# brackets (the caller checks that it is a place)
_NAME_BRACKETED: Final = re.compile(
    rf"(?<![\w-])({SET_NAME}) \((?:(?:{'|'.join(word_list('hedges'))}) )?"
    r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)\)"
)
_LIST_GAP: Final = re.compile(r",? and |, ")


def bracketed_names(text: str) -> list[tuple[int, str, str]]:
    """Names in capitals listed each with where it is from in brackets ("Amber Finch (Peru)
    and Tin Vane (Chile) wrote ...", "groups such as X (Peru), Y (Chile) and Z (Bolivia)"):
    where each starts, the name and the words in its brackets. Two of them at least, one
    after the other in a list that opens the clause or follows an actor's plural noun: one
    alone may be a firm's or a product's, and a list after a verb or a preposition what the
    actors went after or who reports ("Researchers at X (Peru) and Y (Chile) said")."""
    if text.count(" (") < 2:
        return []  # two names at least, each with its brackets
    found = list(_NAME_BRACKETED.finditer(text))
    listed = [
        k
        for i, (a, b) in enumerate(itertools.pairwise(found))
        if _LIST_GAP.fullmatch(text, a.end(), b.start())
        for k in (i, i + 1)
    ]
    if not listed:
        return []
    first, last = found[listed[0]], found[listed[-1]]
    before = text[: first.start()]
    if then_reports(text, last.end()) or not (
        len(reported_removed(text)) == len(text) - len(before) or _LIST_LEAD.search(before)
    ):
        return []
    return [(found[k].start(1), found[k].group(1), found[k].group(2)) for k in sorted(set(listed))]


# An actor's plural noun before the examples a list gives: "groups such as", "crews like"
_LIST_LEAD: Final = re.compile(
    rf"(?i:{_APPOSITIVE_PLURAL})(?:such as |like |including |were |are )?$"
)


# "SweetSpecter, a suspected China-based adversary", "Jade Heron — a Laotian crew": a new
# name, set apart as an actor.
_APPOSITIVE: Final = re.compile(
    r"\b([A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[A-Z][A-Za-z]*\d[A-Za-z0-9]*|[A-Z]{3,}\d*|\d+[A-Z][a-z]+|"
    rf"{TITLED})(?:,|\s*[\u2014\u2013])\s+an?\s+"
    # the noun heads the phrase: "Dana Whitfield, an analyst at the research group" is no actor,
    # nor "GLASSKEY, a backdoor that the group ...": a relative clause ends the phrase
    r"(?:(?!(?:at|of|for|with|from|in|that|which|who|whom|whose|the)\s)[\w-]+\s+){0,4}?"
    rf"(?:{noun_pattern('appositive')})\b"
)


# A plain name inside a sentence set apart by what it is, its noun close after "a": "warned
# about Quellor, a ransomware group"; not "on Monday, a day after a group ..." (the words
# between are adjectives: no preposition, article or relative word)
_BETWEEN: Final = rf"(?:(?!(?:{'|'.join(word_list('apposed_stops'))})\s)[a-z-]+\s+){{0,2}}?"
_PLAIN_APPOSITIVE: Final = re.compile(
    rf"(?<=[a-z] )([A-Z][a-z]{{3,}}),\s+an?\s+{_BETWEEN}(?:{noun_pattern('appositive')})\b"
)


def apposed_names(text: str, said: list[str]) -> list[tuple[int, str]]:
    """New names a sentence sets apart by what they are, each with where it starts; not one
    that reports ("Vendorly, a security firm, said"). ``said``: the sentence's words."""
    if not held(said, _APPOSITIVE_BIT) or not (
        ", a " in text or ", an " in text or "\u2014" in text or "\u2013" in text
    ):
        return []
    plain = [a for a in _PLAIN_APPOSITIVE.finditer(text) if _after_a_small_word(text, a.start(1))]
    source = ACCORDING.match(text)  # "According to Wire Daily, a state-backed group ...": the
    # source, and the group after it a phrase of its own
    return [
        (a.start(1), a.group(1))
        for a in (*_APPOSITIVE.finditer(text), *plain)
        if not then_reports(text, a.end()) and not (source and a.start(1) < source.end())
    ]


def _after_a_small_word(text: str, at: int) -> bool:
    """Whether the word before ``at`` is written in lower case: the name inside a sentence,
    not the last word of a longer name ("Jade Heron") or a byline ("By A. Writer")."""
    before = text[:at].split()
    return bool(before) and before[-1][:1].islower()
