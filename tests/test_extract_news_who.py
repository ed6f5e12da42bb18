"""The extractor on who acts in news coverage (session 18): the reporter's own unit named by
its acronym, a reporter's contracted "has", a bulleted list of a case's fields, headings that
say what a section is. One test per grammatical case, each on sentences written for it, beside
one where the same words must still count the old way."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import actors_of as _actors
from tests.extract_helpers import draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


def _names(f: Findings) -> set[str]:
    return {c.name for c in f.campaigns} | {a.name for c in f.campaigns for a in c.all_actors}


# --- The reporter's own unit, named by its acronym, is no operation


@pytest.mark.parametrize(
    "unit",
    [
        '"Nothing new," the firm said in a Threat Watch Desk (TWD) report.',
        "The Threat Watch Desk (TWD) said the crews were new.",
        "The lab's Threat Watch Desk (TWD) tracked them for a year.",
    ],
)
def test_an_acronym_of_the_reporters_own_unit_names_no_operation(unit: str) -> None:
    f = draft(NEWS + f"Bolivian state hackers used the chatbot to write lures.\n\n{unit}\n")
    assert _actors(f) == [("Bolivian state hackers", "BO")]
    assert not _names(f) & {"TWD", "The Threat Watch Desk"}


def test_an_acronym_of_the_words_before_it_still_names_an_operation() -> None:
    f = draft(NEWS + "The Andean Union of Free Media (AUFM) posted articles about Peru.\n")
    assert [c.name for c in f.campaigns] == ["AUFM"]


# --- A reporter's contracted "has": "it's spotted", "they've caught"


@pytest.mark.parametrize("said", ["it's spotted", "they've caught", "it has spotted"])
def test_a_reporters_contracted_has_is_no_part_of_whom_it_saw(said: str) -> None:
    f = draft(NEWS + f"The lab says {said} Bolivian and Peruvian hackers using its chatbot.\n")
    assert _actors(f) == [("Bolivian hackers", "BO"), ("Peruvian hackers", "PE")]
