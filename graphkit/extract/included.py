"""Countries listed as members of the plural noun a clause opens on: "Hostile states, including
Russia, Iran and North Korea, are using AI to ...", "foreign adversaries—such as China and
Iran—are weaponizing chatbots". The noun is the clause's subject and the list its members, so
the countries stand for the actors, as when the list itself opens the clause ("Russia, Iran and
North Korea are using AI ...", :func:`graphkit.extract.country_subject.country_used`)."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.country_subject import country_used
from graphkit.extract.cues import word_list, words
from graphkit.extract.reading import Mention

__all__ = ["member_of_subject"]

# What opens the members of a plural noun ("including", "such as"), each as its words
_INTROS: Final = tuple(tuple(w.split()) for w in word_list("subject_members"))
# ... by the word right before the list ("as" of "such as")
_BY_LAST: Final = {i[-1]: tuple(x for x in _INTROS if x[-1] == i[-1]) for i in _INTROS}
# How far before a country its list's intro may stand ("including Russia, China, Iran and")
_REACH: Final = 12
# At most this many words in the plural noun's phrase ("Several hostile nation states")
_PHRASE: Final = 4
_NOT_IN_A_SUBJECT: Final = words("relative_words") | words("phrase_ends")
# Words after which a clause opens: "that", and verbs of saying with no "that" ("the lab said
# foreign adversaries, ...")
_CLAUSE_LEADS: Final = words("reporting_verbs") | words("reporter_verbs") | {"that"}


def member_of_subject(m: Mention, text: str) -> bool:
    """Whether a country is one of a list of members of the plural noun that opens a clause
    (at the sentence's start, after "that" or a verb of saying, or after a comma or a dash),
    and the list, read as the clause's subject in the noun's stead, does what a report tells
    of actors ("Hostile states, including Russia and Iran, are using AI to write lures"); not
    when the clause says the countries underwent it ("Allies such as Japan and Korea were
    targeted")."""
    said = m.words
    for at in range(m.index - 1, max(0, m.index - _REACH) - 1, -1):
        if said[at] not in _BY_LAST:
            continue  # most countries follow no "including"
        intro = next((i for i in _BY_LAST[said[at]] if _opens(said, at, i)), None)
        if intro is None:
            continue
        if _subject_start(said, at - len(intro) + 1, text) is None:
            return False
        # the clause read from the list on, the noun and its intro left out
        listed = said[at + 1 :]
        return country_used(Mention(m.entry, m.index - at - 1, m.width, listed, m.text))
    return False


def _opens(words: list[str], at: int, intro: tuple[str, ...]) -> bool:
    """Whether ``intro``'s words end at ``at``."""
    first = at - len(intro) + 1
    return first >= 0 and tuple(words[first : at + 1]) == intro


def _subject_start(words: list[str], intro: int, text: str) -> int | None:
    """Where the plural noun's phrase before an intro (at ``intro``) opens a clause: the
    sentence's first word, the word after "that" or a verb of saying ("said"), or after a
    comma or a dash in ``text`` ("According to the report, foreign adversaries, including
    ..."); None when it opens none or the word before the intro names no plural."""
    if intro < 1 or not words[intro - 1].endswith("s"):
        return None
    for start in range(intro - 1, max(-1, intro - 1 - _PHRASE), -1):
        if words[start] in _NOT_IN_A_SUBJECT:
            return None
        if (
            start == 0
            or words[start - 1] in _CLAUSE_LEADS
            or _after_a_break(words[start:intro], text)
        ):
            return start
    return None


def _after_a_break(phrase: list[str], text: str) -> bool:
    """Whether a phrase stands in ``text`` right after a comma, a dash or a colon."""
    said = r"\W+".join(re.escape(w) for w in phrase)
    return re.search(rf"[,:;\u2013\u2014]\s*{said}\b", text, re.I) is not None
