"""Lists in a sentence: places listed together share one role ("groups from Russia, China,
and Iran" are all origins), and a kind named before its members gives them its origin
("Chinese groups, including APT5")."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import nouns, words
from graphkit.extract.fronted import fronted
from graphkit.extract.reading import COUNTRY_KINDS, Mention, Sentence

__all__ = ["coordinated", "joined_to_actors", "kind_of_members"]


ACTOR_NOUNS: Final = nouns("origin_after")


def coordinated(s: Sentence) -> dict[int, tuple[Mention, ...]]:
    """The places a sentence lists together, by the position of each: "groups from Russia,
    China, and Iran", "Chinese, Russian, Iranian and North Korean agents". The members of one
    list share one role, which the words before its first member ("from") or after its last
    ("agents") give. Places only a comma or a conjunction apart form a list."""
    # one mention a position: "Hong Kong" is read twice (a country and a territory's name)
    places = list(
        {m.index: m for m in reversed(s.mentions) if m.entry.kind in COUNTRY_KINDS}.values()
    )[::-1]
    out: dict[int, tuple[Mention, ...]] = {}
    if len(places) < 2:
        return out  # most sentences name one place or none
    if places[0].index <= 2 and places[0].text in (fronted(s.text) or "\n"):
        places = places[1:]  # "In Peru, Russian hackers ...": set apart, in no list
    run: list[Mention] = []
    for m in [*places, None]:
        if m is not None and run:
            gap = s.words[run[-1].index + run[-1].width : m.index]
            gap = gap[:-1] if gap[-1:] == ["the"] else gap  # "Iran, the United Kingdom"
            # a list holds places or peoples, not both: "operations in Ukraine, North Korean
            # hackers ..." are two phrases
            alike = (run[-1].entry.kind == "Demonym") == (m.entry.kind == "Demonym")
            if gap in ([], ["and"], ["or"]) and alike and _listed(run[-1], m, s.text):
                run.append(m)
                continue
            if _owned_each(gap, s.words[m.index + m.width : m.index + m.width + 1]):
                run.append(m)  # "Russia's intelligence services and China's cyber units"
                continue
            if _counted_each(gap, s.words[max(0, run[0].index - 2) : run[0].index]):
                run.append(m)  # "one in Peru, one in Bolivia and two in Cuba"
                continue
        if len(run) > 1:
            out.update({x.index: tuple(run) for x in run})
        run = [m] if m is not None else []
    return out


_COUNTS: Final = words("number_words") | {"one"}


def _owned_each(gap: list[str], after: list[str]) -> bool:
    """Whether two places each own a noun phrase, joined by a conjunction: "Russia's
    intelligence services and China's cyber units" (the words between them, and after the
    second)."""
    return (
        after == ["s"]
        and 3 <= len(gap) <= 6
        and gap[0] == "s"
        and gap[-1] in ("and", "or")
        and not {"s", "and", "or", ","} & set(gap[1:-1])
    )


def _counted_each(gap: list[str], first: list[str]) -> bool:
    """Whether places are listed each after a count and "in" ("one in Peru, one in Bolivia and
    two in Cuba"): the words between two of them, and before the first."""
    gap = gap[1:] if gap[:1] in (["and"], ["or"]) else gap
    return (
        len(gap) == 2 == len(first) and gap[1] == first[1] == "in" and {gap[0], first[0]} <= _COUNTS
    )


def _listed(one: Mention, other: Mention, text: str) -> bool:
    """Two places a list joins: a comma or a conjunction between them, not a hyphen or a
    slash ("China-Taiwan", "US/UK"). Where the second opens on a capital, what comes between
    is read once after each place of the first's name (:func:`_listed_plain` builds a pattern
    for the two names): no shorter reading of it could end on a capital."""
    if not other.text[:1].isupper():
        return _listed_plain(one, other, text)  # "the Netherlands"
    at = text.find(one.text)
    while at >= 0:
        between = _BETWEEN_LISTED.match(text, at + len(one.text))
        if between is not None and text.startswith(other.text, between.end()):
            return True
        at = text.find(one.text, at + 1)
    return False


_BETWEEN_LISTED: Final = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)(?:the\s+)?")


def _listed_plain(one: Mention, other: Mention, text: str) -> bool:
    """:func:`_listed` by a pattern made for the two names."""
    return bool(
        re.search(
            rf"{re.escape(one.text)}\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)(?:the\s+)?"
            rf"{re.escape(other.text)}",
            text,
        )
    )


_MEMBERS: Final = words("members")
_BUSINESSES: Final = nouns("misusing")


def kind_of_members(a: Mention, s: Sentence, ends: dict[int, Mention]) -> Mention | None:
    """The place of the kind an actor is named a member of: "Chinese groups, including APT5",
    "hackers from Iran such as APT42 and APT35", "China-based actors like APT5"."""
    actors = {x.index + x.width: x for x in s.mentions if x.entry.kind == "Actor"}
    first = a
    while True:  # back to the list's first name: "including APT15 and APT5"
        gap = s.words[: first.index]
        j = len(gap)
        if gap[-1:] in (["and"], ["or"]):
            j -= 1
        previous = actors.get(j)
        if previous is None or previous is first:
            break
        first = previous
    words = s.words[: first.index]
    if words[-1:] and words[-1] in _BUSINESSES:
        return _businesses_place(words, ends)  # "three Chinese AI firms, X and Y, distilled"
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]) in _MEMBERS:
            words = words[:-size]
            break
    else:
        return None
    if words[-1:] and words[-1] in _BUSINESSES:
        return _businesses_place(words, ends)  # "Chinese AI labs such as X"
    end = len(words)
    country = ends.get(end)  # "hackers from Iran such as APT42"
    if country is not None and country.entry.kind == "Country":
        lead = [w for w in words[: country.index] if w != "the"]
        return (
            country if lead[-1:] == ["from"] and lead[-2:-1] and lead[-2] in ACTOR_NOUNS else None
        )
    if end < 2 or words[-1] not in ACTOR_NOUNS:
        return None
    place = ends.get(end - 1)  # "Chinese groups"
    if place is not None and place.entry.kind == "Demonym":
        return place
    if words[-2:-1] == ["based"]:  # "China-based groups"
        return ends.get(end - 2)
    return None


def _businesses_place(words: list[str], ends: dict[int, Mention]) -> Mention | None:
    """The people's name before the plural noun of businesses that ends ``words``, up to two
    words of its phrase between ("Chinese AI research labs"): where the businesses listed
    after it are from (a list right after the noun is set apart, as "such as" sets one)."""
    for gap in (1, 2, 3):
        place = ends.get(len(words) - gap)
        if place is not None:
            return place if place.entry.kind == "Demonym" else None
    return None


# Words that join more members to a subject set apart beside it ("Chinese groups, along with
# North Korea, will ..."), each as its words
_JOINING: Final = tuple(tuple(w.split()) for w in words("joining"))
_JOINING_ENDS: Final = frozenset(lead[-1] for lead in _JOINING)


def joined_to_actors(m: Mention) -> bool:
    """Whether a place is joined to a noun of actors as more of them ("Chinese groups, along
    with North Korea, will target ...", "Iranian hackers together with Russia"): who acts with
    them, not whom they aim at. Numbers between (a citation's "[3]") are left out."""
    if m.index < 3 or m.words[m.index - 1] not in _JOINING_ENDS:
        return False  # most places: no "with", "alongside" or "as" right before
    before = [w for w in m.words[max(0, m.index - 8) : m.index] if not w.isdigit()]
    for lead in _JOINING:
        n = len(lead)
        if len(before) > n and tuple(before[-n:]) == lead:
            return before[-n - 1] in ACTOR_NOUNS
    return False
