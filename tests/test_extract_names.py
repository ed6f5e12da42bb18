"""The extractor on names: what names an operation or an actor, what names nothing, and where a
new group starts (a new name, a new unnamed actor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.extract.openers import opening_subject
from graphkit.extract.paragraphs import read_paragraph
from loaders.text import html_text, markdown_text, read_text
from tests.extract_helpers import by_name, country, draft


def test_topic_headings_name_nothing_and_kind_headings_name_the_quoted() -> None:
    f = draft(
        "# Report\n\n## Malware that asks a model for commands\n\n"
        "APT28, a Russian military intelligence actor, used it against Ukraine.\n\n"
        '## Influence: "Quiet Harbor"\n\nThe operators posted in Spanish.\n\n'
        "## Cyber: Iranian actors\n\nAccounts tied to APT42 wrote phishing lures.\n"
    )
    ops = by_name(f)
    assert "Malware that asks a model for commands" not in ops
    assert "Quiet Harbor" in ops and [x.id for x in ops["Quiet Harbor"].languages] == ["es"]
    iranian = next(c for c in f.campaigns if any(a.name == "APT42" for a in c.all_actors))
    assert country(iranian) == "IR"  # the heading says who they are


def test_a_paragraph_about_a_new_unnamed_actor_is_its_own_group() -> None:
    f = draft(
        "Digest\n\n"
        "An extortion crew that we track as GTG-9001 hit hospitals and churches.\n\n"
        "A Chinese threat actor spent months inside Vietnamese telecommunications networks.\n"
    )
    crew = next(c for c in f.campaigns if any(a.name == "GTG-9001" for a in c.all_actors))
    other = next(c for c in f.campaigns if c is not crew)
    assert country(crew) is None
    assert {x.id for x in crew.targets.sectors} == {"healthcare", "religious"}
    assert country(other) == "CN"
    assert [x.id for x in other.targets.countries] == ["VN"]
    assert [x.id for x in other.targets.sectors] == ["telecommunications"]


def test_a_name_set_apart_as_an_actor_is_an_actor_and_found_again() -> None:
    f = draft(
        "Update\n\nThe first case came from NightLatch, a suspected China-based adversary. "
        "It sent phishing emails to engineers.\n\n"
        "Later, NightLatch asked about known vulnerabilities.\n"
    )
    (c,) = [c for c in f.campaigns if any(a.name == "NightLatch" for a in c.all_actors)]
    assert country(c) == "CN"
    assert {"T1566", "T1588.006"} <= {t.id for t in c.techniques}


def test_verb_forms_versions_and_bold_names() -> None:
    f = draft(
        "# Notes\n\n**Copper Lantern** is a Russian network. It builds malware and "
        "asks the Qwen2.5-Coder model for commands.\n"
    )
    (c,) = f.campaigns
    assert c.name == "Copper Lantern" and country(c) == "RU"
    assert "T1587.001" in {t.id for t in c.techniques}
    assert "Qwen" in {p.name for p in c.platforms}


def test_affiliation_names_an_actor_and_reports_introduce_subjects() -> None:
    f = draft(
        "News\n\nThe report opens with GTG-9002, which extorted hospitals.\n\n"
        "The report also describes North Korean IT workers who held jobs at US tech firms.\n\n"
        "Av3ngersCrew is affiliated with the Islamic Revolutionary Guard Corps.\n\n"
        "APT42, which works for the Iranian government, wrote lures.\n"
    )
    gtg = next(c for c in f.campaigns if any(a.name == "GTG-9002" for a in c.all_actors))
    assert not gtg.targets.countries  # the IT workers' targets are theirs, not GTG-9002's
    workers = next(c for c in f.campaigns if country(c) == "KP")
    assert [x.id for x in workers.targets.countries] == ["US"]
    crew = next(c for c in f.campaigns if any(a.name == "Av3ngersCrew" for a in c.all_actors))
    assert country(crew) == "IR"
    apt42 = next(c for c in f.campaigns if any(a.name == "APT42" for a in c.all_actors))
    assert country(apt42) == "IR" and not apt42.targets.sectors


def test_acronyms_companies_lists_and_names_inside_names() -> None:
    f = draft(
        "Summary\n\nAn Iranian operation, the International Union of Virtual Media (IUVM), "
        "wrote articles in English and French.\n\n"
        "Finally, a commercial company in Israel called STOIC ran an operation nicknamed "
        "Zero Zeno.\n\n"
        "Emerald Sleet impersonates academic institutions and NGOs. It has targeted victims in "
        "defense, government and technology.\n"
    )
    ops = by_name(f)
    iuvm = ops["IUVM"]
    assert country(iuvm) == "IR" and sorted(x.id for x in iuvm.languages) == ["en", "fr"]
    assert not iuvm.targets.sectors  # "Virtual Media" is part of a name
    zeno = ops["Zero Zeno"]
    assert [a.name for a in zeno.all_actors] == ["STOIC"] and country(zeno) == "IL"
    sleet = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    assert sorted(x.id for x in sleet.targets.sectors) == ["defense", "government", "technology"]


def test_a_case_title_in_sentence_case_names_its_case() -> None:
    f = draft("# Cases\n\n### A novice actor builds sophisticated malware\n\nIt used Claude.\n")
    assert [c.name for c in f.campaigns] == ["A novice actor builds sophisticated malware"]


def test_operations_named_in_apposition_and_run_by() -> None:
    f = draft(
        "Roundup\n\nIn February the company described Quiet Loom, a likely Chinese operation "
        "that wrote in Chinese.\n\n"
        "A second Chinese network, Paper Lantern, wrote Spanish-language articles for Peru.\n\n"
        "The June report added Slow Tide, another likely Chinese operation, whose accounts "
        "posed as European and Turkish journalists.\n\n"
        "Harbor Bell was run by a marketing firm in the Philippines.\n"
    )
    ops = by_name(f)
    assert {"Quiet Loom", "Paper Lantern", "Slow Tide", "Harbor Bell"} <= set(ops)
    assert [x.id for x in ops["Paper Lantern"].targets.countries] == ["PE"]
    assert not ops["Slow Tide"].targets.countries and not ops["Slow Tide"].targets.sectors
    assert country(ops["Harbor Bell"]) == "PH"
    assert "T1548.002" in {
        t.id
        for t in draft("## Op U\n\nIt wrote code to bypass User Account Control.")
        .campaigns[0]
        .techniques
    }


def test_a_heading_written_as_prose_gives_way_to_the_names_under_it() -> None:
    f = draft(
        "# Feature\n\n## The Russian pair\n\n"
        "Two networks came from Russia. The first, which we named Loud Choir, wrote comments "
        "in Russian for readers in Moldova.\n\n"
        "The second was Paper Mirror, a long-running campaign that wrote in Italian.\n\n"
        "## China's Night Owl\n\nIt posted in Korean about critics of the government.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Loud Choir", "Paper Mirror", "Night Owl"}
    assert country(ops["Paper Mirror"]) == "RU"  # the heading says who, for both
    assert country(ops["Night Owl"]) == "CN" and not ops["Night Owl"].targets.countries


def test_a_new_actor_under_a_heading_that_names_nothing_is_its_own_group() -> None:
    f = draft(
        "# Tracker\n\n## Actors we disrupted\n\n"
        "UNC9001, a North Korean group, chased cryptocurrency.\n\n"
        "An Iranian government-backed actor, APT42, looked up people in Israel.\n"
    )
    groups = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert groups["UNC9001"] is not groups["APT42"]
    assert country(groups["APT42"]) == "IR" and country(groups["UNC9001"]) == "KP"


def test_the_same_unnamed_actor_in_two_sections_is_one_operation() -> None:
    f = draft(
        "# Digest\n\n## What we saw in March\n\nCyberAv3ngers, an IRGC-affiliated group, wrote "
        "Modbus scripts.\n\nA Chinese threat actor scanned networks.\n\n"
        "## What we saw in April\n\nCyberAv3ngers, the same group, researched default "
        "passwords.\n\nA Chinese threat actor wrote phishing emails.\n"
    )
    names = [c.name for c in f.campaigns]
    assert len(names) == len(set(names)) == 2


def test_a_heading_that_names_actors_gives_them_its_names() -> None:
    f = draft(
        "# Notes\n\n## Vixen Panda and Keyhole Panda\n\nTwo Chinese state groups, also known "
        "as APT15 and APT5, researched US-based IT service providers.\n\n## Phish and Scripts\n\n"
        "A China-linked group that others track as UNK_DROPPITCH and UTA0388 sent phishing.\n"
    )
    actors = {a.name: a for c in f.campaigns for a in c.all_actors}
    assert "Vixen Panda" in actors["Ke3chang"].aliases and "Keyhole Panda" in actors["APT5"].aliases
    # MISP's threat-actor galaxy knows the group, spelled UNK_DropPitch: the draft uses its name
    droppitch = actors["UNK_DropPitch"]
    assert droppitch.aliases == ["UNK_DROPPITCH", "UTA0388"] and "UTA0388" not in actors
    panda = by_name(f)["Vixen Panda and Keyhole Panda"]
    assert {s.id for s in panda.targets.sectors} == {"technology"}


def test_thread_posts_and_table_rows_name_their_cases_and_actors(tmp_path: Path) -> None:
    f = draft(
        "A thread\n\n1/ Four cases this month.\n\n"
        "2/ Case two: someone wrote tools that scrape leaked passwords for cameras.\n\n"
        "3/ Case three: scammers targeted job seekers in Poland.\n\n"
        "4/ All the accounts were banned.\n"
    )
    assert set(by_name(f)) == {"Case two", "Case three"}  # nothing said of the last post
    path = tmp_path / "table.md"
    path.write_text(
        "# Tracker\n\n| Name | Type | Nexus | Targets |\n|---|---|---|---|\n"
        "| UNC9301 | actor | North Korea | cryptocurrency holders<br>\u2022 exchanges |\n"
    )
    c = draft(read_text(path)).campaigns[0]
    assert c.name == "UNC9301" and country(c) == "KP"
    assert [s.id for s in c.targets.sectors] == ["cryptocurrency"]


def test_dates_as_headings_datelines_and_press_boilerplate_name_nothing() -> None:
    f = draft(
        "# Timeline\n\n### 2025-07\n\nA group of Korean-language accounts was disrupted. They "
        "wrote phishing emails to diplomats in South Korea.\n\n### 2025-08\n\nWe disabled a "
        "network we call Paper Kite, based in China, which pulled saved passwords out of "
        "Chrome and asked how to get around SmartScreen and hide its code.\n\n"
        "FOR IMMEDIATE RELEASE\n\nSAN FRANCISCO, October 9, 2024 -- A third case, "
        "GlassMoth, concerned a suspected Chinese group.\n\nAbout Example Lab\nExample Lab "
        "is a company based in San Francisco.\n\nMedia contact: press@example.org\n"
    )
    ops = by_name(f)
    assert not {"2025-07", "2025-08", "SAN FRANCISCO", "For Immediate Release"} & set(ops)
    korean = next(c for c in f.campaigns if c.languages and c.languages[0].id == "ko")
    assert country(korean) is None  # a language says nothing of where they are
    assert [x.id for x in korean.targets.countries] == ["KR"]
    kite = {t.id for t in ops["Paper Kite"].techniques}
    assert {"T1555", "T1553.005", "T1027"} <= kite
    moth = next(c for c in f.campaigns if any(a.name == "GlassMoth" for a in c.all_actors))
    assert country(moth) == "CN" and not moth.targets.countries  # boilerplate not appended


def test_emoji_bold_country_names_firm_names_and_content_about_a_war() -> None:
    f = draft(
        "# Roundup\n\n\U0001f534 **Russia: Loud Choir.** Comments in Polish attacking critics of "
        "the Kremlin.\n\n\U0001f535 **Israel: Quiet Harbor.** Run by the Tel Aviv consultancy "
        "BLUEWAVE; comments on the Gaza conflict and on Canadian politics.\n\n"
        "| Country | Main uses |\n|---|---|\n| China | reconnaissance on US military |\n"
    )
    ops = by_name(f)
    choir = ops["Loud Choir"]
    assert country(choir) == "RU" and [s.id for s in choir.targets.sectors] == ["civil-society"]
    harbor = ops["Quiet Harbor"]
    assert "BLUEWAVE" in {a.name for a in harbor.all_actors}
    assert {x.id for x in harbor.targets.countries} == {"CA"}  # Gaza is what it is about
    china = next(c for c in f.campaigns if c.name.startswith("Actors from China"))
    assert country(china) == "CN" and [x.id for x in china.targets.countries] == ["US"]


def test_a_name_the_paragraph_calls_a_group_is_an_actor() -> None:
    f = draft(
        "# Roundup\n\n**GlassMoth.** A suspected China-based adversary, GlassMoth sent phishing "
        "to AI company staff and did reconnaissance on vulnerabilities.\n\n"
        "**Loud Choir.** The operators wrote comments in Polish.\n\n"
        "China: PRC-backed groups researched US government and military targets and staff at "
        "a research organisation.\n"
    )
    named = {a.name for c in f.campaigns for a in c.all_actors}
    assert "GlassMoth" in named and "Loud Choir" not in named
    moth = next(c for c in f.campaigns if c.name == "GlassMoth")
    assert "llm-assisted-vulnerability-research" in {t.id for t in moth.techniques}
    china = next(c for c in f.campaigns if country(c) == "CN" and c.name != "GlassMoth")
    assert "US" in {x.id for x in china.targets.countries}
    assert {"government", "defense", "education"} <= {s.id for s in china.targets.sectors}


def test_cases_announced_in_prose_and_quoted_operations_get_their_own_groups() -> None:
    f = draft(
        "# Essay\n\nThe operation it calls Quiet Forge appears to sit in China and wrote to "
        "organisations critical of the Communist Party.\n\nA second case shows criminals at "
        "work. Russian-language malware authors built stealers.\n\nA third case points to "
        "North Korea. Its operators phished diplomats in South Korea.\n\n"
        'We banned accounts behind an "influence-for-hire" operation that ran fake social '
        "media personas for audiences in Kenya.\n"
    )
    ops = by_name(f)
    forge = ops["Quiet Forge"]
    assert country(forge) == "CN" and [s.id for s in forge.targets.sectors] == ["civil-society"]
    authors = next(c for c in f.campaigns if [x.id for x in c.languages] == ["ru"])
    assert authors is not forge and country(authors) is None
    third = next(c for c in f.campaigns if country(c) == "KP")
    assert [x.id for x in third.targets.countries] == ["KR"]
    hire = ops["influence-for-hire"]
    assert [x.id for x in hire.targets.countries] == ["KE"]
    assert "T1585" in {t.id for t in hire.techniques}


def test_bold_list_names_with_a_dash_ordinals_and_questions_that_change_subject() -> None:
    text = html_text(
        "<main><ol><li><strong>Loud Choir</strong> \u2014 likely Chinese. Comments in Urdu.</li>"
        "<li><strong>Quiet Harbor</strong> \u2014 Russian origin. German-language posts.</li>"
        "</ol></main>"
    )
    assert "- **Loud Choir** \u2014 likely Chinese." in text
    ops = by_name(draft(text))
    assert country(ops["Loud Choir"]) == "CN" and country(ops["Quiet Harbor"]) == "RU"
    f = draft(
        "Notes\n\nThe second, GLASSTEAL, was used by the North Korean actor UNC9101 and saves "
        "itself so that it survives reboots.\n\nQ: And the Iranian operators?\nA: They wrote "
        "lures in Hebrew.\n"
    )
    glass = by_name(f)["GLASSTEAL"]
    assert country(glass) == "KP" and "T1547" in {t.id for t in glass.techniques}
    iranian = next(c for c in f.campaigns if country(c) == "IR")
    assert iranian is not glass and [x.id for x in iranian.languages] == ["he"]


def test_a_memo_heading_and_its_action_line_name_nothing() -> None:
    f = draft(
        "MEMO\nTo: Security team\nRe: a report\n\nKey points:\n\n"
        "- Iranian actor APT42 researched defence organisations.\n"
        "- Chinese government-backed groups researched US military organisations.\n"
        "- North Korea's APT43 researched cryptocurrency.\n\n"
        "Action: review phishing training for defence-sector staff.\n"
    )
    assert not {"MEMO", "Memo", "Action"} & set(by_name(f))
    origins = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins["APT42"] == "IR" and origins["Kimsuky"] == "KP"
    assert "CN" in origins.values()


def test_names_at_a_paragraph_end_sentence_case_headings_and_a_text_naming_nothing() -> None:
    f = draft(
        "# Update\n\n## Articles placed abroad\n\nAccounts likely linked to China wrote "
        "Spanish-language articles that appeared in Peru. We refer to this activity as "
        '"Quiet Harbor".\n\n1. **Iran leads.** APT42 phished defence experts.\n'
        "2. **China researches.** Chinese groups researched US military targets.\n"
        "3. **North Korea hunts for money and jobs.** APT43 researched cryptocurrency.\n"
    )
    ops = by_name(f)
    assert "Quiet Harbor" in ops and "Iran leads" not in ops
    assert [x.id for x in ops["Quiet Harbor"].targets.countries] == ["PE"]
    kimsuky = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    assert country(kimsuky) is None or country(kimsuky) == "KP"
    assert "US" not in {x.id for x in kimsuky.targets.countries}
    digest = draft(
        "Weekly digest\n\nAn influence operation ran fake personas for audiences in Kenya.\n"
    )
    assert [x.id for x in digest.campaigns[0].targets.countries] == ["KE"]


def test_timeline_entries_open_with_a_date_then_the_name() -> None:
    f = draft(
        "# Report\n\n## Timeline\n\n**January 2025 \u2014 Amber Loop.** A network in Iran wrote "
        "Farsi posts.\n\n**2025-02-11: Quiet Harbor and Salt Lantern.** Two Chinese groups "
        "wrote Chinese prompts to brute-force SSH servers.\n"
    )
    assert set(by_name(f)) == {"Amber Loop", "Quiet Harbor and Salt Lantern"}
    assert country(by_name(f)["Amber Loop"]) == "IR"
    assert [x.id for x in by_name(f)["Quiet Harbor and Salt Lantern"].languages] == ["zh"]


def test_items_under_a_named_heading_and_a_last_item_before_a_heading() -> None:
    f = draft(
        "# Deck\n\n## GLASSHOOK\n\n- Used by APT28\n\n- Asks Gemini, through its API, for "
        "commands at run time\n\n- Copies itself into the Startup folder\n\n## Next steps\n\n"
        "- More later\n"
    )
    assert set(by_name(f)) == {"GLASSHOOK"}
    ids = {t.id.split(".")[0] for t in by_name(f)["GLASSHOOK"].techniques}
    assert {"T1059", "T1547"} <= ids


def test_an_actor_named_in_a_heading_over_quoted_text_and_a_comment() -> None:
    f = draft(  # as read_text gives a Markdown file
        markdown_text(
            "# Notes\n\n### Case: Cyber Av3ngers\n\n> A group tied to Iran's IRGC sent phishing "
            "emails to\n> journalists and looked for vulnerabilities in mail servers.\n\n"
            "Comment: the group aimed at reporters.\n"
        )
    )
    case = by_name(f)["Cyber Av3ngers"]
    assert [(a.name, a.country.id if a.country else None) for a in case.all_actors] == [
        ("CyberAv3ngers", "IR")  # the alias table's name for it
    ]
    assert "llm-assisted-vulnerability-research" in {t.id for t in case.techniques}
    assert all(">" not in t.evidence for t in case.techniques)  # the quote marks are gone
    assert "Comment" not in {a.name for c in f.campaigns for a in c.all_actors}


def test_bold_questions_name_what_they_ask_about() -> None:
    f = draft(
        "# Q&A\n\n**What is Paper Lantern?**\nA network probably run from China that wrote "
        "comments in Japanese.\n\n**And Quiet Ferry?**\nAlso likely Chinese. It posted Korean "
        "articles.\n\n**Who was behind the fake recruiters?**\nActivity consistent with Iran. "
        "The accounts wrote job offers.\n"
    )
    ops = by_name(f)
    assert {"Paper Lantern", "Quiet Ferry"} <= set(ops)
    assert country(ops["Quiet Ferry"]) == "CN" and not ops["Quiet Ferry"].targets.countries
    recruiters = [c for c in f.campaigns if c.name not in ("Paper Lantern", "Quiet Ferry")]
    assert [country(c) for c in recruiters] == ["IR"]


def test_a_dateline_with_a_state_names_nothing() -> None:
    f = draft(
        "Hackers use chatbots\n\nMOUNTAIN VIEW, Calif., Jan. 29 - Iranian groups such as APT42 "
        "wrote phishing emails with Gemini.\n"
    )
    assert "MOUNTAIN VIEW" not in by_name(f)


def test_an_unnamed_actor_ends_where_its_verb_begins() -> None:
    f = draft(
        "# Notes\n\nHackers working for Iran leaned on the model to write phishing emails.\n\n"
        "Operators based in the United Kingdom sold ransomware kits.\n"
    )
    names = [a.name for c in f.campaigns for a in c.all_actors]
    assert names == ["Hackers working for Iran", "Operators based in the United Kingdom"]


def test_malware_an_actor_used_against_someone_names_the_case() -> None:
    f = draft(
        "# Judgments\n\n## Key judgments\n\n1. We assess that APT41, a Chinese group, used "
        "SKYHOOK against banks in Chile.\n2. We assess that APT42 wrote Farsi lures.\n\n"
        "## Paper Crane\n\nA Russian network used GLASSDOOR to steal files.\n"
    )
    ops = by_name(f)
    assert {"SKYHOOK", "Paper Crane"} <= set(ops) and "GLASSDOOR" not in ops
    assert [x.id for x in ops["SKYHOOK"].targets.countries] == ["CL"]


def test_a_brief_with_handling_marks_setext_headings_and_names_in_capitals() -> None:
    f = draft(
        "UNCLASSIFIED // FOR PUBLIC RELEASE\n\nMORNING READ-AHEAD\n==================\n\n"
        "BLUF\n----\n(U) Most cases came from Russia.\n\n"
        "DISCUSSION\n----------\n"
        "1. (U) GLASS HERON. Likely Russian origin. Operators wrote comments in Polish.\n\n"
        "2. (U) TIN LANTERN. Iran. Posts in Farsi aimed at voters in Iraq.\n\n"
        "COMMENT\n-------\n(U) Expect them back.\n\nTLP:CLEAR\n"
    )
    assert f.report.title == "MORNING READ-AHEAD"
    ops = by_name(f)
    assert set(ops) == {"Glass Heron", "Tin Lantern"}  # no "Bluf", "Discussion" or "Comment"
    assert [x.id for x in ops["Glass Heron"].languages] == ["pl"]
    assert country(ops["Tin Lantern"]) == "IR"
    assert "(U)" not in str(f.model_dump())


def test_two_att_ck_groups_split_by_a_slash_stay_two() -> None:
    f = draft(
        "Notes\n\n## Vixen Panda / Keyhole Panda\n\nChina (APT15 and APT5). They scanned ports.\n"
    )
    (op,) = f.campaigns
    names = {a.name: a for a in op.all_actors}
    assert set(names) == {"Ke3chang", "APT5"}
    assert "Keyhole Panda" not in names["Ke3chang"].aliases
    assert {a.country.id for a in op.all_actors if a.country} == {"CN"}  # a place over brackets


def test_also_joins_two_names_and_a_backdoor_names_no_case() -> None:
    f = draft(
        "Notes\n\n## Amber Finch\n\nResearchers track it as UNK_AMBERDUST (also UTA0999). The "
        "cluster wrote lures and built a backdoor researchers call REEDSHELL.\n"
    )
    assert set(by_name(f)) == {"Amber Finch"}
    (op,) = f.campaigns
    assert [(a.name, a.aliases) for a in op.all_actors] == [("UNK_AMBERDUST", ["UTA0999"])]


def test_a_firm_set_apart_by_commas_and_a_heading_naming_two_countries() -> None:
    f = draft(
        "News\n\n## Iran and a company in Brazil\n\n"
        "The Persian Gulf Union (PGU), an Iranian operation, wrote articles in French.\n\n"
        "A marketing firm in Sao Paulo, LUMAX, ran what we call Bright Shore. It wrote posts "
        "about Argentina's election.\n"
    )
    ops = by_name(f)
    assert country(ops["PGU"]) == "IR" and not ops["PGU"].targets.countries
    assert any(a.name == "LUMAX" for a in ops["Bright Shore"].all_actors)


def test_a_headings_acronym_names_the_operation() -> None:
    f = draft("Notes\n\n## Free Press Alliance of Asia (FPAA)\n\nAn Iranian operation.\n")
    assert set(by_name(f)) == {"FPAA"}


def test_theme_headings_with_a_bold_name_inside_the_paragraph() -> None:
    f = draft(
        "# Takeaways\n\n## 1. China is still the busiest origin\n\nMost cases came from China. "
        "The one to read is **Moss\nLantern**, which wrote comments in Urdu.\n\n"
        "## 2. Firms sell influence too\n\n**Tin Harbor** traces back to a firm in Chile. It wrote "
        "posts in Spanish on Chilean politics.\n\n"
        "## 3. Elections draw operations from Russia\n\nBefore the Danish election, **Cold Fjord** "
        "wrote Danish-language posts.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Moss Lantern", "Tin Harbor", "Cold Fjord"}
    assert [x.id for x in ops["Moss Lantern"].languages] == ["ur"]
    assert country(ops["Tin Harbor"]) == "CL"  # and its own politics: a target too
    assert [x.id for x in ops["Tin Harbor"].targets.countries] == ["CL"]
    assert [x.id for x in ops["Cold Fjord"].languages] == ["da"]


def test_a_flaw_known_by_a_name_names_no_operation() -> None:
    f = draft(
        "## Frost Heron\n\nFrost Heron is a North Korean actor.\n\n"
        "- Vulnerability research: reading about CVE-2022-30190, known as Follina.\n"
        "- Reconnaissance: finding think tanks and government bodies that write about North "
        "Korea's defence policy.\n"
    )
    assert [c.name for c in f.campaigns] == ["Frost Heron"]
    assert sorted(x.id for x in f.campaigns[0].targets.sectors) == ["government", "think-tanks"]


def test_a_cluster_named_by_the_report_is_no_actor_of_its_own() -> None:
    f = draft(
        "## Rook and Pawn\n\nThe China-based cluster Microsoft named Rook and Pawn (others "
        "track it as UTA0388) wrote lures in Japanese.\n"
    )
    op = by_name(f)["Rook and Pawn"]
    assert {a.name for a in op.all_actors} == {"UTA0388"}  # not "Rook", nor the case's name


def test_an_aside_before_a_name_and_two_bold_cases_in_one_paragraph() -> None:
    f = draft(
        "# Notes\n\nTwo more cases.\n\nAdd Pine Call: a task scam run from Laos, messages in "
        "Thai and English.\n"
    )
    op = by_name(f)["Pine Call"]
    assert country(op) == "LA" and [x.id for x in op.targets.sectors] == ["individuals"]
    page = (
        "<html><body><article><h1>Note</h1><h2>Iran</h2><p><b>Gull Vane</b> wrote French-"
        "language articles.<sup><a href='#n1'>1</a></sup> <b>Tern Vane</b> ran Spanish-language "
        "sites and fixed the code of a bot.</p></article></body></html>"
    )
    text = html_text(page)
    assert "**Tern Vane**" in text and "1" not in text
    ops = by_name(draft(text))
    assert [x.id for x in ops["Gull Vane"].languages] == ["fr"]
    assert [x.id for x in ops["Tern Vane"].languages] == ["es"]
    assert "llm-enhanced-scripting" in {t.id for t in ops["Tern Vane"].techniques}


def test_a_dense_roundup_names_several_operations_a_paragraph() -> None:
    f = draft(
        "# Roundup\n\nThe week was busy.\n\nChinese operations dominate again. Slate Kite flooded "
        "X with comments in Urdu, while Gold Finch, probably Chinese too, posed as a journalist; "
        "Iron Hare argued both sides of the US tariff debate.\n\nRussia's Lamp Post wrote Danish "
        "posts before the Danish election, and a Russian-speaking developer behind GlassMoth "
        "built malware.\n"
    )
    ops = by_name(f)
    assert {"Slate Kite", "Gold Finch", "Iron Hare", "Lamp Post", "GlassMoth"} <= set(ops)
    assert [x.id for x in ops["Slate Kite"].languages] == ["ur"]
    assert not ops["Gold Finch"].languages and country(ops["Gold Finch"]) == "CN"
    assert [x.id for x in ops["Iron Hare"].targets.countries] == ["US"]
    assert country(ops["Lamp Post"]) == "RU" and [x.id for x in ops["Lamp Post"].languages] == [
        "da"
    ]
    assert [x.id for x in ops["GlassMoth"].languages] == ["ru"]


def test_a_security_firm_before_a_colon_is_the_reporter_and_a_place_owns_no_name() -> None:
    f = draft(
        "Notes on an outbreak campaign\n\n"
        "Sophos: Laos's APT99 (aka Paper Gecko) sought notes on the outbreak response.\n\n"
        "Laos's APT99 (also known as Paper Gecko) group sent lures to health ministries in "
        "Thailand to learn about the outbreak.\n"
    )
    names = {c.name for c in f.campaigns}
    assert "Sophos" not in names  # the firm that wrote it up, as "FireEye: ..." is
    assert not any("Laos" in n for n in names), names  # "Laos's APT99" is APT99 from Laos
    assert any(n.startswith("APT99") for n in names), names


def test_researchers_from_a_firm_described_at_length_report_and_claim() -> None:
    f = draft(
        "Notes\n\nThe researchers from Seoul-based cyber security firm ESTsecurity claim to have "
        "found a spying campaign, which they believe a North Korea-backed group runs.\n\n"
        "The group sends lures to defectors in South Korea.\n"
    )
    actors = [a.name for c in f.campaigns for a in c.all_actors]
    assert not any("esearchers" in a for a in actors), actors


def test_a_name_written_as_a_code_beside_a_groups_noun_names_an_actor() -> None:
    for sentence in (
        "Tinbird77 APT group is sending lures to defectors in South Korea.",
        "The Tinbird77 hacking group sent lures to defectors in South Korea.",
        "The group Tinbird77 sent lures to defectors in South Korea.",
        "The lures come from a North Korea-backed APT group Tinbird77.",
    ):
        f = draft(f"Notes\n\n{sentence}\n")
        assert [a.name for c in f.campaigns for a in c.all_actors] == ["Tinbird77"], sentence


@pytest.mark.parametrize(
    "code", ["UAT-9981", "UAT9981", "UAC-0991", "CL-STA-0991", "TGR-CRI-0991", "REF9981"]
)
def test_other_firms_tracking_codes_name_an_actor(code: str) -> None:
    # Cisco Talos's, CERT-UA's, Unit 42's and Elastic's shapes: none of these is in a catalog,
    # so the shape alone makes the name ("the China-linked group" had been the actor)
    f = draft(
        "Agencies describe an implant\n\nTwo agencies took apart GLASSKEY, a backdoor that the "
        f"China-linked group {code} put on edge routers in Chile.\n"
    )
    assert [a.name for c in f.campaigns for a in c.all_actors] == [code]
    (c,) = f.campaigns
    assert country(c) == "CN"


@pytest.mark.parametrize(
    "sentence",
    [
        "Researchers tied the Silver Heron campaign to APT41 after it hit ministries in Laos.",
        "The Silver Heron operation hit ministries in Laos, and researchers tied it to APT41.",
        "The DarkHeron campaign hit ministries in Laos; researchers tied it to APT41.",
    ],
)
def test_a_name_between_the_and_its_kind_names_the_operation(sentence: str) -> None:
    f = draft(f"Spy crew returns\n\n{sentence}\n")
    assert [c.name for c in f.campaigns] in (["Silver Heron"], ["DarkHeron"]), f.campaigns
    trump = draft("Spy crew returns\n\nIranian hackers broke into the Trump campaign.\n")
    assert "Trump" not in {c.name for c in trump.campaigns}  # a one-word name: whose campaign


def test_a_plain_name_between_the_and_a_groups_kind_names_an_actor() -> None:
    f = draft(
        "Clinic hit\n\nThe Quellor ransomware gang claimed the break-in at a clinic in Ohio.\n"
    )
    assert [a.name for c in f.campaigns for a in c.all_actors] == ["Quellor"]
    demonym = draft("Clinic hit\n\nThe Chinese hacking group broke into a clinic in Ohio.\n")
    assert "Chinese" not in [a.name for c in demonym.campaigns for a in c.all_actors]


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("Officials warned clinics about Quellor, a ransomware gang that hit hospitals.",
         ["Quellor"]),
        ("Officials warned clinics about 9Vane, a ransomware gang that hit hospitals.", ["9Vane"]),
        # a date, a place: not set apart as an actor, however close a group's noun follows
        ("The break-in came on Monday, a day after a gang hit hospitals in Ohio.", []),
        ("Break-ins rose in Ohio, a state where a gang hit hospitals.", []),
    ],
)  # fmt: skip
def test_a_plain_name_set_apart_by_an_actors_noun(sentence: str, actors: list[str]) -> None:
    f = draft(f"Gangs hit clinics\n\n{sentence}\n")
    named = [a.name for c in f.campaigns for a in c.all_actors if not a.name.startswith("Unnamed")]
    assert named == actors


def test_a_question_with_no_question_word_nor_place_names_no_actor() -> None:
    asked = read_paragraph("Want to get our weekly letters?\nEvery Monday (Mon-Fri)", False)
    assert opening_subject(asked, None, False) is None  # a page's sign-up box, no actor
    who = read_paragraph("Who was behind the fake recruiters?\nA crew tied to Laos.", False)
    assert opening_subject(who, None, False) is not None
