"""Where the phrase of an actor a news text does not name begins and ends (issue 23): not in
the reporter's doing before it, nor in the sentence's verb after it, nor in a word for what the
actors do. Sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft, targeted_countries

HEAD = "Lab report on misuse\n\n"


@pytest.mark.parametrize("verb", ["are relying on", "have leaned on", "is using"])
def test_the_phrase_ends_before_a_verb_after_its_auxiliary(verb: str) -> None:
    f = draft(HEAD + f"Hacking crews from Russia {verb} Claude to write malware.\n")
    assert actors_of(f) == [("Hacking crews from Russia", "RU")]


@pytest.mark.parametrize("doing", ["closing", "suspending", "taking down"])
def test_the_reporters_doing_before_whom_it_was_done_to_is_no_part_of_the_phrase(
    doing: str,
) -> None:
    f = draft(HEAD + f"The lab described {doing} accounts belonging to suspected actors in Iran.\n")
    assert actors_of(f) == [("Accounts belonging to suspected actors in Iran", "IR")]


def test_the_actors_playbook_is_theirs_not_an_actor() -> None:
    f = draft(
        HEAD + "The playbook of North Korean fraudsters is patient. They apply for remote jobs.\n"
    )
    assert actors_of(f) == [("North Korean fraudsters", "KP")]


@pytest.mark.parametrize(
    "lead",
    [
        "The lab said that",
        "A new bulletin, stating that",
        "The firm warned on Monday that",
        "The lab reveals",
    ],
)
def test_countries_that_open_what_a_report_says_stand_for_their_actors(lead: str) -> None:
    f = draft(HEAD + f"{lead} Russia, North Korea and Iran are weaponizing chatbots.\n")
    assert {origin for _, origin in actors_of(f)} == {"RU", "KP", "IR"}
    assert not targeted_countries(f)


@pytest.mark.parametrize(
    "doing",
    [
        "have quietly stepped up chatbot use in spying",
        "are trying to sway the coming vote with AI-made clips",
        "stepped up their propaganda with generative tools",
        "use chatbots to polish phishing lures",
    ],
)
def test_a_list_of_countries_that_acts_in_a_misuse_stands_for_their_actors(doing: str) -> None:
    f = draft(HEAD + f"Peru, Chile and Laos {doing}.\n")
    assert {origin for _, origin in actors_of(f)} == {"PE", "CL", "LA"}
    assert not targeted_countries(f)


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru, Chile and Laos have faced a wave of chatbot phishing from Russian crews.",
        "Peru, Chile and Laos are seeing more AI phishing from Russian crews.",
        "Peru, Chile and Laos have sanctioned Russian crews that ran chatbot propaganda.",
        "Peru, Chile and Laos were targeted with AI phishing by Russian crews.",
    ],
)
def test_a_list_of_countries_that_undergoes_or_answers_a_misuse_is_not_its_actors(
    sentence: str,
) -> None:
    f = draft(HEAD + f"{sentence}\n")
    assert {origin for _, origin in actors_of(f)} == {"RU"}


def test_a_list_of_countries_after_a_first_sentence_that_names_no_place_names_the_actors() -> None:
    f = draft(
        HEAD + "A yearly review came out on Monday. Peru, Chile and Laos used chatbots for "
        "propaganda.\n"
    )
    assert sorted(actors_of(f)) == [
        ("Actors from Chile", "CL"),
        ("Actors from Laos", "LA"),
        ("Actors from Peru", "PE"),
    ]


def test_countries_that_step_up_warnings_about_a_misuse_are_not_its_actors() -> None:
    f = draft(
        HEAD + "Russian crews used chatbots for phishing. Peru, Chile and Laos stepped up "
        "warnings about the AI scams.\n"
    )
    assert {origin for _, origin in actors_of(f)} == {"RU"}


@pytest.mark.parametrize(
    "lead",
    [
        "The agency sees Peru, Chile and Laos attempting to sway the vote with AI clips.",
        "The lab reveals Peru, Chile and Laos are stepping up efforts to sway the vote with AI.",
    ],
)
def test_a_list_of_countries_before_a_case_of_another_countrys_group_is_a_case_of_its_own(
    lead: str,
) -> None:
    f = draft(
        HEAD + f"{lead}\n\nThe lab banned accounts of Storm-1234, a Chinese group that used "
        "ChatGPT to write phishing lures.\n"
    )
    assert {origin for _, origin in actors_of(f)} == {"PE", "CL", "LA", "CN"}


def test_a_list_of_countries_that_introduces_a_cataloged_actor_of_one_of_them_is_no_case() -> None:
    f = draft(
        HEAD + "Russia, China and Iran are using chatbots for espionage.\n\nForest Blizzard "
        "used ChatGPT to research satellite protocols.\n"
    )
    assert [c.name for c in f.campaigns] == ["APT28 activity"]


def test_a_states_body_that_sees_a_list_of_countries_acting_is_no_actor() -> None:
    f = draft(
        HEAD + "The Canadian spy service sees Peru, Chile and Laos trying to sway the vote with "
        "chatbot posts.\n"
    )
    assert {origin for _, origin in actors_of(f)} == {"PE", "CL", "LA"}


def test_a_country_seen_trying_to_misuse_a_model_is_where_the_actors_are() -> None:
    f = draft(HEAD + "The agency sees Laos trying to sway the vote with chatbot-written posts.\n")
    assert {origin for _, origin in actors_of(f)} == {"LA"}
    assert not targeted_countries(f)


@pytest.mark.parametrize(
    "sentence",
    [
        "The warning came from the U.S. National Security Agency (NSA), which urged firms to "
        "patch their routers.",
        "An alert from the Cyber Defence Office (CDO) asked firms to patch their routers.",
        "The Cyber Defence Office (CDO), which warned firms on Monday, asked them to patch.",
        "It matches assessments from the lab and the U.S. Cyber Defence Office (CDO), showing "
        "that AI is used.",
    ],
)
def test_a_body_that_warns_by_its_acronym_is_no_operation(sentence: str) -> None:
    f = draft(HEAD + f"Chinese hackers broke into routers at telecom firms.\n\n{sentence}\n")
    assert [c.name for c in f.campaigns] == ["Chinese hackers activity"]


@pytest.mark.parametrize(
    ("opening", "actor"),
    [
        ("The modus operandi of Iranian hackers is slow.", "Iranian hackers"),
        ("Enforcement actions against suspected operators in Iran began.", "Suspected operators"),
        ("Members of an Iranian group met online.", "Iranian group"),
    ],
)
def test_what_is_said_of_the_actors_before_of_or_against_is_no_part_of_them(
    opening: str, actor: str
) -> None:
    f = draft(HEAD + f"{opening} They wrote posts about Israel.\n")
    names = [name for name, _ in actors_of(f)]
    assert names and names[0].startswith(actor)


@pytest.mark.parametrize(
    "sentence",
    [
        "The lab is committed to collaborating with industry, civil society and government.",
        "They are often paid in cryptocurrency.",
    ],
)
def test_the_reporters_partners_and_the_actors_pay_are_no_targets(sentence: str) -> None:
    f = draft(
        HEAD + f"North Korean IT workers used the chatbot to write cover letters. {sentence}\n"
    )
    assert not [x.id for c in f.campaigns for x in c.targets.sectors]


def test_news_about_a_trade_is_no_target_of_it() -> None:
    f = draft(
        HEAD + "Chinese hackers used the chatbot to debug code. Readers saw it in the tech news.\n"
    )
    assert "technology" not in {x.id for c in f.campaigns for x in c.targets.sectors}


@pytest.mark.parametrize(
    "sentence",
    [
        "The workers pass nearly all of their pay to the government of North Korea.",
        "Their wages fund the North Korean government.",
        "The crew works for North Korea's military.",
    ],
)
def test_the_actors_own_state_is_no_target(sentence: str) -> None:
    f = draft(
        HEAD + f"North Korean IT workers used the chatbot to write cover letters. {sentence}\n"
    )
    assert not {"government", "defense"} & {x.id for c in f.campaigns for x in c.targets.sectors}


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korean hackers sent lures to the South Korean government.",
        "North Korean hackers phished the Japanese government, and their pay goes to the North "
        "Korean government.",
    ],
)
def test_another_states_government_stays_a_target(sentence: str) -> None:
    f = draft(HEAD + f"{sentence}\n")
    assert "government" in {x.id for c in f.campaigns for x in c.targets.sectors}


@pytest.mark.parametrize(
    ("sentence", "origin", "target"),
    [
        ("Grey Kestrel, a crew from Belarus, sent links to officials in Poland.", "BY", "PL"),
        (
            "The crew, which has links to a firm in Belarus, sent emails to officials in Poland.",
            "BY",
            "PL",
        ),
    ],
)
def test_links_sent_to_people_are_no_tie_to_where_they_are(
    sentence: str, origin: str, target: str
) -> None:
    f = draft(HEAD + f"{sentence}\n")
    assert {o for _, o in actors_of(f)} == {origin}
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {target}


@pytest.mark.parametrize(
    "claim",
    [
        "One fake profile claimed a degree from a university in Portugal and a home in Croatia.",
        "They made personas with resumes listing degrees from a university in Portugal.",
    ],
)
def test_what_a_fake_persona_claims_is_its_cover_not_a_target(claim: str) -> None:
    f = draft(
        HEAD + f"North Korean IT workers applied for jobs at firms in the United States. {claim}\n"
    )
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"US"}
    assert "education" not in {x.id for c in f.campaigns for x in c.targets.sectors}


def test_what_an_actor_claims_under_a_persona_stays_what_it_did() -> None:
    f = draft(
        HEAD + "Under the hacktivist identity Storm Cats, Sandworm claimed attacks on water "
        "utilities in the United States, Poland and France.\n"
    )
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"US", "PL", "FR"}


@pytest.mark.parametrize(
    "policy",
    [
        "The company forbids using its models to track individuals.",
        "Its rules prohibit targeting hospitals in Brazil.",
    ],
)
def test_what_a_policy_forbids_is_no_target(policy: str) -> None:
    f = draft(HEAD + f"Chinese hackers used the chatbot to write malware. {policy}\n")
    assert not [x.id for c in f.campaigns for x in (*c.targets.sectors, *c.targets.countries)]


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        ("The findings match assessments from the lab and the U.S. Cyber Defence Office.", set()),
        ("The U.S. Cyber Defence Office also urged firms to patch.", set()),
        ("The crew hacked the U.S. Cyber Defence Office last year.", {"US"}),
    ],
)
def test_a_country_that_opens_a_public_bodys_name_is_where_it_sits(
    sentence: str, targets: set[str]
) -> None:
    f = draft(HEAD + f"Chinese hackers broke into routers at telecom firms. {sentence}\n")
    assert {x.id for c in f.campaigns for x in c.targets.countries} == targets


@pytest.mark.parametrize(
    "reporter", ["Several reports mention", "Recent reports highlight", "Two reports cite"]
)
def test_a_counted_reporter_and_its_verb_of_pointing_are_no_part_of_the_phrase(
    reporter: str,
) -> None:
    f = draft(HEAD + f"{reporter} Peruvian hackers handing stolen files to aides in Chile.\n")
    assert actors_of(f) == [("Peruvian hackers", "PE")]


def test_countries_an_operation_focused_on_before_its_participle_are_its_targets() -> None:
    f = draft(
        HEAD + "A Laotian operation, tied to the network Storm-1234, focused on Peru and Chile, "
        "leveraging fake reporter profiles to amplify anti-Western sentiment.\n"
    )
    assert targeted_countries(f) == {"PE", "CL"}
    assert {origin for _, origin in actors_of(f)} == {"LA"}


@pytest.mark.parametrize("participle", ["coordinated", "organized", "suspected"])
def test_a_participle_after_a_determiner_is_no_verb_that_ends_the_phrase(participle: str) -> None:
    article = "an" if participle[0] in "aeiou" else "a"
    f = draft(HEAD + f"The lab suspended dozens of accounts tied to {article} {participle} "
              "Peruvian influence network.\n")  # fmt: skip
    assert actors_of(f) == [
        (f"Accounts tied to {article} {participle} Peruvian influence network", "PE")
    ]
