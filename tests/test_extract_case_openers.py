"""The extractor on how a news text turns to a case of its own: "One network ..." opens one as
"Another operation ..." does, and an unnamed case that says nothing is no case. Sentences
written for the tests."""

from __future__ import annotations

from tests.extract_helpers import draft


def test_one_and_a_case_noun_opening_a_paragraph_opens_a_case() -> None:
    body = (
        "Lab details networks\n\nOne network produced posts in Thai and English that praised a "
        "local politician in Laos.\n\nAnother operation wrote comments in Farsi aimed at "
        "Israeli audiences."
    )
    campaigns = draft(body).campaigns
    assert [c.name for c in campaigns] == ["Unnamed network activity", "Unnamed operation activity"]
    first, second = campaigns
    assert sorted(x.id for x in first.languages) == ["en", "th"]
    assert [x.id for x in second.languages] == ["fa"]


def test_one_of_a_set_is_no_case_noun_and_an_unnamed_case_that_says_nothing_is_dropped() -> None:
    body = (
        "Lab notes\n\nOne operation a line, fields split by bars.\n\n"
        "## Tin Wren\n\nTin Wren wrote posts in Thai aimed at voters in Laos."
    )
    assert [c.name for c in draft(body).campaigns] == ["Tin Wren"]
