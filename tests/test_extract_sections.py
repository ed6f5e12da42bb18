"""The extractor on a text's layout: headings, list items, tables, labelled fields and cards
start or fill the groups facts belong to."""

from __future__ import annotations

from pathlib import Path

from graphkit.extract.sections import sections
from loaders.text import html_text, read_text
from tests.extract_helpers import by_name, country, draft


def test_list_items_with_labels_are_operations() -> None:
    f = draft(
        "Cases from our report\n\nSummary of cases\n\n"
        "- Ballot Echo: a Russian network wrote comments in German about the election.\n"
        "- Job Hook: scammers in Cambodia targeted job seekers with messages in English.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Ballot Echo", "Job Hook"}
    assert [x.id for x in ops["Ballot Echo"].languages] == ["de"]
    assert country(ops["Ballot Echo"]) == "RU"
    assert [x.id for x in ops["Job Hook"].targets.sectors] == ["individuals"]
    assert [x.id for x in ops["Job Hook"].languages] == ["en"]


def test_table_rows_are_operations_with_their_columns() -> None:
    page = (
        "<html><body><main><h1>At a glance</h1><p>These operations used ChatGPT.</p><table>"
        "<tr><th>Operation</th><th>Likely origin</th><th>Languages</th><th>Aimed at</th></tr>"
        "<tr><td>Harbor Lights</td><td>the Philippines</td><td>English, Taglish</td>"
        "<td>Philippine politics</td></tr>"
        "<tr><td>Grey Quill</td><td>China</td><td>Chinese</td><td>policy experts</td></tr>"
        "</table></main></body></html>"
    )
    text = html_text(page)
    assert "- Operation: Grey Quill; Likely origin: China; Languages: Chinese" in text
    ops = by_name(draft(text))
    harbor, quill = ops["Harbor Lights"], ops["Grey Quill"]
    assert country(harbor) == "PH" and sorted(x.id for x in harbor.languages) == ["en", "tl"]
    assert [x.id for x in harbor.targets.countries] == ["PH"]  # a field says so: kept
    assert [x.id for x in harbor.targets.sectors] == ["political"]
    assert country(quill) == "CN" and [x.id for x in quill.languages] == ["zh"]
    assert not quill.targets.countries
    assert {p.name for c in ops.values() for p in c.platforms} == {"ChatGPT"}  # from the intro


def test_markdown_tables_run_in_heads_and_country_headings() -> None:
    f = draft(
        "# Digest\n\n| Network | Attributed to | Language | Targets |\n|---|---|---|---|\n"
        "| Grey Quill | likely China | Chinese | Latin American media in Peru |\n\n"
        "Korean-language operators. A cluster of accounts drafted lures for South Korean "
        "diplomatic targets.\n\n"
        "## Russia\n\nRussian groups rewrote malware in other programming languages.\n"
    )
    ops = by_name(f)
    quill = ops["Grey Quill"]
    assert country(quill) == "CN" and [x.id for x in quill.languages] == ["zh"]
    assert [x.id for x in quill.targets.countries] == ["PE"]  # "Latin American" is no country
    korean = ops["Korean-language operators"]
    assert country(korean) is None  # a language says nothing of where they are
    assert [x.id for x in korean.targets.countries] == ["KR"]
    assert [x.id for x in korean.targets.sectors] == ["government"]
    russia = next(c for c in f.campaigns if country(c) == "RU")
    assert "T1587.001" in {t.id for t in russia.techniques}


def test_setext_headings_open_sections() -> None:
    f = draft(
        "Casebook\n========\n\n"
        "Case A: an extortion crew\n-------------------------\n\n"
        "GTG-9101 hit hospitals in Chile.\n\n"
        "Case B: a ransomware seller\n---------------------------\n\n"
        "GTG-9102, a criminal based in the United Kingdom, sold kits.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Case A", "Case B"}
    assert [x.id for x in ops["Case A"].targets.countries] == ["CL"]
    assert country(ops["Case B"]) == "GB" and not ops["Case B"].targets.countries


def test_items_that_head_what_follows_are_headings_and_lists_stay_lists() -> None:
    f = draft(
        "Advisory\n\nThe items below matter.\n\n"
        "1. Loud Choir\n\n   Probably Chinese in origin. It wrote posts in Swahili.\n\n"
        "2. Quiet Forge\n\n   Also traced to Iran. Its targets:\n\n   - Israel\n   - Jordan\n\n"
        "- **Red Lantern**\n  - Who: a cluster whose operators write in Russian\n"
        "  - What they asked for: a way around User Account Control\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Loud Choir", "Quiet Forge", "Red Lantern"}
    assert country(ops["Loud Choir"]) == "CN" and [x.id for x in ops["Loud Choir"].languages] == [
        "sw"
    ]
    assert country(ops["Quiet Forge"]) == "IR"
    assert {x.id for x in ops["Quiet Forge"].targets.countries} == {"IL", "JO"}
    assert [x.id for x in ops["Red Lantern"].languages] == ["ru"]
    assert "T1548.002" in {t.id for t in ops["Red Lantern"].techniques}


def test_stage_headings_belong_to_the_section_above() -> None:
    f = draft(
        "# Report\n\n## Iranian actors\n\nAPT42 was the heaviest user.\n\n### Reconnaissance\n\n"
        "APT42 researched think tanks.\n\n## PRC-backed actors\n\nChinese groups used it too."
        "\n\n### Reconnaissance\n\nThey researched US military organisations.\n\n"
        "### Installation and lateral movement\n\nThey asked how to move laterally.\n"
    )
    apt42 = next(c for c in f.campaigns if any(a.name == "APT42" for a in c.all_actors))
    assert {s.id for s in apt42.targets.sectors} == {"think-tanks"}
    assert not apt42.targets.countries  # the Chinese section's US targets are not APT42's
    assert "Reconnaissance" not in by_name(f)


def test_two_actors_in_one_paragraph_keep_their_own_sentences() -> None:
    f = draft(
        "Explainer\n\nEmerald Sleet works for North Korea. It writes to experts while "
        "pretending to be academics and NGOs.\n\n"
        "Charcoal Typhoon and Salmon Typhoon are both Chinese. Charcoal Typhoon went after "
        "Nepal and used the models to research satellite and radar technologies. Salmon "
        "Typhoon, which has hit US defence contractors, asked how malware could slip past "
        "detection.\n\nThe report also describes a hiring scheme that matches known North "
        "Korean tactics, with fake job applicants.\n"
    )
    groups = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert country(groups["Kimsuky"]) == "KP" and not groups["Kimsuky"].targets.sectors
    charcoal, salmon = groups["Earth Lusca"], groups["APT4"]
    assert charcoal is not salmon and country(charcoal) == country(salmon) == "CN"
    assert [x.id for x in charcoal.targets.countries] == ["NP"]
    assert not charcoal.targets.sectors  # satellite and radar technologies: researched
    assert {x.id for x in salmon.targets.countries} == {"US"}
    assert "llm-enhanced-anomaly-detection-evasion" in {t.id for t in salmon.techniques}
    hiring = next(c for c in f.campaigns if c.name.startswith("Hiring scheme"))
    assert country(hiring) == "KP" and "T1585" in {t.id for t in hiring.techniques}


def test_cards_of_labelled_lines_numbered_headings_and_accented_words() -> None:
    f = draft(
        "# Cards\n\n---\n\n**Case:** Quiet Forge\n**Actor:** GTG-9401\n**Origin:** United "
        "Kingdom\n\n---\n\n**Case:** Paper Desk\n**Actor:** North Korean IT workers\n"
        "**Targets:** US technology companies\n**Model use:** built fake professional "
        "backgrounds and wrote r\u00e9sum\u00e9s\n\n2.1 Doppelg\u00e4nger (Russia)\n"
        "Observed TTPs:\n  - comments in Polish\n"
        "Historical targeting: government organisations in Poland.\n"
    )
    ops = by_name(f)
    assert country(ops["Quiet Forge"]) == "GB"
    paper = ops["Paper Desk"]
    assert country(paper) == "KP" and [x.id for x in paper.targets.countries] == ["US"]
    assert {"T1585", "llm-supported-social-engineering"} <= {t.id for t in paper.techniques}
    doppel = next(c for c in f.campaigns if c.name.startswith("Doppelg"))
    assert country(doppel) == "RU" and [x.id for x in doppel.languages] == ["pl"]
    assert [x.id for x in doppel.targets.countries] == ["PL"]
    assert [s.id for s in doppel.targets.sectors] == ["government"]


def test_actor_behavior_impact_parts_belong_to_their_case() -> None:
    f = draft(
        '# Report\n\n## Cyber operation: "Quiet Forge"\n\n### Actor\n\nA Russian-speaking '
        "threat actor.\n\n### Behavior\n\nIt improved tools for gamers and asked the model to "
        'regenerate its own code.\n\n### Impact\n\nLimited.\n\n## Covert IO: "Loud Choir"\n\n'
        "### Actor\n\nThis operation likely originated in China.\n\n### Behavior\n\nIt posted "
        "about US politics.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Quiet Forge", "Loud Choir"}
    forge = ops["Quiet Forge"]
    assert [x.id for x in forge.languages] == ["ru"]
    assert {"llm-aided-development", "llm-optimized-payload-crafting"} <= {
        t.id for t in forge.techniques
    }
    assert country(ops["Loud Choir"]) == "CN"


def test_short_title_lines_over_prose_head_sections_and_footnotes_drop(tmp_path: Path) -> None:
    f = draft(
        "Disrupting misuse: a summary\nOpenAI, June 5, 2025. We banned the accounts below and "
        "shared what we learned.\n\nOperation Quiet Forge\nLikely originating in China, this "
        "operation wrote comments in Urdu for readers in Pakistan.\n\nOperation Paper Kite\n"
        "A marketing company in the Philippines ran this operation and wrote in Taglish.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Quiet Forge", "Paper Kite"}  # the title line heads nothing
    assert country(ops["Quiet Forge"]) == "CN" and country(ops["Paper Kite"]) == "PH"
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nText.[^1]\n\n[^1]: Also tracked as CHROMIUM.\n")
    assert "CHROMIUM" not in read_text(path)


def test_bold_actor_and_behavior_run_in_heads_are_parts_of_their_case() -> None:
    f = draft(
        '# Report\n\n## Cyber operation: "Quiet Forge"\n\n**Actor.** Operators we believe are '
        "based in China.\n\n**Behavior.** They wrote phishing emails in Japanese aimed at "
        "universities in Taiwan.\n"
    )
    assert set(by_name(f)) == {"Quiet Forge"}
    forge = by_name(f)["Quiet Forge"]
    assert country(forge) == "CN" and [x.id for x in forge.languages] == ["ja"]
    assert [x.id for x in forge.targets.countries] == ["TW"]


def test_a_plain_text_table_gives_a_row_per_actor() -> None:
    f = draft(
        "SUMMARY\n\nActors we saw this quarter.\n\n"
        "Actor            Nexus        Focus\n"
        "---------------  -----------  ------------------------\n"
        "APT42            Iran         universities in Israel\n"
        "OceanLotus       Vietnam      banks in Singapore and\n"
        "                              Malaysia\n"
    )
    origins = {c.actor.name: c.actor.country.id for c in f.campaigns if c.actor and c.actor.country}
    assert origins == {"APT42": "IR", "APT32": "VN"}  # OceanLotus is APT32 in ATT&CK
    lotus = next(c for c in f.campaigns if c.actor and c.actor.name == "APT32")
    assert {x.id for x in lotus.targets.countries} == {"SG", "MY"}


def test_details_entries_are_sections_and_activity_consistent_with_a_country() -> None:
    text = html_text(
        "<html><body><article><h1>Update</h1><details><summary>Grey Tide</summary><p>Activity "
        "consistent with Iran. Operators wrote Farsi posts aimed at voters in Iraq.</p>"
        "</details><details><summary>Salt Choir</summary><p>A Russian network wrote German "
        "comments.</p></details></article></body></html>"
    )
    f = draft(text)
    assert set(by_name(f)) == {"Grey Tide", "Salt Choir"}
    tide = by_name(f)["Grey Tide"]
    assert country(tide) == "IR" and [x.id for x in tide.targets.countries] == ["IQ"]


def test_labels_over_indented_values_are_one_record() -> None:
    f = draft(
        "INCIDENTS\n\nTwo cases for the log.\n\nIncident: GTG-7001\nSummary:\n    A criminal in "
        "Brazil wrote ransomware with the model.\nVictims:\n    Hospitals in Chile.\n\n"
        "Incident: GTG-7002\nSummary:\n    An actor in Nigeria ran romance scams.\n"
    )
    assert set(by_name(f)) == {"GTG-7001", "GTG-7002"}
    first = by_name(f)["GTG-7001"]
    assert country(first) == "BR" and [x.id for x in first.targets.countries] == ["CL"]
    assert [x.id for x in first.targets.sectors] == ["healthcare"]
    assert country(by_name(f)["GTG-7002"]) == "NG"


def test_rows_split_by_bars_without_a_rule() -> None:
    f = draft(
        "Notes\n\nOne operation a line.\n\nOperation | Run from | Languages | Aimed at\n"
        "Cold Ledger | Belarus | Russian, Polish | voters in Lithuania\n"
        "Warm Signal | Iran | Arabic | audiences in Iraq\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Cold Ledger", "Warm Signal"}
    assert country(ops["Cold Ledger"]) == "BY"
    assert [x.id for x in ops["Cold Ledger"].languages] == ["ru", "pl"]
    assert [x.id for x in ops["Warm Signal"].targets.countries] == ["IQ"]


def test_a_chat_export_gives_a_case_a_message() -> None:
    f = draft(
        "#intel channel\n\n[10:01] ana: first, Salt Ember. accounts from Iran posted farsi "
        "memes aimed at voters in Iraq\n[10:02] bo: nice\n[10:03] ana: second, Pale Drum, "
        "likely Russian. the operators wrote German comments\n[10:04] bo: thanks, noted\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Salt Ember", "Pale Drum"}
    assert country(ops["Salt Ember"]) == "IR"
    assert country(ops["Pale Drum"]) == "RU" and not ops["Pale Drum"].targets.countries
    assert [x.id for x in ops["Pale Drum"].languages] == ["de"]


def test_a_transcript_with_spoken_headings_and_cases() -> None:
    f = draft(
        "Episode 9, a show about threats\n\n"
        "[00:00:04] ANA: Welcome back. Where do we start?\n\n"
        "[00:00:09] BEN: Then there's Velvet Hook, which is thought to be Iranian. "
        "It wrote posts in Farsi.\n\n"
        "[00:00:20] ANA: Mostly in Farsi, right?\n\n"
        "[00:00:22] BEN: Right, and some in Arabic.\n\n"
        "[00:00:30] ANA: Let's talk about North Korea, because there are two cases.\n\n"
        "[00:00:34] BEN: The first is the fake recruiters. They wrote lures in Korean.\n\n"
        "[00:00:50] BEN: Actors linked to APT38 wrote PowerShell to steal cryptocurrency.\n"
    )
    ops = by_name(f)
    assert "Mostly in Farsi" not in ops and "Right" not in ops
    assert country(ops["Velvet Hook"]) == "IR"
    assert {x.id for x in ops["Velvet Hook"].languages} == {"fa", "ar"}
    recruiters = next(c for c in f.campaigns if "recruiters" in c.name.lower())
    apt38 = next(c for c in f.campaigns if any(a.name == "APT38" for a in c.all_actors))
    assert recruiters is not apt38 and country(apt38) == "KP"
    assert [x.id for x in recruiters.languages] == ["ko"]


def test_an_outline_of_roman_numerals_and_lettered_cases() -> None:
    f = draft(
        "SEMINAR NOTES\nweek 6\n\nI. RUSSIA\n\nA. Grey Finch (2025). Posts in Polish.\n\n"
        "II. OTHERS\n\nA. Dune Lark, Iran: articles in French.\n\n"
        "B. Moss Gate, run by LUMEX, an Israeli firm: comments debugged with OpenAI's models.\n"
    )
    ops = by_name(f)
    assert "Others" not in ops
    assert country(ops["Grey Finch"]) == "RU" and [x.id for x in ops["Grey Finch"].languages] == [
        "pl"
    ]
    assert country(ops["Dune Lark"]) == "IR" and [x.id for x in ops["Dune Lark"].languages] == [
        "fr"
    ]
    assert [p.name for p in ops["Moss Gate"].platforms] == ["ChatGPT"]


def test_an_analysts_shorthand() -> None:
    f = draft(
        "QUICK REFERENCE\nKey: origin -> targets; langs.\n\n"
        "- Grey Lantern (RU) -> UA, MD; langs RU/EN. Comments on Telegram.\n"
        "- Tide Mill (IL, VEXTRA) -> Canada; langs EN + Taglish.\n"
        "- Pale Ash (CN?) -> n/a; langs ZH.\n"
    )
    ops = by_name(f)
    assert country(ops["Grey Lantern"]) == "RU"
    assert [x.id for x in ops["Grey Lantern"].targets.countries] == ["UA", "MD"]
    assert [x.id for x in ops["Grey Lantern"].languages] == ["ru", "en"]
    assert any(a.name == "VEXTRA" for a in ops["Tide Mill"].all_actors)
    assert [x.id for x in ops["Tide Mill"].languages] == ["en", "tl"]
    assert ops["Pale Ash"].all_actors[0].country.id == "CN"  # type: ignore[union-attr]


def test_a_newsletter_laid_out_in_tables() -> None:
    page = (
        "<html><body><table role='presentation'><tr><td>"
        "<table><tr><td><a href='#'>View in browser</a> | <a href='#'>Unsubscribe</a></td></tr>"
        "<tr><td><h1>This week</h1><p>Three cases from the report.</p></td></tr>"
        "<tr><td><h2>Cedar Wick</h2><p>A Chinese network that wrote English and Vietnamese "
        "social media posts aimed at American academics and at groups that criticise the "
        "Chinese Communist Party.</p></td></tr>"
        "<tr><td>Sponsored by ExampleSec: stop phishing from Russia and Iran.</td></tr>"
        "</table></td></tr></table></body></html>"
    )
    text = html_text(page)
    assert "Unsubscribe" not in text and "Russia" not in text and "## Cedar Wick" in text
    op = by_name(draft(text))["Cedar Wick"]
    assert country(op) == "CN" and [x.id for x in op.languages] == ["en", "vi"]
    assert {x.id for x in op.targets.sectors} == {"education", "civil-society"}


def test_an_actor_profile() -> None:
    f = draft(
        "# Actor profile: Kimsuky\n\n| Name | Used by |\n|---|---|\n"
        "| Kimsuky | MITRE ATT&CK (G0094) |\n| Emerald Sleet | Microsoft |\n\n"
        "## Attribution\n\nA North Korean state-backed espionage group.\n\n"
        "## Victimology\n\n- Think tanks in Japan.\n"
        "- The South Korean military (Google Threat Intelligence Group, 2025).\n"
    )
    (op,) = f.campaigns  # the aliases and the topic sections are all Kimsuky's
    assert [a.name for a in op.all_actors] == ["Kimsuky"] and country(op) == "KP"
    assert {x.id for x in op.targets.countries} == {"JP", "KR"}


def test_numbered_section_headings_and_named_vulnerabilities() -> None:
    f = draft(
        "# A working paper\n\n## 1 Introduction\n\nWe review two cases.\n\n## 2 Quartz Hollow\n\n"
        "A Chinese network that asked the model about Log4Shell.\n\n## 3.1 Sable Fen\n\n"
        "A Russian network that wrote posts in Polish.\n\n## 4 Conclusion\n\nNothing new.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Quartz Hollow", "Sable Fen"}
    assert "T1588" in {t.id.split(".")[0] for t in ops["Quartz Hollow"].techniques}
    assert [x.id for x in ops["Sable Fen"].languages] == ["pl"]


def test_task_list_items_with_country_codes_and_an_imperative_opening() -> None:
    f = draft(
        "# Cases to add\n\nTick a box when the file is merged.\n\n"
        "- [x] **Oak Finch / Elm Finch** (CN; APT15 & APT5): FTP brute force; prompts written in "
        "Chinese and English\n- [ ] **Fen Vole** (likely CN): Chinese-language prompts\n"
    )
    actors = {a.name for c in f.campaigns for a in c.all_actors}
    assert "BRONZE BUTLER" not in actors  # "Tick" opens a sentence as a verb
    assert {country(c) for c in f.campaigns} == {"CN"}


def test_a_numbered_heading_over_tab_bullets_ends_the_case_before_it() -> None:
    f = draft(
        "Summary\n\n2.1\tBrook Heron\n\u2022\tA Chinese network; posts in Thai.\n\u2022\tIt asked "
        "for a way to bypass User Account Control.\n\n3.\tRecommendations\n\u2022\tWatch for "
        "Korean-language phishing.\n"
    )
    op = by_name(f)["Brook Heron"]
    assert [x.id for x in op.languages] == ["th"]  # not the recommendation's Korean
    assert "llm-directed-security-feature-bypass" in {t.id for t in op.techniques}


def test_a_feature_that_tells_each_case_over_several_paragraphs() -> None:
    f = draft(
        "# The helpers\n\nThe first network the company describes, which it calls Reed Lamp, is "
        "based in China.\n\nIts emails went out in Japanese.\n\nA second set of accounts worked "
        "entirely in Korean, against embassies in Seoul.\n\nThen there is Nine\u2014emdash Kite, "
        "a name taken from a typo. It wrote posts in Vietnamese. The company linked it to China.\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Reed Lamp"].languages] == ["ja"]  # not the second set's Korean
    kite = ops["Nine\u2014emdash Kite"]
    assert country(kite) == "CN" and not kite.targets.countries


def test_a_table_whose_cells_span_rows_and_labels_by_their_head_word() -> None:
    page = (
        "<html><body><article><h1>By origin</h1><p>One row an operation.</p><table><thead><tr>"
        "<th>Country of origin</th><th>Operation</th><th>Languages</th><th>Audience or target</th>"
        "</tr></thead><tbody><tr><td rowspan='2'>Russia</td><td>Fog Mill</td><td>Polish</td>"
        "<td>Poland</td></tr><tr><td>Dusk Mill (run by KESTREL)</td><td>Czech</td><td>Czechia</td>"
        "</tr></tbody></table></article></body></html>"
    )
    ops = by_name(draft(html_text(page)))
    assert country(ops["Fog Mill"]) == "RU" and [x.id for x in ops["Fog Mill"].languages] == ["pl"]
    assert country(ops["Dusk Mill"]) == "RU"  # the spanning cell is its row's too
    assert any(a.name == "KESTREL" for a in ops["Dusk Mill"].all_actors)


# One paragraph a line, no blank line between them: how a news page's text comes when it is
# copied from a browser or read from the web. Each line a paragraph, so that the second
# paragraph's actor does not take the first one's targets.
_ONE_A_LINE = (
    "Two crews seen misusing chatbots\n\n"
    "Investigators at the lab said a network it calls Storm-7001 used the chatbot to write "
    "fake audio scripts and memes during the vote in Taiwan.\n"
    "In the U.S., Storm-7001 spread false stories about a flood.\n"
    "Aside from China, North Korea is still a major worry for the lab's investigators.\n"
    "North Korean hackers went after diplomats in South Korea and Japan, with a group dubbed "
    "Amber Sleet using the model to polish its phishing emails.\n"
)


def test_one_paragraph_a_line_keeps_each_actor_to_its_own_paragraph() -> None:
    ops = {c.actor.name: c for c in draft(_ONE_A_LINE).campaigns if c.actor}
    assert country(ops["Amber Sleet"]) == "KP"
    assert {x.id for x in ops["Amber Sleet"].targets.countries} == {"KR", "JP"}
    assert {x.id for x in ops["Storm-7001"].targets.countries} == {"TW", "US"}
    assert "T1566" in {x.id for x in ops["Amber Sleet"].techniques}


def test_text_wrapped_to_a_width_stays_one_paragraph() -> None:
    # The same words wrapped at 80 columns: a line that ends a sentence does not end the
    # paragraph, and the title's line stays the title.
    wrapped = (
        "Two crews seen misusing chatbots\n\n"
        "Investigators at the lab said a network it calls Storm-7001 used the chatbot.\n"
        "It wrote fake audio scripts and memes during the vote in Taiwan, the lab said.\n"
        "Its posts in the U.S. spread false stories about a flood.\n"
    )
    paragraphs = [p for _, p, _ in sections(wrapped)]
    assert len(paragraphs) == 2 and paragraphs[1].count("\n") == 2


def test_a_question_on_its_own_line_heads_its_answer() -> None:
    text = (
        "Questions on the report\n\nWho did the lab name this time?\n"
        "A crew it calls Storm-7003, run from Iran, wrote fake news articles in Hebrew and "
        "posted them on sites made to look like local papers in Israel.\n"
    )
    paragraphs = [p for _, p, _ in sections(text)]
    assert paragraphs[1].startswith("Who did the lab name this time?\nA crew it calls")


def test_a_news_page_as_text_keeps_its_byline_apart_and_skips_other_stories() -> None:
    # Each line of a news page read as text is a paragraph of its own: the headline, the
    # byline and the date apart from the story; the headlines under "Related stories" are
    # other stories, whose actors and targets are not this one's
    f = draft(
        "Lab disrupts network that wrote fake reviews with its chatbot\n"
        "By Ana Ruiz\n"
        "May 4, 2026\n"
        "A chatbot maker said it disrupted a network in Sri Lanka that used its model to write "
        "fake product reviews and posts ahead of a vote in Nepal.\n"
        "The operators ran hundreds of accounts, the company said in a report out on Tuesday.\n"
        "Related stories\n"
        "Iranian hackers hit water utilities in Israel with a new wiper\n"
        "North Korean IT workers get jobs at European banks\n"
    )
    (case,) = f.campaigns
    assert country(case) == "LK"
    assert {x.id for x in case.targets.countries} == {"NP"}
    assert not case.targets.sectors
