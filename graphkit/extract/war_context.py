"""A place named as the one a war was waged on, as the time or the setting of what a text
tells ("active since Russia's full-scale invasion of Ukraine in 2022"): the war's, not the
actors' target.

Examples
--------
>>> from graphkit.extract.reading import read_sentence
>>> s = read_sentence("The crew has been active since Russia's invasion of Ukraine.")
>>> [invaded(m) for m in s.mentions if m.entry.kind == "Country"]
[True, True]
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.reading import Mention
from graphkit.extract.sentence_cues import cue_bit, held

__all__ = ["invaded"]


_WAR_ACTS: Final = words("war_acts")
_WAR_BIT: Final = cue_bit(_WAR_ACTS)


def invaded(m: Mention) -> bool:
    """Whether a place is named after "invasion of", "occupation of": the war's victim, or
    as whose the act is ("Russia's full-scale invasion"): a side of the war, not whom the
    actors went after."""
    return held(m.words, _WAR_BIT) and _invaded(m)  # most sentences tell of no war


def _invaded(m: Mention) -> bool:
    """:func:`invaded` word by word: it says yes only beside a word of :data:`_WAR_ACTS`."""
    before = [w for w in m.before if w != "the"]
    if before[-1:] == ["of"] and before[-2:-1] != [] and before[-2] in _WAR_ACTS:
        return True
    after = m.words[m.index + m.width : m.index + m.width + 5]
    return after[:1] == ["s"] and not _WAR_ACTS.isdisjoint(after[1:4])
