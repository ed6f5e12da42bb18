"""The extractor on a report's overview of who abused it (session 20): "a wide range of
actors ... from A, B, and C" before the named cases. Sentences written for these tests."""

from __future__ import annotations

import pytest

from graphkit.extract.reading import read_sentence
from graphkit.extract.sentence_clauses import split_clauses
from tests.extract_helpers import draft

_LEDE = (
    "Lab stops a bid to copy its model\n\n"
    "The lab said on Monday that it had found and stopped a large attempt to copy its model. "
    "The effort involved a cluster of many thousands of prompts.\n"
)
_NAMED = (
    " Specifically, the lab tracked a Russia-linked cluster known as APT28, which used the "
    "model to write phishing lures, and a North Korea-linked group, Kimsuky, which used it to "
    "profile engineers.\n"
)


@pytest.mark.parametrize("quantity", ["a wide range of", "a broad spectrum of", "a variety of"])
def test_a_quantity_of_actors_is_no_actors_name(quantity: str) -> None:
    f = draft(
        _LEDE + f"The report identifies {quantity} actors behind such abuse, ranging from private "
        "firms to state-backed groups from Russia, North Korea, Iran, and China." + _NAMED
    )
    names = [a.name for c in f.campaigns for a in c.all_actors]
    assert not any(n.lower().startswith(quantity.split(" ", 1)[1][:5]) for n in names)


def test_every_member_of_a_list_closed_by_a_comma_and_is_an_origin() -> None:
    f = draft(
        _LEDE + "The report identifies a wide range of actors behind such abuse, ranging from "
        "private firms to state-backed groups from Russia, North Korea, Iran, and China." + _NAMED
    )
    origins = {a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins == {"RU", "KP", "IR", "CN"}


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("Groups came from Peru, Chile, and Bolivia.", 1),
        ("Groups came from Peru, Chile, and North Korea.", 1),
        ("Peruvian crews wrote lures, and Bolivian crews sent them.", 2),
        ("Peruvian crews wrote lures, and Copper Gate sent them.", 2),
    ],
)
def test_a_comma_and_before_a_lists_last_name_cuts_no_clause(sentence: str, clauses: int) -> None:
    assert len(split_clauses(read_sentence(sentence))) == clauses


@pytest.mark.parametrize(
    "series",
    [
        "Peruvian hackers researched ports in Chile, Bolivian hackers wrote lures for banks, and "
        "Cuban hackers gathered intelligence on officials.",
        "Examples include Peruvian hackers researching ports in Chile, Bolivian hackers writing "
        "lures for banks, and Cuban hackers gathering intelligence on officials.",
    ],
)
def test_each_member_of_a_series_of_actors_keeps_its_own_deed(series: str) -> None:
    f = draft("Labs ban accounts\n\nThe labs banned several groups. " + series + "\n")
    sectors = {
        a.country.id: {x.id for x in c.targets.sectors}
        for c in f.campaigns
        for a in c.all_actors
        if a.country
    }
    assert sectors == {"PE": set(), "BO": {"financial-services"}, "CU": {"government"}}
