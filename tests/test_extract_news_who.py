"""The extractor on who acts in news coverage (session 18): the reporter's own unit named by
its acronym, a reporter's contracted "has", a bulleted list of a case's fields, headings that
say what a section is; (session 21) a byline over a news page's lines, a card that opens on
its actor, headings of a timeline or an essay, "the former" and "the latter" after two named
actors. One test per grammatical case, each on
sentences written for it, beside one where the same words must still count the old way."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import actors_of as _actors
from tests.extract_helpers import country, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


def _names(f: Findings) -> set[str]:
    return {c.name for c in f.campaigns} | {a.name for c in f.campaigns for a in c.all_actors}


# --- The reporter's own unit, named by its acronym, is no operation


@pytest.mark.parametrize(
    "unit",
    [
        '"Nothing new," the firm said in a Threat Watch Desk (TWD) report.',
        "The Threat Watch Desk (TWD) said the crews were new.",
        "The lab's Threat Watch Desk (TWD) tracked them for a year.",
    ],
)
def test_an_acronym_of_the_reporters_own_unit_names_no_operation(unit: str) -> None:
    f = draft(NEWS + f"Bolivian state hackers used the chatbot to write lures.\n\n{unit}\n")
    assert _actors(f) == [("Bolivian state hackers", "BO")]
    assert not _names(f) & {"TWD", "The Threat Watch Desk"}


def test_an_acronym_of_the_words_before_it_still_names_an_operation() -> None:
    f = draft(NEWS + "The Andean Union of Free Media (AUFM) posted articles about Peru.\n")
    assert [c.name for c in f.campaigns] == ["AUFM"]


# --- A reporter's contracted "has": "it's spotted", "they've caught"


@pytest.mark.parametrize("said", ["it's spotted", "they've caught", "it has spotted"])
def test_a_reporters_contracted_has_is_no_part_of_whom_it_saw(said: str) -> None:
    f = draft(NEWS + f"The lab says {said} Bolivian and Peruvian hackers using its chatbot.\n")
    assert _actors(f) == [("Bolivian hackers", "BO"), ("Peruvian hackers", "PE")]


# --- A bulleted list of one case's fields, and headings that say what a section is

FIELDS = (
    NEWS + "Case Overview\n"
    "- Tracked name: Tin-42 (a Bolivian state-backed crew)\n"
    "- Tools used: a coding agent plus scanners run over the Remote Probe Kit (RPK)\n"
    "- Targets: ministries in Chile\n"
    "- Outcome: access to a few ministries\n"
    "- Pace: hundreds of requests an hour\n"
)


def test_a_bulleted_list_of_fields_is_one_cases_fields_not_cases() -> None:
    f = draft(FIELDS)
    (c,) = f.campaigns
    assert c.name == "Tin-42" and _actors(f) == [("Tin-42 operators", "BO")]
    assert {x.id for x in c.targets.countries} == {"CL"}
    assert not _names(f) & {"Case Overview", "RPK", "Outcome", "Pace"}


def test_bulleted_names_each_with_what_it_did_are_still_cases_of_their_own() -> None:
    f = draft(
        NEWS + "The lab named three crews:\n"
        "- Tin Vane: a Bolivian crew that phished ministries in Chile\n"
        "- Grey Loom: a Peruvian crew that wrote posts about Ecuador\n"
        "- Salt Reed: a Chilean crew that scanned routers in Peru\n"
    )
    assert {c.name for c in f.campaigns} == {"Tin Vane", "Grey Loom", "Salt Reed"}


@pytest.mark.parametrize(
    "heading", ["TL;DR", "Incident Overview", "Case Summary", "Implications", "Why It Matters"]
)
def test_a_heading_that_says_what_its_section_is_names_no_operation(heading: str) -> None:
    f = draft(NEWS + f"{heading}\nBolivian state hackers phished ministries in Chile.\n")
    assert _actors(f) == [("Bolivian state hackers", "BO")] and heading not in _names(f)


# --- A time set apart before the subject


@pytest.mark.parametrize("when", ["On May 2,", "Last week,", "In mid-September 2025,"])
def test_a_time_set_apart_before_the_subject_is_no_part_of_its_name(when: str) -> None:
    f = draft(NEWS + f"{when} Bolivian state hackers phished ministries in Chile.\n")
    assert _actors(f) == [("Bolivian state hackers", "BO")]


def test_a_place_set_apart_before_the_subject_still_says_where_it_acted() -> None:
    f = draft(NEWS + "In Peru, Bolivian state hackers phished ministries.\n")
    assert _actors(f) == [("Bolivian state hackers", "BO")]
    assert {x.id for x in f.campaigns[0].targets.countries} == {"PE"}


# --- A person who speaks for the reporter, set apart by who they are


def test_a_person_who_puts_it_in_a_quote_is_no_operation() -> None:
    f = draft(
        NEWS + "Bolivian hackers phished ministries in Chile.\n\nMaria Quispe-Lopez, who runs "
        'customer trust at the company, put it plainly: "Patch now or pay later."\n'
    )
    assert _names(f) == {"Bolivian hackers activity", "Bolivian hackers"}


# --- Countries as the subject of what their actors did, after "has" or "are now"


@pytest.mark.parametrize(
    "said",
    [
        "Peru has used fake personas to get remote jobs.",
        "Peru is now using the chatbot to get remote jobs.",
    ],
)
def test_a_country_that_has_used_or_is_using_the_platform_is_the_actors_origin(said: str) -> None:
    f = draft(NEWS + f"Bolivian hackers phished ministries in Chile.\n\n{said}\n")
    assert ("Actors from Peru", "PE") in _actors(f)
    assert all(x.id != "PE" for c in f.campaigns for x in c.targets.countries)


def test_a_list_of_countries_that_are_using_it_gives_each_its_own_actors() -> None:
    f = draft(
        NEWS + "Aside from Ecuador, Peru, Chile and Cuba are now leveraging the chatbot to "
        "phish diplomats.\n"
    )
    assert _actors(f) == [("Actors from Chile", "CL"), ("Actors from Cuba", "CU"),
                          ("Actors from Peru", "PE")]  # fmt: skip


def test_a_country_that_has_been_hit_is_still_a_target() -> None:
    f = draft(NEWS + "Peru has been hit hardest by Bolivian phishing crews.\n")
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"PE"}


# --- A count before "of" is how many, not who: "a small set of accounts", "a handful of"


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("A handful of accounts tied to Bolivia", "Accounts tied to Bolivia"),
        ("A small number of accounts linked to Bolivia", "Accounts linked to Bolivia"),
        ("A set of accounts that likely came from Bolivia", "Accounts from Bolivia"),
    ],
)
def test_a_count_before_of_is_no_part_of_the_actors_name(opening: str, name: str) -> None:
    f = draft(NEWS + f"{opening} asked the chatbot about officials in Chile.\n")
    assert _actors(f) == [(name, "BO")]


def test_a_collective_noun_before_of_stays_the_actors_name() -> None:
    f = draft(NEWS + "A network of accounts tied to Bolivia asked about officials in Chile.\n")
    assert _actors(f) == [("Network of accounts tied to Bolivia", "BO")]


def test_an_unnamed_subject_ends_before_its_verb_and_its_object() -> None:
    f = draft(
        NEWS + "Bolivian hackers phished ministries in Chile.\n\n"
        "Accounts asked the chatbot about officials in Peru.\n"
    )
    assert not any("asked" in n for n in _names(f))


# --- "Other accounts ..." opens a case of its own, as "Another operation" does


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_other_ones_of_the_same_noun_open_a_case_of_their_own(gap: str) -> None:
    f = draft(
        NEWS + "Accounts tied to Bolivia ran a dating scam aimed at men in Chile."
        f"{gap}Other accounts posed as law firms and went after fraud victims in Peru.\n"
    )
    cases = {c.all_actors[0].name: c for c in f.campaigns}
    assert set(cases) == {"Accounts tied to Bolivia", "Other accounts"}
    assert {x.id for x in cases["Accounts tied to Bolivia"].targets.countries} == {"CL"}
    assert {x.id for x in cases["Other accounts"].targets.countries} == {"PE"}


def test_other_ones_listed_as_examples_open_no_case() -> None:
    f = draft(
        NEWS + "Accounts tied to Bolivia phished unions in Chile. Other groups such as "
        "charities were phished too.\n"
    )
    assert _actors(f) == [("Accounts tied to Bolivia", "BO")]


# --- The people of a person the content tells of: "the arrest of a Peruvian figure"


@pytest.mark.parametrize("event", ["the arrest of a", "the trial of the", "the death of a"])
def test_the_people_of_a_person_something_befell_is_no_target(event: str) -> None:
    f = draft(
        NEWS + "Accounts tied to Bolivia wrote and translated posts about "
        f"{event} Peruvian figure in Chile.\n"
    )
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"CL"}


def test_a_person_of_a_people_the_actors_went_after_is_still_a_target() -> None:
    f = draft(NEWS + "Accounts tied to Bolivia phished a Peruvian figure.\n")
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"PE"}


# --- A run-in label over a clause with a subject of its own


@pytest.mark.parametrize(
    ("said", "actor"),
    [
        ("Peru's new trick: Peru has used fake personas to get remote jobs.", "Actors from Peru"),
        ("The new twist: Peruvian scammers used fake personas to get jobs.", "Peruvian scammers"),
    ],
)
def test_a_run_in_label_is_no_part_of_who_acts(said: str, actor: str) -> None:
    f = draft(NEWS + f"Bolivian hackers phished ministries in Chile.\n\n{said}\n")
    assert set(_actors(f)) == {("Bolivian hackers", "BO"), (actor, "PE")}


# --- A remark that names nothing, then a new actor brought in by "a"


def test_a_new_actor_after_a_remark_that_names_nothing_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS + "Accounts linked to Bolivia wrote posts about power prices in Chile.\n\n"
        "This was not the first such case. In 2023, a Peruvian crew used an image tool to "
        "fake protest photos.\n"
    )
    assert set(_actors(f)) == {("Accounts linked to Bolivia", "BO"), ("Peruvian crew", "PE")}


def test_the_same_actor_after_a_remark_stays_that_case() -> None:
    f = draft(
        NEWS + "Accounts linked to Bolivia wrote posts about power prices in Chile.\n\n"
        "This was not new. The accounts also wrote posts about Peru.\n"
    )
    assert _actors(f) == [("Accounts linked to Bolivia", "BO")]


# --- A quoted name tied to another as who is behind it


SALT_KITE = (
    NEWS + 'The lab detailed a case dubbed "Salt Kite" involving accounts tied to the Peruvian '
    'outlet known as "Red Quill."\n\nThe network used the chatbot to write posts in Spanish.\n\n'
    'Some of the posts later ran on pages carrying the "Red Quill" brand.\n'
)


def test_a_quoted_name_tied_to_a_named_case_is_its_actor_not_a_case() -> None:
    f = draft(SALT_KITE)
    (c,) = f.campaigns
    assert c.name == "Salt Kite" and _actors(f) == [("Red Quill", "PE")]


def test_two_quoted_names_side_by_side_are_still_two_cases() -> None:
    f = draft(
        NEWS + 'The lab named a case "Salt Kite" that phished banks in Chile and another, '
        '"Red Quill," that wrote posts about Peru.\n'
    )
    assert {c.name for c in f.campaigns} == {"Salt Kite", "Red Quill"}


@pytest.mark.parametrize("gap", [" ", ", tied to Bolivia's army, "])
def test_a_name_before_another_in_brackets_names_the_case(gap: str) -> None:
    f = draft(NEWS + f"Tin Vane (ROOK){gap}phished banks in Chile.\n")
    assert [c.name for c in f.campaigns] == ["Tin Vane"]


def test_a_paragraph_named_by_its_cases_own_actor_stays_that_case() -> None:
    f = draft(SALT_KITE + '\nThe lab banned the accounts linked to the "Red Quill" network.\n')
    assert [c.name for c in f.campaigns] == ["Salt Kite"]


# --- A lede's one case, named in the paragraph after it


def test_a_ledes_one_case_named_in_the_next_paragraph_is_one_case() -> None:
    f = draft(
        NEWS + "The lab said it shut down a cluster of accounts tied to a Peruvian influence "
        'operation.\n\nIn its Feb. 26 report, the lab detailed a case dubbed "Salt Kite" '
        "involving accounts tied to a Peruvian outlet.\n\nThe network wrote posts in Spanish.\n"
    )
    (c,) = f.campaigns
    assert c.name == "Salt Kite" and [x.id for x in c.languages] == ["es"]


def test_another_case_named_after_a_ledes_case_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS + "The lab said it shut down a cluster of accounts tied to a Peruvian influence "
        'operation.\n\nIt also detailed another case, dubbed "Salt Kite," run from Peru.\n'
    )
    assert len(f.campaigns) == 2


def test_an_abbreviations_stop_ends_no_sentence() -> None:
    f = draft(
        NEWS + "Bolivian hackers phished ministries in Chile.\n\nOn Feb. 26, Dr. Vasquez said "
        "Peruvian scammers wrote fake job offers in Spanish.\n"
    )
    assert set(_actors(f)) == {("Bolivian hackers", "BO"), ("Peruvian scammers", "PE")}


# --- A name set apart before a definite subject names the actors told of before


def test_a_name_set_apart_before_the_attackers_is_their_name() -> None:
    f = draft(
        NEWS + "The lab said a hacking group linked to the Bolivian state used its coding tool "
        "to break into ministries.\n\nOperating under the group name TIN-42, the attackers went "
        "after about thirty ministries in Chile.\n"
    )
    (c,) = f.campaigns
    assert c.name == "TIN-42" and _actors(f) == [("TIN-42", "BO")]


# --- An overview's users from several places, then cases: the one place no case claims


def test_the_one_place_no_case_claims_is_the_unnamed_cases() -> None:
    f = draft(
        NEWS + "The lab removed accounts of users from Bolivia and Peru who it believes used its "
        "tools for spying.\n\nIn one instance, users had the chatbot write news articles in "
        "Spanish that attacked Chile.\n\nIn a second instance, actors possibly tied to Peru "
        "wrote fake resumes.\n"
    )
    cases = {country(c): c for c in f.campaigns}
    assert set(cases) == {"BO", "PE"} and {x.id for x in cases["BO"].targets.countries} == {"CL"}


# --- A sentence adverb names nothing; what the reporter did to actors is no part of them


@pytest.mark.parametrize("adverb", ["Furthermore", "Moreover", "Likewise"])
def test_a_sentence_adverb_set_apart_names_no_operation(adverb: str) -> None:
    f = draft(
        NEWS + "Bolivian hackers phished ministries in Chile.\n\n"
        f"{adverb}, the lab flagged and shut accounts tied to Peruvian influence operations, "
        'namely "Tin-77," which used the model to write posts.\n'
    )
    assert adverb not in _names(f) and ("Tin-77", "PE") in _actors(f)


def test_the_banning_of_accounts_is_no_part_of_their_name() -> None:
    f = draft(
        NEWS + "Bolivian hackers phished ministries in Chile.\n\nThe lab's tools found these "
        "operations. Among the cases is the banning of accounts tied to a Peruvian crew that "
        "wrote malware.\n"
    )
    assert ("Accounts tied to a Peruvian crew", "PE") in _actors(f)


# --- Cases counted by a reporter that tracked them; "Another" before its verb


@pytest.mark.parametrize("second", ["The second", "Another"])
def test_counted_cases_tracked_by_the_reporter_are_each_a_case(second: str) -> None:
    f = draft(
        NEWS + 'The lab tracked two clusters tied to Bolivia.\n\nThe first, dubbed "Tin Vane," '
        f"wrote posts about power prices in Chile.\n\n{second} used the tool to make images "
        "about tariffs in Peru.\n"
    )
    assert len(f.campaigns) == 2 and all(country(c) == "BO" for c in f.campaigns)
    assert sorted(x.id for c in f.campaigns for x in c.targets.countries) == ["CL", "PE"]
    assert not any("tracked" in n for n in _names(f))


# --- A participle of ties inside who the actor is, and the noun after its people


def test_a_participle_of_ties_and_its_peoples_noun_stay_in_the_actors_name() -> None:
    f = draft(
        NEWS + "The lab banned an account linked to an individual associated with Bolivian "
        "police whose work involved a covert campaign against a minister in Chile.\n"
    )
    assert _actors(f) == [("Account linked to an individual associated with Bolivian police", "BO")]


def test_a_place_after_based_still_ends_the_actors_name_before_based() -> None:
    f = draft(
        NEWS + "In a third case, accounts believed to be tied to a fraud ring based in Laos used "
        "the chatbot to post.\n"
    )
    assert not any(n.endswith(" based") for n in _names(f))


# --- A possessive place before a name and its actor's noun


@pytest.mark.parametrize("noun", ["group", "crew", "hackers"])
def test_a_name_before_its_actors_noun_is_the_actors_name(noun: str) -> None:
    f = draft(NEWS + f"Peru's Tin Vane {noun} wrote lures for banks in Chile.\n")
    assert _actors(f) == [("Tin Vane", "PE")]


# --- Two quoted names, the second's noun left out: "the Bolivian one"


def test_the_one_after_a_named_actor_is_an_actor_of_its_own_with_its_people() -> None:
    f = draft(
        NEWS + 'The lab named the Peruvian crew "Tin Vane" and the Bolivian one "Grey Loom."\n\n'
        "Tin Vane phished banks in Chile.\n\nGrey Loom scanned routers in Ecuador.\n"
    )
    cases = {c.all_actors[0].name: c for c in f.campaigns}
    assert _actors(f) == [("Grey Loom", "BO"), ("Tin Vane", "PE")]
    assert {x.id for x in cases["Tin Vane"].targets.countries} == {"CL"}
    assert {x.id for x in cases["Grey Loom"].targets.countries} == {"EC"}


# --- Peoples that share one noun, inside who the actors are


def test_peoples_sharing_one_noun_give_each_actor_its_own_people() -> None:
    f = draft(NEWS + "The lab banned accounts run by Peruvian and Bolivian crews.\n")
    assert _actors(f) == [
        ("Accounts run by Bolivian crews", "BO"),
        ("Accounts run by Peruvian crews", "PE"),
    ]


def test_a_second_subject_with_its_own_noun_still_ends_the_first() -> None:
    f = draft(NEWS + "Operators linked to Cuba and operators linked to Bolivia phished banks.\n")
    assert ("Operators linked to Cuba", "CU") in _actors(f)


@pytest.mark.parametrize("second", ["Bolivian crime rings", "Spanish-speaking criminal groups"])
def test_a_second_tie_with_its_own_people_is_no_part_of_the_first(second: str) -> None:
    f = draft(
        NEWS + f"The lab banned accounts linked to Peruvian government bodies and {second} "
        "over spying and malware.\n"
    )
    assert ("Accounts linked to Peruvian government bodies", "PE") in _actors(f)


# --- "One of the groups, X, ..., while another, Y, ...": two cases in one sentence


@pytest.mark.parametrize(
    "first", ["One of the groups, known as Tin Vane,", "One of them, Tin Vane,"]
)
def test_one_and_another_named_apart_in_one_sentence_are_two_cases(first: str) -> None:
    f = draft(
        NEWS + f"The lab named two Peruvian groups. {first} phished banks in Chile, while "
        "another, Grey Loom, scanned routers in Ecuador.\n"
    )
    cases = {c.name: c for c in f.campaigns}
    assert set(cases) == {"Tin Vane", "Grey Loom"}
    assert {x.id for x in cases["Tin Vane"].targets.countries} == {"CL"}
    assert {x.id for x in cases["Grey Loom"].targets.countries} == {"EC"}


@pytest.mark.parametrize(
    "aside", [", which the lab also calls Salt Reed,", " (also called Salt Reed)"]
)
def test_the_name_a_sentence_opens_with_names_the_case_before_its_other_name(aside: str) -> None:
    f = draft(NEWS + f"Tin Vane{aside} phished banks in Chile.\n")
    assert [c.name for c in f.campaigns] == ["Tin Vane"]


# --- A count written in figures; who the actors are after "operating out of"


@pytest.mark.parametrize("count", ["over 6.8 million", "more than 6,800", "6.8 million"])
def test_a_count_in_figures_before_the_actors_is_no_part_of_who_they_are(count: str) -> None:
    f = draft(
        NEWS + f"The lab said it shut down {count} accounts linked to scam centers in Laos.\n"
    )
    assert _actors(f) == [("Accounts linked to scam centers in Laos", "LA")]


def test_a_place_after_operating_out_of_says_where_the_actors_are() -> None:
    f = draft(NEWS + "Scam centers operating out of Laos used the chatbot to write lures.\n")
    assert _actors(f) == [("Scam centers operating out of Laos", "LA")]


def test_a_phrase_that_opens_on_the_reporters_names_no_actor() -> None:
    f = draft(
        "Lab and app maker shut scam accounts\n\nA Meta and OpenAI effort thwarted scam "
        "operations in Laos.\n\nThe app maker shut down accounts linked to scam centers in Laos.\n"
    )
    assert _actors(f) == [("Accounts linked to scam centers in Laos", "LA")]


# --- A place the actors work in, named, and who runs it


def test_a_named_compound_is_no_case_and_who_runs_it_is_the_actor() -> None:
    f = draft(
        NEWS + "The compound where he was held, called Jade Park, was run by Peruvian-led "
        "syndicates that used the chatbot to write to real estate agents in Chile.\n"
    )
    assert _actors(f) == [("Peruvian-led syndicates", "PE")] and "Jade Park" not in _names(f)


# --- What the reporter did, told by how: "... by suspending accounts linked to ..."


def test_the_accounts_a_reporter_acted_against_by_how_it_acted_are_the_actors() -> None:
    f = draft(
        NEWS + "The lab took a big step against fraud by suspending 3,000 mail accounts linked "
        "to Peruvian IT workers.\n\nThe Peruvian scheme places workers in remote jobs.\n"
    )
    assert _actors(f) == [("Mail accounts linked to Peruvian IT workers", "PE")]


# --- A negation inside a relative clause set apart is the clause's own


def test_a_negation_inside_a_set_apart_clause_leaves_the_main_clause_standing() -> None:
    f = draft(NEWS + "Peruvian hackers, whom the lab did not name, phished banks in Chile.\n")
    (c,) = f.campaigns
    assert {x.id for x in c.targets.countries} == {"CL"}


@pytest.mark.parametrize(
    "said", ["did not phish banks in Chile", "did not, however, phish banks in Chile"]
)
def test_a_negation_of_the_main_clause_still_holds(said: str) -> None:
    f = draft(NEWS + f"Peruvian hackers {said}.\n")
    assert not any(c.targets.countries for c in f.campaigns)


# --- Two actors' clauses joined by "and" without a comma; "Of the two," set before


@pytest.mark.parametrize("opening", ["", "Of the two, t"])
def test_two_peoples_actors_joined_by_and_keep_their_own_targets(opening: str) -> None:
    text = (
        "he Peruvian crew phished banks in Chile and the Bolivian crew scanned routers in Ecuador."
    )
    f = draft(NEWS + (opening or "T") + text + "\n")
    cases = {country(c): c for c in f.campaigns}
    assert set(_actors(f)) == {("Peruvian crew", "PE"), ("Bolivian crew", "BO")}
    assert {x.id for x in cases["PE"].targets.countries} == {"CL"}
    assert {x.id for x in cases["BO"].targets.countries} == {"EC"}


def test_a_list_of_targets_joined_by_and_the_is_no_second_clause() -> None:
    f = draft(NEWS + "Peruvian hackers phished banks in Chile and the United States.\n")
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"CL", "US"}


@pytest.mark.parametrize(
    "pair",
    [
        "Russian APT28 and Iranian APT35",
        "Russian government-backed APT28 and Iran-based APT35",
        "Russia-backed APT28 and Iran-linked APT35",
    ],
)
def test_each_actor_keeps_the_place_set_right_before_its_name(pair: str) -> None:
    f = draft(f"Spike in attacks\n\nThe break-ins were carried out by {pair}.\n")
    origins = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins == {"APT28": "RU", "Magic Hound": "IR"}, origins


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru's government said hackers from Bolivia broke into a tax office.",
        "Police said hackers from Bolivia broke into a tax office.",
        "Hackers from Bolivia broke into a tax office, the ministry said.",
    ],
)
def test_a_public_bodys_voice_is_no_part_of_the_actors_name(sentence: str) -> None:
    f = draft(f"Tax office hit\n\n{sentence}\n")
    assert [(a.name, a.country.id if a.country else None) for c in f.campaigns
            for a in c.all_actors] == [("Hackers from Bolivia", "BO")]  # fmt: skip


# --- A byline as the first line of a news page's lines (one paragraph a line, after the
# headline and a blank line) is who wrote it, no heading that names the case


def test_a_byline_over_a_pages_lines_names_no_case() -> None:
    f = draft(
        "Crews spread lies\n\nBy Dana Reyes and Sam Ortiz\nTin Vane, a group from Bolivia, "
        "spread false stories about Peru with AI-generated videos across many sites, researchers "
        "at a monitoring group said this week.\nThe group also ran fake accounts that reached "
        "millions of viewers in Peru over the course of the last year, the report added.\n"
    )
    assert not any("Reyes" in n for n in _names(f))
    assert _actors(f) == [("Tin Vane", "BO")]


def test_a_short_title_line_over_its_paragraph_still_heads_it() -> None:
    f = draft(
        "Crews spread lies\n\nOperation Grey Lantern\nA crew from Bolivia spread false stories "
        "about Peru with AI-generated videos across many sites, researchers said this week.\n"
    )
    assert "Grey Lantern" in {c.name for c in f.campaigns}


# --- A bulleted card whose first field names its actor ("Threat Actor: Tin Vane, ..."): the
# fields after it are that actor's, whatever their labels ("Money Lost", "Defense Tips"), and
# a label's words name no sector


CARD = (
    "Bolivian hackers hit banks\n\nBolivian state-sponsored hackers are hitting banks with fake "
    "calls.\n\n  \u2022 Threat Actor: Tin Vane, a Bolivia-linked hacking group, targets banks "
    "using fake calls.\n  \u2022 Money Lost: Over $2 million stolen in 2025.\n  \u2022 Tactics: "
    "Social engineering through hijacked chat accounts.\n  \u2022 Defense Tips: Use hardware "
    "keys and verify callers.\n"
)


def test_a_card_whose_first_field_names_its_actor_is_one_case() -> None:
    f = draft(CARD)
    assert [c.name for c in f.campaigns] == ["Tin Vane"]
    assert _actors(f) == [("Tin Vane", "BO")]
    assert {x.id for c in f.campaigns for x in c.targets.sectors} == {"financial-services"}


def test_cases_each_named_with_what_it_did_stay_a_case_each() -> None:
    f = draft(
        NEWS + "- Tin Vane: a Bolivian crew that phished banks.\n- Grey Loom: a Chilean crew "
        "that hacked ports.\n- Salt Reed: a Peruvian crew that wrote malware.\n"
    )
    assert len(f.campaigns) == 3


# --- Headings and labels that name no case: a timeline's heading and its dates given as a part
# of a month or a year ("Mid-June 2024"), an essay's title ("The Dawn of ...")


@pytest.mark.parametrize("heading", ["Timeline of Events", "### 2025 timeline at a glance"])
def test_a_timelines_heading_and_its_partial_dates_name_no_case(heading: str) -> None:
    f = draft(
        NEWS + f"Tin Vane, a Bolivian crew, phished banks.\n\n{heading}\n- Early 2024: "
        "The lab begins looking into accounts tied to Tin Vane.\n- Mid-June 2024: The lab bans "
        "the accounts and tells the public.\n"
    )
    assert [c.name for c in f.campaigns] == ["Tin Vane"]


def test_key_revelations_heads_no_case() -> None:
    f = draft(
        NEWS + "Tin Vane, a Bolivian crew, phished banks.\n\n### Key revelations\n- Experts "
        "warned that slow responses left banks exposed to ransomware.\n"
    )
    assert [c.name for c in f.campaigns] == ["Tin Vane"]


@pytest.mark.parametrize(
    "title",
    [
        "The Dawn of AI-Powered Scams: Understanding SOFTCAP",
        "A New Frontier in Bank Fraud: Bolivian Hackers Deploy SOFTCAP",
    ],
)
def test_an_essays_title_heading_a_section_names_no_case(title: str) -> None:
    f = draft(NEWS + title + "\n\nSOFTCAP, built by the Bolivian crew Tin Vane, phishes banks.\n")
    assert [c.name for c in f.campaigns] == ["SOFTCAP"]


def test_generic_headings_joined_by_and_name_no_case() -> None:
    f = draft(
        NEWS + "## Attribution & Identity\n\nTin Vane, a Bolivian crew, phished banks.\n\n"
        "## Scams and cyber operations\n\n### Grey Loom\n\nGrey Loom, a Chilean crew, ran job "
        "scams.\n"
    )
    assert sorted(c.name for c in f.campaigns) == ["Grey Loom", "Tin Vane"]


def test_a_list_number_alone_on_its_line_names_no_case() -> None:
    f = draft(
        NEWS + "The lab named two crews.\n\n1.\nTin Vane, a Bolivian crew, phished banks.\n\n"
        "2.\nThe second crew, from Chile, hacked ports in Peru.\n"
    )
    names = [c.name for c in f.campaigns]
    assert len(names) == 2 and not any(n[0].isdigit() for n in names)
    assert any(a.name == "Tin Vane" for c in f.campaigns for a in c.all_actors)


def test_an_identification_label_and_a_ttp_heading_name_no_case() -> None:
    f = draft(
        NEWS + "## Who\n\n* **Identification:** The accounts belonged to Tin Vane, a Bolivian "
        "crew.\n\n## Tactics, Techniques & Procedures\n\nTin Vane phished banks in Peru.\n"
    )
    names = {c.name for c in f.campaigns}
    assert not names & {"Identification", "Tactics, Techniques & Procedures"}
    assert any(a.name == "Tin Vane" for c in f.campaigns for a in c.all_actors)


@pytest.mark.parametrize(
    "rest",
    [
        "The former phished clerks in Chad; the latter scanned routers in Peru.",
        "The former phished clerks in Chad. The latter scanned routers in Peru.",
        "The former phished clerks in Chad, while the latter scanned routers in Peru.",
    ],
)
def test_the_former_and_the_latter_are_the_two_actors_named_before(rest: str) -> None:
    f = draft(NEWS + "Kimsuky and APT41 both used the chatbot. " + rest + "\n")
    targets = {
        a.name: {x.id for x in c.targets.countries} for c in f.campaigns for a in c.all_actors
    }
    assert targets == {"Kimsuky": {"TD"}, "APT41": {"PE"}}
