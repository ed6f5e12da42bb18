"""The extractor on who acts in news coverage (session 17): a business that writes what it
was paid to write, a people named by its plural, some members of a group, a group named again
by its people, and headings that say a country's part. One test per grammatical case, each on
sentences written for it, beside one where the same words must still count the old way."""

from __future__ import annotations

import pytest

from graphkit.findings import CampaignFindings
from tests.extract_helpers import actors_of as _actors
from tests.extract_helpers import country, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


# --- A business that writes: what it made, not what it reports


@pytest.mark.parametrize("firm", ["A PR firm in Israel", "A marketing company in Israel"])
def test_a_business_in_a_place_that_wrote_content_is_the_actor_from_there(firm: str) -> None:
    f = draft(NEWS + f"{firm} wrote fake posts about the elections in India.\n")
    (c,) = f.campaigns
    assert country(c) == "IL" and {x.id for x in c.targets.countries} == {"IN"}
    assert c.all_actors[0].name.endswith("in Israel")


def test_a_reporter_that_wrote_what_it_found_is_still_no_actor() -> None:
    f = draft(
        NEWS + "The firm wrote in a blog post that Russian hackers phished banks in Poland.\n"
    )
    assert _actors(f) == [("Russian hackers", "RU")]


@pytest.mark.parametrize(
    "body",
    [
        "A Chilean government agency discovered that Storm-9990 phished ministries in Peru.",
        "The Chilean Government's National Response Team (CSIRT-CL) discovered a campaign "
        "against ministries in Peru. Analysts attributed it to Storm-9990.",
    ],
)
def test_a_public_body_that_reports_lends_its_country_to_no_actor(body: str) -> None:
    # the agency is who found it: Chile is its country, not the actors' seat nor a target
    (c,) = draft(NEWS + body + "\n").campaigns
    assert _actors_of_case(c) == [("Storm-9990", None)]
    assert {x.id for x in c.targets.countries} == {"PE"}


def _actors_of_case(c: CampaignFindings) -> list[tuple[str, str | None]]:
    return [(a.name, a.country.id if a.country else None) for a in c.all_actors]


def test_a_business_named_before_the_accounts_it_ran_is_the_actor_not_its_accounts() -> None:
    f = draft(NEWS + "A marketing firm in Ghana ran fake accounts that praised the ruling party.\n")
    assert _actors(f) == [("Marketing firm in Ghana", "GH")]


# --- A heading that says a country's part: "Iran's Approach: ..." names no operation


@pytest.mark.parametrize("part", ["Focus", "Strategy", "Approach", "Playbook"])
def test_a_heading_of_a_countrys_part_names_no_operation(part: str) -> None:
    f = draft(
        NEWS + f"## Iran's {part}: Phishing and fake news\n\n"
        "Iranian hackers used the chatbot to write phishing emails for diplomats in Kuwait.\n\n"
        f"## Peru's {part}: Scams\n\nScammers in Peru wrote fake job offers in Spanish.\n"
    )
    names = {c.name for c in f.campaigns} | {a.name for c in f.campaigns for a in c.all_actors}
    assert not any(part in n for n in names)
    assert ("Iranian hackers", "IR") in _actors(f)


def test_a_heading_of_a_countrys_named_operation_still_names_it() -> None:
    f = draft(NEWS + "## Iran's Copper Kite\n\nThe operators wrote fake news in Farsi.\n")
    assert [c.name for c in f.campaigns] == ["Copper Kite"]


def test_a_hacking_collective_is_an_actor_noun() -> None:
    f = draft(
        NEWS + "Belarusian hackers wrote malware for the group.\n\n"
        "Separately, Iranian hacking collectives phished diplomats in Oman.\n"
    )
    assert ("Iranian hacking collectives", "IR") in _actors(f)


# --- A people named by its plural as who acts: "The North Koreans also tried ..."


@pytest.mark.parametrize("joint", [" ", "\n\n"])  # mid-paragraph, or a paragraph of its own
def test_a_people_by_its_plural_opening_a_sentence_is_an_actor_from_there(joint: str) -> None:
    f = draft(
        NEWS + "Russian hackers used the model to write malware. Chinese operators wrote fake "
        "posts about Taiwan." + joint + "The North Koreans also tried to get jobs at tech "
        "companies in the United States.\n"
    )
    assert _actors(f) == [
        ("Chinese operators", "CN"), ("North Koreans", "KP"), ("Russian hackers", "RU")
    ]  # fmt: skip
    (korea,) = [c for c in f.campaigns if country(c) == "KP"]
    assert {x.id for x in korea.targets.countries} == {"US"}


def test_a_people_by_its_plural_after_a_named_group_of_that_people_is_the_group() -> None:
    f = draft(
        NEWS + "Jade Kite, a North Korean group, used the model to write malware. The North "
        "Koreans also tried to get jobs at tech companies in the United States.\n"
    )
    assert _actors(f) == [("Jade Kite", "KP")]


def test_a_people_by_its_plural_that_was_targeted_is_a_target() -> None:
    f = draft(NEWS + "Russian hackers used the model to write scam texts aimed at Americans.\n")
    (c,) = f.campaigns
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"US"}


# --- Some of a new actor: "Members of a Russian group" are that group's people


@pytest.mark.parametrize(
    "who", ["Members of a Russian group", "Two members of a Russian crew", "Some of a Russian ring"]
)
def test_some_of_a_new_actor_with_its_people_are_that_actor(who: str) -> None:
    f = draft(NEWS + f"{who} used the chatbot to write malware aimed at banks in Poland.\n")
    (c,) = f.campaigns
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"PL"}
    assert c.all_actors[0].name.startswith("Russian ")


def test_members_of_the_group_met_before_are_that_group() -> None:
    f = draft(
        NEWS + "Jade Kite, a Russian group, wrote malware.\n\n"
        "Members of the group used the chatbot to phish banks in Poland.\n"
    )
    assert _actors(f) == [("Jade Kite", "RU")]


# --- An unnamed actor named again by a definite noun phrase of its people


@pytest.mark.parametrize("between", ["", "Hackers in Iran wrote malware. "])
def test_the_same_people_by_a_definite_phrase_are_the_actor_met_before(between: str) -> None:
    f = draft(
        NEWS + "Operators linked to Cuba wrote fake comments in Spanish. " + between
        + "The Cuban operators also targeted journalists in Mexico.\n"
    )  # fmt: skip
    (cuba,) = [c for c in f.campaigns if country(c) == "CU"]
    assert {x.id for x in cuba.targets.countries} == {"MX"} and len(cuba.all_actors) == 1


def test_an_indefinite_phrase_of_the_same_people_is_a_new_actor() -> None:
    f = draft(
        NEWS + "Operators linked to Cuba wrote fake comments in Spanish. A Cuban crew also "
        "targeted journalists in Mexico.\n"
    )
    assert len([c for c in f.campaigns if country(c) == "CU"]) == 2


# --- Accounts on an AI service: the service says where they were, not who holds them


def test_accounts_on_a_service_tied_to_a_people_keep_who_they_are_tied_to() -> None:
    f = draft(
        NEWS + "The lab banned several ChatGPT accounts tied to Iranian state media that wrote "
        "fake news in Farsi.\n"
    )
    assert _actors(f) == [("Accounts tied to Iranian state media", "IR")]
    assert [p.name for p in f.campaigns[0].platforms] == ["ChatGPT"]


@pytest.mark.parametrize(
    ("who", "name"),
    [
        ("several Iranian ChatGPT accounts", "Iranian accounts"),
        ("a cluster of ChatGPT accounts tied to Iran", "Cluster of accounts tied to Iran"),
    ],
)
def test_an_ai_service_inside_an_actors_phrase_is_no_part_of_its_name(who: str, name: str) -> None:
    f = draft(NEWS + f"The lab banned {who} that wrote fake news.\n")
    assert _actors(f) == [(name, "IR")]


@pytest.mark.parametrize("many", ["Multiple", "Numerous", "Various"])
def test_a_word_of_number_before_an_unnamed_actor_is_no_part_of_its_name(many: str) -> None:
    f = draft(NEWS + f"{many} covert networks tied to Iran wrote fake news in Farsi.\n")
    assert _actors(f) == [("Covert networks tied to Iran", "IR")]


# --- Where the actors' clients are: whom they worked for, not whom they went after


@pytest.mark.parametrize(
    "client",
    [
        "for clients in Nigeria",
        "on behalf of a Nigerian client",
        "for political clients in Nigeria",
    ],
)
def test_the_clients_country_is_no_target(client: str) -> None:
    f = draft(
        NEWS + f"A marketing firm in Israel ran fake accounts {client} and wrote posts about "
        "the election in Ghana.\n"
    )
    (c,) = f.campaigns
    assert country(c) == "IL" and {x.id for x in c.targets.countries} == {"GH"}


@pytest.mark.parametrize("hit", ["phished bank customers in Poland", "scammed Polish customers"])
def test_customers_the_actors_went_after_are_still_a_target(hit: str) -> None:
    f = draft(NEWS + f"Russian hackers {hit}.\n")
    assert {x.id for x in f.campaigns[0].targets.countries} == {"PL"}


# --- One actor from several places: a noun for one of them is one actor


@pytest.mark.parametrize(
    "who", ["A group based in China and Hong Kong", "A network tied to China and Hong Kong"]
)
def test_one_actor_tied_to_two_places_is_drafted_once(who: str) -> None:
    f = draft(NEWS + f"{who} used the model to phish diplomats in Japan.\n")
    (c,) = f.campaigns
    assert len(c.all_actors) == 1 and country(c) == "CN"
    assert {x.id for x in c.targets.countries} == {"JP"}


def test_actors_in_the_plural_from_several_places_are_one_a_place() -> None:
    f = draft(NEWS + "Hackers from Russia and Iran used the model to write malware.\n")
    assert _actors(f) == [("Hackers from Iran", "IR"), ("Hackers from Russia", "RU")]


def test_a_plural_head_after_a_singular_noun_is_still_one_actor_a_place() -> None:
    f = draft(NEWS + "Scam centres likely based in Laos and Ghana wrote fake job offers.\n")
    assert [x[1] for x in _actors(f)] == ["GH", "LA"]


# --- A country as the subject of a new paragraph, standing for its actors


@pytest.mark.parametrize("opening", ["", "Aside from China, "])
def test_a_country_a_paragraph_opens_on_as_a_threat_is_a_case_of_its_own(opening: str) -> None:
    f = draft(
        NEWS + "Copper Gate, a Chinese network, posted memes about the election in Taiwan.\n\n"
        f"{opening}North Korea remains a major threat, and its hackers keep stealing "
        "cryptocurrency.\n"
    )
    cases = {country(c): c for c in f.campaigns}
    assert set(cases) == {"CN", "KP"}
    assert [x.id for x in cases["KP"].targets.sectors] == ["cryptocurrency"]
    assert not cases["CN"].targets.sectors or "cryptocurrency" not in {
        x.id for x in cases["CN"].targets.sectors
    }
    assert "KP" not in {x.id for x in cases["CN"].targets.countries}


def test_a_country_the_case_before_is_from_stays_that_case() -> None:
    f = draft(
        NEWS + "Copper Gate, a Chinese network, posted memes about the election in Taiwan.\n\n"
        "China remains a major threat, and its hackers keep stealing cryptocurrency.\n"
    )
    (c,) = f.campaigns
    assert c.name == "Copper Gate" and country(c) == "CN"


# --- A headline's country and actors told only by the language they speak


def test_actors_told_by_their_language_do_not_take_the_headlines_country() -> None:
    f = draft(
        "Chatbot maker bans accounts linked to China\n\n"
        "The lab banned accounts tied to Chinese police that planned a surveillance tool.\n\n"
        "It also banned accounts tied to Russian-speaking criminal groups that wrote malware.\n"
    )
    assert _actors(f) == [
        ("Accounts tied to Chinese police", "CN"),
        ("Accounts tied to Russian-speaking criminal groups", None),
    ]
    (russian,) = [c for c in f.campaigns if country(c) is None]
    assert [x.id for x in russian.languages] == ["ru"]


def test_a_case_the_text_tells_nothing_of_takes_the_headlines_country() -> None:
    f = draft(
        "North Korean crews use chatbots\n\n## Cold Loom\n\n"
        "It asked the model for a tool that guesses passwords.\n\n"
        "## Tin Vane\n\nIt wrote phishing emails in Russian.\n"
    )
    cases = {c.name: country(c) for c in f.campaigns}
    assert cases == {"Cold Loom": "KP", "Tin Vane": None}


# --- Who a subject is, judged in brackets or after "assessed as"; a verb in scare quotes


@pytest.mark.parametrize(
    "who",
    [
        "Threat actors (assessed with high confidence as a Peruvian state group)",
        "The operators (likely a Peruvian crew)",
    ],
)
def test_who_a_subject_is_judged_in_brackets_is_the_actor(who: str) -> None:
    f = draft(NEWS + f"{who} phished banks in Chile.\n")
    (c,) = f.campaigns
    assert country(c) == "PE" and {x.id for x in c.targets.countries} == {"CL"}
    assert c.all_actors[0].name.startswith("Peruvian ")


def test_a_people_after_a_judging_as_is_the_origin_not_a_pose() -> None:
    f = draft(
        NEWS + "The lab banned accounts it identified as a Peruvian network. They phished "
        "banks in Chile.\n"
    )
    assert [x[1] for x in _actors(f)] == ["PE"]


def test_a_people_after_posing_as_is_still_a_pose() -> None:
    f = draft(NEWS + "Russian hackers posed as a Peruvian journalist to phish banks in Chile.\n")
    assert _actors(f) == [("Russian hackers", "RU")]


def test_a_heading_with_a_verb_in_scare_quotes_names_no_operation() -> None:
    f = draft(
        NEWS + '## Hackers "Tricked" the Model\n\nRussian hackers split their requests into '
        "small tasks to phish banks in Chile.\n"
    )
    assert [c.name for c in f.campaigns] != ["Tricked"]
    assert _actors(f) == [("Russian hackers", "RU")]


def test_a_list_of_four_peoples_before_two_nouns_is_one_actor_each() -> None:
    f = draft(
        NEWS + "Chinese, Russian, Iranian and North Korean government agents used the chatbot "
        "to write phishing emails.\n"
    )
    assert [x[1] for x in _actors(f)] == ["CN", "IR", "KP", "RU"]
    assert all(name.endswith(" government agents") for name, _ in _actors(f))


# --- A place set before the names it qualifies: "two crews from Peru, known as X and Y"


@pytest.mark.parametrize(
    "two",
    [
        "two threat actors from Peru, identified as Charcoal Typhoon and Salmon Typhoon",
        "two crews from Peru known as Charcoal Typhoon and Salmon Typhoon",
        "two groups from the United States, tracked as Charcoal Typhoon and Salmon Typhoon",
    ],
)
def test_a_place_before_two_names_is_where_both_are_from(two: str) -> None:
    place = "US" if "United States" in two else "PE"
    f = draft(
        NEWS + f"The lab says it cut off four actors: {two}; Crimson Sandstorm from Iran; and "
        "Forest Blizzard from Russia.\n"
    )
    assert _actors(f) == sorted(
        [("APT28", "RU"), ("APT4", place), ("CURIUM", "IR"), ("Earth Lusca", place)]
    )


def test_a_place_the_named_actors_went_after_is_no_origin() -> None:
    f = draft(
        NEWS + "The lab says it cut off two crews that phished banks in Peru, known as Charcoal "
        "Typhoon and Salmon Typhoon; Crimson Sandstorm from Iran; and Forest Blizzard from "
        "Russia.\n"
    )
    assert ("APT4", "PE") not in _actors(f) and ("Earth Lusca", "PE") not in _actors(f)


# --- A place's possessive before coordinated names: "China's X and Y" are both China's


@pytest.mark.parametrize("alias", ["", " (Wicked Panda)"])
def test_a_possessive_place_owns_every_name_of_the_coordination(alias: str) -> None:
    f = draft(
        NEWS + "The model was also tried by others, such as Pakistan's Transparent Tribe, "
        f"Iran's Charming Kitten, and China's APT41{alias} and APT31, which asked it about "
        "exploits.\n"
    )
    actors = _actors(f)
    assert ("ZIRCONIUM", "CN") in actors and ("APT41", "CN") in actors  # APT31: ZIRCONIUM
    assert len(f.campaigns) == len(actors)  # each its own case, not one case of four


def test_a_possessive_place_does_not_own_a_name_from_elsewhere() -> None:
    f = draft(
        NEWS + "The model was also tried by China's APT41 and APT28 from Russia, which asked "
        "it about exploits.\n"
    )
    assert sorted(_actors(f)) == [("APT28", "RU"), ("APT41", "CN")]


# --- A named actor from another place after a named case: another case, not its actor


def test_an_actor_from_another_place_after_a_named_case_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS + 'The network from Peru, called "Grey Loom", wrote posts that mocked officials '
        'in Chile.\n\nThe hackers from Russia, called "APT28", sent lures to diplomats in Spain.\n'
    )
    assert sorted(c.name for c in f.campaigns) == ["APT28 activity", "Grey Loom"]
    assert ("APT28", "RU") in _actors(f)


def test_the_actor_behind_a_named_case_still_joins_it() -> None:
    f = draft(
        NEWS + 'The network from Peru, called "Grey Loom", wrote posts that mocked officials '
        'in Chile.\n\nThe crew behind it, called "APT28", also sent lures to diplomats in Spain.\n'
    )
    assert [c.name for c in f.campaigns] == ["Grey Loom"]


# --- A paragraph of one actor, then a roll of others: one case each


def test_a_roll_after_a_sentence_about_one_actor_gives_each_its_own_case() -> None:
    f = draft(
        NEWS + "The Russian nation-state group Forest Blizzard (APT28) is reported to have used "
        "the model for research on radar imaging. Similarly, other actors such as North Korea's "
        "Emerald Sleet (Kimsuky), Iran's Mint Sandstorm (Charming Kitten), and China's Wicked "
        "Panda (APT41) and APT31 have used it to draft phishing emails.\n"
    )
    actors = _actors(f)
    assert ("APT28", "RU") in actors and ("Kimsuky", "KP") in actors
    assert ("APT41", "CN") in actors and ("ZIRCONIUM", "CN") in actors
    assert len(f.campaigns) == len(actors)  # each its own case
    apt28 = next(c for c in f.campaigns if c.all_actors[0].name == "APT28")
    assert "T1566" not in {t.id for t in apt28.techniques}  # the others' phishing is theirs


@pytest.mark.parametrize("qualified", ["nation-state", "state-sponsored hacking"])
def test_a_demonym_before_words_that_qualify_the_actors_noun_is_its_origin(qualified: str) -> None:
    f = draft(NEWS + f"The Peruvian {qualified} group APT28 asked the model about radar.\n")
    assert _actors(f) == [("APT28", "PE")]


# --- An inventory of names, then a case of some of them: the rest are not that case's


def test_actors_an_inventory_lists_keep_the_cases_of_their_own() -> None:
    f = draft(
        NEWS + "- The lab cut off accounts tied to several groups, including APT41, APT31, "
        "Charming Kitten, Kimsuky and Forest Blizzard.\n- Groups backed by China, namely APT41 "
        "and APT31, asked the model about exploits.\n- Forest Blizzard, tied to Russian "
        "military intelligence, asked it about radar.\n- North Korea's Kimsuky and Iran's "
        "Charming Kitten have also been accused of writing lures with it.\n"
    )
    assert sorted(_actors(f)) == [
        ("APT28", "RU"),
        ("APT41", "CN"),
        ("Kimsuky", "KP"),
        ("Magic Hound", "IR"),
        ("ZIRCONIUM", "CN"),
    ]


def test_an_inventory_with_no_other_cases_stays_one_case() -> None:
    f = draft(
        NEWS + "The lab cut off accounts tied to Chinese groups, including APT41, APT31 and "
        "APT40, which asked the model about exploits.\n"
    )
    assert len(f.campaigns) == 1 and len(f.campaigns[0].all_actors) == 3


# --- A named actor the text says acted, with nothing more said of it


@pytest.mark.parametrize("said", ["APT41 also used the model.", "Kimsuky tried it as well."])
def test_a_named_actor_with_no_other_fact_is_still_drafted(said: str) -> None:
    f = draft(
        NEWS + "The lab banned accounts tied to Peruvian operators who wrote lures for banks in "
        "Chile.\n\n" + said + "\n"
    )
    assert said.split()[0] in {a.name for c in f.campaigns for a in c.all_actors}
