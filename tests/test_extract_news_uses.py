"""Sector and place words that name no one the actors went after (issue 23): what a thing is
for, and where someone a text quotes works. One test per case, each on sentences written for
it."""

from __future__ import annotations

import pytest

from tests.extract_helpers import draft
from tests.extract_helpers import targeted_countries as _countries
from tests.extract_helpers import targeted_sectors as _sectors

NEWS = (
    "Chatbot maker cuts off a Chinese crew\n\n"
    "The lab banned the accounts of APT99, a Chinese group.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The actors built a tool for defense.",
        "They fine-tuned models meant for education.",
        "The model was used for healthcare research.",
        "The accounts asked for help with code for government and defense.",
    ],
)
def test_a_field_a_thing_is_for_is_no_target(sentence: str) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == set()


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        ("The actors ran attacks on defense firms.", {"defense"}),
        ("They sent phishing aimed at education ministries.", {"education", "government"}),
        ("The actors built tools for breaking into defense firms.", {"defense"}),
        ("The actors wrote lures for hospitals.", {"healthcare"}),
    ],
)
def test_whom_attacks_and_lures_are_for_stays_a_target(sentence: str, sectors: set) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == sectors


@pytest.mark.parametrize(
    "sentence",
    [
        "The actors phished diplomats, said Jane Roe, a professor at a state university.",
        "A researcher at a hospital told reporters that the actors phished diplomats.",
        "According to Dan Poe, an analyst with a defense contractor, the actors phished diplomats.",
        "The actors phished diplomats, Jane Roe, a lecturer at a medical school, wrote on Monday.",
    ],
)
def test_where_a_quoted_speaker_works_is_no_target(sentence: str) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == {"government"}


def test_the_place_of_a_quoted_speakers_workplace_is_no_target() -> None:
    f = draft(NEWS + "The actors phished diplomats, said Jane Roe, a professor at a university in "
              "Peru.\n")  # fmt: skip
    assert (_sectors(f), _countries(f)) == ({"government"}, set())


def test_a_person_the_actors_phished_at_a_workplace_is_a_target() -> None:
    f = draft(NEWS + "The actors phished a professor at a university in Peru and sent lures to a "
              "researcher at a hospital.\n")  # fmt: skip
    assert (_sectors(f), _countries(f)) == ({"education", "healthcare"}, {"PE"})
