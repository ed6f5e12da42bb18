"""Targets in news coverage the extractor missed or misread (session 18): places named after
the people the actors went after, and the names of places it did not read; (session 21) where
a state's pressure on another comes from, where a reporter is based after a run-in label;
(session 24) a candidate's campaign the actors went after, what an actor is warned to hit. One
test per case, each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft
from tests.extract_helpers import targeted_countries as _countries
from tests.extract_helpers import targeted_sectors as _sectors

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


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


@pytest.mark.parametrize(
    ("sentence", "sectors", "places"),
    [  # whom the mail went to, past what it posed as: a sector's people, then where they are
        ("Russian hackers sent mail impersonating tax notices to government offices in Chile.",
         {"government"}, {"CL"}),
        ("Russian hackers sent texts impersonating banks to energy firms in Chile.",
         {"energy"}, {"CL"}),
        ("Russian hackers sent texts impersonating Chilean banks.", set(), set()),
    ],
)  # fmt: skip
def test_whom_mail_went_to_past_what_it_posed_as_is_a_target(
    sentence: str, sectors: set[str], places: set[str]
) -> None:
    f = draft(NEWS + sentence + "\n")
    assert (_sectors(f), _countries(f)) == (sectors, places)


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


def test_a_sector_word_before_a_plural_head_after_a_place_is_no_target() -> None:
    f = draft(NEWS + "Russian hackers phished rights groups that expose Belarus's nuclear plans.\n")
    assert _sectors(f) == {"civil-society"}


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        ("Russian hackers attacked Poland's energy sector.", {"energy"}),
        ("Russian hackers researched the Polish military, free proxies and crypto.",
         {"defense", "cryptocurrency"}),
    ],
)  # fmt: skip
def test_a_places_sector_as_a_head_is_still_a_target(sentence: str, sectors: set[str]) -> None:
    assert _sectors(draft(NEWS + sentence + "\n")) == sectors


def test_the_media_that_report_are_no_target() -> None:
    f = draft(NEWS + "Russian hackers phished diplomats. Polish state media cited the lab.\n")
    assert _sectors(f) == {"government"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian hackers phished diplomats. The envoy spoke of trade talks with Chile.",
        "Russian hackers phished diplomats who fight propaganda against Chile.",
        "Russian trolls mocked the defence pact with Chile.",  # a pact's party
        "Russian trolls mocked Peru's navy and Chile's fishing talks with Bolivia.",  # whose talks
    ],
)
def test_a_party_to_talks_and_what_propaganda_is_against_are_no_targets(sentence: str) -> None:
    assert _countries(draft(NEWS + sentence + "\n")) == set()


def test_a_place_whose_ministry_of_trade_was_hit_is_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers phished Chile's trade ministry and Peru's talks office.\n")
    assert _countries(f) == {"CL", "PE"}


def test_a_people_the_reporter_sued_some_way_before_is_the_actors() -> None:
    f = draft(
        NEWS + "The lab filed a lawsuit in Delaware against a Chilean crime ring that used its "
        "model.\n"
    )
    assert _countries(f) == set()


@pytest.mark.parametrize(
    ("whom", "sector"),
    [
        ("internet service providers", "telecommunications"),
        ("rights groups", "civil-society"),
        ("intelligence officials", "government"),
    ],
)
def test_more_names_of_sectors_in_news_text(whom: str, sector: str) -> None:
    assert _sectors(draft(NEWS + f"Russian hackers went after {whom} in Fiji.\n")) == {sector}


def test_the_game_that_changed_is_no_gaming_target() -> None:
    f = draft(NEWS + "Russian hackers wrote malware. The lab said the game has now changed.\n")
    assert _sectors(f) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The platform, popular with gamers in Brazil, banned Russian hackers who phished "
        "diplomats.",
        "Russian hackers, who used an app common among bankers and students, phished diplomats.",
    ],
)
def test_the_audience_of_a_thing_is_no_target(sentence: str) -> None:
    f = draft(NEWS + sentence + "\n")
    assert (_sectors(f), _countries(f)) == ({"government"}, set())


def test_the_trade_of_a_state_owned_employer_is_no_target() -> None:
    f = draft(
        NEWS + "Russian hackers working for a state-owned energy firm phished diplomats in Chile.\n"
    )
    assert _sectors(f) == {"government"}


def test_a_country_that_is_a_persons_surname_is_no_target() -> None:
    f = draft(NEWS + "Russian hackers phished diplomats, said analyst Nick Monaco of the lab.\n")
    assert _countries(f) == set()


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Russian hackers phished diplomats in Eastern Ukraine.", {"UA"}),
        ("In Chile, Russian hackers phished diplomats.", {"CL"}),
        ("Russian Hackers Phished Diplomats In Chile And Peru", {"CL", "PE"}),
    ],
)
def test_a_place_after_a_word_of_region_or_in_a_title_is_still_a_place(
    sentence: str, places: set[str]
) -> None:
    assert _countries(draft(NEWS + sentence + "\n")) == places


def test_a_sector_before_a_comma_is_no_modifier_of_the_next_items_topic() -> None:
    f = draft(
        NEWS + "Iranian hackers went after accounts in academia, NGOs, foreign policy and energy.\n"
    )
    assert _sectors(f) == {"education", "civil-society", "energy"}


def test_a_place_the_actors_are_believed_to_be_tied_to_is_their_seat() -> None:
    f = draft(
        NEWS + "A second network, believed to be tied to online fraud in Laos, used the chatbot "
        "to write comments.\n"
    )
    assert (actors_of(f)[0][1], _countries(f)) == ("LA", set())


def test_a_places_part_in_an_event_is_what_content_is_about() -> None:
    f = draft(NEWS + "Russian hackers wrote posts about Chile's participation in the games.\n")
    assert _countries(f) == set()


def test_who_the_victims_only_may_include_are_no_targets() -> None:
    f = draft(
        NEWS + "Russian hackers broke into systems whose owners may include other large tech "
        "firms, research institutions or government agencies.\n"
    )
    assert _sectors(f) == set()


def test_places_after_the_word_targets_and_a_verb_of_being_are_targets() -> None:
    f = draft(
        NEWS + "Pale Orrery is a North Korean group. Its main targets are Chilean and US-based "
        "government organizations.\n"
    )
    assert _countries(f) == {"CL", "US"}


def test_individuals_who_run_the_network_are_no_target() -> None:
    f = draft(
        NEWS + "Russian hackers wrote posts praising the ruling party. The network appears to "
        "be run by individuals who support the party.\n"
    )
    assert "individuals" not in _sectors(f)


@pytest.mark.parametrize(
    "sentence",
    [
        "The lab serves customers in the energy and healthcare sectors.",
        "The chatbot is widely used by students and teachers in Chile.",
        "ChatGPT has 800 million weekly users, many of them in India.",
    ],
)
def test_a_business_or_a_services_own_clientele_is_no_target(sentence: str) -> None:
    f = draft(NEWS + f"Russian hackers phished diplomats. {sentence}\n")
    assert (_sectors(f), _countries(f)) == ({"government"}, set())


@pytest.mark.parametrize(
    ("sentence", "sectors", "places"),
    [
        ("Russian hackers phished customers in the banking sector in Chile.",
         {"financial-services"}, {"CL"}),
        ("Russian hackers stole the passwords of ChatGPT users in India.", set(), {"IN"}),
        ("Russian hackers probed flaws in software used by banks.", {"financial-services"},
         set()),
    ],
)  # fmt: skip
def test_customers_and_users_the_actors_went_after_are_targets(
    sentence: str, sectors: set[str], places: set[str]
) -> None:
    f = draft(NEWS + sentence + "\n")
    assert (_sectors(f), _countries(f)) == (sectors, places)


def test_the_ministry_the_actors_answer_to_is_their_sponsor() -> None:
    f = draft(
        NEWS + "Russian hackers, who answer to the country's defense ministry, phished diplomats.\n"
    )
    assert _sectors(f) == {"government"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The crew, whose members are in Laos, phished diplomats in Chile.",
        "The crew, made up of Laotian nationals, phished diplomats in Chile.",
    ],
)
def test_where_the_actors_members_are_and_what_they_are_made_of_is_their_origin(
    sentence: str,
) -> None:
    f = draft(NEWS + sentence + "\n")
    assert (actors_of(f)[0][1], _countries(f)) == ("LA", {"CL"})


def test_nationals_the_actors_went_after_are_still_a_target() -> None:
    f = draft(NEWS + "Russian hackers targeted Laotian nationals and Chilean diplomats.\n")
    assert _countries(f) == {"LA", "CL"}


def _languages(body: str) -> set[str]:
    return {x.id for c in draft(NEWS + body + "\n").campaigns for x in c.languages}


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Russian hackers broke into Japanese banks.", {"JP"}),
        ("Russian hackers phished diplomats in Chile. The lab's report was also translated into "
         "Japanese.", {"CL"}),
    ],
)  # fmt: skip
def test_a_people_after_into_is_a_language_only_where_it_ends_the_phrase(
    sentence: str, places: set[str]
) -> None:
    assert (_languages(sentence), _countries(draft(NEWS + sentence + "\n"))) == (set(), places)


@pytest.mark.parametrize(
    ("sentence", "languages"),
    [
        ("Russian hackers translated lures into Japanese and Korean.", {"ja", "ko"}),
        ("Russian hackers, who spoke Mandarin among themselves, phished diplomats.", {"zh"}),
    ],
)
def test_languages_the_actors_translate_into_or_speak_are_theirs(
    sentence: str, languages: set[str]
) -> None:
    assert _languages(sentence) == languages


@pytest.mark.parametrize(
    "sentence",
    [
        "A Russian crew built a trojan that poses as a bank app for users in Chile.",
        "A Russian crew built a trojan that poses as a bank app and steals logins from users "
        "in Chile.",
    ],
)
def test_a_long_pose_ends_at_a_preposition_or_a_present_verb(sentence: str) -> None:
    assert _countries(draft(NEWS + sentence + "\n")) == {"CL"}


@pytest.mark.parametrize(
    "sentence",
    [
        "In other words, foreign governments are using the chatbot for bad things.",
        "Hospitals are using the chatbot too.",
    ],
)
def test_a_sector_that_is_the_subject_using_the_service_is_who_acts(sentence: str) -> None:
    assert _sectors(draft(NEWS + f"Russian hackers wrote malware. {sentence}\n")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Most affected organizations are located in Vietnam.",
        "Among the affected organizations, four in five are located in Vietnam.",
        "Of the victims, most are located in Vietnam.",
    ],
)
def test_victims_located_somewhere_are_targets_there(sentence: str) -> None:
    f = draft(NEWS + "Tin Gecko broke into ministries in Laos.\n\n" + sentence + "\n")
    assert _countries(f) == {"LA", "VN"}
    operators = draft(NEWS + "Tin Gecko broke into ministries in Laos. Its operators are "
                      "located in Vietnam.\n")  # fmt: skip
    assert _countries(operators) == {"LA"}


@pytest.mark.parametrize("heading", ["Victimology", "Victims", "Infection chain", "Timeline"])
def test_a_heading_of_one_facet_of_the_case_goes_on_with_the_case(heading: str) -> None:
    f = draft(  # an actor the gazetteer knows: its case, and then the heading
        NEWS + "Kimsuky broke into ministries in Laos.\n\n"
        f"{heading}\n\nMore than half of the victims work at universities and hospitals in "
        "Thailand.\n"
    )
    assert _countries(f) == {"LA", "TH"}
    assert {"education", "healthcare"} <= _sectors(f)


# Session 20: places a ranking puts after the first take its role ("followed by" is no agent)


def test_places_ranked_after_a_target_are_targets() -> None:
    f = draft(
        NEWS + "Peruvian hackers went after banks. Chile drew a third of the intrusions, "
        "followed by Bolivia, Ecuador and Argentina.\n"
    )
    assert actors_of(f) == [("Peruvian hackers", "PE")]
    assert _countries(f) == {"CL", "BO", "EC", "AR"}


def test_places_ranked_after_an_origin_are_origins() -> None:
    f = draft(
        NEWS + "Crews phished banks in Chile. Most of the phishing came from Peru, followed by "
        "Bolivia and Ecuador.\n"
    )
    assert {country for _, country in actors_of(f)} == {"PE", "BO", "EC"}
    assert _countries(f) == {"CL"}


def test_a_place_after_invasion_of_is_the_wars_not_the_actors_target() -> None:
    f = draft(
        NEWS + "A hacktivist crew from Peru, active since Bolivia's full-scale invasion of "
        "Chile in 2025, flooded the sites of ministries in Ecuador with traffic.\n"
    )
    assert _countries(f) == {"EC"}


@pytest.mark.parametrize(
    ("body", "targets", "origin"),
    [
        # whom an accusation implicates are the actors ("accusations against ..., implicating")
        (
            "The lab levelled accusations against state-backed labs, specifically implicating "
            "entities in Peru, for trying to copy its model's skills.",
            set(),
            "PE",
        ),
        # ... but entities the actors phished are whom they aimed at
        ("Hackers phished government entities in Chile for months.", {"CL"}, None),
    ],
)
def test_entities_in_a_place_after_an_accusation_or_a_targeting_verb(
    body: str, targets: set[str], origin: str | None
) -> None:
    f = draft(NEWS + body + "\n")
    assert _countries(f) == targets
    assert [country for _, country in actors_of(f)] == [origin]


def test_places_the_actors_goods_were_rerouted_to_are_no_targets() -> None:
    f = draft(
        NEWS + "Peruvian IT workers took remote jobs at technology companies in Canada. The "
        "laptops the firms issued were physically rerouted to Bolivia or Ecuador.\n"
    )
    assert _countries(f) == {"CA"}


@pytest.mark.parametrize("verb", ["phish", "target", "hack"])
def test_whom_an_infinitive_of_purpose_names_in_a_place_is_a_target(verb: str) -> None:
    # the people after the purpose's plain verb are the ones aimed at, not the actors' seat
    f = draft(NEWS + f"Iranian operators posed as reporters to {verb} officials in Malta.\n")
    assert _countries(f) == {"MT"}
    assert [country for _, country in actors_of(f)] == ["IR"]


# --- Where a state's pressure on another comes from ("pressure from Chile") is neither the
# actors' origin nor their target; a crew "from" a place keeps it as its origin


@pytest.mark.parametrize(
    "opening",
    [
        "As Peru faces unrest and pressure from Chile, Tin Vane, a Bolivian network,",
        "Under pressure from the United States, Tin Vane, a Bolivian network,",
    ],
)
def test_where_a_states_pressure_comes_from_is_no_origin(opening: str) -> None:
    f = draft(NEWS + opening + " spread false stories about its ministers with fake videos.\n")
    assert [c for _, c in actors_of(f)] == ["BO"]
    assert not _countries(f) & {"CL", "US"}


def test_a_crew_from_a_place_keeps_it_as_its_origin() -> None:
    f = draft(NEWS + "Under pressure, a crew from Chile spread false stories about Peru.\n")
    assert [c for _, c in actors_of(f)] == ["CL"] and _countries(f) == {"PE"}


def test_militaries_in_a_list_of_targets_are_the_defense_sector() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian crew, has a long history of targeting governments, "
        "militaries, and political organizations worldwide.\n"
    )
    assert _sectors(f) == {"government", "defense", "political"}


def test_a_people_one_does_business_with_is_no_target() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian crew, phished banks in Peru. Despite sanctions that forbid "
        "doing business with Chilean nationals, firms keep hiring them.\n"
    )
    assert _countries(f) == {"PE"}


def test_including_but_not_limited_to_is_no_negation() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian crew, is targeting networks globally, including, but not "
        "limited to, telecommunications, government, lodging and military networks.\n"
    )
    assert _sectors(f) == {"telecommunications", "government", "hospitality", "defense"}


def test_where_the_reporter_is_based_after_a_run_in_label_is_no_target() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian crew, phished diplomats.\n\nZoom in: Researchers at "
        "Chile-based Vexa uncovered phishing emails that Tin Vane sent to envoys.\n"
    )
    assert "CL" not in _countries(f)


@pytest.mark.parametrize(
    "sent",
    [
        "Tin Vane, a crew from Peru, has sent between $25 million and $60 million a year to "
        "Quito, funneled through shell firms.",
        "Tin Vane, a crew from Peru, sent its members' wages back to Quito.",
    ],
)
def test_where_the_actors_money_was_sent_is_no_target(sent: str) -> None:
    f = draft(NEWS + sent + " The crew also hacked banks in Chile.\n")
    assert _countries(f) == {"CL"}


def test_a_bare_sector_word_in_a_comma_list_of_sectors_is_a_target() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian crew, targeted entities across many sectors, including "
        "finance, technology, and government agencies.\n"
    )
    assert _sectors(f) == {"financial-services", "technology", "government"}


@pytest.mark.parametrize(
    "campaign", ["the Harris-Walz campaign", "Trump's campaign", "the presidential campaign"]
)
def test_a_candidates_campaign_the_actors_went_after_is_the_political_sector(campaign: str) -> None:
    f = draft(NEWS + f"Peruvian hackers ran a leak operation targeting {campaign} in Chile.\n")
    assert _sectors(f) == {"political"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Peruvian hackers ran a phishing campaign targeting banks in Chile.",  # their own
        "Peruvian hackers targeted the Chilean campaign against banks in Chile.",  # a country's
        "Researchers looked at the Harris campaign, which Peruvian hackers phished in Chile.",
    ],
)
def test_the_actors_own_campaign_or_one_looked_at_is_no_political_sector(sentence: str) -> None:
    assert "political" not in _sectors(draft(NEWS + sentence + "\n"))


@pytest.mark.parametrize("subject", ["the Peruvian group Tin Vane", "the Peruvian group"])
def test_what_an_actor_is_warned_it_may_hack_is_a_target(subject: str) -> None:
    f = draft(NEWS + f"The lab warned that {subject} may hack news outlets in Chile.\n")
    assert _sectors(f) == {"media"}


def test_what_a_tool_the_actors_built_could_hit_is_still_no_target() -> None:
    f = draft(
        NEWS + "The lab said a tool the Peruvian hackers built could target hospitals in Chile.\n"
    )
    assert (_sectors(f), _countries(f)) == (set(), set())


@pytest.mark.parametrize(
    "text",
    [
        # a side taken against a people, in a sentence of its own
        "The crew also stages anti-Chilean rallies online. Peruvian trolls urged voters in "
        "Bolivia to stay home.",
        # a side the content says others take
        "Peruvian trolls urged voters in Bolivia to stay home because both parties back Chile.",
        "Peruvian trolls urged voters in Bolivia to stay home over the candidates' support for "
        "Chile.",
    ],
)
def test_a_country_whose_side_the_content_says_someone_takes_is_no_target(text: str) -> None:
    assert _countries(draft(NEWS + text + "\n")) == {"BO"}


def test_a_country_whose_support_the_actors_undermine_is_still_a_target() -> None:
    f = draft(NEWS + "Peruvian trolls posted comments in Bolivia to undermine support for Chile.\n")
    assert _countries(f) == {"BO", "CL"}


def test_a_prefix_against_one_word_leaves_the_next_a_target() -> None:
    f = draft(NEWS + "Peruvian hackers phished makers of anti-drone defense systems.\n")
    assert _sectors(f) == {"defense"}


@pytest.mark.parametrize(
    "attack",
    [
        "Laotian crews such as Tin Vane are attacking Chile's banks with chatbot lures.",
        "Laotian crews have been attacking banks in Chile.",
    ],
)
def test_a_country_the_actors_are_attacking_is_a_target(attack: str) -> None:
    f = draft(NEWS + f"{attack}\n")
    assert _countries(f) == {"CL"} and _sectors(f) == {"financial-services"}


def test_a_country_the_actors_posts_attack_is_what_they_are_about() -> None:
    f = draft(NEWS + "Laotian crews posted articles attacking Chile's president.\n")
    assert not _countries(f)
