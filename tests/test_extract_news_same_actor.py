"""One actor a news text names and then describes (issue 23): a named actor, then "The North
Korean hackers ..." of the same country, is one case; what a headline names is the case's
actor when the body only describes it; (session 24) actors of a country described, then "a
group known as X": X is one of them. Sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft
from tests.extract_helpers import targeted_sectors as _sectors

HEAD = "Lab bans a crew\n\n"


@pytest.mark.parametrize(
    "opening",
    [
        "The lab banned accounts tied to TA444.",  # the catalog says where it is from
        "The lab banned accounts tied to Copper Finch, a North Korean group.",  # the text does
    ],
)
def test_a_described_actor_of_the_named_actors_country_is_that_actor(opening: str) -> None:
    f = draft(
        HEAD + f"{opening} The actors wrote lures for crypto firms.\n\n"
        "The North Korean hackers also asked the model to debug malware.\n"
    )
    assert len(f.campaigns) == 1
    assert next(a.name for a in f.campaigns[0].all_actors) in ("TA444", "Copper Finch")
    assert "T1587.001" in {t.id for t in f.campaigns[0].techniques}


def test_a_described_actor_of_another_country_or_of_two_named_ones_is_a_case_apart() -> None:
    other = draft(
        HEAD + "The lab banned accounts tied to TA444. The actors wrote lures for crypto "
        "firms.\n\nThe Russian hackers also asked the model to debug malware.\n"
    )
    assert ("Russian hackers", "RU") in actors_of(other)
    two = draft(
        HEAD + "The lab banned accounts tied to TA444. The actors wrote lures for crypto "
        "firms.\n\nIn a second case, Kimsuky asked the model about think tanks.\n\n"
        "The North Korean hackers also asked the model to debug malware.\n"
    )
    assert len(two.campaigns) == 3


@pytest.mark.parametrize(
    ("headline", "who", "actor"),
    [
        ("Lab bans the accounts of Famous Chollima", "North Korean IT workers", "WageMole"),
        ("APT28 turns to chatbots, lab says", "A crew of hackers", "APT28"),  # the catalog's
    ],  # first name of Famous Chollima; a crew said to be from nowhere
)
def test_the_one_actor_a_headline_names_is_the_actor_of_a_body_that_describes_it(
    headline: str, who: str, actor: str
) -> None:
    f = draft(
        f"{headline}\n\nThe lab said {who} used its model to write resumes and apply for "
        "remote jobs. The workers also asked it to debug code.\n"
    )
    assert [a.name for c in f.campaigns for a in c.all_actors] == [actor]


def test_a_headlines_actor_from_elsewhere_than_the_described_ones_is_not_theirs() -> None:
    f = draft(
        "Lab flags APT28 in a new report\n\nThe lab said North Korean IT workers used its model "
        "to write resumes and apply for remote jobs.\n"
    )
    assert actors_of(f) == [("North Korean IT workers", "KP")]


@pytest.mark.parametrize(
    ("headline", "sector"),
    [
        ("Lazarus devours defense", "defense"),  # a known actor, then any verb
        ("Lazarus gobbles up chip makers", "semiconductors"),
        ("APT gang feasts on hospitals", "healthcare"),  # an actor's noun, a word in capitals
        ("State-backed crews swarm over banks", "financial-services"),
    ],
)
@pytest.mark.parametrize("body", ["Lazarus sent", "The attackers sent"])
def test_a_sector_a_headlines_actor_acts_on_is_the_cases_target(
    headline: str, sector: str, body: str
) -> None:
    f = draft(f"{headline}\n\n{body} spear-phishing emails with a backdoor.\n")
    assert _sectors(f) == {sector}


@pytest.mark.parametrize(
    "headline",
    ["Chatbot maker warns defense firms", "Defense firms brace for Lazarus", "Lab report, May"],
)
def test_a_headline_whose_subject_is_no_actor_gives_no_target(headline: str) -> None:
    f = draft(f"{headline}\n\nLazarus sent spear-phishing emails with a backdoor.\n")
    assert _sectors(f) == set()


@pytest.mark.parametrize(
    ("lede", "actor"),
    [
        ("A hacking group tied to Iran phished aides of two senators, the lab said.", "APT42"),
        ("A new North Korean APT group has stolen crypto from exchanges.", "Copper Finch"),
    ],
)
def test_a_ledes_unnamed_actor_is_the_named_actor_of_its_country_after_it(
    lede: str, actor: str
) -> None:
    f = draft(
        f"{HEAD}{lede}\n\nThe report says {actor}, a group it links to "
        f"{'Iran' if actor == 'APT42' else 'North Korea'}, also wrote lures for think tanks.\n"
    )
    assert [a.name for c in f.campaigns for a in c.all_actors] == [actor]
    assert "think-tanks" in _sectors(f)


def test_a_ledes_unnamed_actor_of_another_country_stays_a_case_apart() -> None:
    f = draft(
        f"{HEAD}A hacking group tied to Russia phished aides of two senators.\n\nThe report says "
        "APT42, a group it links to Iran, also wrote lures for think tanks.\n"
    )
    assert len(f.campaigns) == 2


_EXPECTS = "The lab expects Peruvian crews to step up their work before the vote in Chile. "


def test_a_crew_known_as_a_name_after_crews_of_a_country_is_one_of_them() -> None:
    f = draft(
        HEAD + _EXPECTS + "It warned that a crew known as Storm-0411 may hack radio stations in "
        "the final week.\n"
    )
    assert actors_of(f) == [("Storm-0411", "PE")]


def test_a_crew_of_another_country_known_as_a_name_is_another_case() -> None:
    f = draft(
        HEAD + _EXPECTS + "It warned that a Bolivian crew known as Storm-0411 may hack radio "
        "stations in the final week.\n"
    )
    assert actors_of(f) == [("Peruvian crews", "PE"), ("Storm-0411", "BO")]
