"""The extractor on words that look like an actor's (or a used service's) name and are not
one: a dotted code cut at its dot, a known actor's other name, a people in quotes, a research
team that reports (with what a reporter announced before whom it is about), "named" as an
adjective, an acronym opening a compound, a tool's module, a work's quoted title, and a
service whose product news is spoken of. One test per grammatical case, each on sentences
written for it."""

from __future__ import annotations

from graphkit.findings import Findings
from tests.extract_helpers import draft

NEWS = "Chatbot maker cuts off two crews\n\n"  # a plain text's first line: its headline


def _names(f: Findings) -> set[str]:
    """Every case's name and every actor's name and alias."""
    out = {c.name for c in f.campaigns}
    for c in f.campaigns:
        for a in c.all_actors:
            out |= {a.name, *a.aliases}
    return out


def test_a_known_actors_other_name_after_also_known_as_is_no_operation() -> None:
    f = draft(
        NEWS + "The intrusions were attributed to Quill Otter, a cluster tied to Mustang "
        "Panda, also known as TEMP.Hex. It sent lures to diplomats in Laos.\n"
    )
    assert {c.name for c in f.campaigns}.isdisjoint({"TEMP", "TEMP.Hex"})


def test_a_dotted_code_after_known_as_is_one_name() -> None:
    f = draft(
        NEWS + "Analysts tied the lures to a China-linked group known as TEMP.Hex. The group "
        "sent lures to diplomats in Laos.\n"
    )
    assert "TEMP" not in _names(f)
    assert "Mustang Panda" in {a.name for c in f.campaigns for a in c.all_actors}


def test_a_people_in_quotes_after_a_naming_verb_is_no_name() -> None:
    f = draft(
        NEWS + "Mustang Panda sent lures to diplomats in Laos. A spokesman in Beijing said "
        "the reports of so-called 'Chinese cyber raids' were false.\n"
    )
    assert "Chinese" not in {c.name for c in f.campaigns}


def test_a_research_team_set_apart_at_length_then_saying_is_a_reporter() -> None:
    f = draft(
        NEWS + "Peruvian hackers have targeted ministries across South America.\n\n"
        "Harbor Lens Group, a team of threat researchers under the security company "
        "Northwind, said it found 300 servers in Chile that talked to the crew's malware.\n"
    )
    assert not any("Harbor Lens" in n for n in _names(f))


def test_findings_a_reporter_announced_showing_that_an_actor_acted() -> None:
    f = draft(
        NEWS + "Kimsuky sent lures to think tanks in Japan.\n\n"
        "A United States security company announced findings Tuesday showing that Peruvian "
        "hackers have phished ministries in Chile.\n"
    )
    kimsuky = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    (other,) = [c for c in f.campaigns if c is not kimsuky]
    (actor,) = other.all_actors
    assert actor.country is not None and actor.country.id == "PE"
    assert "CL" in {x.id for x in other.targets.countries}
    assert "CL" not in {x.id for x in kimsuky.targets.countries}


def test_a_module_named_inside_a_tool_names_no_operation() -> None:
    f = draft(
        NEWS + "A new Android backdoor sends screenshots to a chatbot and asks where to tap. "
        "The agent module inside it, named GlassFinch, reads the screen of phones in Chile.\n"
    )
    assert "GlassFinch" not in _names(f)


def test_named_as_an_adjective_after_an_article_names_nothing() -> None:
    f = draft(
        NEWS + "Sandworm hit power grids in Ukraine. Analysts said the activity led them to "
        "graduate the group into a named Advanced Persistent Threat: APT44.\n"
    )
    assert not any("Advanced Persistent Threat" in n for n in _names(f))


def test_an_acronym_that_opens_a_compound_names_nothing() -> None:
    f = draft(
        NEWS + "Sandworm hit power grids in Ukraine with new Operational Technology "
        "(OT)-specific tools that stop substations.\n"
    )
    assert "OT" not in _names(f)


def test_a_known_alias_quoted_as_a_works_title_is_no_actor() -> None:
    f = draft(
        NEWS + "Sandworm hit power grids in Ukraine. Its name comes from strings that cite the "
        '"Dune" series in its wipers.\n'
    )
    actors = {a.name for c in f.campaigns for a in c.all_actors}
    assert actors == {"Sandworm Team"}


def test_a_service_whose_product_news_is_spoken_of_is_not_used() -> None:
    f = draft(
        NEWS + "Peruvian hackers used Gemini to write lures for banks in Chile. The same week "
        "brought no verified Claude or Anthropic product announcements.\n"
    )
    assert {p.name for c in f.campaigns for p in c.platforms} == {"Gemini"}


def test_list_labels_of_kinds_of_threat_name_no_operation() -> None:
    f = draft(
        NEWS + "The Shape of the Problem: How Models Leak\n\n"
        "Peruvian hackers tried to copy a chatbot's skills. The ways in could include:\n\n"
        "- Insider Threats: staff with access who are bribed or coerced.\n"
        "- Supply Chain Compromise: flaws in software the lab buys from vendors.\n"
        "- Adversarial Prompting Techniques: prompts that make the model reveal its reasoning.\n"
    )
    names = {c.name for c in f.campaigns}
    assert names.isdisjoint(
        {"The Shape of the Problem", "Insider Threats", "Supply Chain Compromise",
         "Adversarial Prompting Techniques"}
    )  # fmt: skip


def test_a_name_said_to_be_one_of_some_wipers_is_a_tool() -> None:
    f = draft(
        NEWS + "Sandworm hit a news agency in Ukraine. GlassMoth is one of roughly ten wipers "
        "deployed against Ukrainian targets, Dana Reyes, a threat researcher with Northwind, "
        "told reporters.\n"
    )
    assert "GlassMoth" not in _names(f)


def test_a_photos_caption_of_places_over_prose_is_no_heading() -> None:
    f = draft(
        NEWS + "Peruvian hackers have phished ministries across South America, a firm said.\n\n"
        "Lima, Peru, Palace of Government building\n"
        "State-backed Peruvian hackers have been broadly targeting ministries across the region, "
        "including those that work with Lima on ports, roads and mines, according to the report. "
        "Above, people walk past the palace in Lima, Peru, on May 2.\n"
    )
    assert not any("Lima" in n for n in _names(f))


def test_an_unnamed_campaign_names_the_case_and_who_is_behind_it() -> None:
    f = draft(
        NEWS + "A sophisticated Peru-linked espionage campaign has breached ministries in Chile "
        "with a new backdoor.\n"
    )
    (c,) = f.campaigns
    (actor,) = c.all_actors
    assert c.name == "Sophisticated Peru-linked espionage campaign"
    assert actor.name == "Actors behind the sophisticated Peru-linked espionage campaign"
    assert actor.country is not None and actor.country.id == "PE"


def test_the_article_before_a_named_group_is_no_part_of_its_name() -> None:
    f = draft(
        NEWS + "Kimsuky sent lures to think tanks in Japan. The TW Anonymous group also "
        "targeted two airport websites in Chile.\n"
    )
    kimsuky = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    (other,) = [c for c in f.campaigns if c is not kimsuky]
    assert other.name == "TW Anonymous"
    assert [a.name for a in other.all_actors] == ["TW Anonymous"]
    assert "CL" in {x.id for x in other.targets.countries}
