"""Where a named actor is from, said next to its name: "Forest Blizzard from Russia", "the
Iranian group TEMP.Zagros", "Russia's APT28", "Chinese groups, including APT5", "Emerald Sleet
(THALLIUM) — North Korea."."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.coordination import kind_of_members
from graphkit.extract.cues import nouns, word_list, words
from graphkit.extract.gazetteer import TOKEN
from graphkit.extract.reading import COUNTRY_KINDS, PLACE, Mention, Sentence
from graphkit.extract.roles import country_role
from graphkit.extract.spoken import language_positions

__all__ = [
    "after_name",
    "enumerated",
    "from_elsewhere",
    "own_origins",
    "place_role",
    "set_after_actor",
]


ACTOR_NOUNS: Final = nouns("origin_after")


# Between an actor and its country: an alias in brackets, then a dash or a colon.
_ACTOR_DASH: Final = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?[\u2014\u2013:-]\s*(?:the\s+)?$", re.I)


def set_after_actor(m: Mention, s: Sentence) -> bool:
    """A country set after an actor by a dash or a colon: "Emerald Sleet (THALLIUM) — North
    Korea.", "APT42: Iranian". That says where the actor is from."""
    for a in s.mentions:
        if a.entry.kind == "Actor" and a.index < m.index <= a.index + a.width + 4:
            start = s.text.find(a.text)
            end = s.text.find(m.text, start + len(a.text)) if start >= 0 else -1
            if end >= 0 and _ACTOR_DASH.match(s.text[start + len(a.text) : end]):
                return True
    return False


_TIES: Final = words("attr_after")  # "-based", "-backed", "government", "state" ...


def _tied_before(a: Mention, words: list[str], ends: dict[int, Mention]) -> Mention | None:
    """The place right before an actor's name, or before words that tie the name to it:
    "Russian APT28", "Iran-based APT35", "Russian government-backed APT28"."""
    right = ends.get(a.index)
    if right is not None and right.entry.kind == "Demonym":
        return right
    for gap in (1, 2, 3):
        between = words[a.index - gap : a.index]
        place = ends.get(a.index - gap)
        if len(between) < gap or not _TIES.issuperset(between):
            return None
        if place is not None:
            return place
    return None


def own_origins(s: Sentence) -> dict[int, Mention]:
    """Where each actor of a sentence is from, when the sentence says it next to the name:
    "Forest Blizzard from Russia", "the Iranian group TEMP.Zagros", "Russia's APT28".
    Token position of the actor → the country's mention."""
    places = {m.index: m for m in s.mentions if m.entry.kind in COUNTRY_KINDS}
    ends = {m.index + m.width: m for m in places.values()}  # "North Korean" is two words
    out: dict[int, Mention] = _one_and_the_other(s, places) if "other" in s.words else {}
    words = s.words
    named: dict[int, Mention] = {}  # the end of each actor "known as", → its place
    owned: dict[int, Mention] = {}  # the end of each actor a place owns ("Russia's X") → it
    for a in s.mentions:
        if a.entry.kind != "Actor":
            continue
        end = a.index + a.width
        if a.index in out:
            continue  # "X and Y, with one traced to A and the other to B"
        if words[end : end + 1] == ["from"]:
            c = places.get(end + 1) or (
                places.get(end + 2) if words[end + 1 : end + 2] == ["the"] else None
            )
            if c is not None:
                out[a.index] = c
                continue
        kind = kind_of_members(a, s, ends) or _bracketed(a, s, places)
        if kind is not None:
            out[a.index] = kind  # "Chinese groups, including APT5 and APT15", "APT5 (China)"
            continue
        known = _known_as(a, words, ends) or (
            named.get(a.index - 1) if words[a.index - 1 : a.index] == ["and"] else None
        )  # "... known as Charcoal Typhoon and (Salmon Typhoon)"
        if known is not None:
            out[a.index] = named[end] = known  # "the Iran-affiliated actor known as X"
            continue
        owner = owned.get(a.index) or (
            owned.get(a.index - 1) if words[a.index - 1 : a.index] == ["and"] else None
        )  # "China's X (its alias) and Y": the place owns both
        if owner is not None:
            out[a.index] = owned[end] = owner
            continue
        tied = _tied_before(a, words, ends)
        if tied is not None:
            out[a.index] = tied  # "Russian APT28", "Iran-based APT35", "Russian state-backed X"
            continue
        before = ends.get(a.index - 1) if a.index >= 2 else None
        if before is None and a.index >= 3 and words[a.index - 1] in ACTOR_NOUNS:
            before = _qualified(a.index - 1, words, ends)  # "the Russian nation-state group X"
        if before is None:
            continue
        if before.entry.kind == "Demonym" and words[a.index - 1] in ACTOR_NOUNS:
            out[a.index] = before  # "the Iranian group TEMP.Zagros"
        elif before.entry.kind == "Country" and words[a.index - 1] == "s":
            out[a.index] = owned[end] = before  # "Russia's APT28"
    return _paired_from(s, out) if "from" in words and "and" in words else out


# A place alone in brackets right after a name, maybe hedged: "Storm-0539 (Russia)", "APT5
# (likely China)"
_BRACKETED: Final = re.compile(rf"\s*\((?:(?:{'|'.join(word_list('hedges'))}) )?([^()]{{2,40}})\)")


def _bracketed(a: Mention, s: Sentence, places: dict[int, Mention]) -> Mention | None:
    """The place in brackets right after an actor's name, each of a list keeping its own:
    "Groups like Storm-0539 (Russia) and Charcoal Typhoon (China)"; None otherwise."""
    place = places.get(a.index + a.width) or places.get(a.index + a.width + 1)
    if place is None:
        return None
    start = s.text.find(a.text)
    m = _BRACKETED.match(s.text, start + len(a.text)) if start >= 0 else None
    return place if m is not None and m.group(1) == place.text else None


# Words between a place and the actor's noun it qualifies: "Iran-affiliated threat (actor)"
_QUALIFYING: Final = words("qualifying")


def _qualified(noun: int, words: list[str], ends: dict[int, Mention]) -> Mention | None:
    """The demonym before the words that qualify an actor's noun at ``noun``: "Russian
    nation-state (group)", "Iranian state-sponsored hacking (group)"; None otherwise."""
    k = noun
    while k > 0 and words[k - 1] in _QUALIFYING:
        k -= 1
        place = ends.get(k)
        if place is not None:
            return place if place.entry.kind == "Demonym" else None
    return None


def _known_as(a: Mention, words: list[str], ends: dict[int, Mention]) -> Mention | None:
    """The place that qualifies an actor's noun just before its name: "the Iran-affiliated
    threat actor known as Crimson Sandstorm", "two China-affiliated actors known as Charcoal
    Typhoon and (Salmon Typhoon)", "a Russian crew called Ash Lark", "two crews from Peru,
    identified as X and (Y)"; None otherwise."""
    i = a.index
    if words[i - 2 : i] in (["known", "as"], ["tracked", "as"], ["identified", "as"]):
        at = i - 2
    elif i and words[i - 1] in ("called", "dubbed", "named"):
        at = i - 1
    elif i and words[i - 1] in ACTOR_NOUNS:
        at = i  # "a Bolivia-linked group, UNC9070, ...": the name set apart after its noun
    elif i > 2 and (
        words[i - 1] in _NAMING or words[i - 2 : i] in (["tracks", "as"], ["track", "as"])
    ):
        namer = _before_the_namer(words, i - 1 if words[i - 1] in _NAMING else i - 2)
        if namer is None:  # "a Chinese group (that) the lab calls Jade Lantern"
            return None
        at = namer
    else:
        return None
    place = ends.get(at)  # "two threat actors from China, identified as X and (Y)"
    if place is not None and (after := _from(words, place.index)) > 0:
        return place if words[after - 1] in ACTOR_NOUNS else None
    noun = next((k for k in range(at - 1, max(-1, at - 3), -1) if words[k] in ACTOR_NOUNS), None)
    k = noun
    while k is not None and k > 0:
        place = ends.get(k)  # the place whose last word is just before ``k``
        if place is not None:
            return place
        if words[k - 1] not in _QUALIFYING:
            return None
        k -= 1
    return None


_NAMING: Final = frozenset({"calls", "call", "dubs", "dub", "names"})


def _before_the_namer(words: list[str], verb: int) -> int | None:
    """Where the words that name an actor start, before the reporter that names it: "(a
    Chinese group) that the lab calls", "(a Chinese group) it tracks as"; None when no relative
    word or actor's noun is right before the reporter."""
    window = range(verb - 1, max(-1, verb - 5), -1)
    relative = next((k for k in window if words[k] in ("that", "which", "whom")), None)
    if relative is not None:  # (the reporter after it may be a noun of actors: "the firm")
        return relative
    return next((k + 1 for k in window if words[k] in ACTOR_NOUNS), None)


def _from(words: list[str], place: int) -> int:
    """The position of the "from" before a place ("from Peru", "from the United States"), or
    -1."""
    k = place - 1 if words[place - 1 : place] != ["the"] else place - 2
    return k if k >= 0 and words[k] == "from" else -1


def from_elsewhere(s: Sentence, before: Sentence) -> bool:
    """Whether a sentence sets its actors from a place ("The actors from Israel, called
    STOIC, ...") other than the one a sentence before sets its case from ("The network from
    Iran, called X, ..."): another case, not the actors behind that one."""
    own = {c.entry.id for c in own_origins(s).values()}
    if not own or "from" not in before.words:
        return False
    came = {
        m.entry.id
        for m in before.mentions
        if m.entry.kind in COUNTRY_KINDS and _from(before.words, m.index) >= 0
    }
    return bool(came) and own.isdisjoint(came)


def enumerated(sentences: list[Sentence]) -> tuple[Sentence, dict[int, Mention]] | None:
    """The sentence that lists actors each with its own country ("Forest Blizzard from Russia,
    Emerald Sleet from North Korea, ..."), with those countries; None when there is none."""
    for s in sentences:
        origins = own_origins(s)
        listed = {  # "X from Russia", "two crews from Peru, known as X and Y": not "Russia's
            # X", which may name one case's actor
            i: c
            for i, c in origins.items()
            if (c.index > i and s.words[c.index - 1 :][:1] != ["s"]) or _from(s.words, c.index) >= 0
        }
        if len({o.entry.id for o in listed.values()}) > 1:  # two countries or more
            return s, listed
    return None


def _paired_from(s: Sentence, out: dict[int, Mention]) -> dict[int, Mention]:
    """``out`` with the origin of an actor joined by "and" to one from somewhere: "Andes Hawk
    and Inca Wren from Peru" are both from Peru."""
    starts = {m.index: m for m in s.mentions if m.entry.kind == "Actor"}
    for a in sorted(starts.values(), key=lambda m: -m.index):
        end = a.index + a.width
        if a.index not in out and s.words[end : end + 1] == ["and"] and end + 1 in out:
            out[a.index] = out[end + 1]
    return out


def _one_and_the_other(s: Sentence, places: dict[int, Mention]) -> dict[int, Mention]:
    """Two named actors, then where each is from in their order: "the clusters X and Y, with
    one traced to a Bolivian firm and the other linked to actors in Peru" (X from Bolivia, Y
    from Peru). Empty when the sentence does not say so."""
    words = s.words
    actors = sorted((m for m in s.mentions if m.entry.kind == "Actor"), key=lambda m: m.index)
    one = next((i for i, w in enumerate(words) if w == "one" and i and words[i - 1] == "with"), -1)
    other = next(
        (i for i in range(one + 1, len(words)) if words[i - 1 : i + 1] == ["the", "other"]), -1
    )
    if one < 0 or other < 0 or len({a.entry.id for a in actors if a.index < one}) != 2:
        return {}
    first = next((places[i] for i in sorted(places) if one < i < other), None)
    second = next((places[i] for i in sorted(places) if i > other), None)
    if first is None or second is None:
        return {}
    pair = [a for a in actors if a.index < one]
    return {pair[0].index: first, pair[-1].index: second}


def place_role(m: Mention, s: Sentence, origin: set[int], known: dict[int, str]) -> str:
    """Attribution or target of a place: where the text sets it after an actor (``origin``:
    the positions of the actors' own origins), else the words around it. ``known``: the
    sentence's roles so far, by mention (each place of a list asks for the list's first and
    last)."""
    role = known.get(id(m))
    if role is None:
        attributed = m.entry.kind == "Sponsor" or m.index in origin or set_after_actor(m, s)
        role = known[id(m)] = "attribution" if attributed else country_role(m, s.text)
    return role


# A name, a comma and a hedged origin: "VAGue Focus, likely Chinese"
_NAME_DASHES: Final = (" \u2014 ", " \u2013 ", " - ", " -- ", ": ")  # between a name and who it is


_PLACE_THEN_COLON: Final = re.compile(r", (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}:")


_HEDGED_AFTER: Final = re.compile(r", (?:likely|probably|possibly|suspected|apparently) [A-Z]")


def after_name(s: Sentence, names: list[str]) -> tuple[set[int], set[int]]:
    """Token positions of what brackets right after a name say: "Helgoland Bite (Russia;
    German)", "VAGue Focus (likely China)". The origin's positions, and the languages' (after
    a country named in the brackets, "German" is the language, not a second origin)."""
    for name in names:
        if not name or name not in s.text:
            continue  # most names are not in a given sentence
        lead = s.text.find(": " + name)
        if 0 < lead <= 20:  # "Russia: Bad Grammar. A new network ..."
            first = len(TOKEN.findall(s.text[:lead]))
            before = {m.index for m in s.mentions if m.index < first and m.entry.kind in PLACE}
            if before:
                return before, set()
        # "Sneer Review \u2014 likely Chinese.", "Helgoland Bite \u2014 Russian origin",
        # "VAGue Focus, likely Chinese."
        dash = next(
            (at for sep in _NAME_DASHES if name and (at := s.text.find(name + sep)) >= 0), -1
        )  # "Sneer Review - likely China.", "VAGue Focus: likely Chinese."
        comma = s.text.find(name + ", ") if name and dash < 0 else -1
        if comma >= 0 and (
            _HEDGED_AFTER.match(s.text, comma + len(name))
            or _PLACE_THEN_COLON.match(s.text, comma + len(name))  # "IUVM, Iran: articles"
        ):
            dash = comma
        if dash >= 0:
            first = len(TOKEN.findall(s.text[: dash + len(name)]))
            near = [m for m in s.mentions if first <= m.index < first + 3]
            spoken = language_positions(s)
            places = [m for m in near if m.entry.kind in PLACE and m.index not in spoken]
            if places:
                return {places[0].index}, set()
        at = s.text.find(name + " (") if name else -1
        if at < 0:
            continue
        start = at + len(name) + 2
        end = s.text.find(")", start)
        if end < 0:
            continue
        first, last = len(TOKEN.findall(s.text[:start])), len(TOKEN.findall(s.text[:end]))
        inside = [m for m in s.mentions if first <= m.index < last]
        places = [m for m in inside if m.entry.kind in PLACE]
        country = next((m for m in places if m.entry.kind != "Demonym"), None)
        if country is None:  # "(likely Chinese)": the demonym is the origin
            return {m.index for m in places}, set()
        spoken = {m.index for m in inside if m.entry.kind == "Language" and m.index > country.index}
        return {country.index}, spoken
    return set(), set()
