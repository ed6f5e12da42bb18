"""Places a ranking puts after the first ("The US drew 25% of the activity, followed by the
UK, Israel and Germany"): "by" there names no agent, and each place has the first one's role.

Examples
--------
>>> from graphkit.extract.reading import read_sentence
>>> text = "Most came from Peru, followed by Bolivia and Chile."
>>> places = [m for m in read_sentence(text).mentions if m.entry.kind == "Country"]
>>> [ranked_first(m, text).text if ranked_first(m, text) else None for m in places]
[None, 'Peru', 'Peru']
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.reading import COUNTRY_KINDS, Mention, read_sentence

__all__ = ["ranked_first"]


_RANKED: Final = words("ranked_after")


def ranked_first(m: Mention, text: str) -> Mention | None:
    """The place a ranking puts first, for a place it puts after it; None where no ranking
    word and "by" stand before the place with only places between."""
    words_ = m.words
    at = next(
        (i for i in range(m.index - 1, 0, -1) if words_[i] == "by" and words_[i - 1] in _RANKED),
        None,
    )
    if at is None or text == "":
        return None
    mentions = [x for x in read_sentence(text).mentions if x.entry.kind in COUNTRY_KINDS]
    placed = {i for x in mentions for i in range(x.index, x.index + x.width)}
    if any(w not in ("the", "and", "or") and i not in placed for i, w in
           enumerate(words_[at + 1 : m.index], at + 1)):  # fmt: skip
        return None
    first = [x for x in mentions if x.index < at - 1]
    return first[-1] if first else None
