"""The unnamed actor a paragraph that names none opens with: "A Chinese threat actor ...",
the one a short opener or a count of cases leaves to the next sentence ("It took down three
networks. The largest, run from Nigeria, ..."), the one a question asks about ("And the North
Korean workers?"), a passive verb's agent."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.agents import agent_subject
from graphkit.extract.cases import case_subject
from graphkit.extract.country_subject import opening_country, opening_list
from graphkit.extract.cues import noun_pattern
from graphkit.extract.groups import Group
from graphkit.extract.paragraphs import QUESTION_LEAD, Paragraph
from graphkit.extract.reading import COUNTRY_KINDS, Sentence, read_sentence
from graphkit.extract.reporter import also_reported
from graphkit.extract.subjects import elided, subject_of

__all__ = ["counts_cases", "left_behind", "opening_subject"]


def opening_subject(
    p: Paragraph, current: Group | None, turns: bool, before: str = ""
) -> str | None:
    """The unnamed actor a paragraph that names none opens with, or asks about; ``before``: the
    text read before it."""
    body, sentences = p.body, p.sentences
    if turns:  # "A second case shows ...": not the same actor
        return case_subject(body, before)
    # an overview of actors from several countries ("Peruvian, Bolivian and Cuban agents") has
    # not yet spoken of any one of them: "A group affiliated with Bolivia ..." is a case
    seen_before = None if current is None or current.overview else current.sentences
    if p.item and seen_before is not None:  # a list item: no country was "already spoken of",
        seen_before = None if p.fields else []  # but "A cluster of accounts ..." in prose is new
    subject = subject_of(body[0], seen_before)
    if (
        subject is None
        and len(body) > 1
        and (
            len(body[0].words) <= 4
            or _taken_up(body)
            or also_reported(body[1].text)
            or not body[0].mentions
        )
    ):  # "The lab did not stop at Peru. It also banned accounts tied to ..."
        # the one after a short opener: "**Russia barely showed up.** Russian ..."; or after
        # the cases' count: "It took down three networks. The largest, run from Nigeria, ...",
        # "... five influence operations. The groups, based in Peru, ..."; or after a remark
        # that names nothing: "This was not the first case. In 2023, a Peruvian crew ...", "Its
        # tools found these operations. The lab banned accounts tied to a Peruvian crew ..."
        subject = subject_of(body[1], seen_before, body[0].text)
    if subject is None and body is not sentences:  # "And the North Korean workers?"
        asked = _ASKED.sub("", sentences[0].text)
        subject = subject_of(read_sentence(asked), current.sentences if current else None)
        # a question word first, or a place or an actor in it: "Anything from China?", not
        # "Want to add more newsletters?"
        asking = QUESTION_LEAD.match(sentences[0].text)
        about = sentences[0].text.rstrip("?")[asking.end() if asking else 0 :].strip()
        if not asking and not sentences[0].mentions:
            about = ""
        if subject is None and about and len(about.split()) <= 6:
            subject = about[0].upper() + about[1:]  # "Who was behind the fake job ...?"
    if subject or (subject := agent_subject(body[0]) or _country_acting(body[0], current)):
        return subject
    if len(body) > 1 and not any(m.entry.kind in COUNTRY_KINDS for m in body[0].mentions):
        return _country_acting(body[1], current)  # "A review came out. Peru and Chile used ..."
    return None


def _country_acting(first: Sentence, current: Group | None) -> str | None:
    """The actors of a country a paragraph opens on as its subject ("Aside from China, North
    Korea remains a major threat ..."), when the case before is not from there."""
    place = opening_country(first)
    if place is None or (
        current is not None
        and any(m.entry.id == place.entry.id for s in current.sentences for m in s.mentions)
    ):
        return None
    # "Peru, Chile and Cuba are using it": the whole list, each an actor of its own (facts)
    return f"Actors from {opening_list(first, place)}"


# Cases counted ("took down five influence operations"), and the definite noun that takes them
# up at the next sentence's start ("The groups, based in ...")
_COUNTED_CASES: Final = re.compile(
    r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|several|\d+) (?:[\w-]+ ){0,2}"
    rf"(?i:{noun_pattern('subject')})\b"
)
_TAKEN_UP: Final = re.compile(rf"^The (?i:{noun_pattern('subject')})\b")


def left_behind(p: Paragraph, current: Group | None) -> Sentence | None:
    """The first sentence of a paragraph whose second one opens a case by its reporter's "also"
    ("The lab did not limit its actions to Peru-linked users. It also banned accounts tied to
    ..."): it speaks of the case before, and stays with it. None otherwise."""
    body = p.body
    if current is None or len(body) < 2 or not also_reported(body[1].text):
        return None
    return body[0] if subject_of(body[0], None) is None else None


def counts_cases(s: Sentence) -> bool:
    """Whether a sentence counts the cases a text goes on to tell ("Two networks came from
    Russia.", "The lab described three operations.")."""
    return _COUNTED_CASES.search(s.text) is not None


def _taken_up(body: list[Sentence]) -> bool:
    """Whether a paragraph's second sentence takes up the cases its first one counts: by an
    ordinal alone ("The largest, run from Nigeria, ...") or by their noun ("The groups, ...")."""
    second = body[1].text
    if elided(second):
        return True
    return bool(_TAKEN_UP.match(second) and _COUNTED_CASES.search(body[0].text))


_ASKED: Final = re.compile(r"^(?:And|But|So|What about|How about)\s+(?:the\s+)?", re.I)
