"""A passive verb's agent that a sentence introduces as the unnamed actor: "Banks in Chile
were also targeted by a cluster the lab did not attribute", "its tools were weaponised by a
group of Peruvian hackers"."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_pattern, word_list
from graphkit.extract.headings import ARTICLE
from graphkit.extract.reading import Sentence

__all__ = ["agent_subject"]


_PLACES: Final = ("Demonym", "Country", "Language")


# A passive verb's agent that the sentence introduces: "Banks in Chile were also targeted by a
# cluster the lab did not attribute": an actor not met before, with no name.
_NEW_AGENT: Final = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:also\s+|later\s+|separately\s+)?"
    rf"(?:[a-z]+(?:ed|en)|run|{'|'.join(word_list('irregular_past'))})\s+"
    rf"by\s+(?:an?|another)\s+((?:[\w-]+\s+){{0,3}}?)({noun_pattern('agent')})\b"
    # "by a group of Peruvian state-affiliated hackers": who the group is of
    rf"(\s+of\s+(?:[\w-]+\s+){{0,3}}?(?i:{noun_pattern('subject')})\b)?"
)


def agent_subject(first: Sentence) -> str | None:
    """The unnamed actor a passive sentence introduces as its agent ("were targeted by a
    cluster ...": "Unnamed cluster"; "were sent by a Russian crew": "Russian crew", named for
    its people); None when it has no such agent."""
    m = _NEW_AGENT.search(first.text)
    if m is None:
        return _peoples_agent(first)
    said = m.group(1) + m.group(2) + (m.group(3) or "")
    if any(x.entry.kind in _PLACES and x.text in m.group(1) + (m.group(3) or "")
           for x in first.mentions):  # fmt: skip
        return said[0].upper() + said[1:]
    return f"Unnamed {m.group(2)}"


# A participle's agent named by its people, with no article: "a campaign allegedly conducted
# by Peru-affiliated actors", "posts written by Bolivian operators"
_PEOPLES_AGENT: Final = re.compile(
    rf"\b(?:[a-z]+(?:ed|en)|run|{'|'.join(word_list('irregular_past'))})\s+by\s+"
    rf"((?:[\w-]+\s+){{0,3}}?(?i:{noun_pattern('subject')}))\b"
)


def _peoples_agent(first: Sentence) -> str | None:
    """The agent of a participle named by its people ("conducted by Peru-affiliated actors"):
    an actor from there; None when the sentence has none, or it names no people."""
    m = _PEOPLES_AGENT.search(first.text) if " by " in first.text else None
    if m is None or not any(x.entry.kind in _PLACES and x.text in m.group(1)
                            for x in first.mentions):  # fmt: skip
        return None
    said = ARTICLE.sub("", m.group(1))  # "by an Iranian group"
    return said[0].upper() + said[1:]
