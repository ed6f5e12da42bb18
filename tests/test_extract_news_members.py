"""Members and parts in news coverage (session 25, issue 23): a list of countries given as the
members of the plural noun a clause opens on ("Hostile states, including ..., are using AI")
stands for the actors, not for their targets. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft, targeted_countries

NEWS = "Chatbot maker warns of state hackers\n\n"  # a plain text's first line: its headline


@pytest.mark.parametrize(
    "said",
    [
        "Hostile states, including Peru, Chile and Bolivia, are using AI to write phishing "
        "emails against Canada.",
        "Hostile states\u2014including Peru, Chile, and Bolivia\u2014are using AI to write "
        "phishing emails against Canada.",
        "The lab warned that hostile states such as Peru, Chile and Bolivia are now using "
        "chatbots to write phishing emails against Canada.",
        "In its yearly review of threats to its services, the lab said foreign adversaries, "
        "among them Peru, Chile and Bolivia, have used AI to write phishing emails against "
        "Canada.",
    ],
)
def test_countries_listed_as_members_of_the_subject_are_the_actors_origins(said: str) -> None:
    f = draft(NEWS + said + "\n")
    assert {c for _, c in actors_of(f)} == {"PE", "CL", "BO"}
    assert targeted_countries(f) == {"CA"}


def test_countries_listed_as_members_of_a_subject_that_underwent_it_stay_targets() -> None:
    f = draft(
        NEWS + "Neighbouring states, including Peru and Chile, were targeted with phishing "
        "emails that the crew wrote with AI.\n"
    )
    assert not {c for _, c in actors_of(f)} & {"PE", "CL"}
    assert targeted_countries(f) == {"PE", "CL"}


# --- A paragraph that first tells of unnamed networks from several countries, then names one
# brought in by an indefinite noun: the list's other members keep a case and their places

OVERVIEW = (
    "The lab removed networks run from Peru, Chile and Bolivia, and one aimed at Canada and "
    "Mexico. {} also pushed a fake student movement it called Operation Wren.\n"
)


def test_a_later_named_network_leaves_the_other_listed_networks_their_case() -> None:
    f = draft(NEWS + OVERVIEW.format("A network from Peru"))
    cases = {c.name: c for c in f.campaigns}
    assert [(a.country.id if a.country else None) for a in cases["Operation Wren"].all_actors] == [
        "PE"
    ]
    others = [c for name, c in cases.items() if name != "Operation Wren"]
    assert {a.country.id for c in others for a in c.all_actors if a.country} == {"CL", "BO"}
    assert {x.id for c in others for x in c.targets.countries} == {"CA", "MX"}


def test_a_name_given_to_all_the_listed_networks_is_theirs() -> None:
    f = draft(NEWS + OVERVIEW.format("They"))
    assert [c.name for c in f.campaigns] == ["Operation Wren"]


def test_a_reporters_adverb_leaves_the_listed_campaigns_after_a_lede() -> None:
    f = draft(
        NEWS + "The lab has disrupted five new campaigns that tried to sway opinion.\n\n"
        "According to the report, the lab has successfully identified and disrupted campaigns "
        "originating from Peru, Chile and Bolivia, and a network targeting Canada.\n\n"
        "Examples include a network from Peru sharing posters for a fake movement called "
        "Operation Wren.\n"
    )
    assert {c for _, c in actors_of(f)} == {"PE", "CL", "BO"}
    assert targeted_countries(f) == {"CA"}


def test_a_heading_that_holds_the_name_given_back_names_the_case_before_it() -> None:
    f = draft(
        NEWS + 'The lab banned accounts run by a marketing firm in Lima. "The accounts wrote '
        'short comments in Spanish and Quechua," the report said.\n\nInside Operation Blue '
        'Kite\n\nThe lab named the campaign "Operation Blue Kite" because its comments used '
        "many kite emojis.\n"
    )
    (case,) = f.campaigns
    assert case.name == "Operation Blue Kite"
    assert [a.country.id for a in case.all_actors if a.country] == ["PE"]
    assert {x.id for x in case.languages} == {"es", "qu"}


# --- A summary lead that says the reporter dismantled networks from several countries, then
# a paragraph on each: no case of the lead's own, and no name that holds the reporter's verb

LEAD = "Researchers at the lab said the company dismantled three covert campaigns originating "


def test_the_reporters_dismantling_is_no_part_of_the_actors_name() -> None:
    f = draft(
        NEWS + LEAD + "from Peru, Chile and Bolivia that tried to sway voters.\n\n"
        "The Peru network posed as local farmers.\n"
    )
    assert not any("dismantled" in name.lower() for name, _ in actors_of(f))
    assert {c for _, c in actors_of(f)} == {"PE", "CL", "BO"}


def test_a_summary_lead_after_a_headline_read_as_a_paragraph_is_an_overview() -> None:
    f = draft(
        "World news\nPhoto: a stock image\n\nLab says it disrupted networks linked to Peru, Chile "
        "and Bolivia\n\n" + LEAD + "from Peru, Chile and Bolivia that tried to sway voters.\n\n"
        "One Peru-linked operation targeted users in Canada with fake profiles.\n\n"
        "The second network, based in Chile, posed as farmers.\n\n"
        "The third network, originating in Bolivia, targeted students in Mexico.\n"
    )
    assert len(f.campaigns) == 3
    assert sorted(c for _, c in actors_of(f)) == ["BO", "CL", "PE"]


# --- The reporter described in an appositive ("the US company behind ..."): its nationality is
# no origin of the actors it acted against


@pytest.mark.parametrize(
    "who",
    [
        "the US company behind the popular AI chatbot Claude",
        "the American firm behind the widely used AI assistant Claude",
    ],
)
def test_the_reporters_nationality_in_a_long_appositive_is_no_origin(who: str) -> None:
    f = draft(
        f"Chatbot maker bans accounts\n\nAnthropic, {who}, has banned accounts in Kenya. These "
        "accounts were found to be using Claude to write a large number of comments.\n"
    )
    assert "US" not in {c for _, c in actors_of(f)}
