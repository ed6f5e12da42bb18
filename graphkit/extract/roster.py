"""A sentence that lists named actors, each with its own country ("The five were Peru's Tin
Kite, Iran's Crimson Gale and China's Copper Wren"): a roll of cases, not one case of five
actors. Each actor becomes a group of its own, which what the text says of it later by its
name joins.
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.groups import PLACE, Group
from graphkit.extract.named_origins import own_origins
from graphkit.extract.reading import Mention, Sentence

__all__ = ["each_its_own"]


def each_its_own(groups: list[Group]) -> list[Group]:
    """The groups, with each roll of named actors (see the module) cut into one group an
    actor; its sentence keeps, for each, what it says of all of them (techniques, platforms,
    sectors, targets), not the other actors' names nor the countries it gives them."""
    out: list[Group] = []
    for g in groups:
        out.extend(_cut(g) if _a_roll(g) else [g])
    return _inventories_left(out)


# Actors named together in a sentence of an inventory ("several groups, including A, B, C, D
# and E"), at least this many
_INVENTORY: Final = 3


def _inventories_left(groups: list[Group]) -> list[Group]:
    """The groups, each without the actors it holds only by a sentence that lists them (see
    ``_INVENTORY``) when a group of their own speaks of them: "accounts linked to groups
    including A, B, C, D and E" then "groups backed by China, namely A and B, ..." is A's and
    B's case; C, D and E have theirs further on, not China's."""
    holders: dict[str, int] = {}
    for g in groups:
        for aid in g.actors:
            holders[aid] = holders.get(aid, 0) + 1
    for g in groups:
        if len(g.actors) < 2 or all(holders[aid] == 1 for aid in g.actors):
            continue  # most groups
        listed = [aid for aid in g.actors if holders[aid] > 1 and _only_listed(g, aid)]
        if listed and len(listed) < len(g.actors):
            for aid in listed:
                del g.actors[aid]
                g.origins.pop(aid, None)
                holders[aid] -= 1
    return groups


def _only_listed(g: Group, aid: str) -> bool:
    """Whether every sentence of a group that names an actor lists it among others."""
    for s in g.sentences:
        named = {m.entry.id for m in s.mentions if m.entry.kind == "Actor"}
        if aid in named and len(named) < _INVENTORY:
            return False
    return True


def _a_roll(g: Group) -> bool:
    """Whether a group is a roll: no name and no subject of its own, two actors or more, every
    one with the country the text gives it, not all the same one ("Chinese groups such as APT41
    and APT31" are one case); one sentence, or sentences that each name some of them ("Russia's
    X wrote scripts. Others, such as Iran's Y and China's Z, ...")."""
    named = {value[0] for value in g.actors.values()} | {
        alias for value in g.actors.values() for alias in value[1]
    }
    return (
        (g.name is None or g.name in named)  # "... the actor known as X": X names no case
        and g.subject is None
        and len(g.actors) > 1
        and all(aid in g.origins for aid in g.actors)
        and len({g.origins[aid]["id"] for aid in g.actors}) > 1
        and (len(g.sentences) == 1 or all(map(_whole_naming_actor, g.sentences)))
    )


def _whole_naming_actor(s: Sentence) -> bool:
    """A whole sentence (not a clause cut from one, which may be half a list: "Iran's X,
    North Korea's Y") that names an actor."""
    return s.text.rstrip("\"'\u201d)").endswith((".", "!", "?")) and any(
        m.entry.kind == "Actor" for m in s.mentions
    )


def _cut(g: Group) -> list[Group]:
    """One group an actor of a roll, with the sentences that name it."""
    given = [{m.index for m in own_origins(s).values()} for s in g.sentences]  # roll's places
    out = []
    for aid, value in g.actors.items():
        own = [
            Sentence(s.text, _its_own(s, aid, places), s.hedged, s.negated, s.words, s.field)
            for s, places in zip(g.sentences, given, strict=True)
            if any(m.entry.kind == "Actor" and m.entry.id == aid for m in s.mentions)
        ]
        one = Group(None, own, {aid: value}, heading=g.heading, from_heading=g.from_heading)
        one.origins = {aid: g.origins[aid]}
        out.append(one)
    return out


def _its_own(s: Sentence, aid: str, given: set[int]) -> list[Mention]:
    """A sentence's mentions without the other actors and the places it gives actors."""
    return [
        m
        for m in s.mentions
        if not (m.entry.kind in PLACE and m.index in given)
        and (m.entry.kind != "Actor" or m.entry.id == aid)
    ]
