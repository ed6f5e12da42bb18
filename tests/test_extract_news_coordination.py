"""Coordination in news coverage (session 21, issue 23): the reporter's verbs joined by "and"
before whom it acted against, and a country in brackets after each name of a list. One test per
grammatical case, each on sentences written for it, beside one where the same words must still
count the old way."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


# --- The reporter's verbs joined by "and" (or a list of them): whom it acted against is the
# object of them all, no "And banned ..." fragment


@pytest.mark.parametrize(
    "said",
    [
        "The lab says it found and removed accounts tied to two networks based in Peru.",
        "The firm detected, disrupted and banned accounts tied to two networks based in Peru.",
        "The lab removed accounts tied to two networks based in Peru.",
    ],
)
def test_the_reporters_joined_verbs_leave_whom_they_acted_against(said: str) -> None:
    f = draft(NEWS + said + " The networks wrote phishing lures for banks.\n")
    assert actors_of(f) == [("Accounts tied to two networks", "PE")]


# --- A country in brackets after each name of a list: each name is an actor of its own place,
# none of them a target; a list after a preposition is no actor's


@pytest.mark.parametrize(
    "listed",
    [
        "Groups like Storm-9101 (Peru) and APT28 (Chile) were implicated.",  # places made up
        "Amber Finch (Peru) and Tin Vane (Chile) used the chatbot to write phishing lures.",
        "The lab said crews such as Amber Finch (Peru) and Tin Vane (Chile) wrote phishing lures.",
    ],
)
def test_each_name_of_a_list_keeps_the_country_in_its_brackets(listed: str) -> None:
    f = draft(NEWS + listed + "\n")
    found = {n: c for n, c in actors_of(f)}
    assert found.get("Amber Finch", found.get("Storm-9101")) == "PE"
    assert found.get("Tin Vane", found.get("APT28")) == "CL"
    assert not any(c.targets.countries for c in f.campaigns)


def test_three_names_each_with_its_country_in_brackets_after_an_actors_noun() -> None:
    f = draft(
        NEWS + "The lab banned groups such as Amber Finch (Peru), Tin Vane (Chile) and Ash Lark "
        "(Bolivia) for writing phishing lures.\n"
    )
    assert actors_of(f) == [("Amber Finch", "PE"), ("Ash Lark", "BO"), ("Tin Vane", "CL")]


@pytest.mark.parametrize(
    "listed",
    [
        "Researchers at Acme Labs (Germany) and Vexa Systems (France) said hackers from Peru "
        "phished banks.",
        "Hackers from Peru phished Acme Labs (Germany) and Vexa Systems (France).",
    ],
)
def test_names_with_places_in_brackets_after_a_preposition_or_a_verb_are_no_actors(
    listed: str,
) -> None:
    f = draft(NEWS + listed + "\n")
    assert not {"Acme Labs", "Vexa Systems"} & {n for n, _ in actors_of(f)}


# A clause that opens with a name and that name's other names, after another actor's clause
_WITH_OTHER_NAMES = (
    "UNC9901 (also known as FlyingYeti) sent",
    "UNC9901, also known as FlyingYeti, sent",
    "UNC9901 (also known as FlyingYeti and UAC-0149) sent",
)


@pytest.mark.parametrize("opener", _WITH_OTHER_NAMES)
def test_a_clause_opening_with_a_name_and_its_other_names_is_its_own_case(opener: str) -> None:
    text = f"Sandworm wiped servers at a power company in Ukraine. {opener} fake drone manuals"
    f = draft(NEWS + text + " to soldiers in Ukraine.\n")
    names = [[a.name for a in c.all_actors] for c in f.campaigns]
    assert len(f.campaigns) == 2
    assert not any("Sandworm Team" in n and "UNC9901" in n for n in names)
