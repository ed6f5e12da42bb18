"""The extractor on write-ups of intrusions (session 20): a gang named by one word that opens
its sentence before what it broke into, and a name that begins with a company's suffix
("Inc."). One test per case, each on sentences written for it, beside the words that must
still name nobody."""

from __future__ import annotations

import pytest

from graphkit.extract import reading
from tests.extract_helpers import by_name, draft, targeted_countries

NEWS = "Gangs keep hitting clinics\n\nSeveral crews were busy over the winter.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Vellmar encrypted the servers of a clinic in France.",
        "Vellmar also breached a clinic in France.",
        "Ostrel Spider exfiltrated records from a clinic in France.",
    ],
)
def test_a_name_opening_a_sentence_before_an_intrusion_verb_is_a_case(sentence: str) -> None:
    f = draft(NEWS + sentence + "\n")
    (name,) = {c.name for c in f.campaigns}
    assert name in ("Vellmar", "Ostrel Spider")
    assert {x.id for x in by_name(f)[name].targets.countries} == {"FR"}


@pytest.mark.parametrize(
    "subject", ["Hackers", "Intruders", "Ransomware", "Someone", "The gang", "Criminals"]
)
def test_a_noun_for_whoever_did_it_before_an_intrusion_verb_names_no_case(subject: str) -> None:
    f = draft(NEWS + f"{subject} breached a clinic in France.\n")
    assert not any(c.name.startswith(subject) for c in f.campaigns)


def test_a_word_the_text_writes_in_lower_case_too_is_no_name() -> None:
    f = draft(
        NEWS + "Malware encrypted the servers of a clinic in France.\n\n"
        "The malware was sold on a forum.\n"
    )
    assert "Malware" not in by_name(f)


@pytest.mark.parametrize("suffix", ["Inc.", "Ltd.", "Corp."])
def test_a_companys_suffix_opening_a_sentence_ends_none(suffix: str) -> None:
    text = f"- {suffix} Ransomware breached a clinic in France and posted its files."
    assert reading.split_sentences(text) == [text]


def test_a_companys_suffix_after_its_company_ends_the_sentence() -> None:
    said = "The clinic was bought by Acme Inc. The deal closed in May."
    assert reading.split_sentences(said) == [
        "The clinic was bought by Acme Inc.",
        "The deal closed in May.",
    ]


def test_a_name_that_opens_with_inc_drafts_no_case_named_inc() -> None:
    f = draft(NEWS + "- Inc. Ransomware breached a clinic in France and posted its files.\n")
    assert not any(c.name.startswith("Inc") and " " not in c.name for c in f.campaigns)
    assert targeted_countries(f) == {"FR"}


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The hackers breached a Chilean company in May.", "CL"),
        ("They also compromised Turkish networks.", "TR"),
        ("The crew later hacked a Kenyan telecom firm.", "KE"),
    ],
)
def test_a_people_after_an_intrusion_verb_is_whom_they_hit(sentence: str, target: str) -> None:
    f = draft(NEWS + "Russian hackers were busy this spring. " + sentence + "\n")
    (c,) = f.campaigns
    assert {x.id for x in c.targets.countries} == {target}
    assert [a.country.id for a in c.all_actors if a.country] == ["RU"]


@pytest.mark.parametrize("pronoun", ["They", "It", "We"])
def test_a_pronoun_opens_no_phrase_of_a_new_actor(pronoun: str) -> None:
    f = draft(NEWS + f"Russian hackers were busy. {pronoun} also compromised Turkish networks.\n")
    assert not any(c.name.startswith(pronoun) for c in f.campaigns)


def test_victims_of_an_actor_name_the_actor_not_the_victims() -> None:
    f = draft(NEWS + "Russian hackers were busy. Victims of Chilean hackers included a bank.\n")
    assert "Chilean hackers" in {a.name for c in f.campaigns for a in c.all_actors}
    assert not any(c.name.startswith("Victims") for c in f.campaigns)


@pytest.mark.parametrize(
    "sentence",
    [
        "They stole data from servers at utilities in Chile.",
        "They harvested passwords from domain controllers at utilities in Chile.",
    ],
)
def test_servers_something_was_taken_from_are_the_victims(sentence: str) -> None:
    f = draft(NEWS + "Russian hackers were busy. " + sentence + "\n")
    (c,) = f.campaigns
    assert ({x.id for x in c.targets.countries}, {x.id for x in c.targets.sectors}) == (
        {"CL"},
        {"critical-infrastructure"},
    )


def test_servers_the_actors_sent_from_are_still_their_means() -> None:
    f = draft(NEWS + "Russian hackers sent lures from servers in Chile to banks in Peru.\n")
    (c,) = f.campaigns
    assert {x.id for x in c.targets.countries} == {"PE"}
