"""A place the actors' goods were sent on to ("laptops physically rerouted to China or
Russia"): where their means went, not whom they went after; and where pressure on another
state comes from ("pressure from the U.S.").

Examples
--------
>>> from graphkit.extract.reading import read_sentence
>>> s = read_sentence("Company laptops were shipped on to China or Russia.")
>>> [shipped_to(m, s) for m in s.mentions if m.entry.kind == "Country"]
[True, True]
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.reading import COUNTRY_KINDS, Mention, Sentence
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.extract.war_context import invaded

__all__ = ["elsewhere", "pressed_from", "shipped_to"]


_SHIPPED: Final = words("shipped")
_SHIPPED_BIT: Final = cue_bit(_SHIPPED)


def shipped_to(m: Mention, s: Sentence) -> bool:
    """Whether a place (or each of a list of places) follows "rerouted to", "shipped to",
    "forwarded (on) to": the destination of the actors' goods."""
    return held(m.words, _SHIPPED_BIT) and _shipped_to(m, s)  # most sentences ship nothing


def _shipped_to(m: Mention, s: Sentence) -> bool:
    """:func:`shipped_to` word by word: it says yes only after a word of :data:`_SHIPPED`."""
    places = {
        i
        for x in s.mentions
        if x.entry.kind in COUNTRY_KINDS
        for i in range(x.index, x.index + x.width)
    }
    at = m.index - 1
    while at > 0 and (m.words[at] in ("the", "and", "or") or at in places):
        at -= 1  # "rerouted to China or Russia": Russia too
    if at < 1 or m.words[at] != "to":
        return False
    verb = m.words[at - 2] if m.words[at - 1] in ("on", "back", "onward") else m.words[at - 1]
    return verb in _SHIPPED


_PRESSURE: Final = words("state_pressure")
_PRESSURE_BIT: Final = cue_bit(_PRESSURE)


def pressed_from(m: Mention) -> bool:
    """Whether a place follows "from" after what a state brings to bear on another: "As Peru
    faces pressure from the U.S., ...", "criticism from Chile" (where it comes from, no actor).

    >>> from graphkit.extract.reading import read_sentence
    >>> s = read_sentence("Under pressure from the United States, the crew spread lies.")
    >>> [pressed_from(x) for x in s.mentions if x.entry.kind == "Country"]
    [True]
    """
    return held(m.words, _PRESSURE_BIT) and _pressed_from(m)  # most sentences press no state


def _pressed_from(m: Mention) -> bool:
    """:func:`pressed_from` word by word: it says yes only after a word of :data:`_PRESSURE`."""
    before = [w for w in m.before[-3:] if w != "the"]
    return before[-1:] == ["from"] and len(before) > 1 and before[-2] in _PRESSURE


def elsewhere(m: Mention, s: Sentence) -> bool:
    """Whether a place is named as no origin or target of the actors: a war's side
    (:func:`invaded`), where their goods were sent on to (:func:`shipped_to`), where a
    state's pressure comes from (:func:`pressed_from`)."""
    return invaded(m) or shipped_to(m, s) or pressed_from(m)
