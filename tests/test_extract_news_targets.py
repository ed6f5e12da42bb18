"""Targets in news coverage the extractor missed or misread (session 18): places named after
the people the actors went after, and the names of places it did not read. One test per case,
each on sentences written for it."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


def _countries(f: Findings) -> set[str]:
    return {x.id for c in f.campaigns for x in c.targets.countries}


def _sectors(f: Findings) -> set[str]:
    return {x.id for c in f.campaigns for x in c.targets.sectors}


@pytest.mark.parametrize(
    ("whom", "places"),
    [
        ("voters in Sudan", {"SD"}),
        ("voters in Sudan and Chad", {"SD", "TD"}),
        ("voters in South Sudan", {"SS"}),
    ],
)
def test_sudan_is_a_place_beside_south_sudan(whom: str, places: set[str]) -> None:
    f = draft(NEWS + f"Russian hackers wrote posts aimed at {whom}.\n")
    assert _countries(f) == places


@pytest.mark.parametrize("whom", ["government officials", "defense contractors"])
def test_a_place_after_a_sectors_people_the_actors_sent_to_is_a_target(whom: str) -> None:
    f = draft(NEWS + f"Russian hackers sent lures to {whom} in Poland.\n")
    assert _countries(f) == {"PL"}


def test_a_place_at_the_end_of_a_long_list_of_poses_is_part_of_the_pose() -> None:
    f = draft(
        NEWS + "Russian hackers ran scams while posing as a travel agency, law firms and Polish "
        "officials.\n"
    )
    assert (_sectors(f), _countries(f)) == (set(), set())


def test_whom_the_actors_phish_after_a_pose_is_a_target() -> None:
    f = draft(NEWS + "Russian hackers posed as Polish officials to phish diplomats.\n")
    assert _sectors(f) == {"government"}


def test_whom_a_purpose_after_a_long_pose_reaches_is_a_target() -> None:
    f = draft(
        NEWS + "A Russian crew pretended to be a freelance writer to get think tank experts "
        "talking.\n"
    )
    assert _sectors(f) == {"think-tanks"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian hackers wrote posts about the Israel-Hamas war.",
        "Russian hackers wrote posts about the India-Pakistan conflict.",
        "Russian hackers wrote commentary on the Russia-Ukraine war.",
    ],
)
def test_the_sides_a_war_named_by_them_are_what_content_is_about(sentence: str) -> None:
    assert _countries(draft(NEWS + sentence + "\n")) == set()


def test_veterans_of_a_war_the_actors_phished_are_still_in_their_country() -> None:
    assert _countries(draft(NEWS + "Russian hackers phished Polish war veterans.\n")) == {"PL"}


def test_an_election_before_a_war_in_a_list_of_topics_stays_a_target() -> None:
    f = draft(
        NEWS + "Russian hackers wrote posts. Their topics were the Polish election, the war in "
        "Sudan and farm subsidies.\n"
    )
    assert _sectors(f) == {"political"}


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        ("Russian hackers emailed reporters in Poland with malware.", {"media"}),
        ("Russian hackers stole passwords from a bank in Poland.", {"financial-services"}),
        ("Russian hackers broke into an airline in Poland.", {"transportation"}),
        (
            "Russian hackers ran a smear campaign against the prime minister of Poland.",
            {"political"},
        ),
        ("Russian hackers phished members of parliament in Poland.", {"political"}),
        ("Russian hackers defrauded pensioners in Poland.", {"individuals"}),
        ("Russian hackers emailed fraud victims in Poland with fake refunds.", {"individuals"}),
    ],
)
def test_more_words_for_whom_news_text_says_the_actors_went_after(
    sentence: str, sectors: set[str]
) -> None:
    f = draft(NEWS + sentence + "\n")
    assert (_sectors(f), _countries(f)) == (sectors, {"PL"})


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian hackers wrote lures to empty bank accounts.",
        "Russian hackers wrote malware with the model. They told reporters nothing.",
    ],
)
def test_a_sector_word_before_another_head_or_after_told_is_still_no_target(
    sentence: str,
) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian hackers wrote posts about farm subsidies and Western policy toward Chile.",
        "Russian hackers wrote malware. Poland raised concerns over Chile's use of such tools.",
    ],
)
def test_a_place_a_policy_or_a_worry_is_about_is_no_target(sentence: str) -> None:
    assert _countries(draft(NEWS + sentence + "\n")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian hackers asked the model how to support military logistics and planning.",
        "Russian hackers wrote malware with the model, a growing threat to hospitals and banks.",
    ],
)
def test_what_the_actors_support_or_only_threaten_is_no_target(sentence: str) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == set()


def test_whom_the_actors_sent_malware_to_is_a_target() -> None:
    f = draft(NEWS + "Russian hackers sent malware to hospitals and banks.\n")
    assert _sectors(f) == {"healthcare", "financial-services"}


def test_the_language_of_someone_elses_reporting_is_not_the_actors() -> None:
    f = draft(
        NEWS + "Russian hackers spread a false rumour that later appeared in Chinese-language "
        "reporting by a US broadcaster.\n"
    )
    assert [x.id for c in f.campaigns for x in c.languages] == []
    assert _countries(f) == set()


def test_the_language_of_the_actors_own_posts_is_theirs() -> None:
    f = draft(NEWS + "Russian hackers wrote Chinese-language posts from fake accounts.\n")
    assert [x.id for c in f.campaigns for x in c.languages] == ["zh"]


def test_journalism_is_the_media_sector() -> None:
    f = draft(NEWS + "Russian hackers targeted people in the field of journalism in Poland.\n")
    assert _sectors(f) == {"media"}
