"""Words of news prose that are no actor's name (session 20): a source after "According to",
a person who told a reporter something, a word that turns to what follows ("Look, ..."), a
lead-in to examples, what a study found; and a list that holds places or peoples, not both;
(session 21) a public body named after its country's possessive; (session 24) a reporter's
short name before a verb of speech. Sentences written for these tests."""

from __future__ import annotations

import pytest

from graphkit.extract import coordination, subjects
from graphkit.extract.reading import read_sentence
from tests.extract_helpers import actors_of, draft, targeted_countries

NEWS = "Hackers lean on chatbots\n\n"


def _names(text: str) -> set[str]:
    f = draft(NEWS + text)
    return {c.name for c in f.campaigns} | {a.name for c in f.campaigns for a in c.all_actors}


def test_the_source_after_according_to_is_no_actor() -> None:
    names = _names(
        "According to Wire Daily, a suspected Chilean state-backed group used the chatbot to "
        "attack about 30 targets.\n"
    )
    assert not any("Wire Daily" in n for n in names)
    assert any("Chilean" in n for n in names)


@pytest.mark.parametrize(
    "tail",
    [
        "according to new research from security firm Vexa Labs shared with reporters.",
        "according to research from security firm Vexa Labs, and the crew later hacked banks.",
    ],
)
def test_the_source_after_a_closing_according_to_is_no_actor(tail: str) -> None:
    names = _names(f"A suspected Peru-based hacking group phished diplomats, {tail}\n")
    assert not any("Vexa" in n for n in names)
    assert any("Peru-based" in n for n in names)


def test_a_source_before_another_actor_keeps_the_first_actor_its_own() -> None:
    f = draft(
        NEWS + "According to Wire Daily, a suspected Chilean state-backed group used the chatbot "
        "to attack about 30 targets. Groups like Scattered Spider, based in the US and UK, are "
        "accused of dozens of hacks.\n"
    )
    origins = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins.get("Scattered Spider") == "US"
    assert "CL" in origins.values()


def test_a_person_who_recently_told_a_reporter_is_no_case() -> None:
    names = _names(
        "Dana Reyes, the hospital association's security adviser, recently told a TV channel "
        "that hackers targeting hospitals often work from Peru.\n"
    )
    assert not any(n.startswith("Dana Reyes") for n in names)


@pytest.mark.parametrize("word", ["Look", "Well", "Finally"])
def test_a_word_that_turns_to_what_follows_is_no_name(word: str) -> None:
    names = _names(f"{word}, the economics are simple. Peruvian gangs encrypt clinics in Chile.\n")
    assert word not in names
    assert any(n.startswith("Peruvian gangs") for n in names)


def test_examples_include_is_no_part_of_an_actors_name() -> None:
    names = _names("- Examples include Peruvian hackers writing lures for banks in Chile.\n")
    assert not any(n.startswith("Examples") for n in names)
    assert any(n.startswith("Peruvian hackers") for n in names)


def test_what_a_study_found_is_no_part_of_an_actors_name() -> None:
    names = _names(
        "Wire Daily research found that government-sponsored hackers affiliated with Peru have "
        "used the chatbot to write lures.\n"
    )
    assert not any("found" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("Hackers from Peru, Chile and Bolivia wrote lures.", 3),
        ("Peruvian, Chilean and Bolivian hackers wrote lures.", 3),
        ("Hackers researched operations in Chile, Bolivian hackers wrote lures.", 0),
    ],
)
def test_a_list_holds_places_or_peoples_not_both(sentence: str, listed: int) -> None:
    runs = coordination.coordinated(read_sentence(sentence))
    assert max((len(r) for r in runs.values()), default=0) == listed


def test_a_transcripts_speakers_are_no_cases_and_their_surnames_no_places() -> None:
    f = draft(
        "Threat talk, episode 9\n\nDana Reyes: Welcome to the show. I am joined by my colleague "
        "Sam Jordan, an analyst who tracks Peruvian hackers.\n\n"
        "Sam Jordan: Thanks. Peruvian hackers phished ministries in Chile this spring.\n\n"
        "Dana Reyes: What did they use?\n\n"
        "Sam Jordan: Mostly the chatbot, to write the lures.\n"
    )
    names = {c.name for c in f.campaigns}
    assert not names & {"Dana Reyes", "Sam Jordan"}
    assert targeted_countries(f) == {"CL"}


def test_the_last_item_of_a_list_heads_no_paragraph_after_it() -> None:
    f = draft(
        NEWS + "Key Takeaways\n- The lab reports a large attack run with its chatbot\n"
        "- Peruvian hackers allegedly used the chatbot for most of the campaign\n"
        "- Peru denies the claims, calling them 'baseless lies'\n\n"
        "The lab said Peruvian state hackers used the chatbot to attack banks in Chile.\n"
    )
    assert not any(c.name.startswith("Peru denies") for c in f.campaigns)
    assert targeted_countries(f) == {"CL"}


def test_an_adverb_of_how_often_ends_an_actors_phrase_before_its_verb() -> None:
    said = "Scammers often manipulated victims by showing fabricated account balances."
    for pattern in (subjects._SUBJECT, subjects._SUBJECT_LONG):
        found = pattern.match(said)
        assert found is None or "manipulated" not in found.group(0)


def test_a_lede_with_the_actors_origin_and_their_targets_tells_one_case() -> None:
    f = draft(
        "Lab shuts accounts tied to a tracking tool\n\nThe lab banned accounts that used its "
        "chatbot to build a tool meant to track protests in Chile and Bolivia. The accounts were "
        'allegedly tied to a Peruvian operation.\n\nThe so-called "Quiet Lantern" tool was sold '
        "as software that reports posts about protests to the police.\n"
    )
    (case,) = [c for c in f.campaigns if any(a.country for a in c.all_actors)]
    assert [a.country.id for a in case.all_actors if a.country] == ["PE"]
    assert {x.id for x in case.targets.countries} == {"BO", "CL"}


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        (
            "The lab said hacking groups such as Copper Finch and Tin Vane used the chatbot to "
            "write lures aimed at banks in Chile.",
            {"Copper Finch", "Tin Vane"},
        ),
        ("Groups like Copper Finch, based in Peru, hacked banks in Chile.", {"Copper Finch"}),
        ("Crews, including Tin Vane, hacked banks in Chile.", {"Tin Vane"}),
    ],
)
def test_names_given_as_examples_of_actors_are_actors(sentence: str, actors: set[str]) -> None:
    f = draft(NEWS + sentence + "\n")
    assert actors <= {a.name for c in f.campaigns for a in c.all_actors}


# --- A public body named by its own name after its country's possessive (the co-authors of an
# advisory): no actor, and its country no target; a body the actors hacked stays a target


def test_a_public_body_after_its_countrys_possessive_is_no_actor_and_no_target() -> None:
    f = draft(
        NEWS + "Tin Vane, a group from Bolivia, wrote phishing lures for banks. Partners on the "
        "alert include Chile's National Cyber Agency, Peru's Federal Security Office and the "
        "UK's Cyber Defence Centre.\n"
    )
    assert actors_of(f) == [("Tin Vane", "BO")]
    assert not targeted_countries(f)


def test_a_public_body_the_actors_hacked_keeps_its_country_a_target() -> None:
    f = draft(NEWS + "Tin Vane, a group from Bolivia, hacked Chile's National Cyber Agency.\n")
    assert actors_of(f) == [("Tin Vane", "BO")] and targeted_countries(f) == {"CL"}


# --- A name given as an example is the whole name: "outlets such as ABC News" gives no actor
# "ABC" (who would take the paragraph's actor's place)


def test_an_example_is_the_whole_name_not_its_capitals() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian network, made fake videos styled to look like reports from "
        "outlets such as ABC News and the BBC.\n"
    )
    assert [c for _, c in actors_of(f)] == ["BO"]
    assert not any(n.startswith("ABC") for n, _ in actors_of(f))


def test_an_acronym_inside_the_source_after_according_to_names_no_case() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian network, spread fake videos about Peru.\n\nAccording to a "
        "recent report by the Institute for Media Study (IMS), the network posed as 80 news "
        "outlets.\n"
    )
    assert [c.name for c in f.campaigns] == ["Tin Vane"]


def test_a_state_bodys_acronym_after_its_name_names_no_case() -> None:
    f = draft(
        NEWS + "Peruvian hackers dubbed Tin Vane phished officials in Chile.\n\nBehind the code "
        "name lies a unit operating on behalf of the Islamic Revolutionary Guard Corps (IRGC) "
        "and specializing in inbox hacking.\n"
    )
    assert "IRGC" not in {c.name for c in f.campaigns}


def test_a_reporters_short_name_before_a_verb_of_speech_is_no_case() -> None:
    f = draft(
        NEWS + "The Watch Desk said it expects Peruvian crews to step up their work before the "
        "vote in Chile. It warned a crew known as Storm-0411 may hack radio stations in the "
        "final week.\n"
    )
    assert actors_of(f) == [("Storm-0411", "PE")]
