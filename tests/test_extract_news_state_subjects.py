"""A country that stands for its actors in news prose (session 25, issue 23): the subject of a
verb of striving towards a misuse ("Bolivia seeks to undermine ..."), a country's "efforts",
and a country joined to a noun of actors by "along with". Who acts, not whom they aim at.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft, targeted_countries

NEWS = "Election meddling picks up\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Bolivia seeks to undermine trust in the elections in Chile.",
        "Bolivia aims to sway voters in Chile with deepfakes.",
        "Bolivia tried to meddle in the elections in Chile.",
    ],
)
def test_a_country_striving_towards_a_misuse_is_where_the_actors_are(sentence: str) -> None:
    f = draft(NEWS + sentence + "\n")
    assert actors_of(f) == [("Actors from Bolivia", "BO")]
    assert targeted_countries(f) == {"CL"}


def test_a_country_striving_to_counter_a_misuse_is_no_actor() -> None:
    f = draft(NEWS + "Peruvian hackers spread fake stories. Bolivia seeks to counter "
              "disinformation about its elections.\n")  # fmt: skip
    assert [c for _, c in actors_of(f)] == ["PE"]


def test_a_countrys_efforts_are_its_actors_not_a_name() -> None:
    f = draft(NEWS + "Peru's efforts aim to undermine support for Chile.\n")
    assert actors_of(f) == [("Actors from Peru", "PE")]
    assert targeted_countries(f) == {"CL"}


@pytest.mark.parametrize("joined", ["along with Cuba", "together with Cuba"])
def test_a_country_joined_to_actors_is_no_target(joined: str) -> None:
    f = draft(NEWS + f"The lab warns that Iranian state-backed groups, {joined}, will "
              "go after voters.\n")  # fmt: skip
    assert "CU" not in targeted_countries(f)
    assert "CU" in targeted_countries(draft(NEWS + "Iranian state-backed groups will go "
                                            "after voters in Cuba.\n"))  # fmt: skip


def test_a_named_actor_after_a_countrys_efforts_keeps_the_origin_its_lead_gives() -> None:
    f = draft(
        "Peru steps up election meddling\n\nForeign meddling in the vote in Chile started "
        "slowly this year. Peru's efforts aim to undermine support for Chile while Bolivia "
        "seeks to exploit divisions.\n\nPeru is deeply invested in undermining support for "
        "Chile\n\nPeruvian influence operations (IO) have grown over the past two months. The "
        "lab has tracked at least 40 Peruvian actors spreading false stories about Chile.\n\n"
        "For example, the actor that the lab tracks as Storm-9001 has spread fake stories "
        "about Chile to Bolivian readers.\n"
    )
    assert ("Storm-9001", "PE") in actors_of(f)
    assert not any("efforts" in name for name, _ in actors_of(f))


def test_a_striving_country_in_a_later_clause_takes_no_earlier_place_into_its_name() -> None:
    f = draft(
        "Lab says Peru already meddles in the vote\nThe lab says Peruvian campaigns have begun "
        "aiming at the coming vote in Chile\nThe lab has said that Peruvian campaigns have "
        "begun aiming at the coming vote in Chile.\nThe report also noted that Peruvian "
        "efforts are focused on undermining Chilean support for Ecuador, while Bolivia seeks "
        "to exploit divisions in Chile.\n"
    )
    assert not any("while" in name or "Ecuador" in name for name, _ in actors_of(f))
