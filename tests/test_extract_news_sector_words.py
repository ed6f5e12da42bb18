"""Sector words in news coverage that name no target (session 17): the content a tool reads or
a claim is about, the trade of the actors' client, and persons who are the sentence's acting
subject; (session 21) a state's own media, a press conference, outlets whose logos the fakes
carry, people associated with the group. One test per case, each on sentences written for it,
beside one where the same word still names a target."""

from __future__ import annotations

import pytest

from tests.extract_helpers import draft
from tests.extract_helpers import targeted_countries as _countries
from tests.extract_helpers import targeted_sectors as _sectors

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


@pytest.mark.parametrize(
    "content",
    [
        "scan forums for hateful speech, and religious, and political content",
        "write posts that falsely claimed government involvement in the floods",
    ],
)
def test_a_sector_word_before_a_noun_of_content_is_no_target(content: str) -> None:
    f = draft(NEWS + f"Russian hackers used the model to {content}.\n")
    assert _sectors(f) == set()


def test_a_sector_word_before_a_targets_head_is_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers used the model to phish religious groups in Poland.\n")
    assert _sectors(f) == {"religious"}


@pytest.mark.parametrize(
    "client",
    ["for a government client", "for political clients", "intended for a government client"],
)
def test_the_trade_of_the_actors_client_is_no_target(client: str) -> None:
    f = draft(NEWS + f"Russian hackers asked the model to plan a listening tool {client}.\n")
    assert _sectors(f) == set()


def test_customers_of_a_trade_the_actors_phished_are_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers phished banking customers in Poland.\n")
    assert _sectors(f) == {"financial-services"}


@pytest.mark.parametrize(
    "who", ["Some individuals", "Several users", "According to the lab, some individuals"]
)
def test_persons_who_open_a_sentence_as_its_acting_subject_are_no_target(who: str) -> None:
    f = draft(
        NEWS + f"{who} asked the chatbot to outline a tracking tool. The lab tied the accounts "
        "to Russian hackers.\n"
    )
    assert "individuals" not in _sectors(f)


def test_persons_the_actors_went_after_are_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers sent scam texts to individuals in Poland.\n")
    assert "individuals" in _sectors(f)


def test_a_sector_the_actors_have_ties_to_is_no_target() -> None:
    f = draft(
        NEWS + "One account, suspected of having government ties, used the chatbot to phish "
        "banks in Poland.\n"
    )
    assert _sectors(f) == {"financial-services"}


def test_the_press_a_memo_was_released_to_is_no_target() -> None:
    f = draft(
        NEWS + "Russian hackers used the model to phish banks in Poland. An internal memo was "
        "later released to the press.\n"
    )
    assert _sectors(f) == {"financial-services"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Approached by the press, the lab's rival declined to comment.",
        "The scheme was first reported by journalists in Poland.",
    ],
)
def test_who_did_something_by_a_passive_verb_is_its_agent_not_a_target(sentence: str) -> None:
    f = draft(NEWS + f"Russian hackers wrote malware with the model. {sentence}\n")
    assert (_sectors(f), _countries(f)) == (set(), set())


def test_a_sector_after_by_and_a_verb_of_targeting_is_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers were caught by malware scans targeting journalists.\n")
    assert _sectors(f) == {"media"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The lab said it harnessed the power of machine learning to find them.",
        "The lab said the space of possible abuses keeps growing.",
    ],
)
def test_a_bare_sector_word_as_the_head_before_of_is_in_another_sense(sentence: str) -> None:
    f = draft(NEWS + f"Russian hackers wrote malware with the model. {sentence}\n")
    assert _sectors(f) == set()


def test_a_sector_word_before_of_and_a_place_is_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers wrote malware to spy on the military of Poland.\n")
    assert _sectors(f) == {"defense"}


@pytest.mark.parametrize(
    "made",
    [
        "built fake news outlets to spread their posts",
        "placed posts on fake regional and national news outlets",
        "set up bogus government portals to collect passwords",
        "created fake law firms to take advance fees",
        "used fake charities and phony think tanks to spread their posts",
    ],
)
def test_a_sector_the_actors_faked_is_their_cover_not_a_target(made: str) -> None:
    f = draft(NEWS + f"Russian hackers {made}.\n")
    assert _sectors(f) == set()


def test_a_sector_reached_from_a_fake_page_is_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers built fake pages to phish news outlets in Poland.\n")
    assert _sectors(f) == {"media"}


@pytest.mark.parametrize(
    "route",
    [
        "funneled their salaries to Pyongyang through Chinese shell companies and cryptocurrency "
        "exchanges",
        "laundered the money via banks in Laos",
    ],
)
def test_where_the_actors_move_their_money_through_is_no_target(route: str) -> None:
    f = draft(NEWS + f"North Korean workers used the chatbot to write resumes and {route}.\n")
    assert (_sectors(f), _countries(f)) == (set(), set())


def test_where_the_actors_took_money_from_is_still_a_target() -> None:
    f = draft(NEWS + "North Korean hackers stole funds from cryptocurrency exchanges in Japan.\n")
    assert (_sectors(f), _countries(f)) == ({"cryptocurrency"}, {"JP"})


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        ("Russian hackers spread malware through a fake gaming tool.", {"gaming"}),
        ("North Korean workers were hired by technology companies in Poland.", {"technology"}),
        ("Russian hackers probed flaws in software used by banks.", {"financial-services"}),
    ],
)
def test_a_fake_tool_lures_its_users_and_who_hired_the_actors_is_reached(
    sentence: str, sectors: set[str]
) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == sectors


@pytest.mark.parametrize(
    "sentence",
    [
        "The tool was built to send surveillance reports to officials and intelligence agencies.",
        "The leak was reported to intelligence agencies in Poland.",
    ],
)
def test_whom_reports_go_to_is_no_target(sentence: str) -> None:
    f = draft(NEWS + f"Russian hackers used the model to phish banks in Chile. {sentence}\n")
    assert _sectors(f) == {"financial-services"} and _countries(f) == {"CL"}


def test_reports_the_actors_faked_and_sent_to_a_sector_still_reach_a_target() -> None:
    f = draft(
        NEWS + "Russian hackers wrote fake audit reports and mailed them to banks in Chile.\n"
    )
    assert _sectors(f) == {"financial-services"} and _countries(f) == {"CL"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian hackers asked the model to compare cyber offense and defense.",
        "The lab said the gap between attack and defence is closing.",
        "The lab said models help network defense more than they help crime.",
        "The lab said the hackers lacked the computing power to train a model.",
        "The lab said its rules stop regimes from using chatbots to amass power and control their "
        "people.",
        "The lab warned that juntas could use such tools to consolidate power.",
    ],
)
def test_a_sector_word_beside_a_word_of_its_other_sense_is_no_target(sentence: str) -> None:
    f = draft(NEWS + f"Russian hackers wrote malware with the model. {sentence}\n")
    assert _sectors(f) == set()


def test_power_firms_the_actors_went_after_are_still_a_target() -> None:
    f = draft(
        NEWS + "Russian hackers wrote malware with the model to seize control of power firms.\n"
    )
    assert _sectors(f) == {"energy"}


def test_defense_in_a_list_of_sectors_before_their_head_is_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers phished defense and energy firms in Poland.\n")
    assert _sectors(f) == {"defense", "energy"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Governments and tech firms are increasingly worried about such tools.",
        "The Polish government has raised concerns over the tools.",
        "Hospitals fear the next wave.",
        "Polish officials have long voiced concerns over the tools.",
    ],
)
def test_a_sector_that_worries_about_the_threat_is_no_target(sentence: str) -> None:
    f = draft(NEWS + f"Russian hackers wrote malware with the model. {sentence}\n")
    assert (_sectors(f), _countries(f)) == (set(), set())


def test_a_sector_the_actors_mailed_stays_a_target_beside_a_word_of_worry() -> None:
    f = draft(NEWS + "Russian hackers sent emails to banks that raised concerns about fees.\n")
    assert _sectors(f) == {"financial-services"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian hackers wrote malware that the lab said could target hospitals or schools.",
        "Russian hackers built a tool that might hit banks in Poland.",
    ],
)
def test_what_the_actors_could_go_after_is_no_target(sentence: str) -> None:
    f = draft(NEWS + sentence + "\n")
    assert (_sectors(f), _countries(f)) == (set(), set())


def test_what_the_actors_may_have_gone_after_is_a_target() -> None:
    f = draft(NEWS + "Russian hackers wrote malware that may have targeted hospitals.\n")
    assert _sectors(f) == {"healthcare"}


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        ("Russian hackers went after groups in tech, energy and finance.",
         {"technology", "energy", "financial-services"}),
        ("Russian hackers ran tech support scams with the model.", set()),
    ],
)  # fmt: skip
def test_tech_in_a_list_of_sectors_is_the_technology_sector(
    sentence: str, sectors: set[str]
) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == sectors


def test_the_reporter_named_as_the_author_of_the_latest_report_is_no_target() -> None:
    f = draft(
        NEWS + "Russian hackers wrote malware with the model. The report is the newest by a "
        "large technology company to warn of such abuse.\n"
    )
    assert _sectors(f) == set()


@pytest.mark.parametrize("verb", ["denigrated", "ridiculed", "vilified"])
def test_a_country_the_content_runs_down_is_what_it_is_about_not_a_target(verb: str) -> None:
    f = draft(
        NEWS + f"Chinese accounts had the model write Spanish articles that {verb} the United "
        "States for readers in Peru.\n"
    )
    assert _countries(f) == {"PE"}


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        ("Russian hackers stole passports and other legal and financial documents from a "
         "hospital.", {"healthcare"}),
        ("Russian hackers hit legal and financial firms.", {"legal", "financial-services"}),
        ("Russian hackers probed water and energy facilities.",
         {"critical-infrastructure", "energy"}),
        ("Russian hackers sought passwords for devices used in water facilities.",
         {"critical-infrastructure"}),
    ],
)  # fmt: skip
def test_two_sector_words_share_the_head_after_them(sentence: str, sectors: set[str]) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == sectors


@pytest.mark.parametrize(
    "whom", ["Android users in Brazil", "smartphone users in Brazil", "older people in Brazil"]
)
def test_people_named_by_what_they_use_or_their_age_are_individuals(whom: str) -> None:
    f = draft(NEWS + f"A Laotian crew stole banking logins from {whom}.\n")
    assert "individuals" in _sectors(f)


# Session 20: whom the actors earn for, and a list of sectors before its head


def test_the_government_an_actor_earns_for_is_no_target() -> None:
    f = draft(
        NEWS + "Peruvian IT workers took remote jobs at technology companies in Canada as part "
        "of a revenue scheme for the Peruvian government.\n\n"
        "The network funnels millions of dollars to Lima's ruling government, analysts say.\n"
    )
    sectors = _sectors(f)
    assert "government" not in sectors and "technology" in sectors


def test_a_government_the_actor_sends_phishing_to_stays_a_target() -> None:
    f = draft(
        NEWS + "Peruvian hackers stole money from banks in Chile and sent phishing lures to "
        "the Bolivian government.\n"
    )
    sectors = _sectors(f)
    assert "government" in sectors


def test_a_bare_technology_first_in_a_list_of_sectors_is_a_target() -> None:
    f = draft(
        NEWS + "Peruvian crews have long gone after firms in Canada in the technology, critical "
        "manufacturing, and transportation sectors.\n"
    )
    sectors = _sectors(f)
    assert {"technology", "manufacturing", "transportation"} <= sectors


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        # the sector that owns the actors: "the military's hacking units"
        (
            "Sandworm, one of the Russian military's busiest hacking units, phished ministries "
            "in Chile.",
            {"government"},
        ),
        # what was stolen, not whose: "military and political documents"
        (
            "Peruvian hackers stole military and political documents from ministries in Chile.",
            {"government"},
        ),
        # what a ministry handles: "defense procurement"
        (
            "Peruvian hackers watched ministries in Chile that handle files ranging from border "
            "talks to defense procurement.",
            {"government"},
        ),
        # a quarrel, not a sector: "maritime and economic friction"
        (
            "Peruvian hackers phished ministries in Chile amid maritime and economic friction "
            "between the two states.",
            {"government"},
        ),
        # persons, not politics: "political dissidents"
        (
            "Peruvian hackers phished ministries in Chile and tracked political dissidents abroad.",
            {"government", "civil-society"},
        ),
        # a state's own outlets, no target: "official state media" (session 21)
        (
            "Peruvian hackers phished ministries in Chile and spread more lies than official "
            "state media.",
            {"government"},
        ),
        # an event given to the press: "at a press conference"
        (
            "Peruvian hackers phished ministries in Chile, an official said at a press conference.",
            {"government"},
        ),
        # whose marks the fakes carry: "misused logos of news outlets and universities"
        (
            "Peruvian hackers phished ministries in Chile with fake videos that misused logos of "
            "legitimate news outlets and universities.",
            {"government"},
        ),
        # what the fakes are set beside: "hard to distinguish from genuine media"
        (
            "Peruvian hackers phished ministries in Chile and made videos that are hard to "
            "distinguish from genuine media.",
            {"government"},
        ),
        # a field of business: "the Web3 and cryptocurrency space"
        (
            "Peruvian hackers phished ministries in Chile and firms in the Web3 and "
            "cryptocurrency space.",
            {"government", "cryptocurrency"},
        ),
        # a state's arms: "fund Peru's nuclear and cyber programs"
        (
            "Peruvian hackers phished ministries in Chile to fund Peru's nuclear and cyber "
            "programs.",
            {"government"},
        ),
        # ... while outlets the actors hacked stay a target
        (
            "Peruvian hackers copied the logos of a bank and hacked news outlets in Chile.",
            {"media"},
        ),
    ],
)
def test_a_sector_word_that_names_no_target_beside_one_that_does(
    sentence: str, sectors: set[str]
) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == sectors


def test_people_associated_with_the_group_are_its_members_no_target() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian crew, hacked telecoms in Peru. Police offered a reward for "
        "information on individuals associated with the group.\n"
    )
    assert _sectors(f) == {"telecommunications"}
