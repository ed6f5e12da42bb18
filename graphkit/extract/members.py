"""A description of unnamed actors that a named one belongs to: "The company expects Syrian
groups to step up ... It warned that a group known as Storm-7781 may ...": the group known as
Storm-7781 is one of the Syrian groups, and the description is of it, not of other actors.
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_pattern, word_list
from graphkit.extract.reading import COUNTRY_KINDS, Sentence

__all__ = ["members_described", "one_of_them"]


# One actor brought in by its noun and a name: "a group known as X", "an outfit called X"
_ONE_NAMED: Final = re.compile(
    rf"\b[Aa]n? (?:[\w-]+ )?({noun_pattern('origin_after')}) "
    rf"(?:{'|'.join(word_list('one_named_leads'))}) [A-Z0-9]"
)


def one_of_them(described: Sentence, named: list[Sentence]) -> bool:
    """Whether a sentence that opens on a place and a plural noun ("Syrian groups") describes
    the set a named actor is one of: a sentence that names an actor brings it in as "a" and the
    singular of that noun, then its name ("a group known as Storm-7781")."""
    place = min((m for m in described.mentions if m.entry.kind in COUNTRY_KINDS),
                key=lambda m: m.index, default=None)  # fmt: skip
    if place is None:
        return False
    after = described.words[place.index + place.width : place.index + place.width + 1]
    if not after or not after[0].endswith("s"):
        return False
    for s in named:
        for found in _ONE_NAMED.finditer(s.text):
            if f"{found.group(1).lower()}s" != after[0]:
                continue
            others = {m.entry.id for m in s.mentions if m.entry.kind in COUNTRY_KINDS
                      and m.text in found.group(0)}  # fmt: skip
            if others <= {place.entry.id}:  # not "a Russian group known as X"
                return True
    return False


def members_described(sentences: list[Sentence]) -> bool:
    """Whether a sentence of a paragraph that names no actor describes the set a named actor of
    another is one of (:func:`one_of_them`): one case, not the description's and the name's."""
    named = [s for s in sentences if any(m.entry.kind == "Actor" for m in s.mentions)]
    return bool(named) and any(one_of_them(s, named) for s in sentences if s not in named)
