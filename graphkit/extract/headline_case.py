"""What a plain text's headline says of its case: the one known actor it names, for a body
that only describes that actor ("Lab bans the accounts of Famous Chollima", then "North Korean
IT workers used ..."); and, when an actor is its subject ("Lazarus devours defense", "APT gang
feasts on hospitals"), its facts, as a sentence of the case. A headline is never read as a name
of its own.
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_pattern
from graphkit.extract.groups import Group, add_actors, cataloged_origins
from graphkit.extract.reading import COUNTRY_KINDS, Sentence, read_sentence

__all__ = ["actor_headline", "titled_actor"]


def titled_actor(title: str, groups: list[Group]) -> None:
    """The one actor a headline names ("Lab bans accounts of Famous Chollima") is the actor of
    the one case of a body that only describes it ("North Korean IT workers used ..."): that
    case's actor, not an unnamed one; unless the description gives a country the actor
    catalog does not give the actor."""
    if any(g.actors or g.name for g in groups):
        return  # the body names who it is about
    described = [g for g in groups if g.subject and not g.overview]
    if len(described) != 1:
        return
    headline = read_sentence(title)
    known = {x.entry.id for x in headline.mentions if x.entry.kind == "Actor"}
    if len(known) != 1:
        return
    case = described[0]
    said = {x.entry.id for x in read_sentence(case.subject or "").mentions
            if x.entry.kind in COUNTRY_KINDS}  # fmt: skip
    theirs = cataloged_origins(known.pop())
    if not said or not theirs or said & theirs:  # not "APT28 ...", then "North Korean workers"
        add_actors(case, headline)


# An actor's noun after at most two words that say whose or which it is: "APT gang", "Chinese
# hackers", "State-backed crews"
_OPENING_NOUN: Final = re.compile(rf"^((?:[\w-]+ ){{0,2}}?)(?i:{noun_pattern('subject')})\b(?!-)")


def actor_headline(title: str) -> Sentence | None:
    """The headline read as a sentence when an actor is its subject: a known actor's name opens
    it ("Lazarus devours defense"), or an actor's noun after words that only say whose or which
    it is: a people or a place, a word in capitals ("APT gang feasts on hospitals"), one tied by a
    hyphen ("State-backed hackers hit banks"); not a company before its verb ("OpenAI bans
    Chinese network ..."). None for any other headline."""
    s = read_sentence(title)
    if any(m.entry.kind == "Actor" and m.index == 0 for m in s.mentions):
        return s
    found = _OPENING_NOUN.match(title)
    if found is None:
        return None
    places = " ".join(m.text for m in s.mentions if m.entry.kind in COUNTRY_KINDS).split()
    if all(w.isupper() or "-" in w or w in places for w in found.group(1).split()):
        return s
    return None
