"""The actors a sentence names: a code name ("GTG-1002"), a name set apart beside an actor's
noun ("SweetSpecter, a suspected China-based adversary"), one called so ("a company called
STOIC"), a quoted one, one that runs something, one in brackets after a case, one the actors'
noun is tied to ("accounts tied to Copper Finch")."""

from __future__ import annotations

import re
from typing import Final

from graphkit.actors import actor_index
from graphkit.extract.cues import noun_forms, noun_pattern, nouns, word_led, words
from graphkit.extract.gazetteer import TOKEN, Entry
from graphkit.extract.name_checks import NOT_NAMES, only_places, says_nothing
from graphkit.extract.namelike import CODE_NAME, coded_group_names, looks_like_name, not_an_actor
from graphkit.extract.names import CALLED_TOKENS, KIND_WORD, TOOL_LEAD
from graphkit.extract.quoted import conjuncts, has_quote, quoted_names
from graphkit.extract.reading import Mention, Sentence, slugify
from graphkit.extract.reporter import SOURCE
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.extract.set_apart import (
    SET_NAME,
    apposed_names,
    bracketed_names,
    from_names,
    owned_names,
    set_apart_names,
)

__all__ = ["actor_names"]


_NEW_ACTOR: Final = re.compile(
    r"^(?:The (?:actor|group|adversary) (?:we track as |tracked as )?)?"
    rf"({CODE_NAME})"
    r"(?:,|\s+(?:is|was|has|used|a|an|also)\b)"
)


_AFFILIATION: Final = re.compile(r"\b(affiliated|sponsored|backed|linked|tied) (with|to|by)\b")


_ACTOR_WORDS: Final = re.compile(rf"\b({noun_pattern('actor_word')})\b", re.I)


def actor_names(sentence: Sentence, found: dict[str, str]) -> dict[str, str]:
    """Actors a sentence names: known ones, and new names the text introduces as actors."""
    names = {m.entry.id: m.entry.name for m in sentence.mentions if m.entry.kind == "Actor"}
    text = sentence.text
    new: list[tuple[int, str]] = []
    m = _NEW_ACTOR.match(text)
    if (
        m
        and not not_an_actor(text, m.end(1))
        and (
            _ACTOR_WORDS.search(text)
            or _AFFILIATION.search(text)
            or any(x.entry.kind == "Sponsor" for x in sentence.mentions)
        )
    ):  # "CyberAv3ngers is affiliated with the IRGC"
        new.append((0, m.group(1)))
    new += coded_group_names(text, sentence.words)  # "the Tinbird77 hacking group"
    if held(sentence.words, _CALLED_BIT):  # "a company called STOIC"
        new += [
            (c.start(1), c.group(1))
            for c in _CALLED_ACTOR.finditer(text)
            if not KIND_WORD.search(c.group(0))  # "STOIC ran an operation OpenAI named X"
            # "The group used a batch script called NIGHTCOMB": the tool's name, not the group's
            and not TOOL_LEAD.search(text, c.start(), c.start(1))
        ]
        new += [(c.start(1), c.group(1)) for c in _NAMER_CALLS.finditer(text)]
    new += apposed_names(text, sentence.words)  # "SweetSpecter, a suspected ... adversary"
    new += set_apart_names(text, sentence.words)  # "One of the groups, X,", "Kite and Vane, both"
    new += [(at, n) for at, owner, n in owned_names(text) if only_places(owner)]  # "Peru's X"
    new += [(at, n) for at, n, place in from_names(text, sentence.words) if only_places(place)]
    new += [(at, n) for at, n, place in bracketed_names(text) if only_places(place)]  # "X (Peru)"
    if " aka " in text or (" as " in text and any(w in text for w in _ALSO_KNOWN_WORDS)):
        # "Jade Heron (also known as Tin Wren)": two names
        new += [(c.start(1), c.group(1)) for c in _ALSO_KNOWN.finditer(text)]
    if held(sentence.words, _FIRMS_BIT):  # "the political consultancy STOIC"
        new += [(c.start(1), c.group(1)) for c in _NOUN_THEN_NAME.finditer(text)]
        new += [(c.start(1), c.group(1)) for c in _NOUN_THEN_SET_NAME.finditer(text)]
    if ")" in text:  # "Zero Zeno (Israel, STOIC)", "Israel (STOIC)": the operator after where
        for c in _NAME_CLOSING.finditer(text):
            place = _PLACE_BEFORE.search(text, max(0, c.start() - 40), c.start())
            if place and only_places(place.group(1)) and says_nothing(c.group(1)):
                new.append((c.start(1), c.group(1)))
    if held(sentence.words, _TIES_BIT) and any(tie in text for tie in _TIED_TO):
        # "accounts tied to Copper Finch"
        others = {x.text for x in sentence.mentions if x.entry.kind != "Actor"}  # "GRU": a sponsor
        new += [(c.start(1), c.group(1)) for c in _TIED_TO_NAME.finditer(text)
                if c.group(1).split(" ", 1)[0] not in others]  # fmt: skip
    if "run by " in text or "operated by " in text:
        new += [(c.start(1), c.group(1)) for c in _RUN_BY_NAME.finditer(text)]  # "run by STOIC"
    if "case, " in text and _ACTOR_WORDS.search(text):  # "A third case, SweetSpecter, ... group"
        new += [(c.start(1), c.group(1)) for c in _CASE_OF_ACTOR.finditer(text)]
    if has_quote(text):  # 'labelled the clusters "Red Ledger" and "Tin Drum"'
        tied = {c[2] for c in conjuncts(text) or () if c[1]}  # '"Salt Kite" tied to "Red Quill"'
        quoted = quoted_names(text)
        new += [(q.start, q.name) for q in quoted if q.kind == "actor" or q.name in tied]
    new += [(text.index(n), n) for n in found.values() if n in text]
    sources = [c.span() for c in SOURCE.finditer(text)] if "ccording to" in text else []
    for start, name in new:
        if NOT_NAMES.match(name) or actor_index().resolve(name) is not None:
            continue
        if any(a <= start < b for a, b in sources):
            continue  # "..., according to research from security firm Vexa Labs": the source
        if only_places(name):
            continue  # "North Korea, a country whose hackers ...": a place, no actor
        if not looks_like_name(name, frozenset()):
            continue  # "DeepSeek, a Chinese AI company": a platform's maker, no actor
        if name.rsplit(" ", 1)[-1].lower() in _INSTITUTIONS:
            continue  # "Germany's Federal Intelligence Service": a public body, no actor
        slug = slugify(name)
        if slug and slug not in names:
            names[slug] = found[slug] = name
            index = len(TOKEN.findall(text[:start]))
            inside = range(index, index + len(TOKEN.findall(name)))
            sentence.mentions = [  # "Phish and Scripts" says nothing of scripts
                x for x in sentence.mentions if x.index not in inside or x.entry.kind == "Actor"
            ]
            actor = Entry("Actor", slug, name)  # as wide as its words: "X and Y from Peru"
            sentence.mentions.append(Mention(actor, index, len(inside), [], name))
    return names


# "accounts tied to Copper Finch", "operators linked to UNK_Vane": whom the actor's noun is tied
# to by name is the actor (a place there is where they are from: only_places)
_TIES: Final = words("tie_participles")
_TIES_BIT: Final = cue_bit(_TIES)
_TIED_TO: Final = tuple(f"{tie} to " for tie in sorted(_TIES))  # what it needs in a text
_TIED_TO_NAME: Final = re.compile(
    rf"\b(?i:{noun_pattern('subject')}) (?:{'|'.join(sorted(_TIES))}) to "
    rf"({SET_NAME})\b(?!['\u2019])"
)


# "Zero Zeno (run by STOIC)": a name in capitals (or CamelCase) that runs an operation
_RUN_BY_NAME: Final = re.compile(r"\b(?:run|operated) by ([A-Z][A-Z0-9]{2,}|[A-Z][a-z]+[A-Z]\w*)\b")


# The name a noun of actors is called by: up to three words in capitals ("TEMP.Hex": one)
_CALLED_NAME: Final = r"([A-Z][\w-]*(?:\.[A-Z][\w-]*)*(?:\s(?:and\s|of\s)?[A-Z][\w-]*){0,2})"
_CALLED_ACTOR: Final = re.compile(
    # "also known as" gives another name of an actor already named: not a new one
    rf"{word_led(noun_forms('called'))}\b[^.;]{{0,40}}?\b(?:called|(?<!\ba )named|"
    rf"dubbed|(?<!also )known as)\s+{_CALLED_NAME}"
)


# ... or named by the reporter right after the noun: "a Chinese group (that) the lab calls X",
# "a group it tracks as X" (not "the company describes, which it calls X": its case)
_NAMER_CALLS: Final = re.compile(
    rf"{word_led(noun_forms('called'))} (?:that |which )?(?:the )?[\w-]+ (?:calls|dubs|tracks as) "
    + _CALLED_NAME
)


# "Jade Heron (also known as Tin Wren)", "Jade Heron, also tracked as Storm-0001,": a name
# the text gives another one of.
_ALSO_KNOWN: Final = re.compile(
    rf"\b({SET_NAME})(?: \(|, )"
    r"(?:aka|a\.k\.a\.|(?:also |which [A-Z]\w+ )?(?:known|tracked|tracks|called) as) [A-Z]"
)
# ... one of which stands in any text it matches
_ALSO_KNOWN_WORDS: Final = ("aka ", "a.k.a. ", "known as ", "tracked as ", "tracks as ",
                             "called as ")  # fmt: skip


# "the Tel Aviv political consultancy STOIC": a name in capitals right after the noun.
_NOUN_THEN_NAME: Final = re.compile(
    rf"{word_led(noun_forms('firm'))}\s+"
    r"([A-Z][A-Z0-9]{2,}|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\b"
)


# "a political marketing firm in Tel Aviv, STOIC, ran ...": the name set apart after the noun.
_NOUN_THEN_SET_NAME: Final = re.compile(
    rf"{word_led(noun_forms('firm'))}"
    r"(?: (?:in|from|based in) [A-Z][\w-]*(?: [A-Z][\w-]*){0,2})?, "
    r"([A-Z][A-Z0-9]{2,}|[A-Z][a-z]+[A-Z][A-Za-z0-9]*),"
)


# A name in capitals (or CamelCase) that closes a bracket after a place: the name is found
# first, the place looked for in the words before it.
_NAME_CLOSING: Final = re.compile(r"(?:, | \()([A-Z][A-Z0-9]{2,}|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\)")


_PLACE_BEFORE: Final = re.compile(r"\(?((?:likely )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)$")


_CASE_OF_ACTOR: Final = re.compile(r"\bcase, ([A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*),")


_FIRMS: Final = nouns("firm")
_FIRMS_BIT: Final = cue_bit(_FIRMS)
_CALLED_BIT: Final = cue_bit(CALLED_TOKENS)


_INSTITUTIONS: Final = words("institution_heads")
