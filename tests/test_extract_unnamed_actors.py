"""The extractor on actors a news text does not name: one introduced by its people and its noun
("A Russian military intelligence unit ...") is an actor of its own beside another ("A North
Korean group ..."), in one paragraph or in two; one whose accounts the reporter banned
("accounts of a Chinese network", "accounts belonging to a Chinese operation") is that actor,
not an unnamed actor named after the report's title. Sentences written for these tests."""

from __future__ import annotations

import pytest

from graphkit.extract import extract_findings
from graphkit.findings import Findings
from tests.extract_helpers import country, draft

_HEAD = "Two labs say state hackers try out chatbots\n\n"
_UNIT = "A Russian military intelligence unit researched satellite communication protocols."
_GROUP = "A North Korean group used the models to draft spear-phishing emails."


def _by_country(f: Findings) -> dict[str, set[str]]:
    """Each campaign's actors' country → the techniques of that campaign."""
    out: dict[str, set[str]] = {}
    for c in f.campaigns:
        for a in c.all_actors:
            if a.country:
                out.setdefault(a.country.id, set()).update(t.id for t in c.techniques)
    return out


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_unit_and_a_group_are_two_actors(gap: str) -> None:
    f = draft(_HEAD + _UNIT + gap + _GROUP + "\n")
    got = _by_country(f)
    assert sorted(got) == ["KP", "RU"]
    assert "T1566" in got["KP"] and "T1566" not in got["RU"]
    assert not any("microsoft" in a.name.lower() or "labs say" in a.name.lower() for a in f.actors)


def test_units_of_a_people_are_its_actors() -> None:
    f = draft(_HEAD + "Chinese units used the models to write spear-phishing emails.\n")
    assert list(_by_country(f)) == ["CN"]


@pytest.mark.parametrize(
    "opening",
    [
        "OpenAI said on Friday that it banned accounts of a Chinese network",
        "OpenAI said it banned accounts belonging to a Chinese network",
    ],
)
def test_the_actor_whose_accounts_were_banned_is_named_for_itself(opening: str) -> None:
    f = draft(f"AI lab shuts down surveillance project\n\n{opening} that wrote malware.\n")
    actors = [a for c in f.campaigns for a in c.all_actors]
    assert [a.country.id for a in actors if a.country] == ["CN"]
    assert all("network" in a.name for a in actors), [a.name for a in actors]


def _one_case(body: str) -> tuple[str, list[str], list[str]]:
    """The text's one campaign: its name, its actors' countries, the countries it targets."""
    f = draft(body)
    assert len(f.campaigns) == 1, [c.name for c in f.campaigns]
    c = f.campaigns[0]
    origins = sorted(a.country.id for a in c.all_actors if a.country)
    return c.name, origins, sorted(x.id for x in c.targets.countries)


def test_an_unnamed_case_named_in_passing_later_is_one_case() -> None:
    body = (
        "AI lab bans election accounts\n\nThe company said it had banned accounts linked to a "
        "Russian network that wrote posts aimed at voters in Moldova.\n\nThe network, which the "
        'company called "Quiet Harbor," also wrote malware.\n'
    )
    assert _one_case(body) == ("Quiet Harbor", ["RU"], ["MD"])


def test_another_noun_named_in_passing_is_still_a_case_of_its_own() -> None:
    body = (
        "AI lab bans election accounts\n\nThe company said it had banned accounts linked to a "
        "Russian network that wrote posts aimed at voters in Moldova.\n\nThe crew, which the "
        'company called "Quiet Harbor," wrote malware against banks in Chile.\n'
    )
    assert len(draft(body).campaigns) == 2


@pytest.mark.parametrize(
    "where",
    [
        "Iran, the United Kingdom, Hong Kong and Vietnam",
        "Iran, Hong Kong, the United Kingdom and Vietnam",
    ],
)
def test_some_of_a_named_actor_are_that_actor_wherever_listed(where: str) -> None:
    body = (
        "Software maker names hackers\n\nThe company said a group it tracks as Storm-9931 stole "
        "passwords and resold access to chatbots.\n\nMembers of the group were based in "
        f"{where}, according to a court filing.\n"
    )
    f = draft(body)
    assert [c.name for c in f.campaigns] == ["Storm-9931"]
    actors = f.campaigns[0].all_actors  # one actor a country, as the findings hold them
    assert all(a.name.startswith("Storm-9931") for a in actors), [a.name for a in actors]
    assert sorted(a.country.id for a in actors if a.country) == ["GB", "HK", "IR", "VN"]


def test_a_name_given_after_a_stories_lede_names_the_lede_case() -> None:
    body = (
        "Lab bans accounts\n\nA scam network wrote fake job offers for workers in Kenya.\n\n"
        'The company named the campaign, run from Nigeria, "Harbor Lights."\n'
    )
    assert _one_case(body) == ("Harbor Lights", ["NG"], ["KE"])


def test_an_individual_somewhere_is_an_actor_from_there() -> None:
    body = "AI lab bans accounts\n\nAn individual in Morocco used the model to write malware.\n"
    f = draft(body)
    assert [a.country.id for c in f.campaigns for a in c.all_actors if a.country] == ["MA"]


def test_an_individual_targeted_is_no_actor() -> None:
    body = "## Pale Orrery\n\nPale Orrery sent malware to a Chinese individual and to banks."
    f = draft(body)
    assert [c.name for c in f.campaigns] == ["Pale Orrery"]
    assert not [a for c in f.campaigns for a in c.all_actors if a.country]


@pytest.mark.parametrize("verb", ["followed", "monitored", "investigated"])
def test_the_reporter_following_an_actor_is_no_part_of_its_name(verb: str) -> None:
    # "The lab followed two clusters ...": the lab and its verb say who found them ("tracks"
    # is no such verb: "a cluster it tracks as Storm-7788" names the cluster); the
    # actor's name starts at what it found
    f = draft(
        "A lab on clusters that posted about power prices\n\n"
        f"The lab {verb} two separate clusters with ties to Iran that posted angry comments "
        "about power prices and wrote them with the chatbot.\n"
    )
    actors = [a for c in f.campaigns for a in c.all_actors]
    names = [a.name for a in actors]
    assert names and all(not n.lower().startswith(("lab", "the lab")) for n in names), names
    assert all(a.country and a.country.id == "IR" for a in actors)


def test_an_official_or_officer_opening_a_sentence_is_an_actor_of_its_people() -> None:
    # One person acting for a state, told by their post: the people before the noun are
    # where they are from, their service (the police) no target
    f = draft(
        _HEAD + 'A network from Belarus, dubbed "Salt Lake," wrote posts in several languages '
        "with the chatbot.\n"
        "A Vietnamese police officer used the chatbot like a diary to record a campaign that "
        "sent forged letters to frighten dissidents living abroad.\n"
    )
    officer = next(c for c in f.campaigns for a in c.all_actors if "officer" in a.name.lower())
    assert country(officer) == "VN"
    assert {x.id for x in officer.targets.sectors} == {"civil-society"}
    salt = next(c for c in f.campaigns if c is not officer)
    assert country(salt) == "BY" and not salt.targets.sectors


def test_an_official_written_to_is_still_a_target() -> None:
    f = draft(
        _HEAD + "A crew from Laos, called Red Kite, wrote emails to an Australian official and "
        "a Thai officer.\n"
    )
    (red,) = f.campaigns
    assert country(red) == "LA" and {x.id for x in red.targets.countries} == {"AU", "TH"}


def test_a_separate_case_of_an_actor_with_no_country_is_its_own() -> None:
    # "In a separate case, a criminal ...": the text turns to another actor, whose country
    # it does not give; its ransomware is not the named group's
    f = draft(
        _HEAD + "The lab said a state-backed group from China, which it calls GTG-7007, used its "
        "coding agent against banks and government agencies.\n"
        "In a separate case, a criminal with little skill sold ransomware built with the model "
        "to other criminals on dark web forums.\n"
    )
    gtg = next(c for c in f.campaigns for a in c.all_actors if a.name == "GTG-7007")
    other = [c for c in f.campaigns if c is not gtg]
    assert "T1486" not in {t.id for t in gtg.techniques}
    assert len(other) == 1 and "T1486" in {t.id for t in other[0].techniques}


def test_a_lede_case_keeps_the_paragraphs_after_it_when_a_second_case_follows() -> None:
    # The lede tells of a case it does not name (after who reports it), the paragraphs after
    # it say more of that case, then "a second network" turns to another: the first case is
    # drafted with what those paragraphs said, not dropped
    f = draft(
        "AI firm cuts off accounts behind election posts in West Africa\n\n"
        "A chatbot maker said on Monday it had banned a set of accounts that wrote articles "
        "and posts about the elections in Senegal and Liberia, and that few people read.\n\n"
        "The maker linked the activity to a public relations agency in Togo, which it did not "
        "name.\n\n"
        "The same report described a second network, run from Azerbaijan, that wrote comments "
        "in Armenian criticising reporters in Georgia.\n"
    )
    first, second = f.campaigns
    assert country(first) == "TG" and {x.id for x in first.targets.countries} == {"SN", "LR"}
    assert country(second) == "AZ" and {x.id for x in second.targets.countries} == {"GE"}


def test_a_place_of_two_words_at_the_end_of_a_list_stays_whole_in_the_names() -> None:
    f = draft(
        _HEAD + "The lab has removed accounts linked to users in Peru and North Korea over "
        "worries that they used the chatbot for scams.\n"
    )
    names = sorted(a.name for c in f.campaigns for a in c.all_actors)
    assert names == [
        "Accounts linked to users in North Korea",
        "Accounts linked to users in Peru",
    ]


def test_a_definite_phrase_speaks_again_of_the_case_its_words_introduced() -> None:
    # "a Russian-speaking crew it calls Cold Forge", another case, then "The Russian-speaking
    # crew also ...": Cold Forge again, not a new unnamed actor; "A Russian-speaking crew"
    # (indefinite) would be a new one
    text = (
        "Lab bans two networks\n\n"
        "The lab said a Russian-speaking crew it calls Cold Forge used its chatbot to debug a "
        "credential stealer.\n\n"
        "A separate Iranian operation, Storm-7100, wrote articles about the war in Gaza in "
        "Hebrew.\n\n"
        "{} also asked for help hiding its code from antivirus tools.\n"
    )
    f = draft(text.format("The Russian-speaking crew"))
    assert len(f.campaigns) == 2
    forge = next(c for c in f.campaigns for a in c.all_actors if a.name == "Cold Forge")
    assert "T1027" in {t.id for t in forge.techniques}
    assert len(draft(text.format("A Russian-speaking crew")).campaigns) == 3


def test_a_series_of_clauses_each_with_its_people_is_a_case_each() -> None:
    # "The Iranians did this, the Vietnamese did that, and the Cubans ...": each clause's
    # people is its own actor ("the Vietnamese", a people that is its own plural, too)
    f = draft(
        "Report: state hackers test chatbots\n\n"
        "Hackers from Iran, Vietnam and Cuba all used the chatbot last year, the lab said.\n\n"
        "The Iranians wrote malware with it, the Vietnamese researched shipping firms in Japan, "
        "and the Cubans crafted phishing emails aimed at academics in Spain.\n"
    )
    by = {country(c): c for c in f.campaigns if country(c)}
    assert {"IR", "VN", "CU"} <= set(by)
    assert {x.id for x in by["VN"].targets.countries} == {"JP"}
    assert {x.id for x in by["CU"].targets.countries} == {"ES"}
    assert not by["IR"].targets.countries


def test_an_ordinal_before_its_verb_is_the_next_case_and_both_cases_share_a_paragraph() -> None:
    # "two separate clusters ... The first, dubbed X, ... The second used ...": the second is
    # a case of its own; "In both cases, ..." says something of the two
    f = draft(
        "Lab: two clusters from Iran pushed anger over water prices\n\n"
        "The lab followed two separate clusters with ties to Iran that posted content meant to "
        "inflame arguments about water prices.\n\n"
        'The first, dubbed "Dry Well," used the chatbot to make images claiming that new farms '
        "were pushing up water bills in Iraq.\n\n"
        "The second used the tool to write posts casting trade deals as a hidden way to control "
        "rivers.\n\n"
        "In both cases, the operators prompted the model in Persian.\n"
    )
    names = {c.name for c in f.campaigns}
    assert "Dry Well" in names and len(f.campaigns) == 2
    assert all([x.id for x in c.languages] == ["fa"] for c in f.campaigns)


def test_an_account_linked_to_an_official_somewhere_is_an_actor_from_there() -> None:
    # "an account linked to a police official in Laos": one account, an actor; where the
    # official sits is its origin, and the police, who they are, no target
    f = draft(
        "Lab details scams and a smear campaign\n\n"
        "The company said it banned an account linked to a police official in Laos who used the "
        "chatbot to plan a covert campaign against a politician in Thailand.\n"
    )
    (c,) = f.campaigns
    assert country(c) == "LA"
    assert {x.id for x in c.targets.countries} == {"TH"}
    assert "emergency-services" not in {x.id for x in c.targets.sectors}


def test_accounts_told_only_by_the_service_they_used_name_no_one() -> None:
    # "several ChatGPT accounts that ...": the service says where the accounts were, not who
    # holds them; no actor is named after a platform
    f = draft(
        "Lab says Cuban agents used its chatbot to plan monitoring tools\n\n"
        "The lab has announced that it banned several ChatGPT accounts that were trying to use "
        "the chatbot to build tools for watching social media.\n\n"
        "The lab says it also banned Chilean hackers who were using its model to write malware.\n"
    )
    names = [a.name for c in f.campaigns for a in c.all_actors]
    assert names and not any("ChatGPT" in n for n in names), names


def test_the_one_actor_a_headline_names_is_the_actor_of_a_body_that_names_none() -> None:
    f = extract_findings(
        "Kimsuky goes after think tanks\n\nThe intrusions opened with spear-phishing emails "
        "that carried a malicious attachment.\n",
        publisher="Example Security Blog",
        published="2025-06-05",
    )
    assert [a.name for c in f.campaigns for a in c.all_actors] == ["Kimsuky"]
    two = extract_findings(
        "Kimsuky and APT28 go after think tanks\n\nThe intrusions opened with spear-phishing "
        "emails that carried a malicious attachment.\n",
        publisher="Example Security Blog",
        published="2025-06-05",
    )
    assert next(a.name for c in two.campaigns for a in c.all_actors).startswith("Unnamed actor")


@pytest.mark.parametrize("tie", ["aligned", "linked", "backed"])
def test_actors_a_place_is_tied_to_by_a_hyphen_name_the_unnamed_cluster(tie: str) -> None:
    f = extract_findings(
        "Backdoors for a rainy day\n\nAgencies in Chile have reported activity attributed to "
        f"Laos-{tie} threat actors involving hidden backdoors in power grids.\n",
        publisher="Example Security Blog",
        published="2025-06-05",
    )
    assert [a.name for c in f.campaigns for a in c.all_actors] == [f"Laos-{tie} threat actors"]


@pytest.mark.parametrize(
    ("lead", "actor"),
    [
        ("Attacks linked to", "Laotian hackers"),
        ("Intrusions attributed to", "Laotian hackers"),
        ("Accounts linked to", "Accounts linked to Laotian hackers"),  # the actors' own accounts
    ],
)
def test_what_was_done_tied_to_its_actors_names_the_actors(lead: str, actor: str) -> None:
    f = draft(f"Banks hit\n\n{lead} Laotian hackers hit banks in Chile.\n")
    assert [a.name for c in f.campaigns for a in c.all_actors] == [actor]


def test_an_agent_named_by_its_people_keeps_no_article() -> None:
    f = draft("Campaign hacked\n\nThe mayor tied the break-in to lures sent by an Iranian crew.\n")
    assert [a.name for c in f.campaigns for a in c.all_actors] == ["Iranian crew"]
