"""The extractor on the cases of a news text: "One network ..." opens one as "Another
operation ..." does, an unnamed case that says nothing is no case, a company's product is no
actor of the same name, and cases brought in by a noun and a name ("a Cuban network called
Tin Harp") in one paragraph or one sentence are each a case. Sentences written for the
tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import draft


def test_one_and_a_case_noun_opening_a_paragraph_opens_a_case() -> None:
    body = (
        "Lab details networks\n\nOne network produced posts in Thai and English that praised a "
        "local politician in Laos.\n\nAnother operation wrote comments in Farsi aimed at "
        "Israeli audiences."
    )
    campaigns = draft(body).campaigns
    # an operation names its case, and its actor is who is behind it
    assert [c.name for c in campaigns] == ["Unnamed network activity", "Unnamed operation"]
    first, second = campaigns
    assert sorted(x.id for x in first.languages) == ["en", "th"]
    assert [x.id for x in second.languages] == ["fa"]


def test_one_of_a_set_is_no_case_noun_and_an_unnamed_case_that_says_nothing_is_dropped() -> None:
    body = (
        "Lab notes\n\nOne operation a line, fields split by bars.\n\n"
        "## Tin Wren\n\nTin Wren wrote posts in Thai aimed at voters in Laos."
    )
    assert [c.name for c in draft(body).campaigns] == ["Tin Wren"]


def test_a_one_word_actor_name_after_a_companys_name_is_its_product() -> None:
    body = "## Tin Wren\n\nTin Wren wrote fake reviews in Thai for apps on Google Play."
    (c,) = draft(body).campaigns
    assert c.name == "Tin Wren" and not c.actors
    assert [a.name for a in c.all_actors] == ["Tin Wren operators"]
    named = draft("## Tin Wren\n\nTin Wren and Play wrote ransomware for banks.").campaigns
    assert "Play" in [a.name for c in named for a in c.all_actors]


def test_a_count_in_words_is_no_part_of_the_name_and_at_least_aims_at_no_one() -> None:
    body = (
        "Lab notes\n\nAt least eight Bolivian groups wrote phishing text in Spanish aimed at "
        "banks in Peru.\n\nMore than fifteen Chilean groups scanned hospitals in Peru."
    )
    campaigns = draft(body).campaigns
    assert [c.name for c in campaigns] == ["Bolivian groups activity", "Chilean groups activity"]
    origins = [a.country.id for c in campaigns for a in c.all_actors if a.country]
    assert origins == ["BO", "CL"]
    assert all([x.id for x in c.targets.countries] == ["PE"] for c in campaigns)


def test_a_counted_set_of_named_actors_opening_a_sentence_is_a_case_of_its_own() -> None:
    body = (
        "Lab notes\n\nCrimson Sandstorm wrote phishing emails aimed at Chile. Two Chinese groups, "
        "Charcoal Typhoon and Salmon Typhoon, translated papers for attacks on Peru."
    )
    first, second = draft(body).campaigns
    assert [x.id for x in first.targets.countries] == ["CL"]
    assert [x.id for x in second.targets.countries] == ["PE"]
    assert {a.country.id for a in second.all_actors if a.country} == {"CN"}
    assert len(second.all_actors) == 2


def test_a_case_involving_actors_is_named_for_them_and_a_reporter_describing_one_opens_it() -> None:
    body = (
        "Lab notes\n\nThe lab said a crew it tracks as Storm-9931 wrote ransom notes for attacks "
        "on hospitals in Chile.\n\nA second case involved Bolivian workers who used the assistant "
        "to pass job interviews at software firms in Peru.\n\nThe lab also described a Cuban "
        "group that used the model against telecommunications firms in Panama."
    )
    campaigns = draft(body).campaigns
    names = [a.name for c in campaigns for a in c.all_actors]
    assert names == ["Storm-9931", "Bolivian workers", "Cuban group"]
    by_origin = {a.country.id: c for c in campaigns for a in c.all_actors if a.country}
    assert [x.id for x in by_origin["CU"].targets.countries] == ["PA"]
    assert [x.id for x in by_origin["BO"].targets.countries] == ["PE"]


def test_a_sentence_turning_to_a_new_case_opens_it_inside_a_paragraph_too() -> None:
    body = (
        "Lab notes\n\nThe lab said a crew it tracks as Storm-9931 wrote ransom notes for attacks "
        "on hospitals in Chile.\n\nThe lab banned its accounts and built new filters. A second "
        "case involved Bolivian workers who used the assistant to pass job interviews at "
        "software firms in Peru."
    )
    first, second = draft(body).campaigns
    assert not any(a.country for a in first.all_actors)  # Bolivia is the workers' own
    assert [x.id for x in first.targets.countries] == ["CL"]
    assert [a.country.id for a in second.all_actors if a.country] == ["BO"]
    assert [x.id for x in second.targets.countries] == ["PE"]


def test_separately_turns_to_a_case_and_who_is_believed_to_run_it_is_its_origin() -> None:
    body = (
        "Lab notes\n\nThe lab took down a network of accounts operated from Ghana that posed "
        "as voters in Chile.\n\nSeparately, accounts believed to be run by the Cuban state "
        "posted videos in French that targeted audiences in Mali."
    )
    first, second = draft(body).campaigns
    assert [a.country.id for a in first.all_actors if a.country] == ["GH"]
    assert [a.name for a in second.all_actors] == ["Accounts believed to be run by the Cuban state"]
    assert [a.country.id for a in second.all_actors if a.country] == ["CU"]
    assert [x.id for x in second.targets.countries] == ["ML"]
    assert not first.targets.countries


def test_a_passive_verbs_auxiliary_is_no_part_of_an_unnamed_actors_name() -> None:
    body = (
        "Lab notes\n\nAccounts linked to a Laos-based marketing agency were removed after they "
        "wrote posts in Thai aimed at voters in Peru."
    )
    (c,) = draft(body).campaigns
    assert [a.name for a in c.all_actors] == ["Accounts linked to a Laos-based marketing agency"]


def test_a_title_case_actor_alias_inside_a_longer_name_is_no_actor() -> None:
    longer = draft("## Copper Gate\n\nCopper Gate wrote lures in Thai for voters in Laos.")
    assert [a.name for c in longer.campaigns for a in c.all_actors] == ["Copper Gate operators"]
    # the alias as written, or set apart by a comma, is still the actor
    for body, actor in (
        ("COPPER wrote lures in Thai.", "Tonto Team"),
        ("Sandworm, the lab said, wrote lures in Thai.", "Sandworm Team"),
    ):
        known = draft(f"## Op Ash\n\n{body}")
        assert [a.name for c in known.campaigns for a in c.all_actors] == [actor]


def test_a_scam_described_by_its_people_opens_a_case_like_a_scheme() -> None:
    body = (
        "Lab notes\n\nThe lab listed the cases it disrupted:\n\n"
        "- A Laotian task scam that lured job seekers in Peru with fake offers.\n"
        "- A Cuban hiring scheme that faked resumes for jobs at startups in Chile.\n"
    )
    campaigns = draft(body).campaigns
    origins = [a.country.id for c in campaigns for a in c.all_actors if a.country]
    assert origins == ["LA", "CU"]
    assert [[x.id for x in c.targets.countries] for c in campaigns] == [["PE"], ["CL"]]


def test_the_places_actors_run_are_where_they_are_and_a_cover_name_names_no_case() -> None:
    body = (
        "Lab notes\n\nCriminal syndicates running scam compounds in Laos used the chatbot to write "
        "scripts for fake investment offers aimed at people in Peru.\n\nThe operators posed as "
        'a trading firm called "Blue Meridian" to lure victims.'
    )
    (c,) = draft(body).campaigns
    assert [a.country.id for a in c.all_actors if a.country] == ["LA"]
    assert [x.id for x in c.targets.countries] == ["PE"]
    assert [a.name for a in c.all_actors] == ["Criminal syndicates running scam compounds in Laos"]
    ads = draft("## Op Ash\n\nThe crew was running ads in Laos for a fake charity.").campaigns
    assert [x.id for x in ads[0].targets.countries] == ["LA"]  # where the ads ran: whom


def test_a_lede_about_one_case_the_next_paragraph_leaves_is_a_case_of_its_own() -> None:
    body = (
        "Lab report\n\nThe lab said it had disrupted a data-extortion operation in which one "
        "criminal used its assistant to break into at least 17 organisations, including a "
        "hospital and several religious institutions.\n\nThe lab also found that Bolivian "
        "operatives had used the assistant to land remote jobs at technology firms in Peru, and "
        "that a Chile-based developer had sold ransomware built with the model."
    )
    campaigns = draft(body).campaigns
    assert [a.name for c in campaigns for a in c.all_actors] == [
        "Actors behind the data-extortion operation", "Bolivian operatives",
        "Chile-based developer",
    ]  # fmt: skip
    lede, workers, seller = campaigns
    assert sorted(x.id for x in lede.targets.sectors) == ["healthcare", "religious"]
    assert [x.id for x in workers.targets.countries] == ["PE"]
    assert "T1486" in {t.id for t in seller.techniques}
    assert "T1486" not in {t.id for t in workers.techniques}


def test_a_company_by_name_reports_and_accounts_originating_in_a_place_are_from_it() -> None:
    body = (
        "Platforms act\n\nMeta said it removed a network of fake accounts originating in Laos "
        "that targeted users in Peru.\n\nTikTok, which faces questions in Congress, said "
        "separately that it took down accounts tied to a Cuban marketing company."
    )
    campaigns = draft(body).campaigns
    assert [[a.country.id for a in c.all_actors if a.country] for c in campaigns] == [
        ["LA"], ["CU"],
    ]  # fmt: skip
    assert [x.id for x in campaigns[0].targets.countries] == ["PE"]


def test_the_languages_a_report_is_published_in_are_not_the_actors() -> None:
    body = (
        "## Storm-7702\n\nThe lab's report, published in English and Japanese, described "
        "Storm-7702, a Cuban group that ran a Spanish-language website aimed at readers in Peru."
    )
    (c,) = draft(body).campaigns
    assert [x.id for x in c.languages] == ["es"]
    own = draft("## Storm-7702\n\nStorm-7702 published articles in English and Japanese.")
    assert sorted(x.id for x in own.campaigns[0].languages) == ["en", "ja"]


def test_a_first_paragraph_listing_actors_of_several_countries_is_an_overview() -> None:
    body = (
        "Lab bans accounts\n\nThe lab said it had banned accounts linked to Bolivian, Cuban and "
        "Chilean hackers who were using its chatbot.\n\nThe Bolivian hackers wrote malware. "
        "Cuban operators sent phishing emails to banks in Peru, while Chilean accounts scanned "
        "routers in Panama."
    )
    campaigns = draft(body).campaigns
    names = [a.name for c in campaigns for a in c.all_actors]
    assert not any(n.startswith("Accounts linked to") for n in names), names
    assert [[a.country.id for a in c.all_actors if a.country] for c in campaigns] == [
        ["BO"], ["CU"], ["CL"],
    ]  # fmt: skip
    assert [[x.id for x in c.targets.countries] for c in campaigns] == [[], ["PE"], ["PA"]]


def test_an_overview_in_a_first_paragraphs_second_sentence_is_one_too() -> None:
    body = (
        "Lab bans accounts\n\nThe lab and a partner warned about state hackers and chatbots. "
        "Their paper identifies state-backed actors linked to Bolivia, Cuba and Chile as "
        "steadily testing the tools.\n\nBolivia's APT28 wrote malware, Cuba's Kimsuky sent "
        "phishing emails, and Chile's APT41 scanned routers.\n"
    )
    names = [a.name for c in draft(body).campaigns for a in c.all_actors]
    assert not any("linked to" in n for n in names), names


def test_clauses_of_a_list_after_semicolons_and_ones_after_a_noun_are_each_a_case() -> None:
    body = (
        "Who did what\n\nBolivian actors asked about defense firms in Peru; Cuban actors wrote "
        "lures in Spanish aimed at officials in Chile; and Chilean actors wrote malware.\n\n"
        "Peru-linked operators wrote propaganda in German, whereas Laos-linked ones made fake "
        "news sites in Thai for readers in Panama."
    )
    campaigns = draft(body).campaigns
    names = [a.name for c in campaigns for a in c.all_actors]
    assert names == [
        "Bolivian actors", "Cuban actors", "Chilean actors",
        "Peru-linked operators", "Laos-linked operators",
    ]  # fmt: skip
    laos = campaigns[-1]
    assert [x.id for x in laos.languages] == ["th"]
    assert [x.id for x in laos.targets.countries] == ["PA"]
    assert [x.id for x in campaigns[-2].languages] == ["de"]


def test_a_passive_agent_with_its_people_and_a_separate_operation_are_cases() -> None:
    body = (
        "Lab report\n\nPhishing emails written with the chatbot were sent by a Bolivian crew to "
        "ministries in Peru and Chile, the lab said.\n\nA separate operation's targets included "
        "universities in Japan. The lab tied that operation to a group in Cuba."
    )
    first, second = draft(body).campaigns
    assert [a.name for a in first.all_actors] == ["Bolivian crew"]
    assert [a.country.id for a in first.all_actors if a.country] == ["BO"]
    assert sorted(x.id for x in first.targets.countries) == ["CL", "PE"]
    assert [a.country.id for a in second.all_actors if a.country] == ["CU"]
    assert [x.id for x in second.targets.countries] == ["JP"]


def test_a_single_user_tied_to_a_government_is_an_actor_from_there() -> None:
    body = (
        "Lab notes\n\nOne user, likely connected to a Bolivian government agency, asked the "
        "model to plan surveillance of activists in Peru."
    )
    (c,) = draft(body).campaigns
    assert [a.name for a in c.all_actors] == [
        "User likely connected to a Bolivian government agency"
    ]
    assert [a.country.id for a in c.all_actors if a.country] == ["BO"]
    assert [x.id for x in c.targets.countries] == ["PE"]


def test_a_country_that_was_the_heaviest_user_is_the_actors_origin() -> None:
    body = (
        "Lab notes\n\nHackers from four countries used the assistant. Cuba was by far the "
        "heaviest user, writing phishing lures for banks in Peru."
    )
    (c,) = draft(body).campaigns
    assert [a.country.id for a in c.all_actors if a.country] == ["CU"]
    assert [x.id for x in c.targets.countries] == ["PE"]


def test_places_one_set_of_actors_sits_in_make_no_overview() -> None:
    body = (
        "Lab notes\n\nCriminal syndicates running scam compounds in the Philippines and Laos used "
        "the chatbot to write scripts aimed at people in Peru.\n\nOne group posed as a trading "
        "firm to lure victims."
    )
    names = [a.name for c in draft(body).campaigns for a in c.all_actors]
    assert names[0].startswith("Criminal syndicates running scam compounds"), names


@pytest.mark.parametrize(
    "sentence",
    [
        "Attackers also sent lures to ministries in Uzbekistan.",
        "Hackers then sent lures to ministries in Uzbekistan.",
        "In one instance, attackers sent lures to ministries in Uzbekistan.",
    ],
)
def test_bare_attackers_after_a_named_actor_are_that_actor(sentence: str) -> None:
    f = draft(
        "Spy crew returns\n\nResearchers tied the intrusions to APT41, which hit ministries in "
        f"Laos.\n\n{sentence}\n"
    )
    assert [c.name for c in f.campaigns] == ["APT41 activity"]
    kinds = draft(
        "Spy crew returns\n\nResearchers tied the intrusions to APT41, which hit ministries in "
        "Laos.\n\nCriminals, too, sent lures to ministries in Uzbekistan.\n"
    )
    assert len(kinds.campaigns) == 2  # a kind of actor of its own: another case


def test_an_operation_its_actor_ran_leaves_the_next_clauses_actor_its_own() -> None:
    f = draft(
        "Weekly digest\n\nAPT28 launched Operation Paper Maze against ministries in Poland, "
        "while GreyLoom deployed two backdoors against telecoms in Kyrgyzstan.\n"
    )
    cases = {c.name: {t.id for t in c.targets.countries} for c in f.campaigns}
    assert cases == {"Operation Paper Maze": {"PL"}, "GreyLoom": {"KG"}}, cases


def _cases(body: str) -> dict[str, tuple[str | None, set[str]]]:
    """Each case's name: its actor's origin and the countries it targets."""
    out = {}
    for c in draft("Lab details networks\n\n" + body + "\n").campaigns:
        (actor,) = c.all_actors
        out[c.name] = (
            actor.country.id if actor.country else None,
            {x.id for x in c.targets.countries},
        )
    return out


@pytest.mark.parametrize(
    "body",
    [
        # each opens its own sentence, or its own clause after ", and"
        "A Maltese effort called Salt Lamp wrote posts aimed at Chad. A Cuban network called "
        "Tin Harp wrote posts aimed at Peru.",
        "A Maltese effort called Salt Lamp wrote posts aimed at Chad, and a Cuban network called "
        "Tin Harp wrote posts aimed at Peru.",
    ],
)
def test_cases_brought_in_by_a_noun_and_a_name_are_each_a_case(body: str) -> None:
    assert _cases(body) == {"Salt Lamp": ("MT", {"TD"}), "Tin Harp": ("CU", {"PE"})}


@pytest.mark.parametrize(
    "body",
    [
        # both as the object of the reporter's verb, with "and" or each with its own clause
        "The lab described a Maltese effort called Salt Lamp and a Cuban network called Tin Harp.",
        "The lab described a Maltese effort called Salt Lamp, which wrote posts, and a Cuban "
        "network, Tin Harp, which ran fake pages.",
    ],
)
def test_cases_the_reporter_names_in_one_object_are_each_a_case(body: str) -> None:
    assert _cases(body) == {"Salt Lamp": ("MT", set()), "Tin Harp": ("CU", set())}
