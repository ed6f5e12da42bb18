"""Several named actors in one passage keep their own origins (issue 23): a count that names
two groups, then a sentence each saying where one of them is from. Sentences written for the
tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft

HEAD = "Lab report on misuse\n\n"


@pytest.mark.parametrize("end", [".", ", which wrote posts.", "; both wrote posts."])
def test_two_names_a_count_of_actors_sets_apart_are_two_actors_however_the_pair_ends(
    end: str,
) -> None:
    f = draft(HEAD + f"The report describes two groups, Red Ledger and Tin Drum{end}\n")
    assert {name for name, _ in actors_of(f)} == {"Red Ledger", "Tin Drum"}


def test_an_origin_said_of_one_of_two_named_actors_is_not_the_others() -> None:
    f = draft(
        HEAD + "The report describes two groups, Red Ledger and Tin Drum.\n\n"
        "Red Ledger is based in China and wrote posts about Taiwan. Tin Drum is based in Iran "
        "and targeted officials in Israel.\n"
    )
    pairs = actors_of(f)
    assert ("Red Ledger", "CN") in pairs and ("Tin Drum", "IR") in pairs
    assert ("Tin Drum", "CN") not in pairs and ("Red Ledger", "IR") not in pairs


def test_an_alias_keeps_the_origin_said_of_the_actors_other_name() -> None:
    f = draft(
        HEAD + "The report describes a group, Red Ledger, also tracked as Tin Drum.\n\n"
        "Red Ledger is based in China and wrote posts about Taiwan.\n"
    )
    assert ("Red Ledger", "CN") in actors_of(f)
    assert {origin for _, origin in actors_of(f)} == {"CN"}


@pytest.mark.parametrize(
    "naming",
    [
        'The lab tracks the first group as "Red Ledger" and the second as "Tin Drum."',
        'The lab calls one crew "Red Ledger" and another "Tin Drum."',
    ],
)
def test_a_second_quoted_name_whose_naming_verb_is_left_out_is_named_too(naming: str) -> None:
    f = draft(HEAD + f"{naming} Red Ledger is based in China. Tin Drum is based in Iran.\n")
    pairs = actors_of(f)
    assert ("Red Ledger", "CN") in pairs and ("Tin Drum", "IR") in pairs


def test_operations_named_together_in_quotes_are_cases_of_their_own() -> None:
    f = draft(
        HEAD + 'Investigators named the networks "Blue Harbor" and "Copper Gate." Both ran fake '
        "news sites aimed at voters in Germany.\n"
    )
    assert sorted(c.name for c in f.campaigns) == ["Blue Harbor", "Copper Gate"]
    assert all([x.id for x in c.targets.countries] == ["DE"] for c in f.campaigns)
