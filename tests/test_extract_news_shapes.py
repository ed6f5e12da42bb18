"""The extractor on more shapes of news coverage (session 16): a bare name that opens a
paragraph as its subject, cases counted and then told one by one, a business as the acting
subject, and what was done to a noun a place closes. One test per grammatical case, each on
sentences written for it, beside one where the same words must still count the old way."""

from __future__ import annotations

import pytest

from tests.extract_helpers import by_name, country, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


# --- A bare name of capitalised words that opens a paragraph before an operator's verb


@pytest.mark.parametrize("verb", ["prompted the model to write", "used the chatbot to draft"])
def test_a_bare_name_opening_a_paragraph_before_an_operators_verb_is_a_case(verb: str) -> None:
    f = draft(
        NEWS + "The lab published its quarterly threat report on Tuesday.\n\n"
        f"Copper Gate {verb} phishing emails aimed at banks in Chile.\n"
    )
    c = by_name(f)["Copper Gate"]
    assert {x.id for x in c.targets.countries} == {"CL"}


@pytest.mark.parametrize(
    "opening",
    [
        "Northwind Labs used the model to build a support bot for banks in Chile.",  # a company
        "Copper Gate said on Tuesday that banks in Chile had raised new funding.",  # a reporter
        "Google Gemini wrote phishing emails for banks in Chile, the lab said.",  # a platform
    ],
)
def test_a_bare_name_that_is_a_company_a_reporter_or_a_platform_is_no_case(opening: str) -> None:
    f = draft(NEWS + opening + "\n\nPeruvian operators wrote fake news articles in Spanish.\n")
    names = {a.name for c in f.campaigns for a in c.all_actors} | {c.name for c in f.campaigns}
    assert not any(n.startswith(("Northwind", "Copper", "Google", "Gemini")) for n in names)


def test_a_headline_that_opens_with_a_name_and_an_operators_verb_names_no_case() -> None:
    f = draft(
        "Copper Gate used the chatbot to phish banks in Chile\n\n"
        "The lab said it banned accounts run by Peruvian operators who wrote fake articles.\n"
    )
    assert "Copper Gate" not in by_name(f)


# --- A business as the acting subject; a noun a place closes, and what was done to it


def test_a_business_with_a_people_as_its_subject_is_an_actor_from_there() -> None:
    f = draft(
        NEWS + "A Vietnamese company generated fake reviews of restaurants with the model.\n\n"
        "Separately, an Indonesian marketing firm wrote comments praising the government.\n"
    )
    origins = sorted((a.name, country(c)) for c in f.campaigns for a in c.all_actors)
    assert origins == [("Indonesian marketing firm", "ID"), ("Vietnamese company", "VN")]


@pytest.mark.parametrize(
    "victim",
    ["A firm in Taiwan was among the targets.", "A company in Taiwan was also targeted."],
)
def test_a_noun_closed_by_a_place_that_a_passive_says_was_hit_is_a_target(victim: str) -> None:
    f = draft(NEWS + "Russian hackers used the model to write phishing emails. " + victim + "\n")
    (c,) = f.campaigns
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"TW"}
    assert [a.name for a in c.all_actors] == ["Russian hackers"]


def test_a_firm_in_a_place_that_acts_is_still_where_the_actor_sits() -> None:
    f = draft(NEWS + "A marketing firm in Ghana ran fake accounts that praised the ruling party.\n")
    (c,) = f.campaigns
    assert country(c) == "GH" and not c.targets.countries
