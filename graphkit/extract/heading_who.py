"""What a heading says of who a section's actors are: the one country it names ("## The
Russian pair"), none when it names several ("Iran and a company in Israel"), and the one actor
a profile's title names ("# Actor profile: Kimsuky")."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.groups import PLACE, Group, add_actors
from graphkit.extract.meta import TITLE_LINE
from graphkit.extract.paragraphs import who_only
from graphkit.extract.reading import Mention, Sentence, read_sentence
from graphkit.extract.spoken import language_positions

__all__ = ["one_place_at_most", "profiled", "section_who"]


_HEADING_TARGET_WORDS: Final = words("heading_target_words")


_PROFILE_WORDS: Final = words("profile_words")


def profiled(text: str) -> Group | None:
    """The one actor a profile's title names ("# Actor profile: Kimsuky"), as the group its
    sections (victims, tools, attribution) all speak of; None for any other text."""
    title = TITLE_LINE.search(text[:2000]) if "#" in text[:2000] else None
    if title is None or _PROFILE_WORDS.isdisjoint(re.findall(r"[a-z]+", title.group(1).lower())):
        return None
    said = who_only(read_sentence(title.group(1)))
    actors = {m.entry.id for m in said.mentions if m.entry.kind == "Actor"}
    if len(actors) != 1:
        return None
    group = Group(None, from_heading=True, heading=said)
    add_actors(group, said)
    return group


def one_place_at_most(heading: Sentence) -> list[Mention]:
    """A heading's mentions without its places when it names several: "Iran and a company in
    Israel" heads two cases, and says of neither where it is from."""
    places = {m.entry.id for m in heading.mentions if m.entry.kind in PLACE}
    if len(places) < 2:
        return heading.mentions
    return [m for m in heading.mentions if m.entry.kind not in PLACE]


def section_who(heading: Sentence) -> Sentence | None:
    """What a heading that names one country says of every group under it ("The Russian pair",
    "China's Spamouflage"): where their actors are from. None when it names no country or
    several, or names it as a target ("Operations against Taiwan")."""
    languages = language_positions(heading)
    places = [m for m in heading.mentions if m.entry.kind in PLACE and m.index not in languages]
    if len({m.entry.id for m in places}) != 1:
        return None
    if not _HEADING_TARGET_WORDS.isdisjoint(heading.words[: places[0].index]):
        return None
    return Sentence(heading.text, places, heading.hedged, heading.negated, heading.words, "who")
