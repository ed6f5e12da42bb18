"""Sector words in news coverage for people beside an operation, not whom it went after
(session 24): whom advice binds, who builds against the actors, who received what they stole,
what they stirred up. One test per case, each on sentences written for it, beside one where
the same shape still names a target."""

from __future__ import annotations

import pytest

from tests.extract_helpers import draft
from tests.extract_helpers import targeted_sectors as _sectors

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline
PHISHED = "Peruvian hackers used the chatbot to phish banks in Chile. "


@pytest.mark.parametrize(
    "advice",
    [
        "The episode shows that the energy sector must stay on guard.",  # the modal's subject
        "Every company should now rethink its defense.",  # in the clause it governs
        "We need to think harder about defense.",
        "The case shows the need for more vigilance in the energy sector.",  # guard called for
        "It calls for better defenses across hospitals.",
    ],
)
def test_a_sector_that_advice_binds_is_no_target(advice: str) -> None:
    assert _sectors(draft(NEWS + PHISHED + advice + "\n")) == {"financial-services"}


@pytest.mark.parametrize(
    "guessed",
    [
        "The crew must have hit hospitals too.",  # a guess at what was done
        "Hackers who hit hospitals should face trial.",  # hit in a clause of its own
        "The crew also breached security in hospitals.",  # a guard word, but hit
    ],
)
def test_a_sector_hit_beside_a_modal_is_still_a_target(guessed: str) -> None:
    assert _sectors(draft(NEWS + PHISHED + guessed + "\n")) == {"financial-services", "healthcare"}


def test_firms_that_build_against_the_actors_are_no_target() -> None:
    f = draft(
        NEWS + "Peruvian hackers used the chatbot to write malware. Microsoft and other tech "
        "firms are rushing to build detectors for it.\n"
    )
    assert _sectors(f) == set()


def test_firms_the_actors_hacked_that_now_build_defenses_are_still_a_target() -> None:
    f = draft(
        NEWS + "Peruvian hackers used the chatbot to write malware. Tech firms hacked by the "
        "crew are now building new defenses.\n"
    )
    assert _sectors(f) == {"technology"}


@pytest.mark.parametrize(
    "answer",
    [
        "Despite efforts by regulators and technology companies to curb such schemes, it went on.",
        "Telecom firms and the police are working to stop the calls.",  # subject, and a noun
        "Banks are fighting back.",
    ],
)
def test_who_works_to_stop_the_actors_is_no_target(answer: str) -> None:
    f = draft(NEWS + "Peruvian hackers used the chatbot to write scam texts. " + answer + "\n")
    assert _sectors(f) == set()


@pytest.mark.parametrize(
    "hit",
    [
        "The crew attacked banks to stop their payments.",  # a purpose after the target
        "Attacks on banks to halt payments followed.",
        "Efforts by the crew to attack banks went on.",  # the effort is the actors'
    ],
)
def test_a_sector_hit_beside_a_verb_of_countering_is_still_a_target(hit: str) -> None:
    f = draft(NEWS + "Peruvian hackers used the chatbot to write scam texts. " + hit + "\n")
    assert _sectors(f) == {"financial-services"}


def test_who_received_what_the_actors_stole_is_no_target() -> None:
    f = draft(NEWS + "Peruvian hackers mailed stolen tax files to Chilean newspapers.\n")
    assert _sectors(f) == set()


@pytest.mark.parametrize(
    "sent",
    ["phishing letters", "letters with stolen logos"],  # a lure, even one of stolen goods
)
def test_whom_the_actors_sent_lures_is_still_a_target(sent: str) -> None:
    f = draft(NEWS + f"Peruvian hackers mailed {sent} to Chilean newspapers.\n")
    assert _sectors(f) == {"media"}


def test_what_the_actors_stirred_up_is_no_target() -> None:
    f = draft(NEWS + "Peruvian trolls keep fueling street protests in Chile.\n")
    assert _sectors(f) == set()


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("Peruvian trolls spied on protests in Chile.", "civil-society"),
        # a word that modifies what they promoted: the content went at politics
        ("Peruvian trolls promoted political views to audiences in Chile.", "political"),
    ],
)
def test_protests_watched_and_views_promoted_are_still_a_target(sentence: str, sector: str) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == {sector}
