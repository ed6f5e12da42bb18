"""Which of the facts stage's word sets a sentence's words hold, found in one pass over them:
each set registered (:func:`cue_bit`, once, as its module loads) has a bit, each word the bits
of the sets that hold it, and a sentence's bits are worked out once for all the checks its
mentions go through (:func:`held`) instead of once a set."""

from __future__ import annotations

from typing import Final

__all__ = ["cue_bit", "held"]


_BITS: Final[dict[str, int]] = {}  # a word -> the bits of the registered sets that hold it
_COUNT: Final[list[int]] = [0]  # how many sets are registered


def cue_bit(cues: frozenset[str]) -> int:
    """Registers a word set; the bit :func:`held` asks for it by."""
    bit = 1 << _COUNT[0]
    _COUNT[0] += 1
    for word in cues:
        _BITS[word] = _BITS.get(word, 0) | bit
    return bit


# The words last asked about and the bits of the sets they hold
_ASKED: Final[list[list[str]]] = []
_HELD: Final[list[int]] = [0]


def held(said: list[str], bit: int) -> bool:
    """Whether words (a Sentence's or a Mention's ``words``, never changed) hold a word of the
    set registered as ``bit``: ``not cues.isdisjoint(said)``."""
    if not _ASKED or _ASKED[0] is not said:
        _ASKED[:] = [said]
        bits = 0
        for word in said:
            bits |= _BITS.get(word, 0)
        _HELD[0] = bits
    return _HELD[0] & bit != 0
