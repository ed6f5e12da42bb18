"""The extractor on more shapes of news coverage (session 16): a bare name that opens a
paragraph as its subject, cases counted and then told one by one, a business as the acting
subject, and what was done to a noun a place closes. One test per grammatical case, each on
sentences written for it, beside one where the same words must still count the old way."""

from __future__ import annotations

import pytest

from graphkit.findings import CampaignFindings, Findings
from tests.extract_helpers import by_name, country, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


def _one_case(f: Findings) -> tuple[CampaignFindings, list[str]]:
    """A draft's one campaign and its actors' names."""
    (c,) = f.campaigns
    return c, [a.name for a in c.all_actors]


# --- A bare name of capitalised words that opens a paragraph before an operator's verb


@pytest.mark.parametrize("verb", ["prompted the model to write", "used the chatbot to draft"])
def test_a_bare_name_opening_a_paragraph_before_an_operators_verb_is_a_case(verb: str) -> None:
    f = draft(
        NEWS + "The lab published its quarterly threat report on Tuesday.\n\n"
        f"Copper Gate {verb} phishing emails aimed at banks in Chile.\n"
    )
    c = by_name(f)["Copper Gate"]
    assert {x.id for x in c.targets.countries} == {"CL"}


@pytest.mark.parametrize(
    "opening",
    [
        "Northwind Labs used the model to build a support bot for banks in Chile.",  # a company
        "Copper Gate said on Tuesday that banks in Chile had raised new funding.",  # a reporter
        "Google Gemini wrote phishing emails for banks in Chile, the lab said.",  # a platform
    ],
)
def test_a_bare_name_that_is_a_company_a_reporter_or_a_platform_is_no_case(opening: str) -> None:
    f = draft(NEWS + opening + "\n\nPeruvian operators wrote fake news articles in Spanish.\n")
    names = {a.name for c in f.campaigns for a in c.all_actors} | {c.name for c in f.campaigns}
    assert not any(n.startswith(("Northwind", "Copper", "Google", "Gemini")) for n in names)


def test_a_headline_that_opens_with_a_name_and_an_operators_verb_names_no_case() -> None:
    f = draft(
        "Copper Gate used the chatbot to phish banks in Chile\n\n"
        "The lab said it banned accounts run by Peruvian operators who wrote fake articles.\n"
    )
    assert "Copper Gate" not in by_name(f)


# --- A business as the acting subject; a noun a place closes, and what was done to it


def test_a_business_with_a_people_as_its_subject_is_an_actor_from_there() -> None:
    f = draft(
        NEWS + "A Vietnamese company generated fake reviews of restaurants with the model.\n\n"
        "Separately, an Indonesian marketing firm wrote comments praising the government.\n"
    )
    origins = sorted((a.name, country(c)) for c in f.campaigns for a in c.all_actors)
    assert origins == [("Indonesian marketing firm", "ID"), ("Vietnamese company", "VN")]


@pytest.mark.parametrize(
    "victim",
    ["A firm in Taiwan was among the targets.", "A company in Taiwan was also targeted."],
)
def test_a_noun_closed_by_a_place_that_a_passive_says_was_hit_is_a_target(victim: str) -> None:
    f = draft(NEWS + "Russian hackers used the model to write phishing emails. " + victim + "\n")
    (c,) = f.campaigns
    assert country(c) == "RU" and {x.id for x in c.targets.countries} == {"TW"}
    assert [a.name for a in c.all_actors] == ["Russian hackers"]


def test_a_firm_in_a_place_that_acts_is_still_where_the_actor_sits() -> None:
    f = draft(NEWS + "A marketing firm in Ghana ran fake accounts that praised the ruling party.\n")
    (c,) = f.campaigns
    assert country(c) == "GH" and not c.targets.countries


# --- Cases counted, then told one by one by their ordinals


@pytest.mark.parametrize("joint", [" ", "\n\n"])  # in one paragraph, or one a paragraph
def test_ordinals_after_cases_counted_are_each_a_case_with_its_own_facts(joint: str) -> None:
    f = draft(
        NEWS + "The lab described three operations in its latest report." + joint
        + "The first, Tin Vane, wrote fake news articles in Spanish for voters in Peru." + joint
        + "The second, Grey Loom, was run from Cambodia and sent scam texts to workers in Japan."
        + joint + "Another, run by operators in Iran, generated posts in Farsi.\n"
    )  # fmt: skip
    cases = by_name(f)
    vane, loom = cases["Tin Vane"], cases["Grey Loom"]
    assert {x.id for x in vane.targets.countries} == {"PE"} and [x.id for x in vane.languages] == [
        "es"
    ]
    assert {x.id for x in loom.targets.countries} == {"JP"} and country(loom) == "KH"
    (iran,) = [c for c in f.campaigns if c not in (vane, loom)]
    assert country(iran) == "IR" and [x.id for x in iran.languages] == ["fa"]
    assert not iran.targets.countries and "Another" not in iran.name


def test_an_ordinal_one_before_a_quoted_name_names_its_case() -> None:
    f = draft(
        NEWS + "The company said it took down three networks. The first, tied to Peru, wrote "
        'posts in Spanish. The second one, "Salt Road," was run from Nigeria.\n'
    )
    salt = by_name(f)["Salt Road"]
    assert country(salt) == "NG" and not salt.languages
    (peru,) = [c for c in f.campaigns if c is not salt]
    assert country(peru) == "PE" and [x.id for x in peru.languages] == ["es"]


def test_a_paragraph_the_reporter_opens_with_also_is_not_the_named_case_before_it() -> None:
    f = draft(
        NEWS + "The lab described two malware families.\n\n"
        "Another family, GLASSMOTH, is still experimental. It asks the model to rewrite its own "
        "code. The lab has not tied it to a known actor.\n\n"
        "The lab also describes state actors who used the model. APT28 asked it to research "
        "defense firms in Ukraine.\n"
    )
    assert not by_name(f)["GLASSMOTH"].all_actors
    (apt28,) = [c for c in f.campaigns if c.name != "GLASSMOTH"]
    assert [a.name for a in apt28.all_actors] == ["APT28"]


def test_the_same_actors_named_after_a_case_without_also_stay_its_actors() -> None:
    f = draft(
        NEWS + "Another family, GLASSMOTH, is still experimental. It asks the model to rewrite "
        "its own code.\n\nThe lab said APT28 had built it to evade antivirus.\n"
    )
    assert [a.name for a in by_name(f)["GLASSMOTH"].all_actors] == ["APT28"]


# --- Names a count of cases sets apart


@pytest.mark.parametrize(
    "named",
    [
        "two networks, Tin Vane and Grey Loom, which wrote posts in Spanish for voters in Peru.",
        'two covert influence networks, "Tin Vane" and "Grey Loom," that wrote posts in Spanish '
        "for voters in Peru.",
    ],
)
def test_two_names_a_count_of_cases_sets_apart_are_two_cases_sharing_what_is_said(
    named: str,
) -> None:
    f = draft(NEWS + "The lab said it took down " + named + "\n")
    cases = by_name(f)
    assert set(cases) == {"Tin Vane", "Grey Loom"}
    for c in cases.values():
        assert {x.id for x in c.targets.countries} == {"PE"} and [x.id for x in c.languages] == [
            "es"
        ]


def test_names_a_count_of_cases_sets_apart_keep_what_later_paragraphs_say_of_each() -> None:
    f = draft(
        NEWS + "The lab said it took down two networks, Tin Vane and Grey Loom.\n\n"
        "Tin Vane targeted voters in Peru.\n\nGrey Loom went after readers in Mexico.\n"
    )
    cases = by_name(f)
    assert {x.id for x in cases["Tin Vane"].targets.countries} == {"PE"}
    assert {x.id for x in cases["Grey Loom"].targets.countries} == {"MX"}


# --- Who the actors are, past a copula or a set of countries


def test_a_copula_before_run_by_is_no_part_of_an_unnamed_actors_name() -> None:
    f = draft(
        NEWS + "The accounts were run by Arabic-speaking operators who posted about elections "
        "in Kenya.\n"
    )
    c, names = _one_case(f)
    assert names == ["Accounts run by Arabic-speaking operators"]
    assert [x.id for x in c.languages] == ["ar"]


def test_countries_a_colon_lists_after_operations_from_a_count_of_them_are_origins() -> None:
    f = draft(
        NEWS + "The lab said it disrupted five operations from four countries: Peru, Chile, Laos "
        "and Cuba.\n"
    )
    origins = {a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins == {"PE", "CL", "LA", "CU"}
    assert not [x for c in f.campaigns for x in c.targets.countries]


@pytest.mark.parametrize("aimed", ["aimed at three countries", "for readers in three countries"])
def test_countries_a_colon_lists_after_whom_posts_were_for_are_still_targets(aimed: str) -> None:
    f = draft(NEWS + f"Peruvian operators wrote posts {aimed}: Chile, Laos and Cuba.\n")
    (c,) = f.campaigns
    assert country(c) == "PE" and {x.id for x in c.targets.countries} == {"CL", "LA", "CU"}


def test_a_speaking_modifier_on_a_person_gives_the_operations_language() -> None:
    # passed before this session too: a guard for issue 23's list of cases
    f = draft(
        NEWS + "Tin Vane, a scam run from Cambodia, posted fake job offers. An English-speaking "
        "moderator ran the channel.\n"
    )
    assert [x.id for x in by_name(f)["Tin Vane"].languages] == ["en"]


# --- An unnamed actor that counts the cases told after it


def test_an_opening_that_counts_the_cases_told_after_it_is_said_of_each_and_no_case() -> None:
    f = draft(
        NEWS + "The lab said it banned two clusters of accounts likely originating from Laos. "
        "The first cluster wrote comments claiming that dams raised water prices in Thailand. "
        'The lab named this cluster the "River Ledger" campaign.\n\n'
        'The second cluster, "Toll Keepers," wrote posts in Vietnamese attacking trade rules.\n'
    )
    assert sorted(c.name for c in f.campaigns) == ["River Ledger activity", "Toll Keepers activity"]
    assert {country(c) for c in f.campaigns} == {"LA"}


def test_an_opening_that_counts_cases_with_one_other_case_after_it_stays_a_case() -> None:
    f = draft(
        NEWS + "The lab banned two clusters of accounts from Laos that wrote comments about "
        "dams in Thailand.\n\nSeparately, Peruvian operators wrote fake news articles.\n"
    )
    assert sorted(country(c) or "" for c in f.campaigns) == ["LA", "PE"]


# --- A passive's agent and whom it is made of


def test_the_people_an_agent_noun_is_of_name_the_unnamed_actor_and_give_its_origin() -> None:
    f = draft(
        NEWS + "The startup announced that its tools were weaponised by a group of Peruvian "
        "state-affiliated hackers who wrote phishing emails.\n"
    )
    c, names = _one_case(f)
    assert names == ["Group of Peruvian state-affiliated hackers"]
    assert country(c) == "PE"


# --- A field's label and its value


@pytest.mark.parametrize("field", ["Risk Level: high", "Status: ongoing"])
def test_a_label_before_a_short_value_in_small_letters_is_a_field_and_no_name(field: str) -> None:
    f = draft(NEWS + field + "\n\nPeruvian operators wrote fake news articles about Chile.\n")
    assert [c.name for c in f.campaigns] == ["Peruvian operators activity"]


def test_a_label_before_a_description_or_a_place_still_names_the_case() -> None:
    f = draft(
        NEWS + "Copper Reed: a network that wrote posts about elections in Chile.\n\n"
        "Salt Meridian: likely Peru. It sent scam texts to workers in Japan.\n"
    )
    assert {"Copper Reed", "Salt Meridian"} <= set(by_name(f))


# --- An overview of actors from several countries, and the cases after it

_OVERVIEW = (
    "The company said it spotted Peruvian, Bolivian and Cuban government agents using its "
    "assistant.\n\n"
)


def test_a_case_after_an_overview_naming_its_country_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS + _OVERVIEW + "A group affiliated with Bolivia, for example, used it to summarise "
        "salaries at defense companies. Another Bolivian group asked it for help with malware.\n"
    )
    bolivia = next(c for c in f.campaigns if country(c) == "BO")
    assert [a.name for a in bolivia.all_actors] == ["Group affiliated with Bolivia"]
    assert [x.id for x in bolivia.targets.sectors] == ["defense"]


def test_actors_an_overview_lists_that_no_case_after_it_tells_keep_a_case_of_their_own() -> None:
    f = draft(
        NEWS + _OVERVIEW + "A Bolivian group wrote malware for banks. A Cuban group wrote "
        "phishing lures in Spanish.\n"
    )
    peru = next(c for c in f.campaigns if country(c) == "PE")
    assert [a.name for a in peru.all_actors] == ["Peruvian government agents"]
    assert not peru.targets.countries and not peru.targets.sectors
    assert sorted(country(c) or "" for c in f.campaigns) == ["BO", "CU", "PE"]


def test_an_overview_whose_every_actor_has_a_case_after_it_stays_no_case() -> None:
    f = draft(
        NEWS + _OVERVIEW + "A Bolivian group wrote malware for banks. A Cuban group wrote "
        "phishing lures in Spanish. A Peruvian crew researched ports in Chile.\n"
    )
    assert sorted(country(c) or "" for c in f.campaigns) == ["BO", "CU", "PE"]


@pytest.mark.parametrize("kind", ["nations such as", "jurisdictions including"])
def test_the_set_places_belong_to_is_no_part_of_an_unnamed_actors_name(kind: str) -> None:
    f = draft(NEWS + f"Hacking groups from {kind} Peru and Bolivia used the assistant.\n")
    names = sorted(a.name for c in f.campaigns for a in c.all_actors)
    assert names == ["Hacking groups from Bolivia", "Hacking groups from Peru"]


# --- New names listed with where each is from


def _origins(f: Findings) -> dict[str, str | None]:
    return {a.name: a.country.id if a.country else None for c in f.campaigns for a in c.all_actors}


def test_names_a_place_owns_in_a_list_are_actors_from_there() -> None:
    f = draft(
        NEWS + "Other actors such as Peru's Andes Hawk (Tin Kettle), Bolivia's Salar Moth and "
        "Cuba's Havana Kite used the models to write phishing content.\n"
    )
    assert _origins(f) == {"Andes Hawk": "PE", "Salar Moth": "BO", "Havana Kite": "CU"}
    assert not [x for c in f.campaigns for x in c.targets.countries]


def test_a_name_a_place_owns_after_a_tie_is_the_sponsor_and_no_actor() -> None:
    f = draft(
        NEWS + "Andes Hawk, linked to Peru's Naval Intelligence, used the models to write "
        "phishing content.\n"
    )
    assert _origins(f) == {"Andes Hawk operators": "PE"}


def test_a_name_a_place_owns_before_its_verb_still_names_the_operation() -> None:
    f = draft(NEWS + "Peru's Andes Hawk wrote comments about elections in Chile.\n")
    (c,) = f.campaigns
    assert c.name == "Andes Hawk" and country(c) == "PE"


def test_names_several_actors_are_known_as_are_one_each() -> None:
    f = draft(
        NEWS + "The lab disrupted two Peru-affiliated threat actors known as Andes Hawk and "
        "Inca Wren.\n"
    )
    assert _origins(f) == {"Andes Hawk": "PE", "Inca Wren": "PE"}
    assert "Andes Hawk and Inca Wren" not in by_name(f)


def test_names_listed_with_where_each_is_from_are_actors_from_there() -> None:
    f = draft(
        NEWS + "These actors, including Andes Hawk and Inca Wren from Peru, Salar Moth from "
        "Bolivia, and Havana Kite from Cuba, had their accounts terminated.\n"
    )
    assert _origins(f) == {
        "Andes Hawk": "PE", "Inca Wren": "PE", "Salar Moth": "BO", "Havana Kite": "CU"
    }  # fmt: skip


# --- Cases a list's items bring in, and a news text's sources

_DETAILS = (
    "The lab said it banned accounts of scammers and influence operations. Here are some "
    "details from the lab:\n\n"
    "- A small set of accounts that likely originated in Bolivia used the models to look up "
    "people in Chile.\n"
    "- The same accounts also wrote Spanish-language emails to officials in Peru.\n"
)


@pytest.mark.parametrize("opening", ["A cluster of accounts", "Several accounts"])
def test_an_indefinite_actor_noun_opening_a_list_item_is_a_new_case(opening: str) -> None:
    f = draft(NEWS + _DETAILS + f"- {opening} ran a dating scam aimed at men in Vietnam.\n")
    bolivia = next(c for c in f.campaigns if country(c) == "BO")
    assert {x.id for x in bolivia.targets.countries} == {"CL", "PE"}  # "The same accounts"
    assert [x.id for x in bolivia.languages] == ["es"]
    (other,) = [c for c in f.campaigns if c is not bolivia]
    assert {x.id for x in other.targets.countries} == {"VN"}


@pytest.mark.parametrize("source", ["Two Thai men also told reporters", "A Thai official said"])
def test_the_people_of_a_news_texts_source_is_no_target(source: str) -> None:
    f = draft(
        NEWS + "Laotian syndicates ran the compound. " + source + " that scam operators used "
        "the chatbot to write romance messages to victims in Japan.\n"
    )
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"JP"}


def test_the_people_of_officials_the_actors_went_after_is_still_a_target() -> None:
    f = draft(NEWS + "Laotian syndicates sent phishing emails, and Thai officials were targeted.\n")
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"TH"}


# --- Who a clause, a judgement or a participle's agent names


def test_a_later_clause_on_actors_from_a_place_after_actors_from_nowhere_is_their_own() -> None:
    f = draft(
        NEWS + "The firm explained that attackers used its model to write attack code, and "
        "later Bolivian scammers used it to get remote jobs at companies in Canada.\n"
    )
    scammers = next(c for c in f.campaigns if country(c) == "BO")
    assert [a.name for a in scammers.all_actors] == ["Bolivian scammers"]
    assert {x.id for x in scammers.targets.countries} == {"CA"}


def test_a_later_clause_on_the_same_actors_stays_with_the_first() -> None:
    f = draft(
        NEWS + "Bolivian hackers wrote attack code, and later the hackers used the model to "
        "get remote jobs at companies in Canada.\n"
    )
    (c,) = f.campaigns
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CA"}


@pytest.mark.parametrize("that", ["this was", "the activity was likely"])
def test_what_a_reported_judgement_says_the_activity_was_names_the_actor(that: str) -> None:
    f = draft(
        NEWS + f"The firm assessed with high confidence that {that} a Peruvian state-sponsored "
        "group, which targeted government agencies in Chile.\n"
    )
    c, names = _one_case(f)
    assert names == ["Peruvian state-sponsored group"]
    assert country(c) == "PE" and {x.id for x in c.targets.countries} == {"CL"}


def test_a_participles_agent_named_by_its_people_is_the_actor() -> None:
    f = draft(
        NEWS + "Lawmakers asked the firm about a hacking campaign allegedly conducted by "
        "Peru-affiliated actors using its model against banks in Chile.\n"
    )
    c, names = _one_case(f)
    assert names == ["Peru-affiliated actors"] and country(c) == "PE"


# --- Ordinals set apart with who they are, a sister group, two subjects coordinated


def test_an_ordinal_a_phrase_sets_apart_is_the_case_that_phrase_names() -> None:
    f = draft(
        NEWS + "The lab said it banned accounts tied to three operations. A second, run from "
        "Kenya, wrote fake reviews of banks. The third, a Bolivian network, wrote posts about "
        "elections in Chile.\n"  # the text's last paragraph: prose, though a line ends it
    )
    bolivia = next(c for c in f.campaigns if country(c) == "BO")
    assert [a.name for a in bolivia.all_actors] == ["Bolivian network"]
    assert {x.id for x in bolivia.targets.countries} == {"CL"}
    kenya = next(c for c in f.campaigns if country(c) == "KE")
    assert not kenya.targets.countries


def test_a_name_set_apart_after_a_possessive_actor_noun_is_an_actor_of_its_own() -> None:
    f = draft(
        NEWS + "The report names two Chilean groups. Condor Ash asked the model about ports in "
        "Peru. Its sister group, Condor Moss, wrote malware for attacks on banks in Bolivia.\n"
    )
    moss = next(c for c in f.campaigns if any(a.name == "Condor Moss" for a in c.all_actors))
    assert {x.id for x in moss.targets.countries} == {"BO"} and country(moss) == "CL"
    ash = by_name(f)["Condor Ash"]
    assert {x.id for x in ash.targets.countries} == {"PE"}


def test_a_second_subject_coordinated_after_who_the_first_is_is_no_part_of_its_name() -> None:
    f = draft(
        NEWS + "Operators linked to Cuba and operators linked to Bolivia both used the model to "
        "write posts about elections in Chile.\n"
    )
    names = [a.name for c in f.campaigns for a in c.all_actors]
    assert "Operators linked to Cuba" in names and not [n for n in names if " and " in n]


# --- A headline listing places; a paragraph that turns by "It also banned"; "Others,"


@pytest.mark.parametrize(("title", "origin"), [("Peru and Bolivia", None), ("Peru", "PE")])
def test_a_headline_tying_actors_to_several_places_gives_no_one_of_them(
    title: str, origin: str | None
) -> None:
    f = draft(
        f"Chatbot maker bans accounts tied to {title}\n\nIn addition, several Hindi-speaking "
        "accounts that used the model to build malware were also blocked.\n"
    )
    c, _ = _one_case(f)
    assert country(c) == origin


def test_a_case_the_reporter_adds_with_also_after_a_sentence_on_the_last_one_is_new() -> None:
    f = draft(
        NEWS + "The lab banned several accounts believed to have ties to Peruvian government "
        "bodies. Those accounts asked the model to outline tools for watching social media.\n\n"
        "The lab did not limit its actions to Peru-linked users. It also banned accounts tied "
        "to Portuguese-speaking criminal groups, which used the model to write malware.\n"
    )
    peru = next(c for c in f.campaigns if country(c) == "PE")
    (crime,) = [c for c in f.campaigns if c is not peru]
    assert [a.name for a in crime.all_actors] == [
        "Accounts tied to Portuguese-speaking criminal groups"
    ]
    assert country(crime) is None and [x.id for x in crime.languages] == ["pt"]


def test_some_then_others_then_a_separate_operation_are_three_cases() -> None:
    f = draft(
        NEWS + "Some accounts wrote news articles in Spanish that attacked Chile and were later "
        "published under a Peruvian company's byline. Others, possibly connected to Bolivia, "
        "created fake resumes to get jobs at firms in Canada. A separate operation, believed "
        "to be tied to a fraud ring in Laos, used the chatbot to translate comments.\n"
    )
    names = {a.name: country(c) for c in f.campaigns for a in c.all_actors}
    assert names == {
        "Unnamed accounts": "PE",
        "Other accounts possibly connected to Bolivia": "BO",
        "Operation tied to a fraud ring in Laos": "LA",
    }


# --- A business that suffered what it tells; a person's name


def test_a_business_that_admits_what_befell_it_is_a_victim_and_no_actor() -> None:
    f = draft(
        NEWS + "A Peruvian security firm admitted to unknowingly hiring a Cuban spy, who used "
        "the model to write code and fake a resume.\n"
    )
    c, names = _one_case(f)
    assert "Peruvian security firm" not in names
    assert country(c) == "CU" and {x.id for x in c.targets.countries} == {"PE"}


def test_a_name_given_a_person_names_no_case_and_one_given_a_crew_still_does() -> None:
    body = (
        "The lab banned accounts used for a hiring scheme possibly connected to Cuba. A "
        "Nevada-based {who} named Rosa Diaz helped the workers receive laptops.\n"
    )
    assert "Rosa Diaz" not in by_name(draft(NEWS + body.format(who="woman")))
    assert "Rosa Diaz" in by_name(draft(NEWS + body.format(who="operation")))


@pytest.mark.parametrize("tie", ["working for", "linked to", "backed by"])
def test_the_governments_of_places_the_actors_serve_are_their_origins(tie: str) -> None:
    f = draft(
        NEWS + f"Hackers {tie} the governments of Peru and Bolivia used the model to research "
        "ports in Chile.\n"
    )
    c, _ = _one_case(f)
    assert {a.country.id for a in c.all_actors if a.country} == {"PE", "BO"}
    assert {x.id for x in c.targets.countries} == {"CL"}


def test_the_government_of_a_place_the_actors_researched_is_still_a_target() -> None:
    f = draft(NEWS + "Bolivian hackers researched the government of Chile and its ports.\n")
    c, _ = _one_case(f)
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CL"}


# --- A story's overview of crews in several places, and the voice it quotes


_STORY = (
    "An AI lab said it had shut down accounts tied to crews in Bolivia, Peru and Laos.\n\n"
    'The largest operation, which the lab named "Dry Lagoon," was run from Bolivia and wrote '
    "comments in Spanish attacking lawmakers in Chile.\n\n"
    "In a second case, a Peruvian marketing firm drafted fake news sites for readers in "
    "Ecuador.\n\n"
    "A third cluster, probably operating from Laos, ran a job scam that lured workers in "
    "Thailand.\n\n"
)


def test_an_overview_of_crews_in_several_places_each_told_after_is_no_case() -> None:
    f = draft(NEWS + _STORY)
    assert sorted(country(c) or "" for c in f.campaigns) == ["BO", "LA", "PE"]


def test_a_voice_quoted_by_name_and_by_pronoun_names_no_actor_and_no_target() -> None:
    f = draft(
        NEWS + _STORY + '"These crews do old things faster," said Dana Whitfield, an analyst at '
        "the research group Civic Signals. She added that hospitals in Chile had reported "
        "similar scams.\n"
    )
    names = {a.name for c in f.campaigns for a in c.all_actors}
    assert "Dana Whitfield" not in names
    laos = next(c for c in f.campaigns if country(c) == "LA")
    assert {x.id for x in laos.targets.countries} == {"TH"} and not laos.targets.sectors


def test_a_pronoun_saying_what_the_actors_did_still_gives_their_target() -> None:
    f = draft(
        NEWS + "A cluster operating from Laos ran a job scam. She added that the cluster also "
        "phished hospitals in Chile.\n"
    )
    c, _ = _one_case(f)
    assert {x.id for x in c.targets.countries} == {"CL"}


@pytest.mark.parametrize(
    "reporter",
    ["The San Francisco-based startup said", "The Redmond, Washington-based company said"],
)
def test_a_reporter_with_words_before_its_noun_is_no_part_of_the_actors_name(
    reporter: str,
) -> None:
    f = draft(NEWS + f"{reporter} a Bolivian crew had phished banks in Chile.\n")
    c, names = _one_case(f)
    assert names == ["Bolivian crew"] and country(c) == "BO"


@pytest.mark.parametrize("mix", ["a mix of", "a blend of"])
def test_languages_after_a_mix_of_are_the_operations_languages(mix: str) -> None:
    f = draft(
        NEWS + f"Tin Vane wrote posts in {mix} English and Tagalog aimed at voters in the "
        "Philippines.\n"
    )
    assert [x.id for x in by_name(f)["Tin Vane"].languages] == ["en", "tl"]


def test_english_of_a_mix_of_peoples_is_no_language() -> None:
    f = draft(NEWS + "Tin Vane wrote posts for a mix of English and Irish voters in Ireland.\n")
    assert not by_name(f)["Tin Vane"].languages


def test_a_bare_name_opening_a_paragraph_may_take_an_adverb_before_its_verb() -> None:
    f = draft(NEWS + "Tin Vane mostly posted in Portuguese, with some content in French.\n")
    assert [x.id for x in by_name(f)["Tin Vane"].languages] == ["pt", "fr"]


@pytest.mark.parametrize("stance", ["supportive of", "dismissive of"])
def test_a_place_content_takes_a_side_on_is_no_target(stance: str) -> None:
    f = draft(NEWS + f"Tin Vane wrote content critical of Peru and {stance} Bolivia.\n")
    assert not by_name(f)["Tin Vane"].targets.countries


def test_a_name_that_is_a_kind_of_case_names_it_and_this_does_not() -> None:
    f = draft(NEWS + "Tin Vane was a Bolivian operation aimed at Chilean voters.\n")
    c = by_name(f)["Tin Vane"]
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CL"}
    g = draft(NEWS + "This was a Bolivian operation aimed at Chilean voters.\n")
    assert "This" not in by_name(g)


def test_where_members_appeared_to_be_is_the_actors_origin() -> None:
    f = draft(NEWS + "The network, whose members appeared to be in Bolivia, posted about Chile.\n")
    c, _ = _one_case(f)
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CL"}


@pytest.mark.parametrize(
    ("tied", "origin"),
    [("the activity to an IP range", "BO"), ("phone numbers to people", None)],
)
def test_where_the_activity_is_traced_to_is_its_origin(tied: str, origin: str | None) -> None:
    f = draft(NEWS + f"Investigators traced {tied} in Bolivia.\n")
    c, _ = _one_case(f)
    assert country(c) == origin


@pytest.mark.parametrize(
    "sentence",
    [
        "Paper Fox \u2014 as the lab calls the Bolivian crew \u2014 sent phishing emails to "
        "diplomats in Chile.",
        "The Bolivian crew behind Paper Fox sent phishing emails to diplomats in Chile.",
        "The Bolivian crew, identified only as Paper Fox, sent phishing emails to diplomats in "
        "Chile.",
    ],
)
def test_a_name_set_apart_by_dashes_behind_or_identified_as_names_the_case(sentence: str) -> None:
    c = by_name(draft(NEWS + sentence + "\n"))["Paper Fox"]
    assert country(c) == "BO" and {x.id for x in c.targets.countries} == {"CL"}


def test_a_crew_behind_a_known_actor_names_no_case_by_it() -> None:
    f = draft(NEWS + "The Bolivian crew behind APT28 sent phishing emails to diplomats in Chile.\n")
    assert "APT28" not in by_name(f)


def test_a_bare_name_that_focused_on_a_place_names_the_case_aimed_there() -> None:
    f = draft(NEWS + "Tin Vane focused on Chile, where its operators posed as local activists.\n")
    assert {x.id for x in by_name(f)["Tin Vane"].targets.countries} == {"CL"}
