"""One actor a news text names and then describes (issue 23): a named actor, then "The North
Korean hackers ..." of the same country, is one case; what a headline names is the case's
actor when the body only describes it. Sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft

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
