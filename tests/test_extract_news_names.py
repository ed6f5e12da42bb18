"""The extractor on who the actors of a news story are: quoted names however they are
introduced, several actors in one passage kept apart, names that are no names (a headline, a
field's label, a fragment, a platform), and a text that names no actor at all. One test per
grammatical case, each on sentences written for it."""

from __future__ import annotations

import pytest

from graphkit.extract.namelike import looks_like_name, lower_words
from graphkit.extract.quoted import quoted_names
from graphkit.findings import CampaignFindings, Findings
from tests.extract_helpers import KNOWN, actors_of, by_name, country, draft, known_and_other

NEWS = "Chatbot maker cuts off two crews\n\n"  # a plain text's first line: its headline


def _actor_names(f: Findings) -> set[str]:
    return {a.name for c in f.campaigns for a in c.all_actors}


def _with_actor(f: Findings, name: str) -> CampaignFindings:
    return next(c for c in f.campaigns if any(a.name == name for a in c.all_actors))


def _targets(c: CampaignFindings) -> set[str]:
    return {x.id for x in c.targets.countries} | {x.id for x in c.targets.sectors}


_known_and_other = known_and_other


# --- How a quoted name is introduced


def test_a_naming_verb_before_a_quoted_name_with_the_stop_inside_the_quotes() -> None:
    f = draft(
        NEWS + 'An influence network the company dubbed "Glass Harbor." posted comments in '
        "Spanish about elections in Chile.\n"
    )
    (c,) = f.campaigns
    assert c.name == "Glass Harbor"
    assert [x.id for x in c.languages] == ["es"] and "CL" in _targets(c)


def test_a_naming_verb_with_its_object_and_two_coordinated_curly_quoted_names() -> None:
    f = draft(
        NEWS + "Analysts labelled the clusters \u201cRed Ledger\u201d and \u201cTin Drum.\u201d "
        "Red Ledger wrote phishing lures in Korean aimed at defense contractors. Tin Drum "
        "scanned routers in Taiwan.\n"
    )
    ledger, drum = _with_actor(f, "Red Ledger"), _with_actor(f, "Tin Drum")
    assert ledger is not drum
    assert _targets(ledger) == {"defense"} and [x.id for x in ledger.languages] == ["ko"]
    assert _targets(drum) == {"TW"} and not drum.languages


def test_two_quoted_names_before_one_plural_kind_are_each_a_case() -> None:
    f = draft(
        NEWS + "The banned accounts behind the 'Paper Kite' and 'Salt Road' campaigns likely "
        "came from Bolivia, the lab said.\n\nAccounts in the 'Salt Road' campaign wrote news "
        "articles for readers in Peru.\n"
    )
    kite = next(c for c in f.campaigns if c.name == "Paper Kite")
    road = next(c for c in f.campaigns if c.name == "Salt Road")
    assert kite is not road and "PE" in _targets(road) and "PE" not in _targets(kite)


@pytest.mark.parametrize(
    "passage",
    [
        'The lab described two Iranian operations: "Tin Wren" targeted journalists in Israel, '
        'while "Glass Finch" posted in Arabic about the war.',
        'The lab described two Iranian operations. "Tin Wren" targeted journalists in Israel. '
        "\u201cGlass Finch\u201d wrote posts in Arabic about the war.",
    ],
)
def test_a_quoted_name_that_opens_a_clause_and_acts_names_an_operation(passage: str) -> None:
    f = draft(NEWS + passage + "\n")
    wren, finch = by_name(f)["Tin Wren"], by_name(f)["Glass Finch"]
    assert country(wren) == country(finch) == "IR"  # the passage's opening is both operations'
    assert _targets(wren) == {"IL", "media"} and not wren.languages
    assert not _targets(finch) and [x.id for x in finch.languages] == ["ar"]


def test_a_quoted_title_that_does_nothing_is_no_name() -> None:
    f = draft(NEWS + 'Iranian operators posted articles; "Votes That Matter" was one headline.\n')
    assert "Votes That Matter" not in by_name(f)


def test_a_picking_word_before_a_quoted_tracking_code_names_the_actor() -> None:
    f = draft(
        NEWS + 'The lab disrupted Chinese operations, specifically "Storm-9999," that wrote '
        "phishing emails to engineers in Japan.\n"
    )
    (c,) = f.campaigns
    assert _actor_names(f) == {"Storm-9999"}
    assert country(c) == "CN" and "JP" in _targets(c)


def test_an_operation_quoted_at_a_clause_opening_and_one_set_apart_after_case() -> None:
    f = draft(
        NEWS + 'In "Operation Paper Lantern," the accounts posed as reporters and posted '
        "comments in Spanish about elections in Peru.\n\n"
        'Another case, "Operation Salt Road," involved accounts that wrote product reviews '
        "in Vietnamese.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Operation Paper Lantern", "Operation Salt Road"}
    assert [x.id for x in ops["Operation Paper Lantern"].languages] == ["es"]
    assert [x.id for x in ops["Operation Salt Road"].languages] == ["vi"]


def test_operation_and_a_name_in_capitals_names_an_operation_without_quotes() -> None:
    f = draft(
        NEWS + "In Operation Paper Lantern, the accounts posed as reporters and posted comments "
        "in Spanish about elections in Peru.\n\nAnother case, Operation Salt Road, involved "
        "accounts that wrote product reviews in Vietnamese.\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Operation Paper Lantern"].languages] == ["es"]
    assert [x.id for x in ops["Operation Salt Road"].languages] == ["vi"]


def test_an_operation_named_in_passing_is_not_the_paragraphs() -> None:
    f = draft(
        "# Roundup\n\n## Quiet Harbor\n\nThe network posted comments in Spanish, in the same "
        "style that Russian hackers had used in Operation Cold Sea years earlier.\n"
    )
    assert set(by_name(f)) == {"Quiet Harbor"}


def test_a_quoted_operation_under_a_heading_that_names_it_is_the_same_operation() -> None:
    f = draft(
        "# Roundup\n\n## Operation Salt Road\n\nThe network posted reviews in Vietnamese.\n\n"
        'In "Operation Salt Road," the accounts also wrote comments in Thai.\n'
    )
    (c,) = f.campaigns
    assert {x.id for x in c.languages} == {"vi", "th"}


def test_ordinals_set_apart_introduce_quoted_names_each_with_its_own_facts() -> None:
    f = draft(
        NEWS + 'Two networks stood out. The first, "Copper Gate," wrote posts in French about '
        'Mali; the second, "Quiet Orchard," wrote comments in Arabic aimed at voters in Iraq.\n'
    )
    ops = by_name(f)
    assert {x.id for x in ops["Copper Gate"].languages} == {"fr"}
    assert "IQ" in _targets(ops["Quiet Orchard"]) and "IQ" not in _targets(ops["Copper Gate"])


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ('A group known as "Sons of the Desert" wrote lures.', [("Sons of the Desert", "actor")]),
        ("The network \u2018Quiet Fox\u2019 posted memes.", [("Quiet Fox", "operation")]),
        ('The "Amber Kite" campaign posted memes.', [("Amber Kite", "operation")]),
        # an adverb between the naming verb and "as"
        ('A crew, tracked internally as "Lantern Moth," sent lures.', [("Lantern Moth", "actor")]),
        ('A group publicly known as "Gray Fen" wrote lures.', [("Gray Fen", "actor")]),
        ('They found a backdoor it dubbed "NightJar" on servers.', [("NightJar", "tool")]),
        ('The accounts posted the slogan "Vote Now" on forums.', []),  # introduced by nothing
        ('He said the plan was "Good Enough" for now.', []),
        ('They posted an article called "Why Votes Matter" on forums.', []),  # a title
        ('The lures recalled the ones that Russian hackers sent in "Operation Cold Sea".', []),
    ],
)
def test_what_a_quoted_name_is_of_follows_the_words_that_introduce_it(
    sentence: str, names: list[tuple[str, str]]
) -> None:
    assert [(q.name, q.kind) for q in quoted_names(sentence)] == names


def test_a_tool_named_in_quotes_names_no_actor_nor_the_case_of_a_named_one() -> None:
    found = 'Investigators found a backdoor it dubbed "NightJar" on servers in Poland.\n'
    f = draft(NEWS + "A crew the lab calls Tin Wren wrote lures. " + found)
    assert "NightJar" not in by_name(f) and "NightJar" not in _actor_names(f)
    alone = draft(NEWS + found)  # no actor named: the malware names what the text is about
    assert set(by_name(alone)) == {"NightJar"} and not _actor_names(alone)


def test_who_reports_a_finding_is_not_who_did_it() -> None:
    f = draft(
        NEWS + "The company said Russian-speaking hackers used its chatbot to debug code and "
        "to obfuscate scripts.\n"
    )
    assert _actor_names(f) == {"Russian-speaking hackers"}


# --- Several actors in one passage


def test_two_actors_in_two_clauses_of_one_sentence_are_two_groups() -> None:
    f = draft(
        NEWS + "APT42 wrote phishing lures aimed at journalists in Israel, while Kimsuky asked "
        "the model about think tanks in South Korea.\n"
    )
    apt42, kimsuky = _with_actor(f, "APT42"), _with_actor(f, "Kimsuky")
    assert apt42 is not kimsuky
    assert "IL" in _targets(apt42) and not {"KR", "think-tanks"} & _targets(apt42)
    assert {"KR", "think-tanks"} <= _targets(kimsuky) and "IL" not in _targets(kimsuky)


def test_a_pronoun_continues_the_last_actor_and_an_adverb_may_open_the_next() -> None:
    f = draft(
        NEWS + "Kimsuky researched think tanks in South Korea. It also drafted phishing emails "
        "in Korean. Meanwhile, APT42 debugged scripts aimed at Israeli universities.\n"
    )
    kimsuky, apt42 = _with_actor(f, "Kimsuky"), _with_actor(f, "APT42")
    assert [x.id for x in kimsuky.languages] == ["ko"] and not apt42.languages
    assert "education" in _targets(apt42) and "education" not in _targets(kimsuky)


def test_two_unnamed_actors_opening_two_clauses_are_two_groups() -> None:
    f = draft(
        NEWS + "Hackers from Laos wrote phishing emails to banks in Peru, while operators from "
        "Cuba scanned routers in Chile.\n"
    )
    laos = _with_actor(f, "Hackers from Laos")
    cuba = _with_actor(f, "Operators from Cuba")
    assert country(laos) == "LA" and _targets(laos) == {"PE", "financial-services"}
    assert country(cuba) == "CU" and _targets(cuba) == {"CL"}


def test_two_actors_named_together_share_that_sentence_only() -> None:
    f = draft(
        NEWS + 'The report names two clusters, "Red Ledger" and "Tin Drum." According to the '
        "lab, Red Ledger wrote phishing lures for defense contractors, and Tin Drum scanned "
        "routers in Taiwan.\n"
    )
    ledger, drum = _with_actor(f, "Red Ledger"), _with_actor(f, "Tin Drum")
    assert ledger is not drum
    assert _targets(ledger) == {"defense"} and _targets(drum) == {"TW"}


def test_an_actor_and_a_quoted_operation_in_one_paragraph_are_kept_apart() -> None:
    f = draft(
        NEWS + "Storm-4410, a group linked to Iran, drafted phishing emails to universities in "
        "the United Kingdom. In what the lab calls \u201cOperation Lantern Fish,\u201d accounts "
        "based in Cambodia ran romance scams aimed at people in the United States.\n"
    )
    storm, lantern = _with_actor(f, "Storm-4410"), by_name(f)["Operation Lantern Fish"]
    assert storm is not lantern
    assert country(storm) == "IR" and "GB" in _targets(storm) and "US" not in _targets(storm)
    assert "US" in _targets(lantern) and "GB" not in _targets(lantern)


def test_another_case_the_text_does_not_name_is_not_the_last_actors() -> None:
    f = draft(
        NEWS + "Kimsuky researched think tanks in South Korea.\n\n"
        "Another operation, which the lab did not name, posted comments in Russian about "
        "elections in Moldova.\n\n"
        "Another network, also unnamed, wrote posts in Spanish about Peru.\n"
    )
    kimsuky = _with_actor(f, "Kimsuky")
    assert "MD" not in _targets(kimsuky) and not kimsuky.languages
    others = [c for c in f.campaigns if c is not kimsuky]
    assert sorted(x.id for c in others for x in c.languages) == ["es", "ru"]
    assert len(others) == 2


def test_an_ordinal_case_that_names_its_actor_is_not_the_last_operations() -> None:
    f = draft(
        NEWS + 'One network, which the firm called "Salt Meadow," courted engineers at '
        "shipyards in Greece and wrote its lures in Greek.\n\n"
        'A second crew, tracked separately as "Ivory Latch," appears to work from Pakistan. It '
        "went after journalists in India with messages in Urdu.\n"
    )
    meadow, latch = by_name(f)["Salt Meadow"], _with_actor(f, "Ivory Latch")
    assert meadow is not latch
    assert country(latch) == "PK" and country(meadow) is None
    assert "IN" in _targets(latch) and "IN" not in _targets(meadow)
    assert [x.id for x in latch.languages] == ["ur"] and [x.id for x in meadow.languages] == ["el"]


def test_an_unnamed_actor_a_reporter_found_run_from_a_country_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS
        + KNOWN
        + "Analysts also uncovered a small cell, apparently run from Vietnam, that probed "
        "web servers of banks in Thailand.\n"
    )
    kimsuky, cell = _known_and_other(f)
    assert country(cell) == "VN" and "TH" in _targets(cell)
    assert "TH" not in _targets(kimsuky)


def test_two_new_names_set_apart_by_what_they_share_are_two_actors_of_that_origin() -> None:
    f = draft(
        NEWS + "Two clusters stood out. Amber Loom and Tin Kestrel, both tied to Belarus, "
        "wrote lures in Polish for border guards in Latvia.\n"
    )
    names = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert names == {"Amber Loom": "BY", "Tin Kestrel": "BY"}
    assert {x.id for c in f.campaigns for x in c.targets.countries} == {"LV"}


def test_where_unnamed_operators_work_in_a_relative_clause_is_their_origin() -> None:
    f = draft(
        NEWS + KNOWN + "Other operators, who worked out of Myanmar, wrote fake job offers for "
        "nurses in Malaysia.\n"
    )
    kimsuky, c = _known_and_other(f)
    assert country(c) == "MM" and "MY" in _targets(c) and "MM" not in _targets(c)
    assert "MY" not in _targets(kimsuky)


def test_a_datelines_place_and_the_copyright_line_name_nothing() -> None:
    f = draft(
        NEWS + "HELSINKI (Newswire) - A chatbot maker said crews linked to Russia misused it.\n\n"
        "The crew it calls Grey Otter wrote lures in Finnish aimed at ports in Finland.\n\n"
        "SAN JOSE, May 2 -- Nothing else was found.\n\n"
        "Copyright 2026 Newswire. All rights reserved.\n"
    )
    names = {c.name for c in f.campaigns} | _actor_names(f)
    assert not [n for n in names if "HELSINKI" in n or "SAN JOSE" in n or "Copyright" in n]
    assert "FI" in _targets(_with_actor(f, "Grey Otter"))


def test_a_sentence_adverb_opening_a_paragraph_is_no_name() -> None:
    f = draft(
        NEWS + KNOWN + "Separately, a Nepali crew wrote fake invoices for hotels in Bhutan.\n"
    )
    assert "Separately" not in {c.name for c in f.campaigns} | _actor_names(f)
    (crew,) = [c for c in f.campaigns if c is not _with_actor(f, "Kimsuky")]
    assert country(crew) == "NP"


def test_a_demonym_before_ring_or_syndicate_is_where_the_actor_is_from() -> None:
    f = draft(
        NEWS
        + KNOWN
        + "The Laotian syndicate, meanwhile, ran a fake trading app that lured retirees in "
        "Australia.\n"
    )
    (ring,) = [c for c in f.campaigns if c is not _with_actor(f, "Kimsuky")]
    assert country(ring) == "LA"
    assert "AU" in _targets(ring) and "LA" not in _targets(ring)


def test_a_passive_sentences_indefinite_agent_is_a_new_unnamed_actor() -> None:
    f = draft(
        NEWS
        + KNOWN
        + "Ports in Chile were also attacked by a crew the lab did not tie to any state.\n"
    )
    kimsuky, crew = _known_and_other(f)
    assert "CL" in _targets(crew) and "CL" not in _targets(kimsuky)
    assert country(crew) is None


def test_coordinated_quoted_names_each_with_its_own_words_keep_those_words() -> None:
    f = draft(
        NEWS + "The team said it banned a North Korean network it calls \u2018Cold Ember\u2019 "
        'and a crew known as "Velvet Tide".\n\n'
        "Cold Ember wrote fake resumes for remote jobs at companies in the United States. "
        "Velvet Tide, which researchers linked to Nigeria, ran scams against teenagers in "
        "Canada.\n"
    )
    ember, tide = by_name(f)["Cold Ember"], _with_actor(f, "Velvet Tide")
    assert ember is not tide
    assert country(ember) == "KP" and country(tide) == "NG"
    assert "US" in _targets(ember) and "CA" in _targets(tide) and "CA" not in _targets(ember)


@pytest.mark.parametrize(
    ("first", "then", "second"),
    [
        ("The first network, run from Laos,", " The second, tied to Cuba,", "Second network"),
        ("One network, run from Laos,", " The other, linked to Cuba,", "Other network"),
        ("The first network, run from Laos,", "\n\nThe second, tied to Cuba,", "Second network"),
    ],
)
def test_an_ordinal_that_leaves_its_noun_out_opens_a_case_of_its_own(
    first: str, then: str, second: str
) -> None:
    f = draft(NEWS + f"{first} wrote job scams in Thai.{then} researched naval bases in Chile.\n")
    laos, cuba = (next(c for c in f.campaigns if country(c) == x) for x in ("LA", "CU"))
    assert laos is not cuba and cuba.all_actors[0].name.startswith(second)
    assert not _targets(laos) and [x.id for x in laos.languages] == ["th"]
    assert _targets(cuba) == {"CL"} and not cuba.languages


def test_a_description_of_actors_from_elsewhere_beside_named_ones_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS + "Chinese groups such as APT41 and APT31 used the chatbot to scan routers in "
        "Japan. Belarusian actors, meanwhile, wrote phishing emails aimed at banks in Poland.\n"
    )
    chinese = _with_actor(f, "APT41")
    (other,) = [c for c in f.campaigns if c is not chinese]
    assert _targets(chinese) == {"JP"} and country(chinese) == "CN"
    assert country(other) == "BY" and _targets(other) == {"PL", "financial-services"}


def test_a_description_of_the_named_actors_own_country_stays_with_them() -> None:
    f = draft(
        NEWS + "Iranian groups were the heaviest users. APT42 wrote phishing emails aimed at "
        "think tanks in Israel.\n"
    )
    assert [c.name for c in f.campaigns] == ["APT42 activity"]


# --- Names that are no names


def test_a_plain_texts_headline_is_its_title_and_no_actor() -> None:
    f = draft(
        "Lab bans accounts tied to Iranian and North Korean groups\n\n"
        "The lab said it removed accounts that wrote phishing emails.\n"
    )
    assert f.report.title == "Lab bans accounts tied to Iranian and North Korean groups"
    assert f.report.title not in _actor_names(f) | set(by_name(f))
    assert all(country(c) is None for c in f.campaigns)  # the headline says it of no one


def test_a_field_label_a_fragment_and_a_platform_name_no_operation() -> None:
    f = draft(
        "# Weekly roundup\n\nSeveral networks were removed.\n\nLevel: high\n\n"
        "## The AI\n\nThe AI wrote malware for a crew in Brazil.\n\n"
        "YouTube operators. Accounts in Nigeria posted videos in English.\n"
    )
    names = set(by_name(f)) | _actor_names(f)
    assert not names & {"Level", "The AI", "YouTube operators", "YouTube"}


def test_a_company_set_apart_as_a_company_is_no_actor() -> None:
    f = draft(
        NEWS + "The lab said DeepSeek, a Chinese AI company, copied outputs of its model. "
        "NightLatch, a Chinese threat actor, wrote phishing lures aimed at Taiwan.\n"
    )
    assert "DeepSeek" not in _actor_names(f) and "NightLatch" in _actor_names(f)


def test_a_firm_that_reports_the_finding_is_no_actor_and_one_that_acts_is() -> None:
    f = draft(
        NEWS + "ShieldWorks, a cybersecurity firm, said the hackers wrote phishing lures aimed at "
        "Taiwan.\n\nSwiftPulse, a political marketing firm in Manila, ran fake accounts that "
        "posted in English about elections in the Philippines.\n"
    )
    names = _actor_names(f) | set(by_name(f))
    assert "ShieldWorks" not in names and "SwiftPulse" in names


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_list_of_fields_is_one_cases_fact_sheet_and_its_labels_no_names(gap: str) -> None:
    f = draft(
        "Brief on Quill Drift\n\nA crew used a coding agent against dozens of firms.\n\n"
        f"Incident Overview{gap}- Designation: UNC9912 (a crew the lab ties to Laos)\n"
        "- Means: an agent driven through the Model Context Protocol (MCP)\n"
        "- Targets: banks and chemical makers\n- Outcome: a few break-ins\n"
        "- Breach: data taken from two banks\n"
    )
    names = set(by_name(f)) | _actor_names(f)
    assert not names & {"Incident Overview", "Designation", "MCP", "Breach", "Means"}
    (c,) = [c for c in f.campaigns if any(a.name == "UNC9912" for a in c.all_actors)]
    assert {"financial-services", "chemical"} & _targets(c)


def test_a_list_of_cases_each_with_a_label_is_still_a_case_each() -> None:
    f = draft(
        "Roundup\n\nTwo networks were removed.\n\n- Tin Wren: a crew in Laos that wrote "
        "lures.\n- Paper Fox: a crew in Peru that posted comments.\n"
    )
    assert {"Tin Wren", "Paper Fox"} <= set(by_name(f)) | _actor_names(f)


@pytest.mark.parametrize("heading", ["Key Insights", "Main Points", "At a Glance", "What to Know"])
def test_a_heading_over_a_summary_names_no_case(heading: str) -> None:
    f = draft(
        NEWS + f"{heading}\nLaotian state hackers used the chatbot against about 20 banks.\n"
        "The work ran for months.\n"
    )
    assert _actor_names(f) == {"Laotian state hackers"} and heading not in by_name(f)


@pytest.mark.parametrize("connective", ["Furthermore", "Moreover", "Likewise", "Notably"])
def test_a_connective_opening_a_sentence_names_no_case(connective: str) -> None:
    f = draft(
        NEWS + "The lab removed several networks.\n\n"
        f"{connective}, the lab shut accounts tied to Laotian influence operations, specifically "
        '"Storm-9955," which wrote posts for voters in Peru.\n'
    )
    assert connective not in set(by_name(f)) | _actor_names(f)


def test_the_initials_of_the_reporters_own_team_name_no_case() -> None:
    f = draft(
        NEWS + "The vendor's Rapid Response Unit (RRU) researchers observed a crew it tracks as "
        "UNC9912 stealing salaries from workers in Canada.\n"
    )
    assert "RRU" not in set(by_name(f)) | _actor_names(f) and "UNC9912" in _actor_names(f)


def test_the_initials_of_a_technical_term_name_no_case() -> None:
    f = draft(
        NEWS + "UNC9912 is a crew based in Laos.\n\nIt drove a coding agent through the "
        "Model Context Protocol (MCP) against banks in Chile.\n"
    )
    assert _actor_names(f) == {"UNC9912"} and "MCP" not in by_name(f)
    assert "CL" in _targets(f.campaigns[0])


@pytest.mark.parametrize(
    ("name", "text", "ok"),
    [
        ("Landing", "Readers reached landing pages.", False),  # a word of the text
        ("Doppelganger", "The network posted memes.", True),
        ("The AI", "", False),
        ("The Korean-language cluster", "", True),  # a description, but not a fragment
        ("Google researchers", "", False),
        ("ChatGPT accounts", "", False),
        ("Sneer Review", "a review", True),
        ("Beyond China", "", False),  # a phrase set before the sentence
        ("Apart from Iran", "", False),
    ],
)
def test_a_drafted_name_must_look_like_a_name(name: str, text: str, ok: bool) -> None:
    assert looks_like_name(name, lower_words(text)) is ok


@pytest.mark.parametrize("byline", ["By A. Writer", "By Jane Doe and Ali Khan, Staff Writers"])
def test_a_byline_under_the_headline_is_no_heading_and_no_name(byline: str) -> None:
    f = draft(
        NEWS + f"{byline}\n\nJade Heron, a group linked to Laos, wrote phishing emails to banks "
        "in Peru.\n"
    )
    assert _actor_names(f) == {"Jade Heron"} and {c.name for c in f.campaigns} == {"Jade Heron"}


# --- No named actor


def test_techniques_without_a_named_actor_draft_an_unnamed_cluster_of_that_report() -> None:
    one = draft("Threat brief\n\nAttackers exploited a public-facing application.\n")
    other = draft("Incident notes\n\nAttackers exploited a public-facing application.\n")
    (c,) = one.campaigns
    assert "T1190" in {t.id for t in c.techniques}
    assert c.all_actors[0].name != other.campaigns[0].all_actors[0].name  # one per report
    assert "Threat brief" in c.all_actors[0].name


@pytest.mark.parametrize(
    "said",
    [
        "Analysts found NightPorter, a new Android trojan that asks Gemini where to tap.",
        "Analysts found a trojan they dubbed NightPorter that asks Gemini where to tap.",
        "The NightPorter trojan asks Gemini where to tap.",
    ],
)
def test_a_text_about_a_named_malware_and_no_actor_is_that_malwares_operation(said: str) -> None:
    f = draft(f"Executive summary\n\n{said} It posed as a bank app and stole logins in Chile.\n")
    (c,) = f.campaigns
    assert c.name == "NightPorter" and not c.all_actors
    assert "CL" in {t.id for t in c.targets.countries}
    plain = draft("Executive summary\n\nAnalysts found a trojan that poses as a bank app.\n")
    assert plain.campaigns[0].all_actors  # no malware named: the unnamed actor stays


def test_researchers_at_a_firm_of_some_people_are_the_reporter_not_a_target() -> None:
    f = draft(
        "Notes\n\nResearchers at a Slovak security firm found that a crew in Laos sent "
        "phishing emails to officials in Chile.\n"
    )
    targets = {t.id for c in f.campaigns for t in c.targets.countries}
    assert targets == {"CL"} and _origins(f) == {"Crew in Laos": "LA"}


def test_a_text_whose_only_section_is_a_task_list_is_not_refused() -> None:
    f = draft("## Actions\n\nThe attackers exploited a public-facing application.\n")
    assert "T1190" in {t.id for c in f.campaigns for t in c.techniques}


def test_a_known_alias_inside_a_longer_quoted_name_is_not_that_actor() -> None:
    # "COPPER" is an alias of Tonto Team in MISP's galaxy: "Copper Wick" is another name
    f = draft(NEWS + 'Investigators named one crew "Copper Wick" and banned its accounts.')
    assert _actor_names(f) == {"Copper Wick"}


def test_a_list_of_demonyms_before_one_noun_gives_an_actor_each_named_for_its_own() -> None:
    f = draft(NEWS + "Chinese, Russian, Iranian and North Korean operators wrote malware with it.")
    names = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert names == {
        "Chinese operators": "CN",
        "Russian operators": "RU",
        "Iranian operators": "IR",
        "North Korean operators": "KP",
    }


def test_a_list_of_countries_after_from_gives_an_actor_each_named_for_its_own() -> None:
    f = draft(NEWS + "Crews from Russia, China, and Iran had it debug their malware.")
    names = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert names == {"Crews from Russia": "RU", "Crews from China": "CN", "Crews from Iran": "IR"}


def _origins(f: Findings) -> dict[str, str | None]:
    return {a.name: a.country.id if a.country else None for c in f.campaigns for a in c.all_actors}


# --- Who acted, as the object of what the reporter did to them


def test_the_reporter_with_auxiliaries_and_its_pronoun_again_is_not_in_the_actors_name() -> None:
    f = draft(
        NEWS + "The lab says it also suspended Iranian operators who wrote phishing lures for "
        "engineers in Israel.\n"
    )
    assert _origins(f) == {"Iranian operators": "IR"}
    assert "IL" in _targets(f.campaigns[0])


@pytest.mark.parametrize("reporter", ["Microsoft said", "Google says", "Mandiant reported"])
def test_a_publisher_by_its_short_name_is_no_part_of_the_actors_name(reporter: str) -> None:
    f = draft(
        NEWS + f"{reporter} accounts associated with Cuban state actors wrote phishing emails to "
        "academics in Peru.\n"
    )
    assert _actor_names(f) == {"Accounts associated with Cuban state actors"}


def test_a_two_word_enforcement_verb_after_an_adverb_leaves_who_it_struck() -> None:
    f = draft(
        NEWS + "The startup recently shut down a network of accounts run from Nigeria that "
        "wrote romance scam scripts.\n"
    )
    assert _origins(f) == {"Network of accounts run from Nigeria": "NG"}


def test_a_clause_after_who_they_are_is_no_part_of_their_name() -> None:
    f = draft(
        NEWS + "The lab has banned a cluster of accounts tied to Vietnam after finding they "
        "posted fake reviews about hotels in Spain.\n"
    )
    assert _origins(f) == {"Cluster of accounts tied to Vietnam": "VN"}
    assert "ES" in _targets(f.campaigns[0])


def test_a_list_of_countries_after_linked_to_gives_each_actor_its_own_and_no_other() -> None:
    f = draft(NEWS + "The company has removed accounts linked to Belarus and Cuba.\n")
    assert _origins(f) == {"Accounts linked to Belarus": "BY", "Accounts linked to Cuba": "CU"}


def test_a_ring_in_a_country_is_from_there_and_does_not_target_it() -> None:
    f = draft(
        NEWS + "The firm also uncovered a fraud ring in Laos that used the model to translate "
        "scam messages.\n"
    )
    (c,) = f.campaigns
    assert country(c) == "LA" and "LA" not in _targets(c)
    assert _origins(f) == {"Fraud ring in Laos": "LA"}


def test_operations_in_a_country_are_where_they_acted_not_who_they_are() -> None:
    f = draft(NEWS + "The lab disrupted Russian operations in Ukraine that spread fake news.\n")
    assert _origins(f) == {"Actors behind the Russian operations": "RU"}  # who ran them
    assert "UA" in _targets(f.campaigns[0])


def test_in_another_instance_turns_to_actors_with_ties_to_a_country() -> None:
    f = draft(
        NEWS + KNOWN + "In another instance, operators with suspected ties to Belarus used the "
        "chatbot to write fake resumes.\n"
    )
    kimsuky, other = _known_and_other(f)
    assert country(other) == "BY" and country(kimsuky) is None
    assert other.all_actors[0].name == "Operators with suspected ties to Belarus"


@pytest.mark.parametrize("opening", ["Among the cases: a", "Among them, a"])
def test_among_the_cases_opens_a_case_about_the_actors_described_after_it(opening: str) -> None:
    f = draft(
        NEWS + KNOWN + f"{opening} network of accounts based in Laos used the chatbot to "
        "translate messages for a task scam aimed at people in Vietnam.\n"
    )
    kimsuky, other = _known_and_other(f)
    assert _targets(kimsuky) == {"JP", "think-tanks"}
    assert country(other) == "LA" and _targets(other) == {"VN", "individuals"}
    assert other.all_actors[0].name == "Network of accounts based in Laos"


def test_in_one_case_and_in_the_second_open_cases_and_are_no_part_of_a_name() -> None:
    f = draft(
        NEWS + "In one case, Russian-speaking criminals used the model to debug ransomware aimed "
        "at hospitals in Brazil. In the second case, a Belarusian crew wrote fake resumes for "
        "jobs in Canada.\n"
    )
    names = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert set(names) == {"Russian-speaking criminals", "Belarusian crew"}
    assert _targets(names["Russian-speaking criminals"]) == {"BR", "healthcare"}
    assert country(names["Belarusian crew"]) == "BY" and _targets(names["Belarusian crew"]) == {
        "CA"
    }


def test_a_case_set_aside_opens_the_next_whose_actor_the_reporter_struck() -> None:
    f = draft(
        NEWS + KNOWN + "Beyond Japan, the lab also acted against a crew that wrote malware for "
        "banks in Peru.\n"
    )
    kimsuky, crew = _known_and_other(f)
    assert crew.all_actors[0].name == "Unnamed crew"
    assert _targets(crew) == {"PE", "financial-services"}
    assert "PE" not in _targets(kimsuky)


def test_how_sure_the_reporter_is_and_the_copula_are_no_part_of_the_actors_name() -> None:
    f = draft(
        NEWS + "The lab said with high confidence that the operators were linked to Syria. "
        "They wrote malware.\n"
    )
    assert _origins(f) == {"Operators linked to Syria": "SY"}


def test_whom_a_finding_is_according_to_is_no_part_of_the_actors_name() -> None:
    f = draft(
        NEWS + "According to the report, a group based in Myanmar ran crypto scams aimed at "
        "retirees in Japan.\n"
    )
    assert _origins(f) == {"Group based in Myanmar": "MM"}
    assert "JP" in _targets(f.campaigns[0])


def test_a_name_given_to_a_group_after_its_noun_names_the_actor() -> None:
    f = draft(
        NEWS + "A Laotian hacking group known as Jade Heron sent lures to diplomats in Peru.\n"
    )
    assert _origins(f) == {"Jade Heron": "LA"}
    f = draft(
        NEWS + "The group, which the lab calls Jade Heron and which other firms track as Tin "
        "Wren, sent lures to diplomats in Peru.\n"
    )
    assert _actor_names(f) == {"Jade Heron"}  # not "Jade Heron and"


def test_what_the_reporter_saw_is_no_part_of_the_actors_names() -> None:
    f = draft(
        NEWS + "The lab saw Vietnamese, Laotian and Cuban government agents use the chatbot.\n"
    )
    assert _origins(f) == {
        "Vietnamese government agents": "VN",
        "Laotian government agents": "LA",
        "Cuban government agents": "CU",
    }


def test_propagandists_trolls_and_spies_are_actors_nouns_like_operators() -> None:
    f = draft(NEWS + "Tehran-aligned propagandists wrote posts aimed at voters in Iraq.\n")
    assert _origins(f) == {"Tehran-aligned propagandists": "IR"}
    f = draft(NEWS + "The trolls, based in Cambodia, wrote messages to voters in Peru.\n")
    assert _origins(f) == {"Trolls based in Cambodia": "KH"}  # the comma no part of it


def test_another_case_about_hackers_believed_to_be_working_for_a_government() -> None:
    f = draft(
        NEWS + KNOWN + "In another case, hackers believed to be working for the Syrian government "
        "asked the assistant to research defense contractors in Jordan.\n"
    )
    kimsuky, other = _known_and_other(f)
    assert country(other) == "SY" and _targets(other) == {"JO", "defense"}
    assert _targets(kimsuky) == {"JP", "think-tanks"}


def test_a_name_the_reporter_brings_in_as_one_more_is_a_case_beside_a_description() -> None:
    f = draft(
        NEWS + "Cuban operators asked the model to draft posts about protests in Chile, the lab "
        "said. It also banned a cluster it tracks as Storm-7788 that researched satellite firms "
        "in Peru.\n"
    )
    storm = _with_actor(f, "Storm-7788")
    (cuban,) = [c for c in f.campaigns if c is not storm]
    assert country(cuban) == "CU" and "CL" in _targets(cuban)
    assert country(storm) is None and _targets(storm) == {"PE"}


def test_a_network_the_reporter_linked_to_a_firm_somewhere_is_a_case_from_there() -> None:
    f = draft(
        NEWS + KNOWN + "The largest network, which the lab linked to a marketing firm in Laos, "
        "posted in English about elections in Peru.\n"
    )
    kimsuky, other = _known_and_other(f)
    assert country(other) == "LA" and _targets(other) == {"PE", "political"}
    assert other.all_actors[0].name == "Largest network linked to a marketing firm in Laos"
    assert _targets(kimsuky) == {"JP", "think-tanks"}


# --- A new name of several words, set apart as an actor's


@pytest.mark.parametrize(
    "sentence",
    [
        "Jade Heron, a group linked to Laos, used the chatbot to research targets in Peru.",
        "Jade Heron \u2014 a Laotian crew the lab has followed since 2023 \u2014 used the chatbot "
        "to research targets in Peru.",
        "Researchers linked the activity to Jade Heron, a Laotian crew, which used the chatbot "
        "to research targets in Peru.",
        "The company named the Laotian group Jade Heron. It researched targets in Peru.",
    ],
)
def test_a_name_of_several_words_set_apart_as_an_actors_is_that_actor(sentence: str) -> None:
    f = draft(NEWS + sentence + "\n")
    assert _origins(f) == {"Jade Heron": "LA"}
    assert "PE" in _targets(_with_actor(f, "Jade Heron"))


def test_a_name_after_an_actor_noun_set_apart_and_a_bracketed_other_name() -> None:
    f = draft(NEWS + "One of the groups, Jade Heron, used the chatbot to scan routers in Peru.\n")
    assert _actor_names(f) == {"Jade Heron"}
    f = draft(
        NEWS + "The lab said Jade Heron (also known as Tin Wren) used the chatbot to scan "
        "routers in Peru.\n"
    )
    assert _actor_names(f) == {"Jade Heron"} and "Tin Wren" not in by_name(f)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jade Heron, also known as Storm-4411, wrote malware aimed at telecoms in Kenya.",
        "Jade Heron (also tracked as Storm-4411) wrote malware aimed at telecoms in Kenya.",
        "Jade Heron, which Microsoft tracks as Storm-4411, wrote malware aimed at telecoms in "
        "Kenya.",
        "The group, known as Jade Heron or Storm-4411, wrote malware aimed at telecoms in Kenya.",
    ],
)
def test_another_name_of_a_new_actor_is_its_alias_not_an_actor_of_its_own(sentence: str) -> None:
    f = draft(NEWS + sentence + "\n")
    (c,) = f.campaigns
    (actor,) = c.all_actors
    assert (actor.name, list(actor.aliases)) == ("Jade Heron", ["Storm-4411"])
    assert _targets(c) == {"KE", "telecommunications"}


def test_tracks_as_names_what_the_noun_before_it_says() -> None:
    f = draft(NEWS + "A network that the lab tracks as Jade Heron scanned routers in Peru.\n")
    assert list(by_name(f)) == ["Jade Heron"]


def test_a_place_set_apart_before_an_actor_noun_names_no_actor() -> None:
    for sentence in (
        "North Korea, a country whose hackers steal crypto, used the chatbot to write lures.",
        "The United States, a frequent target of the group, saw lures from hackers in Laos.",
    ):
        names = _actor_names(draft(NEWS + sentence + "\n"))
        assert not any("North Korea" in n or "United States" in n for n in names), names


def test_another_called_by_its_name_mid_paragraph_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS + "A campaign called Glass Door posted comments in Spanish about elections in Peru. "
        "Another, called Iron Gate, targeted banks in Chile.\n"
    )
    door, gate = by_name(f)["Glass Door"], by_name(f)["Iron Gate"]
    assert _targets(door) == {"PE", "political"} and [x.id for x in door.languages] == ["es"]
    assert _targets(gate) == {"CL", "financial-services"} and not gate.languages


def test_a_news_pages_asides_are_skipped_and_do_not_end_the_story() -> None:
    f = draft(
        NEWS + "Jade Heron, a group linked to Laos, wrote phishing emails to banks in Peru.\n\n"
        "Read more: How chatbots became a tool for scammers\n\n"
        "(Photo by A. Smith/Getty Images)\n\n"
        "The group also scanned routers in Chile.\n\n"
        "Subscribe to our newsletter for the latest security news.\n"
    )
    (c,) = f.campaigns
    assert _targets(c) == {"PE", "CL", "financial-services"}  # no media from the newsletter


def test_a_lede_about_one_unnamed_case_is_the_case_the_next_paragraph_names() -> None:
    f = draft(
        NEWS + "Criminals used a chatbot to run an extortion campaign that hit hospitals and "
        "schools, the lab said.\n\n"
        "The actor, tracked as GTG-7001, used the model to scan VPN endpoints.\n\n"
        "In a separate case, a crew based in Laos wrote job scams.\n"
    )
    gtg = _with_actor(f, "GTG-7001")
    assert _targets(gtg) == {"healthcare", "education"}
    (laos,) = [c for c in f.campaigns if c is not gtg]
    assert country(laos) == "LA" and not _targets(laos)


def test_a_lede_about_several_cases_is_no_ones() -> None:
    f = draft(
        NEWS + "The lab banned hackers from Laos and Cuba who hit hospitals and schools.\n\n"
        "The actor, tracked as GTG-7001, used the model to scan VPN endpoints.\n"
    )
    assert not _targets(_with_actor(f, "GTG-7001"))


def test_a_case_the_lede_introduced_keeps_its_origin_when_a_paragraph_names_it() -> None:
    f = draft(
        NEWS + "The lab said it had banned accounts tied to two operations, including a job "
        "scam it traced to Laos and a spying effort linked to Cuba.\n\n"
        'The job scam, which the lab dubbed "Paper Kite," wrote fake job offers for workers in '
        "Thailand.\n\n"
        'The spying effort, which researchers call "Glass Heron," asked the model about naval '
        "bases in Chile.\n"
    )
    kite, heron = by_name(f)["Paper Kite"], by_name(f)["Glass Heron"]
    assert country(kite) == "LA" and _targets(kite) == {"TH"}
    assert country(heron) == "CU" and _targets(heron) == {"CL"}


@pytest.mark.parametrize(
    "opening",
    [
        "Criminals, too, tried the chatbot.",
        "Scammers, meanwhile, tried the chatbot.",
        "A ransomware crew also tried the chatbot.",
    ],
)
def test_a_bare_or_indefinite_actor_after_a_case_is_a_new_one(opening: str) -> None:
    f = draft(
        NEWS + "Laotian operators asked the model about satellites over Peru.\n\n"
        f"{opening} They had it rewrite ransomware and write phishing emails.\n"
    )
    assert len(f.campaigns) == 2, [c.name for c in f.campaigns]
    first, second = f.campaigns
    assert country(first) == "LA" and {x.id for x in first.targets.countries} == {"PE"}
    assert not {"T1486", "T1566"} & {t.id.split(".")[0] for t in first.techniques}
    assert {"T1486", "T1566"} <= {t.id.split(".")[0] for t in second.techniques}
    assert second.name.split()[0] not in ("Criminals", "Scammers")  # no operation of that name
    assert second.all_actors  # an unnamed actor, drafted as one


def test_a_definite_actor_after_a_case_is_the_same_one() -> None:
    f = draft(
        NEWS + "Laotian operators asked the model about satellites over Peru.\n\n"
        "The operators also had it write phishing emails.\n"
    )
    (c,) = f.campaigns
    assert country(c) == "LA" and "T1566" in {t.id.split(".")[0] for t in c.techniques}


def test_a_paragraph_named_for_one_actor_still_parts_at_the_next_actors_clause() -> None:
    f = draft(
        NEWS + "Emerald Sleet, which works for North Korea, wrote lures for think tanks in Peru, "
        "while Crimson Sandstorm, tied to Iran's Revolutionary Guard, wrote phishing emails "
        "aimed at banks in Chile.\n"
    )
    origins = {a.name: country(c) for c in f.campaigns for a in c.all_actors}
    assert origins == {"Kimsuky": "KP", "CURIUM": "IR"}
    kimsuky, curium = (_with_actor(f, n) for n in ("Kimsuky", "CURIUM"))
    assert {x.id for x in kimsuky.targets.countries} == {"PE"}
    assert {x.id for x in curium.targets.countries} == {"CL"}


@pytest.mark.parametrize(
    "naming",
    [
        'The lab called the operation "Salt Kettle."',
        "Researchers dubbed it \u201cSalt Kettle.\u201d",
    ],
)
def test_a_sentence_naming_the_case_told_before_names_it_and_opens_nothing(naming: str) -> None:
    f = draft(
        NEWS + "The lab banned a cluster of accounts that wrote phishing emails for people in "
        "Peru.\n\nThe accounts, which worked in Laotian business hours, also wrote malware.\n\n"
        f"{naming} A separate crew based in Chile wrote fake reviews for shops in Peru.\n"
    )
    names = [c.name for c in f.campaigns]
    assert names[0] == "Salt Kettle" and len(names) == 2, names
    kettle = f.campaigns[0]
    assert [a.name for a in kettle.all_actors] == ["Salt Kettle operators"]
    assert country(kettle) == "LA" and {x.id for x in kettle.targets.countries} == {"PE"}
    assert country(f.campaigns[1]) == "CL"


def test_a_relative_clause_after_an_unnamed_actor_is_what_it_did_not_its_name() -> None:
    f = draft(NEWS + "The accounts, which worked in Laotian business hours, wrote malware.\n")
    assert _actor_names(f) == {"Unnamed accounts"}
    assert country(f.campaigns[0]) == "LA"


def test_a_later_clause_on_actors_from_another_place_is_a_case_of_its_own() -> None:
    f = draft(
        NEWS + "A Laotian effort called Paper Crane wrote posts in French for readers in Peru, "
        "while a Mongolian outlet, the Steppe Wire, translated articles into Spanish.\n"
    )
    assert next(c.name for c in f.campaigns) == "Paper Crane"
    crane, outlet = f.campaigns
    assert country(crane) == "LA" and {x.id for x in crane.languages} == {"fr"}
    assert {x.id for x in crane.targets.countries} == {"PE"}
    assert country(outlet) == "MN" and {x.id for x in outlet.languages} == {"es"}
    assert not outlet.targets.countries


def test_unnamed_actors_behind_a_reporter_a_turn_and_a_colon_are_kept_apart() -> None:
    f = draft(
        NEWS + "Laotian actors used the model most, writing lures in French for officials in "
        "Peru.\n\nAnalysts at the lab found that a Mongolian group researched satellites over "
        "Chile, while Nepali hackers drafted cover letters for jobs at banks.\n\n"
        "Cuban use was limited: a crew tied to Havana rewrote old malware.\n"
    )
    origins = [country(c) for c in f.campaigns]
    assert origins == ["LA", "MN", "NP", "CU"], [c.name for c in f.campaigns]
    laos, mongolia, nepal, cuba = f.campaigns
    assert {x.id for x in laos.targets.countries} == {"PE"}
    assert {x.id for x in mongolia.targets.countries} == {"CL"}
    assert not nepal.targets.countries and not cuba.targets.countries
    assert [a.name for a in cuba.all_actors] == ["Crew tied to Havana"]


@pytest.mark.parametrize(
    "reporter",
    ["CrowdStrike, a security company, separately reported", "Researchers at Proofpoint said"],
)
def test_a_security_firm_that_reports_is_no_actor(reporter: str) -> None:
    f = draft(NEWS + f"{reporter} that Laotian operatives wrote lures for banks in Peru.\n")
    assert _actor_names(f) == {"Laotian operatives"}
    assert country(f.campaigns[0]) == "LA"


def test_a_name_given_in_passing_to_the_case_told_before_names_it() -> None:
    f = draft(
        NEWS + "The crew, which the lab linked to people in Laos, wrote phishing emails for "
        "banks in Peru.\n\nIt also wrote malware.\n\nThe lab said the operation, which it "
        "called \u201cSalt Kettle,\u201d resembled an earlier one.\n"
    )
    assert [c.name for c in f.campaigns] == ["Salt Kettle"]
    assert country(f.campaigns[0]) == "LA"


def test_a_lede_about_one_actor_stays_a_case_when_the_next_paragraph_is_another() -> None:
    f = draft(
        NEWS + "A Laotian cybercriminal used the model to build an infostealer, the lab said.\n\n"
        "The lab also said a group it tied to Cuba's government asked about water utilities "
        "in Peru.\n"
    )
    origins = {a.name: country(c) for c in f.campaigns for a in c.all_actors}
    assert origins == {"Laotian cybercriminal": "LA", "Group it tied to Cuba's government": "CU"}
    cuba = _with_actor(f, "Group it tied to Cuba's government")
    assert "government" not in {x.id for x in cuba.targets.sectors}  # its sponsor, not a target
    assert {x.id for x in cuba.targets.countries} == {"PE"}


def test_an_actor_listed_beside_another_keeps_the_shared_facts_not_the_others_own() -> None:
    f = draft(
        NEWS + "Two Chinese groups, Charcoal Typhoon and Salmon Typhoon, used the chatbot to "
        "translate technical papers. Charcoal Typhoon also sent phishing emails to banks in "
        "Peru.\n"
    )
    origins = {a.name: country(c) for c in f.campaigns for a in c.all_actors}
    assert len(f.campaigns) == 2 and set(origins.values()) == {"CN"}, origins
    own, companion = (c for c in f.campaigns)
    assert {x.id for x in own.targets.countries} == {"PE"}
    assert not companion.targets.countries  # Peru was the other's
    for c in (own, companion):  # what both did
        assert "llm-aided-translation" in {t.id for t in c.techniques}


def test_a_second_actor_of_the_same_people_is_another_case() -> None:
    f = draft(
        NEWS + "A Laotian crew the lab tracks as Moss Lantern wrote lures for banks in Peru.\n\n"
        "A second Laotian crew, separately, wrote propaganda in Arabic for readers in Chile.\n"
    )
    assert len(f.campaigns) == 2, [c.name for c in f.campaigns]
    first, second = f.campaigns
    assert {x.id for x in first.targets.countries} == {"PE"} and not first.languages
    assert country(second) == "LA" and {x.id for x in second.languages} == {"ar"}


def test_cases_counted_then_told_by_superlative_and_by_where_they_came_from() -> None:
    f = draft(
        NEWS + "The lab took down three networks last month. The largest, run from Laos, "
        "posted about politics in Peru.\n\nA smaller network originated in Mongolia and "
        "wrote posts for readers in Chile.\n"
    )
    assert [country(c) for c in f.campaigns] == ["LA", "MN"], [c.name for c in f.campaigns]
    laos, mongolia = f.campaigns
    assert {x.id for x in laos.targets.countries} == {"PE"}
    assert {x.id for x in mongolia.targets.countries} == {"CL"}
    assert [a.name for a in mongolia.all_actors] == ["Smaller network from Mongolia"]


@pytest.mark.parametrize("count", ["More than 57 distinct", "At least 20", "Dozens of"])
def test_how_many_is_no_part_of_an_unnamed_actors_name(count: str) -> None:
    f = draft(NEWS + f"{count} crews linked to Laos wrote phishing emails for banks in Peru.\n")
    assert _actor_names(f) == {"Crews linked to Laos"}


def test_a_lede_about_an_actor_of_no_country_is_the_case_the_next_paragraph_goes_on_with() -> None:
    f = draft(
        NEWS + "Fraudsters based in Southeast Asia used the chatbot to write lures in Korean.\n\n"
        "The group, which ran call centres, targeted older people in Japan and Peru.\n\n"
        "Separately, a hacker in Chile wrote a phishing kit.\n"
    )
    assert _actor_names(f) == {"Fraudsters based in Southeast Asia", "Hacker in Chile"}
    fraud = _with_actor(f, "Fraudsters based in Southeast Asia")
    assert {x.id for x in fraud.targets.countries} == {"JP", "PE"}
    assert {x.id for x in fraud.languages} == {"ko"}


def test_a_relative_clause_after_where_an_unnamed_actor_is_from_ends_its_name() -> None:
    f = draft(
        NEWS + "The lab disrupted an operation from Laos that a marketing firm ran to post "
        "comments aimed at lawmakers in Peru.\n"
    )
    assert _actor_names(f) == {"Operation from Laos"}


@pytest.mark.parametrize("short", ["IOs", "TTPs"])
def test_a_plural_abbreviation_after_known_as_names_no_operation(short: str) -> None:
    f = draft(
        NEWS + f"The lab said it stopped three covert campaigns (known as {short}) that used its "
        'chatbot.\n\nThe Peruvian group, known as "Grey Loom", wrote posts in Spanish for '
        "readers in Chile.\n"
    )
    names = {c.name for c in f.campaigns} | _actor_names(f)
    assert short not in names
    assert any("Grey Loom" in n for n in names)


@pytest.mark.parametrize("work", ["a blog post", "a new report", "an essay"])
def test_the_title_of_a_piece_of_writing_names_no_operation(work: str) -> None:
    f = draft(
        NEWS + f"The lab published {work} called Stopping Bad Bots: Spring Edition, on crews "
        "that misused its chatbot.\n\nThe first crew, from Peru, used the chatbot to write fake "
        "posts for readers in Chile.\n"
    )
    assert not any("Stopping" in c.name for c in f.campaigns)


def test_an_operation_the_report_calls_by_name_is_still_named() -> None:
    f = draft(
        NEWS + "Hackers from Peru ran a campaign the report calls Grey Loom, writing fake posts "
        "for readers in Chile.\n"
    )
    assert any("Grey Loom" in c.name for c in f.campaigns)


# --- What names the story or the report is no operation


def test_an_outlets_name_before_a_dash_opening_the_story_is_no_case() -> None:
    f = draft(
        NEWS + "Andes Wire News - The lab said on Monday that a Peru-linked cluster known as "
        "UNC9001 used the assistant to scan routers.\n"
    )
    assert [c.name for c in f.campaigns] == ["UNC9001"]


@pytest.mark.parametrize(
    "opening",
    [
        'The lab put out a long report, titled "Keeping Chatbots Honest," which says',
        "The lab put out its yearly Chatbot Misuse Report (CMR), and I read it again.",
    ],
)
def test_a_reports_own_title_or_acronym_names_no_case(opening: str) -> None:
    f = draft(NEWS + f"{opening} Peruvian state actors phished banks in Chile.\n")
    assert _actor_names(f) == {"Peruvian state actors"}


@pytest.mark.parametrize("label", ["What Really Went On", "How the Crew Got In"])
def test_a_label_that_asks_what_a_section_tells_names_no_case(label: str) -> None:
    f = draft(
        NEWS + f"Peruvian hackers phished banks in Chile.\n\n{label}: The Inside Story\n\n"
        '1. Hackers "Tricked" the Model\n\nThe rules were not broken with one prompt.\n'
    )
    assert [c.name for c in f.campaigns] == ["Peruvian hackers activity"]


def test_a_short_first_sentence_on_what_the_reporter_did_is_no_run_in_head() -> None:
    f = draft(NEWS + "The lab banned Peruvian accounts. They wrote malware for banks in Chile.\n")
    assert [c.name for c in f.campaigns] == ["Peruvian accounts activity"]


# --- Words before the subject that are no part of who the actors are


@pytest.mark.parametrize("turn", ["Interestingly,", "However,", "Meanwhile,"])
def test_a_word_that_turns_to_the_next_subject_is_no_part_of_its_name(turn: str) -> None:
    f = draft(
        NEWS + f"Peruvian hackers phished banks in Chile. {turn} Bolivian state actors are "
        "working with private firms to write malware.\n"
    )
    assert _actor_names(f) == {"Peruvian hackers", "Bolivian state actors"}


@pytest.mark.parametrize(
    "what",
    [
        "three changes in the tactics of",
        "a shift in the methods of",
        "the habits of",
        "the activity of",
    ],
)
def test_what_the_actors_did_before_of_them_is_no_part_of_their_name(what: str) -> None:
    f = draft(NEWS + f"The lab notes {what} Peruvian hackers: they phish banks in Chile.\n")
    assert _actor_names(f) == {"Peruvian hackers"}


@pytest.mark.parametrize(
    "naming",
    [
        'The researchers named the campaign "Paper Lantern" after finding that it hid in cloud '
        "storage.",
        'The researchers have named the campaign as "Paper Lantern" because it hid in cloud '
        "storage.",
    ],
)
def test_a_name_given_back_to_the_campaign_with_why_after_it(naming: str) -> None:
    f = draft(
        "Spy crew returns\n\nResearchers say the Tinbird77 hacking group is behind a new spying "
        f"campaign against defectors in South Korea.\n\n{naming}\n"
    )
    assert [(c.name, [a.name for a in c.all_actors]) for c in f.campaigns] == [
        ("Paper Lantern", ["Tinbird77"])
    ]


@pytest.mark.parametrize(
    "kind", ["cybercrime organization", "hacking organisation", "criminal enterprise"]
)
def test_a_kind_of_crime_organisation_set_apart_after_a_quoted_name_makes_it_an_actor(
    kind: str,
) -> None:
    f = draft(
        NEWS + f'The lab sued "Tin Lantern," a Laotian {kind}. Tin Lantern used the chatbot to '
        "write scam texts.\n"
    )
    assert actors_of(f) == [("Tin Lantern", "LA")]


def test_an_organisation_of_no_crime_set_apart_after_a_quoted_name_is_no_actor() -> None:
    f = draft(
        NEWS + 'Laotian hackers used the chatbot to write scam texts. "Harbor Aid," a '
        "humanitarian organization, warned users.\n"
    )
    assert _actor_names(f) == {"Laotian hackers"}


@pytest.mark.parametrize(
    "alias",
    [
        "operating under the alias \u201cOrchard Watch,\u201d",
        'working under the moniker "Orchard Watch",',
        "calling themselves \u201cOrchard Watch,\u201d",
    ],
)
def test_a_quoted_name_the_actors_took_for_themselves_is_their_name(alias: str) -> None:
    f = draft(NEWS + f"Peruvian trolls, {alias} urged voters in Chile to stay home.\n")
    assert actors_of(f) == [("Orchard Watch", "PE")]
