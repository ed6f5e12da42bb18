"""Sectors, platforms and languages in news coverage (session 20, issue 23): sector words whose
sentence says they name no one the actors went after, targets that the kind of crime or a theft
from an AI service names, AI companies that acted rather than served, the languages of outputs
asked for. One test per case, each on sentences written for it, beside one where the same words
still name what they named."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import actors_of, draft
from tests.extract_helpers import targeted_sectors as _sectors


def _platforms(f: Findings) -> list[str]:
    return sorted(p.name for c in f.campaigns for p in c.platforms)


def _languages(f: Findings) -> list[str]:
    return sorted(x.id for c in f.campaigns for x in c.languages)


NEWS = "Chatbot maker cuts off a Laotian crew\n\n"  # a plain text's first line: its headline
CREW = "A Laotian crew used the chatbot to write posts. "


@pytest.mark.parametrize(
    "topics",
    [
        "Its posts covered several issues, including criticism from foreign governments and "
        "tariffs",
        "Its comments touched on themes like religious freedom",
    ],
)
def test_the_examples_of_a_list_of_subjects_are_no_target(topics: str) -> None:
    assert _sectors(draft(NEWS + CREW + topics + ".\n")) == set()


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("It phished several groups, including foreign governments.", "government"),
        ("It covered several issues, including attacks against banks in Chile.",
         "financial-services"),
    ],
)  # fmt: skip
def test_examples_of_whom_it_went_after_are_still_targets(sentence: str, sector: str) -> None:
    assert _sectors(draft(NEWS + CREW + sentence + "\n")) == {sector}


def test_a_sector_word_before_people_who_watch_is_no_target() -> None:
    text = CREW + "Its posts soon drew the notice of lawmakers and government analysts.\n"
    assert _sectors(draft(NEWS + text)) == set()


def test_a_sector_word_before_people_the_actors_went_after_is_still_a_target() -> None:
    text = CREW + "It then phished government analysts in Peru.\n"
    assert _sectors(draft(NEWS + text)) == {"government"}


def test_the_press_a_report_came_through_is_no_target() -> None:
    text = CREW + "They wrote for a fake news site, the Lao Times reports via state media.\n"
    assert _sectors(draft(NEWS + text)) == set()


@pytest.mark.parametrize(
    "crime",
    [
        "a fraud often referred to as pig butchering scams",
        "romance fraud",
        "dating scams",
    ],
)
def test_a_crime_that_preys_on_private_persons_names_them(crime: str) -> None:
    text = f"A Laotian crew used the chatbot to run {crime}.\n"
    assert _sectors(draft(NEWS + text)) == {"individuals"}


def test_what_the_actors_posed_as_is_still_no_target() -> None:
    text = "A Laotian crew used the chatbot while it posed as journalists.\n"
    assert _sectors(draft(NEWS + text)) == set()


@pytest.mark.parametrize(
    "theft",
    [
        "ran a distillation attack on the model",
        "ran model extraction at scale",
        "made thousands of accounts to siphon data from Claude",
        "made thousands of accounts to extract answers from its Claude model",
    ],
)
def test_a_theft_from_an_ai_service_targets_its_maker(theft: str) -> None:
    text = f"A Laotian crew {theft}.\n"
    assert _sectors(draft(NEWS + text)) == {"ai-providers"}


def test_a_theft_from_the_users_of_an_ai_service_does_not_target_its_maker() -> None:
    text = "A Laotian crew stole passwords from users of Claude in Peru.\n"
    assert "ai-providers" not in _sectors(draft(NEWS + text))


def test_an_ai_company_that_did_the_deed_is_no_service_the_actors_used() -> None:
    text = (
        "A Laotian crew made thousands of accounts to siphon data from Claude. The lab said "
        "the scale of the extraction performed by DeepSeek and two other firms was large.\n"
    )
    f = draft(NEWS + text)
    assert _platforms(f) == ["Claude"]
    done = text.replace("performed by DeepSeek and two other firms", "was done with DeepSeek")
    f = draft(NEWS + done)
    assert _platforms(f) == ["Claude", "DeepSeek"]


def test_a_voices_place_of_work_is_no_target() -> None:
    text = CREW + (
        "Dana Whitfield, a security specialist at the University of Leeds, said chatbots "
        "already write exploits.\n"
    )
    assert _sectors(draft(NEWS + text)) == set()


@pytest.mark.parametrize("kind", ["an unnamed Laotian", "a small private"])
def test_the_company_the_actors_are_traced_to_is_no_target(kind: str) -> None:
    text = CREW + f"The posts were traced to {kind} technology company with state contracts.\n"
    assert _sectors(draft(NEWS + text)) == set()


@pytest.mark.parametrize(
    "report",
    [
        "report online chatter about protests straight to Laotian intelligence agencies",
        "send reports about protests to intelligence agencies",
    ],
)
def test_whom_a_report_goes_to_past_its_subject_is_no_target(report: str) -> None:
    text = CREW + f"The tool it planned would {report}.\n"
    assert _sectors(draft(NEWS + text)) == {"civil-society"}


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("It sent phishing emails to intelligence agencies.", "government"),
        ("It reported gains, then sent lures to banks.", "financial-services"),
    ],
)
def test_whom_the_actors_sent_to_is_still_a_target(sentence: str, sector: str) -> None:
    assert _sectors(draft(NEWS + CREW + sentence + "\n")) == {sector}


def test_what_a_report_says_is_tied_to_a_place_is_still_tied_there() -> None:
    text = (
        "A Laotian crew used the chatbot to run romance scams.\n\nBeyond fraud, the report "
        "details several influence operations tied to Cuba.\n"
    )
    assert ("Influence operations tied to Cuba", "CU") in actors_of(draft(NEWS + text))


def test_a_sector_word_listed_before_a_targets_head_keeps_its_sector_sense() -> None:
    text = "A Laotian crew phished staff at cybersecurity and defence companies in Peru.\n"
    assert _sectors(draft(NEWS + text)) == {"defense"}


def test_a_sector_word_beside_a_word_of_its_other_sense_is_still_no_sector() -> None:
    text = "A Laotian crew used the chatbot to study cyber offense and defense in Peru.\n"
    assert _sectors(draft(NEWS + text)) == set()


def test_a_place_a_report_ties_the_actors_to_is_still_their_origin() -> None:
    text = "Tin Kestrel, a crew this report connects to Iran's Revolutionary Guard, wrote lures.\n"
    assert ("Tin Kestrel", "IR") in actors_of(
        draft("Chatbot maker cuts off several crews\n\n" + text)
    )


def test_officials_the_actors_wrote_to_are_a_government_target() -> None:
    text = "A Laotian crew used the chatbot to write emails to state-level Peruvian officials.\n"
    assert _sectors(draft(NEWS + text)) == {"government"}


def test_officials_the_actors_disguised_themselves_as_are_no_target() -> None:
    text = (
        "A Laotian crew disguised themselves as Peruvian immigration officials to scare exiles.\n"
    )
    assert "government" not in _sectors(draft(NEWS + text))


def test_whom_a_tool_would_warn_is_no_target_but_what_it_warns_about_may_be() -> None:
    text = (
        "A Laotian crew asked the chatbot to plan a model that would warn officials about the "
        "travel of activists.\n"
    )
    assert _sectors(draft(NEWS + text)) == {"civil-society"}


def test_officials_the_actors_impersonated_after_a_places_initials_are_no_target() -> None:
    text = (
        "A Laotian crew impersonated U.S. State Department officials, sending fake forms to "
        "academics.\n"
    )
    assert _sectors(draft(NEWS + text)) == {"education"}


def test_an_ai_company_listed_among_the_companies_that_acted_is_no_service_used() -> None:
    text = (
        "The lab alleges that DeepSeek, Kestrel Labs and Moonshot created fake accounts to "
        "siphon data from its Claude model.\n"
    )
    f = draft(NEWS + text)
    assert _platforms(f) == ["Claude"]


def test_services_listed_before_what_they_made_are_still_services_used() -> None:
    text = "A Laotian crew wrote prompts; ChatGPT, Gemini and Claude generated the posts.\n"
    f = draft(NEWS + text)
    assert _platforms(f) == [
        "ChatGPT",
        "Claude",
        "Gemini",
    ]


def test_a_sector_word_before_the_intelligence_collected_is_no_target() -> None:
    text = "A Laotian crew ran a long campaign to collect political intelligence.\n"
    assert _sectors(draft(NEWS + text)) == set()


@pytest.mark.parametrize(
    ("whom", "sectors"),
    [
        ("defense technology firms", {"defense", "technology"}),
        ("military intelligence officers", {"defense"}),
    ],
)
def test_a_sector_word_before_a_subject_and_a_targets_head_is_a_target(
    whom: str, sectors: set[str]
) -> None:
    assert _sectors(draft(NEWS + f"A Laotian crew phished {whom} in Peru.\n")) == sectors


@pytest.mark.parametrize(
    ("asked", "languages"),
    [
        ("asked for English and French outputs", ["en", "fr"]),
        ("asked for English and other language outputs", ["en"]),
    ],
)
def test_the_languages_of_the_outputs_asked_for_are_the_actors(
    asked: str, languages: list[str]
) -> None:
    f = draft(NEWS + f"A Laotian crew {asked}.\n")
    assert _languages(f) == languages


def test_a_language_as_a_subject_studied_is_no_language_of_the_actors() -> None:
    f = draft(NEWS + "A Laotian crew studied English and other subjects.\n")
    assert _languages(f) == []


@pytest.mark.parametrize(
    "definition",
    [
        "Spear-phishing is a highly targeted form of phishing where attackers trick individuals.",
        "Vishing is a kind of fraud that preys on pensioners.",
    ],
)
def test_a_sentence_that_says_what_a_technique_is_names_no_target(definition: str) -> None:
    assert _sectors(draft(NEWS + CREW + definition + "\n")) == set()


def test_a_sentence_on_what_the_actors_aimed_at_is_no_definition() -> None:
    text = CREW + "Its main target is a form of banking app used by pensioners.\n"
    assert "individuals" in _sectors(draft(NEWS + text))


@pytest.mark.parametrize(
    "sold",
    [
        "a kit that let low-skill individuals automate ransomware",
        "a tool that allowed small banks to hide payments",
    ],
)
def test_whom_a_tool_lets_act_is_no_target(sold: str) -> None:
    assert _sectors(draft(NEWS + f"A Laotian crew sold {sold}.\n")) == set()


def test_whom_the_actors_hit_before_letting_them_go_is_still_a_target() -> None:
    text = "A Laotian crew phished individuals in Peru and let them go.\n"
    assert _sectors(draft(NEWS + text)) == {"individuals"}


@pytest.mark.parametrize(
    "sentence",
    [
        "These articles later found their way into mainstream media in Peru.",
        "It also used the chatbot to translate receipts from Peruvian newspapers.",
    ],
)
def test_the_press_that_carried_or_billed_for_the_content_is_no_target(sentence: str) -> None:
    text = "A Laotian crew used the chatbot to write articles. " + sentence + "\n"
    assert _sectors(draft(NEWS + text)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The case raises concerns about the implications for financial and payment services.",
        "The report outlines strategies for governments, businesses and individuals.",
    ],
)
def test_whom_advice_or_its_consequences_are_for_is_no_target(sentence: str) -> None:
    assert _sectors(draft(NEWS + CREW + sentence + "\n")) == set()


def test_whom_lures_with_advice_went_to_is_still_a_target() -> None:
    text = CREW + "It sent lures with fake tips for hospitals in Peru.\n"
    assert _sectors(draft(NEWS + text)) == {"healthcare"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The panel acted after Anthropic disclosed that a Laotian crew used its own AI platform.",
        "Anthropic says a Laotian crew used its AI chatbot to phish banks.",
    ],
)
def test_the_ai_company_whose_own_models_the_actors_used_names_its_service(sentence: str) -> None:
    f = draft(NEWS + sentence + "\n")
    assert _platforms(f) == ["Claude"]


def test_a_company_whose_reports_are_of_another_service_names_none_of_its_own() -> None:
    f = draft(NEWS + "Microsoft says a Laotian crew used its AI tools to phish banks.\n")
    assert _platforms(f) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Laotian workers used AI personas to infiltrate remote tech jobs in the US.",
        "Laotian workers used the chatbot to pass coding tests and secure US tech roles.",
    ],
)
def test_the_trade_of_the_jobs_fake_workers_get_into_is_a_target(sentence: str) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == {"technology"}


def test_a_bare_tech_word_before_no_targets_head_is_still_no_sector() -> None:
    assert _sectors(draft(NEWS + "Laotian workers wrote posts about technology trends.\n")) == set()
