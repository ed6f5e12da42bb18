"""A paragraph that turns to another case ("A second case shows ...", "Finally, ...",
"Another operation, which ...") and who that case is about."""

from __future__ import annotations

import re

from graphkit.extract.cues import noun_pattern
from graphkit.extract.reading import Sentence
from graphkit.extract.subjects import IN_ANOTHER, subject_of

__all__ = ["NEW_CASE", "case_subject"]


# The nouns of a case a text turns to: "A second crew", "Another operation".
_CASE_NOUNS = noun_pattern("case")


# A paragraph that says it turns to another case: "A second case shows ...", "Finally, ..."
NEW_CASE = re.compile(
    r"^(?:(?:A|The) (?:first|second|third|fourth|fifth|sixth|next|final|last|further) |Another |"
    rf"One (?:more )?)(?:[A-Z][\w-]* ){{0,2}}(?:{_CASE_NOUNS})\b|"
    rf"^(?:Finally|Lastly|Separately|{IN_ANOTHER}),\s|"
    # said aloud: "The first is the fake job applicants.", "The second one was ..."
    r"^The (?:first|second|third|fourth|fifth|next|last|other)(?: one)? (?:is|was)\b"
)


def case_subject(sentences: list[Sentence]) -> str | None:
    """Who a paragraph that turns to a new case is about: the first of its opening sentences
    that names an unnamed actor ("Russian-language malware authors"), else the case itself
    ("Third case")."""
    for s in sentences[:2]:
        found = subject_of(s, None)
        if found:
            return found
    m = re.match(r"^(?:A|The) (first|second|third|fourth|fifth|sixth|next|final|last|further) "
                 rf"({_CASE_NOUNS})",
                 sentences[0].text)  # fmt: skip
    if m:
        return f"{m.group(1).capitalize()} {m.group(2)}"
    other = _OTHER_CASE.match(sentences[0].text)  # "Another operation, which ...": unnamed
    if other:
        return f"Unnamed {other.group(1)}"
    said = _SAID_CASE.match(sentences[0].text)  # "The first is the fake job applicants."
    return said.group(1)[0].upper() + said.group(1)[1:] if said else None


# Another case, named by no ordinal: "Another operation, which the lab did not name, ..."
_OTHER_CASE = re.compile(rf"^(?:Another|One(?: more)?) ({_CASE_NOUNS})\b(?! called)")


# A case said aloud: "The first is the fake job applicants." gives "fake job applicants"
_SAID_CASE = re.compile(
    r"^The (?:first|second|third|fourth|fifth|next|last|other)(?: one)? (?:is|was) "
    r"(?:(?:the|a|an|about|those) )?((?:[\w'-]+ ){0,5}[\w'-]+)\.$"
)
