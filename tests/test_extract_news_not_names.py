"""The extractor on words that look like an actor's (or a used service's) name and are not
one: a dotted code cut at its dot, a known actor's other name, a people in quotes, a research
team that reports (with what a reporter announced before whom it is about), "named" as an
adjective, an acronym opening a compound, a tool's module, a work's quoted title, a service
whose product news is spoken of, a subject's phrase run on over its verb, and the reporter with
its verb before whom it names ("The lab blamed Maltese hackers"), what an intrusion leaves on a
host ("a scheduled task named X"), an acronym for a kind on a measure ("its Covert Reach Index
(CRI) impact scale") and one that spells a country's code ("Covert Operation (CO)"). One test
per grammatical case, each on sentences written for it. (Session 25) an outlet its owner runs
and the acronyms of it and of whom a campaign is against."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import KNOWN, actors_of, draft, known_and_other

NEWS = "Chatbot maker cuts off two crews\n\n"  # a plain text's first line: its headline


def _names(f: Findings) -> set[str]:
    """Every case's name and every actor's name and alias."""
    out = {c.name for c in f.campaigns}
    for c in f.campaigns:
        for a in c.all_actors:
            out |= {a.name, *a.aliases}
    return out


# --- Words that name no case and no actor, each beside a text that still drafts one


@pytest.mark.parametrize(
    ("body", "word"),
    [
        # a dotted code is one name: "known as TEMP.Hex", not "TEMP"
        (
            "Analysts tied the lures to a China-linked group known as TEMP.Hex. The group sent "
            "lures to diplomats in Laos.",
            "TEMP",
        ),
        # a known actor's other name after ", also known as" opens no operation
        (
            "The intrusions were attributed to Quill Otter, a cluster tied to Mustang Panda, "
            "also known as TEMP.Hex. It sent lures to diplomats in Laos.",
            "TEMP.Hex",
        ),
        # a people after a naming verb: "so-called 'Chinese cyber raids'"
        (
            "Mustang Panda sent lures to diplomats in Laos. A spokesman in Beijing said the "
            "reports of so-called 'Chinese cyber raids' were false.",
            "Chinese",
        ),
        # a research team set apart at length, then a reporting verb: a reporter
        (
            "Peruvian hackers have targeted ministries across South America.\n\nHarbor Lens "
            "Group, a team of threat researchers under the security company Northwind, said it "
            "found 300 servers in Chile that talked to the crew's malware.",
            "Harbor Lens",
        ),
        # a module named inside a tool is the tool's part
        (
            "A new Android backdoor sends screenshots to a chatbot and asks where to tap. The "
            "agent module inside it, named GlassFinch, reads the screen of phones in Chile.",
            "GlassFinch",
        ),
        # a tool between the group's noun and "called": the name is the tool's
        (
            "Sandworm hit power grids in Ukraine. The group ran a PowerShell loader script "
            "called NIGHTCOMB to copy mail from the hosts.",
            "NIGHTCOMB",
        ),
        # "named" after "a" is an adjective
        (
            "Sandworm hit power grids in Ukraine. Analysts said the activity led them to "
            "graduate the group into a named Advanced Persistent Threat: APT44.",
            "Advanced Persistent Threat",
        ),
        # an acronym that opens a compound: "(OT)-specific"
        (
            "Sandworm hit power grids in Ukraine with new Operational Technology (OT)-specific "
            "tools that stop substations.",
            "OT",
        ),
        # a name its sentence says is malicious software
        (
            "Sandworm hit a news agency in Ukraine. GlassMoth is one of roughly ten wipers "
            "deployed against Ukrainian targets, Dana Reyes, a threat researcher with Northwind, "
            "told reporters.",
            "GlassMoth",
        ),
        # a photo's caption of places over the prose in its block
        (
            "Peruvian hackers have phished ministries across South America, a firm said.\n\n"
            "Lima, Peru, Palace of Government building\nState-backed Peruvian hackers have been "
            "broadly targeting ministries across the region, including those that work with Lima "
            "on ports, roads and mines, according to the report. Above, people walk past the "
            "palace in Lima, Peru, on May 2.",
            "Lima",
        ),
    ],
)
def test_a_word_that_names_no_case_and_no_actor(body: str, word: str) -> None:
    f = draft(NEWS + body + "\n")
    assert f.campaigns  # the text still drafts its case
    names = _names(f) - {a for c in f.campaigns for x in c.all_actors for a in x.aliases}
    assert word not in names and not any(n.startswith(word + " ") for n in names)


def test_findings_a_reporter_announced_showing_that_an_actor_acted() -> None:
    f = draft(
        NEWS
        + KNOWN
        + "A United States security company announced findings Tuesday showing that Peruvian "
        "hackers have phished ministries in Chile.\n"
    )
    kimsuky, other = known_and_other(f)
    (actor,) = other.all_actors
    assert actor.country is not None and actor.country.id == "PE"
    assert "CL" in {x.id for x in other.targets.countries}
    assert "CL" not in {x.id for x in kimsuky.targets.countries}


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
    _, other = known_and_other(f)
    assert other.name == "TW Anonymous"
    assert [a.name for a in other.all_actors] == ["TW Anonymous"]
    assert "CL" in {x.id for x in other.targets.countries}


@pytest.mark.parametrize(
    "body",
    [
        # the verb's object is a bare plural: the subject ends before the verb
        "The actors sent lure emails to officials in Malta.",
        "The operators wrote fake invoices for clerks in Malta.",
        # ... or a noun after a determiner, as before
        "The hackers asked the chatbot about ministries in Malta.",
    ],
)
def test_an_unnamed_subject_ends_before_its_verb(body: str) -> None:
    (c,) = draft(NEWS + body + "\n").campaigns
    names = {c.name, *(a.name for a in c.all_actors)}
    assert not any("Malta" in n or " sent " in n or " wrote " in n for n in names), names
    assert "MT" in {x.id for x in c.targets.countries}


def test_a_participle_before_a_preposition_stays_in_the_subject() -> None:
    (c,) = draft(NEWS + "Accounts run out of Malta posted comments about a port deal.\n").campaigns
    (actor,) = c.all_actors
    assert actor.name == "Accounts run out of Malta"
    assert actor.country is not None and actor.country.id == "MT"


@pytest.mark.parametrize(
    "body",
    [
        "The lab blamed Maltese hackers for break-ins at banks in Chad.",
        "The company accused Maltese operators of phishing clerks in Chad.",
    ],
)
def test_the_reporter_and_its_verb_are_no_part_of_whom_it_names(body: str) -> None:
    (c,) = draft(NEWS + body + "\n").campaigns
    (actor,) = c.all_actors
    assert actor.name in {"Maltese hackers", "Maltese operators"}
    assert actor.country is not None and actor.country.id == "MT"
    assert {x.id for x in c.targets.countries} == {"TD"}


# --- What an unnamed case was made for is no part of its name: "a phishing campaign designed to
# trap officials tied to diplomacy" (session 21)


def test_what_a_case_was_designed_for_is_no_part_of_its_name() -> None:
    f = draft(
        "Hackers phish envoys\n\nA suspected Peru-based hacking group phished diplomats.\n\n"
        "Researchers at Vexa uncovered a phishing campaign designed to trap officials tied to "
        "diplomacy, elections and trade.\n"
    )
    names = [a.name for c in f.campaigns for a in c.all_actors] + [c.name for c in f.campaigns]
    assert not any("designed" in n or "officials" in n for n in names), names


def test_a_new_version_of_a_tool_called_x_is_no_case() -> None:
    f = draft(
        NEWS + "Tin Vane, a crew from Peru, phished banks in Chile.\n\nThe crew also builds "
        "malware, including a trojan called GoldKite and, in 2025, a new Python-based version "
        "called PyKite.\n"
    )
    assert [c.name for c in f.campaigns] == ["Tin Vane"]


def test_a_report_and_its_present_verb_are_no_part_of_the_actors_name() -> None:
    f = draft(
        NEWS + "A new report retraces the aims, the tools and actors of a Maltese network "
        "behind hoaxes about Chad.\n"
    )
    names = [a.name for c in f.campaigns for a in c.all_actors]
    assert names and not any("retraces" in n for n in names), names


@pytest.mark.parametrize("artifact", ["a scheduled task named", "an executable called"])
def test_what_an_intrusion_leaves_on_a_host_named_so_is_no_case(artifact: str) -> None:
    f = draft(
        NEWS + "Tin Vane, a crew from Peru, phished banks in Chile.\n\nThe crew then created "
        f"{artifact} WinHelper that ran its loader every hour.\n"
    )
    assert [c.name for c in f.campaigns] == ["Tin Vane"]


@pytest.mark.parametrize("kind", ["Covert Reach Index (CRI)", "Covert Operation (CO)"])
def test_an_acronym_for_a_kind_on_a_measure_names_no_case_and_no_country(kind: str) -> None:
    f = draft(
        NEWS + "Peruvian accounts used ChatGPT to write praise for the mayor of Lima.\n\n"
        f"The lab put them low on its six-level {kind} impact scale.\n"
    )
    assert [c.name for c in f.campaigns] == ["Peruvian accounts activity"]
    assert [x.id for c in f.campaigns for x in c.targets.countries] == []


def test_two_capitals_in_brackets_after_a_name_they_do_not_spell_are_its_country() -> None:
    f = draft(NEWS + "Tin Vane (CO) phished banks in Peru.\n")
    assert actors_of(f) == [("Tin Vane operators", "CO")]


def test_an_outlet_its_owner_runs_is_no_actor_and_its_acronym_no_case() -> None:
    f = draft(
        NEWS + "Storm-9001 spread fake stories about the games in Lima.\n\n"
        "A sample of Storm-9001's posts, including from its main outlet Andean Daily Truth "
        "(ADT).\n"
    )
    assert not {"ADT", "Andean Daily Truth"} & _names(f)
    assert "Storm-9001" in _names(f)


def test_the_acronym_of_whom_a_campaign_is_against_names_no_case() -> None:
    f = draft(
        NEWS + "Peru is stepping up campaigns against Chile, its president, the Andean Games "
        "Committee (AGC), and the games in Lima. Two Peruvian groups, Storm-9001 and "
        "Storm-9002, turned to the games.\n"
    )
    assert "AGC" not in _names(f)
    assert {"Storm-9001", "Storm-9002"} <= _names(f)


def test_an_acronym_of_who_acts_still_names_its_case() -> None:
    f = draft(NEWS + "A campaign against Chile was run by the Andean Union of Free Media (AUFM), "
              "which posted articles in Spanish.\n")  # fmt: skip
    assert "AUFM" in _names(f)
