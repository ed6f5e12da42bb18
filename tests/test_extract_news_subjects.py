"""The extractor on who the actors of a news story are, past the shapes of
``test_extract_news_names.py``: an actor coordinated after another with a noun of its own, a
name given after "called the", a hedged seat ("believed to be based in"), the nouns an
unnamed actor is called by, and a name the actors' noun is tied to ("accounts tied to Copper
Finch"). One test per grammatical case, each on sentences written for it."""

from __future__ import annotations

import pytest

from graphkit.findings import CampaignFindings, Findings
from tests.extract_helpers import country, draft

NEWS = "Chatbot maker cuts off two crews\n\n"  # a plain text's first line: its headline


def _with_actor(f: Findings, name: str) -> CampaignFindings:
    return next(c for c in f.campaigns if any(a.name == name for a in c.all_actors))


def test_actors_coordinated_by_as_well_as_with_a_noun_of_their_own_are_two() -> None:
    f = draft(
        NEWS + "The startup said it removed accounts run by Peruvian operators, as well as "
        "fraudsters in Laos who wrote fake rental listings in Thai.\n"
    )
    peru = _with_actor(f, "Accounts run by Peruvian operators")
    laos = _with_actor(f, "Fraudsters in Laos")
    assert peru is not laos
    assert country(peru) == "PE" and country(laos) == "LA"
    assert [x.id for x in laos.languages] == ["th"] and not peru.languages


# --- A place or time a sentence opens on, set apart before its subject


@pytest.mark.parametrize(
    "opening",
    ["In Ghana, a marketing firm ran", "In Ghana, operators ran", "Operators in Ghana ran"],
)
def test_a_fronted_place_before_an_actor_noun_in_lower_case_is_where_the_actor_sits(
    opening: str,
) -> None:
    f = draft(NEWS + opening + " fake accounts that praised the ruling party in English.\n")
    (c,) = f.campaigns
    assert country(c) == "GH" and not c.targets.countries
    if "operators" in opening:
        assert [a.name for a in c.all_actors] == ["Operators in Ghana"]


def test_a_fronted_place_before_actors_with_an_origin_of_their_own_is_where_they_acted() -> None:
    f = draft(NEWS + "In Peru, Russian hackers wrote malware for banks.\n")
    (c,) = f.campaigns
    assert [a.name for a in c.all_actors] == ["Russian hackers"]  # no "Peru, Russian" list
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"PE"}


def test_a_fronted_place_before_a_targeting_verb_is_where_the_targets_are() -> None:
    f = draft(NEWS + "In Peru, hackers targeted banks with phishing emails in Spanish.\n")
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"PE"}
    assert not [a for c in f.campaigns for a in c.all_actors if a.country]


def test_a_fronted_time_is_no_part_of_an_unnamed_actors_name() -> None:
    f = draft(NEWS + "In March 2025, Bolivian operators ran fake accounts on social media.\n")
    (c,) = f.campaigns
    assert [a.name for a in c.all_actors] == ["Bolivian operators"] and country(c) == "BO"


@pytest.mark.parametrize(
    "fronted",
    [
        "After the ban,",
        "Rather than renting servers,",
        "Despite the takedown,",
        "Earlier this year,",
    ],
)
def test_a_fronted_phrase_is_no_part_of_the_unnamed_actors_name(fronted: str) -> None:
    f = draft(NEWS + f"{fronted} the crew in Laos deployed a loader that hides its code.\n")
    (c,) = f.campaigns
    assert [a.name for a in c.all_actors] == ["Crew in Laos"] and country(c) == "LA"


def test_a_fronted_clause_with_a_list_is_no_phrase_set_before_the_subject() -> None:
    f = draft(
        NEWS + "While Laotian crews focus on banks, airlines and energy firms, Peruvian crews go "
        "after schools.\n"
    )
    names = {a.name for c in f.campaigns for a in c.all_actors}
    assert not any("airlines" in n or "energy" in n for n in names), names


@pytest.mark.parametrize("opener", ["While", "Whereas", "Although"])
def test_a_clause_set_before_the_main_one_is_an_actor_of_its_own(opener: str) -> None:
    f = draft(
        NEWS + f"{opener} Laotian crews phish banks, airlines and energy firms, Peruvian crews "
        "scan schools in Chile.\n"
    )
    cases = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert sorted(cases) == ["Laotian crews", "Peruvian crews"]
    assert {x.id for x in cases["Laotian crews"].targets.sectors} == {
        "financial-services", "transportation", "energy"}  # fmt: skip
    assert not cases["Laotian crews"].targets.countries
    assert {x.id for x in cases["Peruvian crews"].targets.countries} == {"CL"}


def test_a_clause_set_before_the_main_one_on_the_same_actor_names_it_without_its_word() -> None:
    f = draft(NEWS + "While Laotian crews phished banks in Chile, they also wrote malware.\n")
    assert [a.name for c in f.campaigns for a in c.all_actors] == ["Laotian crews"]


# --- Whom the actors dealt with, and where


@pytest.mark.parametrize(
    "dealing",
    ["for an interview with a software firm in Norway", "to apply at a software firm in Norway"],
)
def test_a_firm_after_a_preposition_of_dealings_is_a_target_where_it_is(dealing: str) -> None:
    f = draft(
        NEWS + "North Korean operators asked the model to write a cover letter " + dealing + ".\n"
    )
    (c,) = f.campaigns
    assert country(c) == "KP" and {x.id for x in c.targets.countries} == {"NO"}


def test_a_firm_the_actors_work_for_is_where_they_are_not_a_target() -> None:
    f = draft(NEWS + "Operators working for a marketing firm in Norway ran fake accounts.\n")
    (c,) = f.campaigns
    assert country(c) == "NO" and not c.targets.countries


# --- Who the reporter believes the actors are


@pytest.mark.parametrize(
    "passage",
    [
        "The lab banned accounts run by operators whom the lab believes are a Bolivian crew, "
        "after they asked the model to debug scanners.",
        "It removed a cluster that researchers suspect is a Bolivian crew.",
    ],
)
def test_a_relative_clause_of_belief_names_the_unnamed_actor_by_its_predicate(
    passage: str,
) -> None:
    f = draft(NEWS + passage + "\n")
    (c,) = f.campaigns
    assert [a.name for a in c.all_actors] == ["Bolivian crew"] and country(c) == "BO"


# --- A name given after "called the"


def test_a_name_after_called_the_names_the_operation() -> None:
    f = draft(
        NEWS + "The lab also took down a Bolivian operation called the Andean Voice of Free "
        "Media, which posted articles in French.\n"
    )
    (c,) = f.campaigns
    assert c.name == "Andean Voice of Free Media" and country(c) == "BO"
    assert [x.id for x in c.languages] == ["fr"]


def test_a_people_after_called_the_is_no_name() -> None:
    f = draft(
        NEWS + "Bolivian operators ran what the lab called the Chilean government's favourite "
        "pages, posting in French.\n"
    )
    assert [c.name for c in f.campaigns] == ["Bolivian operators activity"]


# --- A quoted name set apart by what it is


@pytest.mark.parametrize("mark", ['"', "\u201c"])
def test_a_quoted_name_before_a_phrase_set_apart_that_says_what_it_is_names_it(mark: str) -> None:
    close = '"' if mark == '"' else "\u201d"
    f = draft(
        NEWS + f"{mark}Amber Gull,{close} a Bolivian fraud ring, wrote text messages in "
        "Portuguese.\n"
    )
    (c,) = f.campaigns
    assert c.name == "Amber Gull" and country(c) == "BO"
    assert [x.id for x in c.languages] == ["pt"]


def test_a_quoted_phrase_before_a_noun_of_its_own_clause_is_no_name() -> None:
    f = draft(
        NEWS + 'Bolivian operators posted "Good Morning," a phrase the group used in Portuguese.\n'
    )
    assert [c.name for c in f.campaigns] == ["Bolivian operators activity"]


# --- What the actors posed as, and whom they reached


@pytest.mark.parametrize(
    "passage",
    [
        "Bolivian scammers sent texts impersonating banks to users in Chile.",
        "Bolivian operators wrote emails impersonating reporters to the mayor of Santiago, Chile.",
    ],
)
def test_a_to_after_what_the_actors_posed_as_reaches_whom_they_went_after(passage: str) -> None:
    f = draft(NEWS + passage + "\n")
    (c,) = f.campaigns
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CL"}


def test_what_the_actors_pretended_to_be_is_no_target() -> None:
    f = draft(NEWS + "Bolivian scammers pretended to be bankers from Chile.\n")
    (c,) = f.campaigns
    assert country(c) == "BO" and not c.targets.countries


# --- Sector words in another sense


def test_a_sectors_own_name_as_an_adjective_of_another_head_is_no_target() -> None:
    f = draft(
        NEWS + "The lab took legal action against Bolivian scammers who wrote fake offers for "
        "users in Chile.\n"
    )
    (c,) = f.campaigns
    assert not c.targets.sectors


def test_a_sectors_own_name_before_a_targets_head_is_a_target() -> None:
    f = draft(NEWS + "Bolivian scammers sent phishing emails to legal firms in Chile.\n")
    (c,) = f.campaigns
    assert {x.id for x in c.targets.sectors} == {"legal"}


# --- Whom the reporter acted against


@pytest.mark.parametrize(
    "passage",
    [
        "The lab took action against Bolivian scammers who wrote fake offers for users in Chile.",
        "The lab took legal action against Bolivian scammers who wrote fake offers for users in "
        "Chile.",
        "The lab filed a lawsuit against a Bolivian fraud ring that sent fake texts to users in "
        "Chile.",
    ],
)
def test_a_people_after_what_the_reporter_did_against_them_is_the_actors_origin(
    passage: str,
) -> None:
    f = draft(NEWS + passage + "\n")
    (c,) = f.campaigns
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CL"}
    assert c.all_actors[0].name.startswith("Bolivian")


def test_attacks_against_a_people_still_target_it() -> None:
    f = draft(NEWS + "Chilean hackers ran attacks against Bolivian journalists.\n")
    (c,) = f.campaigns
    assert country(c) == "CL" and {x.id for x in c.targets.countries} == {"BO"}


# --- A new name right after an actor's noun


def test_a_name_after_an_actor_noun_and_before_its_verb_is_a_new_actor() -> None:
    f = draft(
        NEWS + "The Chilean intelligence unit Copper Condor researched radar systems, while "
        "the Peruvian group Andes Kestrel wrote phishing lures in Spanish.\n"
    )
    condor, kestrel = _with_actor(f, "Copper Condor"), _with_actor(f, "Andes Kestrel")
    assert country(condor) == "CL" and not condor.languages
    assert country(kestrel) == "PE" and [x.id for x in kestrel.languages] == ["es"]


def test_a_catalog_alias_that_opens_a_longer_name_in_running_text_is_not_that_actor() -> None:
    f = draft(
        NEWS + "Analysts said the crew Copper Condor, from Chile, researched radar systems.\n"
    )
    assert "Tonto Team" not in {a.name for c in f.campaigns for a in c.all_actors}


# --- Two names given to a plural noun


def test_two_names_known_as_after_actors_counted_are_two_actors() -> None:
    f = draft(
        NEWS + 'Two Peruvian groups, known as "Grey Loom" and "Tin Vane" sent messages on '
        "Telegram to people in Chile.\n"
    )
    actors = {a.name: a for c in f.campaigns for a in c.all_actors}
    assert set(actors) == {"Grey Loom", "Tin Vane"} and not actors["Grey Loom"].aliases
    assert {a.country.id for a in actors.values() if a.country} == {"PE"}


# --- Who the opening noun is, set apart by dashes, or taken up from a count


def test_who_an_opening_noun_is_set_apart_by_dashes_is_part_of_its_name() -> None:
    f = draft(
        NEWS + "The groups\u2014based in Peru and Cuba\u2014used the model to write comments.\n"
    )
    assert {a.name for c in f.campaigns for a in c.all_actors} == {
        "Groups based in Peru",
        "Groups based in Cuba",
    }


def test_a_definite_noun_that_takes_up_cases_counted_before_it_names_them() -> None:
    f = draft(
        NEWS + "The lab said it disrupted two influence operations. The groups, based in Peru "
        "and Cuba, used the model to write comments.\n"
    )
    assert {a.name for c in f.campaigns for a in c.all_actors} == {
        "Groups based in Peru",
        "Groups based in Cuba",
    }


# --- Ties the reporter believes in, after the noun


@pytest.mark.parametrize(
    ("passage", "name"),
    [
        (
            "The lab banned accounts believed to have ties to Bolivian government bodies after "
            "they asked for a monitoring plan.",
            "Accounts believed to have ties to Bolivian government bodies",
        ),
        (
            "The lab banned accounts suspected of links to Bolivian government bodies after "
            "they asked for a monitoring plan.",
            "Accounts suspected of links to Bolivian government bodies",
        ),
    ],
)
def test_ties_believed_in_after_an_unnamed_actors_noun_are_part_of_its_name(
    passage: str, name: str
) -> None:
    f = draft(NEWS + passage + "\n")
    (c,) = f.campaigns
    assert [a.name for a in c.all_actors] == [name] and country(c) == "BO"


# --- A country that acts


@pytest.mark.parametrize(
    "passage",
    [
        "Cuba made relatively modest use of the platform, mostly for basic coding tasks.",
        "Cuba mostly used the chatbot for translation.",
    ],
)
def test_a_country_that_opens_its_sentence_and_uses_the_platform_is_the_actors_origin(
    passage: str,
) -> None:
    f = draft(NEWS + passage + "\n")
    (c,) = f.campaigns
    assert country(c) == "CU" and not c.targets.countries


def test_a_country_that_opens_its_sentence_and_is_hit_is_a_target() -> None:
    f = draft(NEWS + "Cuba was hit hardest by Peruvian phishing crews.\n")
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"CU"}


def test_what_a_country_did_opening_a_paragraph_is_its_actors_case() -> None:
    f = draft(
        NEWS + "Cuba's attacks are wide, mostly hitting telecommunications firms in Chile. Cuban "
        "state actors also team up with private firms to write malware.\n\nBolivian state "
        "actors mostly go after their old rivals in Ecuador.\n"
    )
    cases = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert {n: country(c) for n, c in cases.items()} == {
        "Actors from Cuba": "CU", "Bolivian state actors": "BO"}  # fmt: skip
    assert {x.id for x in cases["Actors from Cuba"].targets.countries} == {"CL"}
    assert {x.id for x in cases["Actors from Cuba"].targets.sectors} == {"telecommunications"}


def test_a_country_that_opens_a_clause_after_while_and_leans_on_something_is_no_target() -> None:
    f = draft(NEWS + "Cuba's operations steal research, while Bolivia leans towards meddling.\n")
    assert not {x.id for c in f.campaigns for x in c.targets.countries}


def test_at_least_before_a_count_of_actors_aims_at_no_one() -> None:
    f = draft(
        NEWS + "More than 20 Peruvian groups researched targets, while at least 10 Bolivian "
        "groups wrote phishing lures in Quechua.\n"
    )
    bolivian = _with_actor(f, "Bolivian groups")
    assert country(bolivian) == "BO" and not bolivian.targets.countries


def test_names_set_apart_after_an_indefinite_actor_noun_or_its_one_are_actors() -> None:
    f = draft(
        NEWS + "The report names a Peruvian group, Grey Loom, that wrote lures in Spanish, and a "
        "Bolivian one, Tin Vane, that scanned routers in Chile.\n"
    )
    loom, vane = _with_actor(f, "Grey Loom"), _with_actor(f, "Tin Vane")
    assert loom is not vane and country(loom) == "PE" and country(vane) == "BO"
    assert {x.id for x in vane.targets.countries} == {"CL"} and not loom.targets.countries


def test_a_relative_clause_of_where_unnamed_actors_came_from_gives_their_origin() -> None:
    f = draft(
        NEWS + "A small set of accounts that likely originated in Bolivia asked the models about "
        "officials in Chile.\n"
    )
    (c,) = f.campaigns
    # "small set of" counts them, it says nothing of who they are: where they are from does
    assert [a.name for a in c.all_actors] == ["Accounts from Bolivia"] and country(c) == "BO"
    assert {x.id for x in c.targets.countries} == {"CL"}


def test_one_and_the_other_after_two_names_give_each_its_own_origin() -> None:
    f = draft(
        NEWS + 'Researchers labelled the clusters "Power Wagon" and "Toll and Trade," with one '
        "traced to a Bolivian software firm and the other linked to actors in Peru.\n"
    )
    wagon, toll = _with_actor(f, "Power Wagon"), _with_actor(f, "Toll and Trade")
    assert wagon is not toll and country(wagon) == "BO" and country(toll) == "PE"


# --- A news page's run-in labels


def test_a_label_that_ends_on_a_small_word_is_no_name() -> None:
    f = draft(
        NEWS + "Zoom in: Bolivian operators targeted banks in Chile and debugged a stealer.\n\n"
        "Watch for: more phishing in Spanish.\n"
    )
    names = {c.name for c in f.campaigns} | {a.name for c in f.campaigns for a in c.all_actors}
    assert not any(n.startswith(("Zoom in", "Watch for")) for n in names)


def test_a_run_in_label_before_a_reported_sentence_leaves_its_actor_whole() -> None:
    f = draft(
        NEWS + "Driving the news: The lab said it banned accounts run by Bolivian operators who "
        "wrote lures in Spanish.\n\nWhy it matters: Criminals keep finding uses for chatbots.\n"
    )
    (c,) = f.campaigns
    assert [a.name for a in c.all_actors] == ["Accounts run by Bolivian operators"]


def test_among_those_before_a_copula_is_no_part_of_the_actors_name() -> None:
    f = draft(
        NEWS + "Among those banned were operators in Bolivia who wrote fake articles about Peru, "
        "and a network in Chile that spammed comments.\n"
    )
    assert {a.name for c in f.campaigns for a in c.all_actors} == {
        "Operators in Bolivia",
        "Network in Chile",
    }


def test_two_unnamed_actors_in_a_reported_sentence_opening_its_clauses_are_two() -> None:
    f = draft(
        NEWS + "The lab said a Portuguese-speaking fraudster used the chatbot to write scam "
        "messages, while a Spanish-speaking developer built malware.\n"
    )
    fraud = _with_actor(f, "Portuguese-speaking fraudster")
    dev = _with_actor(f, "Spanish-speaking developer")
    assert fraud is not dev
    assert [x.id for x in fraud.languages] == ["pt"] and [x.id for x in dev.languages] == ["es"]


def test_who_backs_unnamed_actors_after_their_noun_is_part_of_their_name() -> None:
    f = draft(NEWS + "Hackers backed by the Bolivian government wrote lures for banks in Chile.\n")
    (c,) = f.campaigns
    assert [a.name for a in c.all_actors] == ["Hackers backed by the Bolivian government"]
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CL"}


def test_countries_listed_at_a_sentences_start_before_a_verb_of_using_are_origins() -> None:
    f = draft(NEWS + "Peru, Bolivia and Cuba all used the platform, mostly for translation.\n")
    origins = {a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins == {"PE", "BO", "CU"}
    assert not [x for c in f.campaigns for x in c.targets.countries]


def test_counts_that_stand_for_cases_counted_before_sit_where_they_are_in() -> None:
    f = draft(
        NEWS + "The lab identified four networks: one in Peru, one in Bolivia and two in Cuba.\n"
    )
    origins = {a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins == {"PE", "BO", "CU"}
    assert not [x for c in f.campaigns for x in c.targets.countries]


def test_two_new_names_a_count_of_actors_sets_apart_are_two_actors_from_its_people() -> None:
    f = draft(
        NEWS + "Two Peruvian groups, Andes Falcon and Inca Shrike, used the service. Andes "
        "Falcon researched companies in Chile, and Inca Shrike translated papers into Spanish.\n"
    )
    falcon, shrike = _with_actor(f, "Andes Falcon"), _with_actor(f, "Inca Shrike")
    assert falcon is not shrike and country(falcon) == country(shrike) == "PE"
    assert {x.id for x in falcon.targets.countries} == {"CL"} and not shrike.targets.countries


def test_a_new_name_after_the_place_it_is_tied_to_is_an_actor_from_there() -> None:
    f = draft(
        NEWS + "Among the groups were the Peru-affiliated Andes Falcon, which researched defense "
        "firms, and the Bolivia-affiliated Salar Moth, which wrote lures in Quechua.\n"
    )
    falcon, moth = _with_actor(f, "Andes Falcon"), _with_actor(f, "Salar Moth")
    assert country(falcon) == "PE" and country(moth) == "BO"
    assert [x.id for x in moth.languages] == ["qu"] and not falcon.languages


@pytest.mark.parametrize("verb", ["identifies", "describes", "flags"])
def test_the_report_before_a_present_reporting_verb_is_no_part_of_the_actors_name(
    verb: str,
) -> None:
    f = draft(
        NEWS + f"The paper {verb} state-backed crews linked to Peru and Chile as steadily "
        "testing chatbots for phishing.\n"
    )
    names = sorted(a.name for c in f.campaigns for a in c.all_actors)
    assert names == ["State-backed crews linked to Chile", "State-backed crews linked to Peru"]


@pytest.mark.parametrize(
    ("body", "name", "origin"),
    [
        # a hedged seat: the hedge goes, the seat stays ("Operators believed to be" was drafted)
        ("The operators, thought to be based in Malta, sent lures to clerks in Chad.",
         "Operators based in Malta", "MT"),
        ("Operators believed to be based in Malta sent lures to clerks in Chad.",
         "Operators based in Malta", "MT"),
        ("The crew, suspected to be operating out of Malta, sent lures to clerks in Chad.",
         "Crew operating out of Malta", "MT"),
        # nouns for actors as other nouns of the kind ("hackers", "scammers")
        ("Maltese hacktivists sent lures to clerks in Chad.", "Maltese hacktivists", "MT"),
        ("A Maltese scammer sent lures to clerks in Chad.", "Maltese scammer", "MT"),
    ],
)  # fmt: skip
def test_an_unnamed_actor_is_named_by_its_noun_and_seat(body: str, name: str, origin: str) -> None:
    (c,) = draft(NEWS + body + "\n").campaigns
    (actor,) = c.all_actors
    assert (actor.name, actor.country.id if actor.country else None) == (name, origin)
    assert {x.id for x in c.targets.countries} == {"TD"}


@pytest.mark.parametrize(
    ("body", "origin", "targets"),
    [
        ("The lab banned accounts tied to Copper Finch, which it traced to Malta.", "MT", set()),
        ("Accounts linked to Copper Finch wrote lures for clerks in Chad.", None, {"TD"}),
    ],
)
def test_a_name_an_actors_noun_is_tied_to_is_the_actor(
    body: str, origin: str | None, targets: set[str]
) -> None:
    (c,) = draft(NEWS + body + "\n").campaigns
    (actor,) = c.all_actors
    assert actor.name == "Copper Finch"
    assert (actor.country.id if actor.country else None) == origin
    assert {x.id for x in c.targets.countries} == targets


def test_a_state_body_an_actor_is_tied_to_names_no_actor() -> None:
    f = draft(NEWS + "Maltese hackers linked to GRU Unit 26165 wrote lures for clerks in Chad.\n")
    assert [a.name for c in f.campaigns for a in c.all_actors] == ["Maltese hackers"]


@pytest.mark.parametrize(
    "namer", ["that the lab calls", "the lab tracks as", "it calls", "which the firm dubs"]
)
def test_an_actor_the_reporter_names_after_its_noun_keeps_the_noun_s_people(namer: str) -> None:
    (c,) = draft(
        NEWS + f"Clerks in Chad were phished by a Maltese group {namer} Jade Kite.\n"
    ).campaigns
    (actor,) = c.all_actors
    assert actor.name == "Jade Kite"
    assert actor.country is not None and actor.country.id == "MT"
    assert {x.id for x in c.targets.countries} == {"TD"}
