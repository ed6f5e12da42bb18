"""The extractor on who acts in news coverage (session 17, continued): an overview's actors
no case tells, accounts the reporter also flags, a roll of named actors each with its country,
the reporter described before its name, a text that opens no case, places that each own a noun
phrase. One test per grammatical case, each on sentences written for it, beside one where the
same words must still count the old way."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import actors_of as _actors
from tests.extract_helpers import country, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


# --- An overview's actors that no case after it tells, two or more of them


def test_two_actors_an_overview_lists_that_no_case_tells_keep_one_case_each_place() -> None:
    f = draft(
        NEWS + "Groups from Russia, China, and Iran used the chatbot.\n\n"
        "Chinese groups, including APT5, wrote malware.\n"
    )
    assert ("Groups from Iran", "IR") in _actors(f) and ("Groups from Russia", "RU") in _actors(f)
    assert not any(c.targets.countries for c in f.campaigns)


# --- A reporter's "also" brings in new accounts of a people the text met before; a
# description of where a reporter is based names nothing


def test_accounts_the_reporter_also_flags_are_a_new_case_though_of_a_people_met_before() -> None:
    f = draft(
        NEWS + "Accounts tied to Chinese police asked the model for a tracking tool.\n\n"
        "The San Francisco-based firm's report also flagged several Chinese-language accounts "
        "that sought help with phishing. Accounts tied to Russian-speaking criminal groups were "
        "also banned for writing malware.\n"
    )
    assert _actors(f) == [
        ("Accounts tied to Chinese police", "CN"),
        ("Accounts tied to Russian-speaking criminal groups", None),
        ("Chinese-language accounts", None),
    ]


def test_accounts_of_a_people_met_before_without_the_reporters_also_are_the_same() -> None:
    f = draft(
        NEWS + "Accounts tied to Chinese police asked the model for a tracking tool.\n\n"
        "Several Chinese-language accounts sought help with phishing.\n"
    )
    assert _actors(f) == [("Accounts tied to Chinese police", "CN")]


def test_a_place_whose_ai_service_the_actors_used_has_no_role() -> None:
    f = draft(
        NEWS + "Russian hackers tested automation through China's DeepSeek platform and "
        "phished banks in Poland.\n"
    )
    (c,) = f.campaigns
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"PL"}


# --- A roll of named actors, each with its own country: a case each


def test_a_roll_of_named_actors_each_with_its_country_is_a_case_each() -> None:
    f = draft(
        NEWS + "The four groups were Peru's Tin Kite, Chile's Jade Vane, Iran's Crimson Gale "
        "and Ghana's Amber Loom.\n\nCrimson Gale wrote phishing emails for diplomats in Oman.\n"
    )
    cases = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert {n: country(c) for n, c in cases.items()} == {
        "Tin Kite": "PE", "Jade Vane": "CL", "Crimson Gale": "IR", "Amber Loom": "GH"
    }  # fmt: skip
    assert len(f.campaigns) == 4
    assert {x.id for x in cases["Crimson Gale"].targets.countries} == {"OM"}
    assert not cases["Tin Kite"].targets.countries


def test_named_actors_of_one_country_listed_together_stay_one_case() -> None:
    f = draft(NEWS + "Iranian groups such as APT42 and APT35 scanned routers in Chile.\n")
    (c,) = f.campaigns
    assert len(c.all_actors) == 2 and {x.id for x in c.targets.countries} == {"CL"}


# --- The reporter described before its name; whom it works with


def test_a_company_described_before_the_reporters_name_is_no_actor() -> None:
    f = draft(
        "Chatbot maker warns of misuse\n\nUS artificial intelligence company Anthropic has "
        "warned that Russian hackers used its models to phish banks in Poland.\n"
    )
    assert _actors(f) == [("Russian hackers", "RU")]


def test_a_country_whose_agencies_the_reporter_works_with_is_no_target() -> None:
    f = draft(
        NEWS + "Russian hackers used the model to phish banks in Poland. The lab pledged to "
        "cooperate with law-enforcement agencies in Germany.\n"
    )
    assert {x.id for x in f.campaigns[0].targets.countries} == {"PL"}


@pytest.mark.parametrize("lang", ["Chinese", "Farsi"])
def test_accounts_told_by_the_language_they_use_are_named_by_it(lang: str) -> None:
    f = draft(
        NEWS + f"The lab disabled several accounts using the {lang} language that were involved "
        "in phishing.\n"
    )
    assert _actors(f) == [(f"Accounts using the {lang} language", None)]


# --- A text that opens no case: its cluster is named for the actor it describes, if any


@pytest.mark.parametrize(
    ("sentence", "name", "origin"),
    [
        (
            "The lab said its models were misused, and later Peruvian scammers used them to "
            "find remote jobs at firms in Chile.",
            "Peruvian scammers",
            "PE",
        ),
        (
            "The lab sued a group of unidentified actors allegedly operating from Peru over "
            "fake bank sites.",
            "Group of unidentified actors allegedly operating from Peru",
            "PE",
        ),
        # the name starts at its article, not at the verb before it
        (
            "The lab banned accounts used to run a hiring scheme possibly connected to Peru.",
            "Hiring scheme possibly connected to Peru",
            "PE",
        ),
    ],
)
def test_a_text_with_no_case_names_its_cluster_for_the_actor_it_describes(
    sentence: str, name: str, origin: str
) -> None:
    f = draft(NEWS + "The lab published a report on misuse.\n\n" + sentence + "\n")
    assert _actors(f) == [(name, origin)]


def test_a_text_with_no_case_and_no_actor_described_keeps_the_reports_name() -> None:
    f = draft(NEWS + "The lab said malware used its models to phish banks in Chile.\n")
    assert [a.name for c in f.campaigns for a in c.all_actors] == [
        "Unnamed actor in \u201cChatbot maker cuts off several crews\u201d"
    ]


def test_a_subject_phrase_ends_before_a_verb_it_runs_into() -> None:
    f = draft(
        NEWS + "## Peru\n\nPeruvian use was limited to two groups that wrote fake posts about "
        "Chile.\n"
    )
    assert _actors(f) == [("Actors from Peru", "PE")]


def test_a_people_before_a_tool_says_where_the_tool_comes_from() -> None:
    f = draft(NEWS + "Russian hackers used a Chinese tool to phish banks in Poland.\n")
    (c,) = f.campaigns
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"PL"}


# --- Places that each own a noun phrase, joined by "and": one list, one role


def test_actors_tied_to_two_countries_bodies_are_one_actor_a_country() -> None:
    f = draft(
        NEWS + "Hackers linked to Peru's intelligence services and Bolivia's state cyber units "
        "used the model to phish banks in Chile.\n"
    )
    assert [x[1] for x in _actors(f)] == ["BO", "PE"]
    assert all(" and " not in name for name, _ in _actors(f))
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"CL"}


def test_two_countries_things_the_actors_hit_stay_targets() -> None:
    f = draft(NEWS + "Russian hackers phished Poland's banks and Chile's ministries.\n")
    (c,) = f.campaigns
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"PL", "CL"}


def test_another_group_set_apart_by_its_name_is_an_actor() -> None:
    f = draft(
        NEWS + "Tin Kite, a Peruvian network, wrote fake news about Chile.\n\n"
        "Additionally, another group, Amber Loom, has been preparing to phish diplomats in "
        "Bolivia.\n"
    )
    cases = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert {x.id for x in cases["Amber Loom"].targets.countries} == {"BO"}


def test_a_roll_of_actors_known_as_names_each_with_the_place_its_noun_carries() -> None:
    f = draft(
        "Lab bans five crews\n\nThe lab said it cut off five crews: two China-linked actors "
        "known as Salt Typhoon and Volt Typhoon; the Iran-linked actor known as Mint Sandstorm; "
        "and the Russia-based group known as Seashell Blizzard.\n"
    )
    origins = [(a.name, a.country.id) for c in f.campaigns for a in c.all_actors if a.country]
    assert sorted(code for _, code in origins) == ["CN", "CN", "IR", "RU"]
    assert len(origins) == 4  # and no case holds actors of two countries:
    assert all(len({a.country.id for a in c.all_actors if a.country}) == 1 for c in f.campaigns)


def _techniques_of(f: Findings) -> dict[str, set[str]]:
    return {a.name: {t.id for t in c.techniques} for c in f.campaigns for a in c.all_actors}


def test_a_paragraph_on_the_actors_after_a_roll_speaks_of_every_one() -> None:
    roll = (
        "Lab bans three crews\n\nThe lab said it cut off three crews: the China-linked actor "
        "known as Salt Typhoon; the Iran-linked actor known as Mint Sandstorm; and the "
        "Russia-based group known as Seashell Blizzard.\n\n"
    )
    f = draft(
        roll + "It said the actors mostly asked for translations.\n\nMuch of what these "
        "actors wanted was help with phishing emails.\n"
    )
    assert all({"llm-aided-translation", "T1566"} <= ids for ids in _techniques_of(f).values()), (
        _techniques_of(f)
    )
    one = draft(roll + "The last of them also asked for translations.\n")
    assert sum("llm-aided-translation" in ids for ids in _techniques_of(one).values()) == 1


def test_a_heading_after_a_roll_ends_it() -> None:
    f = draft(
        "# Year in review\n\n- Tin Wren and Ash Lark were the busiest.\n- Reed Finch, from "
        "Peru, wrote comments.\n\n## Tin Wren\n\nThe operators wrote phishing emails.\n"
    )
    assert {n for n, ids in _techniques_of(f).items() if "T1566" in ids} <= {"Tin Wren"}


@pytest.mark.parametrize("roll", ["Peru, Bolivia and Chile", "Chile, Bolivia and Peru"])
def test_a_named_actor_after_a_roll_of_places_keeps_only_its_own(roll: str) -> None:
    f = draft(
        NEWS + f"The lab saw state groups from {roll}. It tracked a Peru-linked cluster known "
        "as APT90, which used the model to scan routers, and a Bolivia-linked group, UNC9070, "
        "which used it to profile aerospace firms.\n"
    )
    assert _actors(f) == [("APT90", "PE"), ("UNC9070", "BO")]


def test_a_place_qualifying_the_noun_a_name_is_set_after_is_where_it_is_from() -> None:
    f = draft(
        NEWS + "The lab saw state groups from Chile, Bolivia and Peru. It tracked a "
        "Bolivia-linked group, UNC9070, which used the model to profile aerospace firms.\n"
    )
    assert _actors(f) == [("UNC9070", "BO")]
