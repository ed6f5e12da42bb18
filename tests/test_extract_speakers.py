"""The extractor on who speaks or answers in a news text, and where the actors' means sit: a
place or a sector in the words that say who reports ("A spokesperson in London said"), a country
that answers the actors ("The United States has sanctioned ..."), or where the actors' servers
and cards come from ("hosted its servers in the Netherlands") is no target. Each case has
sentences of its own and one where the same place is still a target."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import draft


def _places(body: str) -> list[str]:
    f = draft(body)
    assert len(f.campaigns) == 1, [c.name for c in f.campaigns]
    return sorted(c.id for c in f.campaigns[0].targets.countries)


def _names(f: Findings) -> list[str]:
    return sorted([c.name for c in f.campaigns] + [a.name for a in f.actors])


_LEAD = "## Pale Orrery\n\nPale Orrery sent malware to banks in Chile. "


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesperson in London said the accounts were active for three months.",
        "Researchers in Tel Aviv said the malware was crude.",
        "Experts in Seoul said such schemes earn millions a year.",
        "A government spokesperson in Peru said the accounts were active for three months.",
    ],
)
def test_where_the_one_who_says_it_is_no_target(sentence: str) -> None:
    assert _places(_LEAD + sentence) == ["CL"]


def test_a_place_in_what_the_spokesperson_says_is_still_a_target() -> None:
    body = _LEAD + "A spokesperson in London said Pale Orrery also sent malware to banks in Peru."
    assert _places(body) == ["CL", "PE"]


def test_an_actor_set_before_its_verb_is_no_reporter() -> None:
    body = "## Pale Orrery\n\nPale Orrery, run from Russia, wrote malware against banks in Chile."
    f = draft(body)
    assert f.campaigns[0].all_actors[0].country is not None
    assert f.campaigns[0].all_actors[0].country.id == "RU"


def test_a_spokesperson_opening_a_paragraph_is_no_actor() -> None:
    body = (
        "AI lab bans job scammers\n\nThe lab said it banned accounts used by North Korean IT "
        "workers who applied for remote jobs at companies in the United States.\n\nA "
        "spokesperson in London said the workers used the model to write cover letters.\n"
    )
    assert not any("spokesperson" in n.lower() for n in _names(draft(body)))


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States has sanctioned several people linked to such schemes.",
        "South Korea issued its own warning last year.",
        "Germany and France condemned the campaign.",
    ],
)
def test_a_country_that_answers_the_actors_is_no_target(sentence: str) -> None:
    assert _places(_LEAD + sentence) == ["CL"]


def test_a_country_after_a_preposition_beside_an_answer_is_still_a_target() -> None:
    body = _LEAD + "Emails to officials in Peru warned of unpaid taxes."
    assert _places(body) == ["CL", "PE"]


@pytest.mark.parametrize(
    "sentence",
    [
        "It hosted its servers in the Netherlands.",
        "It registered its domains through a company in Iceland.",
        "It paid with cards issued by banks in Singapore.",
        "It routed its traffic through VPN services in Switzerland.",
    ],
)
def test_where_the_actors_means_sit_is_neither_target_nor_origin(sentence: str) -> None:
    f = draft(_LEAD + sentence)
    assert _places(_LEAD + sentence) == ["CL"]
    assert sorted(x.id for x in f.campaigns[0].targets.sectors) == ["financial-services"]
    assert all(a.country is None for a in f.campaigns[0].all_actors)


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("It sent the malware from servers in Russia to officials in Peru.", ["CL", "PE"]),
        ("It went after communications infrastructure organizations in Peru.", ["CL", "PE"]),
    ],
)
def test_a_place_past_the_means_phrase_is_still_a_target(sentence: str, places: list[str]) -> None:
    assert _places(_LEAD + sentence) == places


def test_the_victims_servers_are_still_where_the_targets_are() -> None:
    body = _LEAD + "It probed the web servers of hospitals in Peru."
    assert _places(body) == ["CL", "PE"]


def test_operators_inside_a_country_are_from_there() -> None:
    body = (
        "## Pale Orrery\n\nOperators inside Russia ran Pale Orrery and sent malware to banks in "
        "Chile."
    )
    f = draft(body)
    assert _places(body) == ["CL"]
    assert [a.country.id for a in f.campaigns[0].all_actors if a.country] == ["RU"]


def test_the_people_of_an_ai_services_maker_are_no_origin() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery sent malware to banks in Chile. OpenAI accused DeepSeek "
        "of distilling its models, a charge the Chinese firm denied."
    )
    f = draft(body)
    assert all(a.country is None for a in f.campaigns[0].all_actors)
    assert [p.name for p in f.campaigns[0].platforms] == []


def test_a_people_before_a_firm_that_acted_is_still_its_origin() -> None:
    body = "## Pale Orrery\n\nA Chinese firm ran Pale Orrery and sent malware to banks in Chile."
    f = draft(body)
    assert [a.country.id for a in f.campaigns[0].all_actors if a.country] == ["CN"]


def _sectors(body: str) -> list[str]:
    f = draft(body)
    assert len(f.campaigns) == 1, [c.name for c in f.campaigns]
    return sorted(x.id for x in f.campaigns[0].targets.sectors)


@pytest.mark.parametrize(
    "sentence",
    [
        # who speaks, and what their post says of them: no target
        '"We will see more of this," said a former government official who now runs research '
        "at a think tank in Ottawa.",
        "Hospitals are an easy mark, said a former official.",
        '"It will get worse," said a fellow at a think tank.',
        # the reporter and what it says of itself: no target
        "The lab, which counts several banks and hospitals among its business customers, said "
        "it had shared what it found with industry partners.",
    ],
)
def test_a_speakers_post_and_the_reporters_customers_are_no_targets(sentence: str) -> None:
    assert _sectors(_LEAD + sentence + "\n") == ["financial-services"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Chilean official said the crew also phished hospitals.",
        "The lab, which counts several banks among its customers, said the crew also phished "
        "hospitals in Chile.",
    ],
)
def test_what_a_speaker_says_the_actors_hit_is_still_a_target(sentence: str) -> None:
    assert _sectors(_LEAD + sentence + "\n") == ["financial-services", "healthcare"]


@pytest.mark.parametrize(
    "voice",
    [
        "Tomas Varga, a spokesman for the Ruritanian embassy in Canada, according to a wire "
        "service, stated that Ruritania rejects the claims.",
        "Ines Halloran, a lead investigator at the lab, called the scheme a sign of a regime "
        "turning US-based AI against its critics.",
        "Priya Nandakumar, vice president of threat research at the lab, said the workers were "
        "careless.",
    ],
)
def test_a_person_named_with_a_post_is_no_operation(voice: str) -> None:
    body = (
        "Lab bans accounts\n\nThe lab said it banned accounts of Copper Gate, a group from Peru "
        f"that used ChatGPT to write phishing emails to banks in Chile.\n\n{voice}\n"
    )
    f = draft(body)
    assert _names(f) == ["Copper Gate activity"]
    actor = f.campaigns[0].all_actors[0]
    assert actor.country is not None and actor.country.id == "PE"
    assert sorted(c.id for c in f.campaigns[0].targets.countries) == ["CL"]


def test_a_name_with_a_description_still_names_an_operation() -> None:
    body = (
        "Lab bans accounts\n\nTin Drum, a network of fake news pages, used ChatGPT to write "
        "articles for readers in Chile.\n"
    )
    assert _names(draft(body)) == ["Tin Drum"]


def test_a_person_after_a_run_in_label_is_still_a_voice() -> None:
    body = (
        "Lab bans accounts\n\nThe lab said it banned accounts of Copper Gate, a group from Peru "
        "that used ChatGPT to write phishing emails to banks in Chile.\n\nReactions abroad: "
        "Tomas Varga, a spokesman for the embassy of Bolivia in Canada, rejected the claims.\n"
    )
    f = draft(body)
    assert sorted(c.id for c in f.campaigns[0].targets.countries) == ["CL"]


@pytest.mark.parametrize(
    "view",
    [
        "Overall, the Canadian search behemoth reckons the crews are doing nothing new.",
        "A Canadian security firm said the crews were careless.",
        "The Canadian cloud giant thinks the threat is modest.",
    ],
)
def test_a_people_in_the_words_for_who_holds_a_view_is_no_target(view: str) -> None:
    assert _places(_LEAD + view) == ["CL"]


def test_a_people_the_actors_went_after_beside_a_verb_of_saying_is_still_a_target() -> None:
    body = _LEAD + "It also phished the Canadian energy regulator, which said nothing."
    assert _places(body) == ["CA", "CL"]
