"""The extractor on report structure: which facts belong to which operation or actor."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from graphkit.extract import extract_findings
from graphkit.findings import CampaignFindings, Findings
from loaders.text import html_text, markdown_text, read_text


def draft(body: str) -> Findings:
    return extract_findings(body, publisher="OpenAI", published="2025-06-05")


def saved_pdf_text(pdf: Any, buffer: io.BytesIO, path: Path) -> str:
    """A reportlab canvas saved to ``path``, read back as a report text."""
    pdf.save()
    path.write_bytes(buffer.getvalue())
    return read_text(path)


def by_name(f: Findings) -> dict[str, CampaignFindings]:
    return {c.name: c for c in f.campaigns}


def country(c: CampaignFindings) -> str | None:
    actors = c.all_actors
    return actors[0].country.id if actors and actors[0].country else None


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


def test_based_in_attributes_unless_the_based_are_the_targets() -> None:
    uk = draft("## Kit Seller\n\nA criminal based in the United Kingdom sold ransomware.")
    assert country(uk.campaigns[0]) == "GB"
    tw = draft("## Op T\n\nChinese hackers targeted companies based in Taiwan.").campaigns[0]
    assert country(tw) == "CN" and [x.id for x in tw.targets.countries] == ["TW"]
    irgc = draft("## Op I\n\nA group affiliated with Iran's Revolutionary Guard wrote code.")
    assert country(irgc.campaigns[0]) == "IR"
    an = draft("## Op M\n\nMuddyWater, an Iranian group, wrote malware.").campaigns[0]
    assert country(an) == "IR" and not an.targets.countries


def test_coordinated_and_possessive_languages() -> None:
    c = draft("## Op N\n\nIt wrote English- and French-language articles for Africa.").campaigns[0]
    assert sorted(x.id for x in c.languages) == ["en", "fr"]
    d = draft("## Op P\n\nScammers had the model polish their English.").campaigns[0]
    assert [x.id for x in d.languages] == ["en"]


def test_posing_and_codenames_are_not_facts() -> None:
    c = draft(
        "## Phish and Scripts\n\nThe actor posed as a university student and impersonated "
        "think tanks. Others call it Phish and Scripts."
    ).campaigns[0]
    assert not c.targets.sectors
    assert not any(t.id == "T1059" for t in c.techniques)


def test_verb_forms_versions_and_bold_names() -> None:
    f = draft(
        "# Notes\n\n**Copper Lantern** is a Russian network. It builds malware and "
        "asks the Qwen2.5-Coder model for commands.\n"
    )
    (c,) = f.campaigns
    assert c.name == "Copper Lantern" and country(c) == "RU"
    assert "T1587.001" in {t.id for t in c.techniques}
    assert "Qwen" in {p.name for p in c.platforms}


def test_html_keeps_the_date_and_publisher_its_header_and_footer_carried() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2025-02-21T09:00:00Z">'
        "<title>T</title></head><body><nav>Home</nav><main><h1>Update</h1><ul>"
        "<li>First case</li></ul></main><footer>OpenAI \u00a9 2015\u20132025</footer></body></html>"
    )
    text = html_text(page)
    assert text.splitlines()[0] == "# Update"
    assert "OpenAI \u00b7 2025-02-21" in text
    assert "- First case" in text
    assert "Home" not in text


def test_pdf_paragraphs_come_back_from_the_gaps_between_lines(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    paragraphs = [
        ["Iranian operators wrote phishing emails in English and Farsi to researchers and",
         "journalists across the region, and they asked for help with scripts."],
        ["Chinese operators researched satellite companies and wrote posts in Chinese for",
         "an audience in Taiwan and elsewhere in the region."],
    ]  # fmt: skip
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    y = 800
    for lines in paragraphs:
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 14  # the line spacing
        y -= 10  # and a paragraph's extra space
    text = saved_pdf_text(pdf, buffer, tmp_path / "two.pdf")
    assert "help with scripts.\n\nChinese operators" in text
    assert "researchers and\njournalists" in text


def test_labelled_fields_say_who_what_language_and_whom() -> None:
    f = draft(
        "# Notes\n\n## Case 2: Remote worker fraud\n\n"
        "- Actor: North Korean IT workers\n- Targets: technology companies\n\n"
        "## Case 3: Kits for sale\n\n- Actor: GTG-7001, based in the United Kingdom\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Remote worker fraud", "Kits for sale"}
    fraud = ops["Remote worker fraud"]
    assert country(fraud) == "KP" and [x.id for x in fraud.targets.sectors] == ["technology"]
    assert [a.name for a in fraud.all_actors] == ["North Korean IT workers"]
    assert country(ops["Kits for sale"]) == "GB"


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


def test_questions_say_who_the_answer_is_about_and_sponsors_attribute() -> None:
    f = draft(
        "Questions\n\nWhat about North Korea?\nUNC1069 wrote lures in Spanish.\n\n"
        "And the guardrails?\nA China-nexus actor posed as a student.\n\n"
        "Anything else?\nCURIUM, connected to the Islamic Revolutionary Guard Corps, wrote lures.\n"
    )
    unc = next(c for c in f.campaigns if any(a.name == "UNC1069" for a in c.all_actors))
    assert country(unc) == "KP" and not unc.targets.countries
    assert any(country(c) == "CN" for c in f.campaigns if c is not unc)
    curium = next(c for c in f.campaigns if any(a.name == "CURIUM" for a in c.all_actors))
    assert country(curium) == "IR"


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


def test_html_definition_lists_are_labelled_fields() -> None:
    text = html_text(
        "<main><h3>QUIETSTEAL</h3><dl><dt>Attribution</dt><dd>APT28, a unit of "
        "<b>Russia</b>'s military intelligence</dd><dt>Seen against</dt><dd>Ukrainian "
        "targets</dd></dl></main>"
    )
    assert "- Attribution: APT28, a unit of Russia's military intelligence; Seen against:" in text
    c = by_name(draft(text))["QUIETSTEAL"]
    assert country(c) == "RU" and [x.id for x in c.targets.countries] == ["UA"]


def test_markdown_links_read_as_their_words(tmp_path: Path) -> None:
    path = tmp_path / "feature.md"
    path.write_text(
        "# Feature\n\n![chart](img/a.png)\n\n## Findings\n\n"
        "[Doppelganger](https://example.org/wiki/Doppelganger_(campaign)), a Russian "
        "campaign, wrote comments in Polish.[^1]\n\n[^1]: A note.\n"
    )
    text = read_text(path)
    assert "example.org" not in text and "[^1]" not in text.split("\n\n")[-2]
    c = by_name(draft(text))["Doppelganger"]
    assert country(c) == "RU" and [x.id for x in c.languages] == ["pl"]


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


def test_behaviour_told_as_a_verb_and_its_object() -> None:
    c = draft(
        "# Cases\n\n## Quiet Forge\n\n"
        "GTG-9201 had the model write and debug ransomware, tried common passwords against "
        "VPN logins, and asked for ways to slip past antivirus. Its loader poses as an "
        "image-generation tool and copies itself into the Startup folder.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert {"T1587", "llm-aided-development", "T1110", "T1562", "T1036", "T1547"} <= ids
    reports = draft(
        "# Notes\n\n## Paper Trail\n\nA Russian network wrote reports about trojans and "
        "asked how backdoors work; it posed as a software company.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in reports.techniques}
    assert "T1587" not in ids and "T1036" not in ids


def test_a_country_set_after_an_actor_by_a_dash_is_where_it_is_from() -> None:
    f = draft(
        "Digest\n\n"
        "- Emerald Sleet (THALLIUM) \u2014 North Korea. Impersonates universities to reach "
        "scholars.\n"
        "- Quiet Lantern was run by a marketing firm in Tel Aviv that wrote about Canadian "
        "politics.\n"
    )
    kimsuky = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    assert country(kimsuky) == "KP" and not kimsuky.targets.countries
    lantern = by_name(f)["Quiet Lantern"]
    assert country(lantern) == "IL"


def test_sector_words_that_say_who_or_what_is_criticised_are_no_targets() -> None:
    c = draft(
        "# Notes\n\n## Loud Echo\n\nLoud Echo, a Chinese network, posted attacks on people "
        "who criticise the Chinese government, and an extortion crew hit an ambulance service. "
        "It sold kits for 400 US dollars.\n"
    ).campaigns[0]
    assert {s.id for s in c.targets.sectors} == {"civil-society", "emergency-services"}
    assert not c.targets.countries


def test_the_same_unnamed_actor_in_two_sections_is_one_operation() -> None:
    f = draft(
        "# Digest\n\n## What we saw in March\n\nCyberAv3ngers, an IRGC-affiliated group, wrote "
        "Modbus scripts.\n\nA Chinese threat actor scanned networks.\n\n"
        "## What we saw in April\n\nCyberAv3ngers, the same group, researched default "
        "passwords.\n\nA Chinese threat actor wrote phishing emails.\n"
    )
    names = [c.name for c in f.campaigns]
    assert len(names) == len(set(names)) == 2


def test_html_built_of_divs_and_line_breaks_keeps_its_text_and_sections() -> None:
    text = html_text(
        "<html><head><title>Misuse notes</title></head><body>"
        '<div id="menu"><a href="/">Blog</a> | <a href="/s">Search</a></div>'
        '<div class="post"><div class="post-title">Misuse notes</div><div class="body">'
        "Actors tried the model this year.<br><br><div><b>Iran</b></div>"
        "APT42 crafted <i>phishing</i> campaigns against defence experts.<br><br>"
        '<div class="subhead">North Korea</div>APT43 researched cryptocurrency firms.'
        '</div></div><div id="footer">Copyright 2025 Example Org</div></body></html>'
    )
    assert "Blog" not in text and "Copyright" not in text
    assert "### Iran\n\nAPT42 crafted phishing campaigns" in text
    assert text.count("Misuse notes") == 1  # the post title is the page title again
    groups = {a.name: c for c in draft(text).campaigns for a in c.all_actors}
    assert country(groups["APT42"]) == "IR" and country(groups["Kimsuky"]) == "KP"  # APT43


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


def test_a_heading_that_names_actors_gives_them_its_names() -> None:
    f = draft(
        "# Notes\n\n## Vixen Panda and Keyhole Panda\n\nTwo Chinese state groups, also known "
        "as APT15 and APT5, researched US-based IT service providers.\n\n## Phish and Scripts\n\n"
        "A China-linked group that others track as UNK_DROPPITCH and UTA0388 sent phishing.\n"
    )
    actors = {a.name: a for c in f.campaigns for a in c.all_actors}
    assert "Vixen Panda" in actors["Ke3chang"].aliases and "Keyhole Panda" in actors["APT5"].aliases
    assert actors["UNK_DROPPITCH"].aliases == ["UTA0388"] and "UTA0388" not in actors
    panda = by_name(f)["Vixen Panda and Keyhole Panda"]
    assert {s.id for s in panda.targets.sectors} == {"technology"}


def test_pdf_running_headers_page_numbers_and_split_words_are_mended(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pages = [
        ["SweetSpecter, a China-based adversary, ran reconnaissance on gover-",
         "nment targets and sent phishing."],
        ["CyberAv3ngers, affiliated with the IRGC, attacked water utilities in Jordan."],
    ]  # fmt: skip
    for number, lines in enumerate(pages, 1):
        pdf.drawString(50, 810, "Example Lab | Threat update | October 2024")
        y = 760
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 14
        pdf.drawString(280, 40, f"Page {number}")
        pdf.showPage()
    text = saved_pdf_text(pdf, buffer, tmp_path / "pages.pdf")
    assert "Threat update" not in text and "Page 1" not in text
    assert "on government targets" in text
    groups = {a.name: c for c in draft(text).campaigns for a in c.all_actors}
    assert [s.id for s in groups["SweetSpecter"].targets.sectors] == ["government"]


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


def test_capital_headings_brackets_after_names_and_own_country_targets() -> None:
    f = extract_findings(
        "WEEKLY BULLETIN\n\nSUMMARY\nOpenAI took down operations that used its models.\n\n"
        "LOUD CHOIR -- RUSSIA\nWrote comments in Polish for readers in Moldova.\n\n"
        "IUVM -- IRAN\nWrote articles in French.\n\n"
        "## Quiet Harbor\n\nQuiet Harbor (Iran; English and Spanish) posted about US "
        "politics.\n\n"
        "Paper Lantern was run by a firm in the Philippines and aimed at Filipino voters.\n",
        publisher="OpenAI",
        published="2024-05-30",
    )
    ops = by_name(f)
    assert {"Loud Choir", "IUVM"} <= set(ops)  # the country after the dash is who, not name
    assert country(ops["Loud Choir"]) == "RU"
    assert [p.name for p in ops["IUVM"].platforms] == ["ChatGPT"]  # "its models"
    harbor = ops["Quiet Harbor"]
    assert country(harbor) == "IR" and {x.id for x in harbor.languages} == {"en", "es"}
    lantern = ops["Paper Lantern"]
    assert country(lantern) == "PH" and [x.id for x in lantern.targets.countries] == ["PH"]


def test_html_row_headers_under_an_empty_corner_name_the_rows() -> None:
    text = html_text(
        "<main><table><tr><th></th><th>Who</th><th>Aimed at</th><th>How Claude was used</th>"
        "</tr><tr><th>Vietnam campaign</th><td>a Chinese threat actor</td><td>Vietnamese "
        "telecommunications providers</td><td>mapped networks</td></tr></table></main>"
    )
    assert text.startswith("- Name: Vietnam campaign; Who: a Chinese threat actor;")
    c = by_name(draft(text))["Vietnam campaign"]
    assert country(c) == "CN" and [x.id for x in c.targets.countries] == ["VN"]
    assert [p.name for p in c.platforms] == ["Claude"]


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


def test_each_listed_actor_keeps_its_own_country() -> None:
    f = draft(
        "Questions\n\nWhich groups were involved?\nThree: Forest Blizzard from Russia, Emerald "
        "Sleet from North Korea and Crimson Sandstorm from Iran.\n\n"
        "Forest Blizzard, a military intelligence actor, supported Russia's military "
        "operations in Ukraine.\n\n"
        "The clearest example is GLASSTEAL, which Russia's APT28 used against Ukrainian "
        "targets, while the Iranian group TEMP.Zagros posed as a student working on a "
        "university project.\n\nA network from Cambodia translated messages between Chinese "
        "and Japanese to lure people into investment fraud.\n"
    )
    origins = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins["APT28"] == "RU" and origins["Kimsuky"] == "KP" and origins["CURIUM"] == "IR"
    assert origins["MuddyWater"] == "IR"  # TEMP.Zagros
    apt28 = next(c for c in f.campaigns if any(a.name == "APT28" for a in c.all_actors))
    assert not {s.id for s in apt28.targets.sectors} & {"defense", "education"}
    assert "GLASSTEAL" in by_name(f)
    scam = next(c for c in f.campaigns if {x.id for x in c.languages} == {"zh", "ja"})
    assert [s.id for s in scam.targets.sectors] == ["individuals"] and not scam.targets.countries


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


def test_kind_then_name_language_lists_and_a_country_alone_under_a_profile() -> None:
    f = draft(
        "# Brief\n\nThe Russian operation Loud Choir wrote comments in several languages, "
        "including French, German and Polish.\n\nThe Israeli company BLUEWAVE ran an operation "
        "OpenAI named Quiet Harbor.\n\n### Emerald Sleet\n\n*Also known as THALLIUM. North "
        "Korea.*\n\nIt used LLMs to understand the Follina vulnerability.\n"
    )
    ops = by_name(f)
    choir = ops["Loud Choir"]
    assert country(choir) == "RU" and {x.id for x in choir.languages} == {"fr", "de", "pl"}
    assert not choir.targets.countries
    assert "Quiet Harbor" not in {a.name for c in f.campaigns for a in c.all_actors}
    sleet = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    assert country(sleet) == "KP" and not sleet.targets.countries
    assert "llm-assisted-vulnerability-research" in {t.id for t in sleet.techniques}
    assert not sleet.platforms  # "It used LLMs": the actor's, not the publisher's models


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


def test_html_nested_thousands_deep_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 3000 + "APT28 targeted Ukraine." + "</div>" * 3000)
    text = read_text(path)
    assert "APT28 targeted Ukraine." in text
    assert [x.id for x in draft(text).campaigns[0].targets.countries] == ["UA"]


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


def test_commands_asked_of_a_model_documents_collected_and_a_tool_presented() -> None:
    c = draft(
        "# Notes\n\n## GLASSTEAL\n\nGLASSTEAL presents itself as an image generator while "
        "querying a model through Hugging Face for commands to collect system information and "
        "documents, and hiding processes.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert {"T1036", "T1059", "llm-refined-operational-command", "T1005", "T1564"} <= ids
    stolen = draft("# Notes\n\n## Paper Kite\n\nIt sorted the stolen files.\n").campaigns
    assert not stolen or "T1005" not in {t.id for t in stolen[0].techniques}


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


def test_timeline_entries_open_with_a_date_then_the_name() -> None:
    f = draft(
        "# Report\n\n## Timeline\n\n**January 2025 \u2014 Amber Loop.** A network in Iran wrote "
        "Farsi posts.\n\n**2025-02-11: Quiet Harbor and Salt Lantern.** Two Chinese groups "
        "wrote Chinese prompts to brute-force SSH servers.\n"
    )
    assert set(by_name(f)) == {"Amber Loop", "Quiet Harbor and Salt Lantern"}
    assert country(by_name(f)["Amber Loop"]) == "IR"
    assert [x.id for x in by_name(f)["Quiet Harbor and Salt Lantern"].languages] == ["zh"]


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


def test_items_under_a_named_heading_and_a_last_item_before_a_heading() -> None:
    f = draft(
        "# Deck\n\n## GLASSHOOK\n\n- Used by APT28\n\n- Asks Gemini, through its API, for "
        "commands at run time\n\n- Copies itself into the Startup folder\n\n## Next steps\n\n"
        "- More later\n"
    )
    assert set(by_name(f)) == {"GLASSHOOK"}
    ids = {t.id.split(".")[0] for t in by_name(f)["GLASSHOOK"].techniques}
    assert {"T1059", "T1547"} <= ids


def test_what_content_mocks_is_no_target() -> None:
    c = draft(
        "# Report\n\n## Grey Chorus\n\nA Chinese network posted comments that mocked a "
        "Japanese anime studio and harassed a Filipino journalist.\n"
    ).campaigns[0]
    assert [x.id for x in c.targets.countries] == ["PH"]


def test_secrets_stolen_hiding_from_security_tools_scripted_scans_and_contact_details() -> None:
    c = draft(
        "# Notes\n\n## Tin Owl\n\nA Russian actor built a loader that steals secrets and stays "
        "hidden from security tools. It had the model script port scans and gather contact "
        "details of officials.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert {"T1552", "llm-enhanced-anomaly-detection-evasion", "llm-enhanced-scripting",
            "T1589"} <= ids  # fmt: skip
    plain = draft("# Notes\n\n## Tin Owl\n\nA Russian actor talked about security.\n")
    assert "llm-enhanced-anomaly-detection-evasion" not in {
        t.id for c in plain.campaigns for t in c.techniques
    }


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


def test_techniques_denied_or_researched_are_not_used() -> None:
    c = draft(
        "# Notes\n\n## Dry Reed\n\nA Chinese group used the model to research remote access "
        'trojans and to avoid sandboxes that defenders use to catch malware. "We have not '
        'seen them develop new capabilities," a spokesperson said.\n'
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert "T1497" in ids
    assert not ids & {"T1587", "llm-aided-development"}


def test_an_unnamed_actor_ends_where_its_verb_begins() -> None:
    f = draft(
        "# Notes\n\nHackers working for Iran leaned on the model to write phishing emails.\n\n"
        "Operators based in the United Kingdom sold ransomware kits.\n"
    )
    names = [a.name for c in f.campaigns for a in c.all_actors]
    assert names == ["Hackers working for Iran", "Operators based in the United Kingdom"]


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


def test_a_label_over_a_list_of_languages_and_a_prose_colon() -> None:
    text = html_text(
        "<html><body><main><h2>Glass Orchard</h2><p>Activity consistent with Iran: phishing "
        "aimed at universities in Israel.</p><p>Languages used:</p><ul><li>Hebrew</li>"
        "<li>English</li></ul></main></body></html>"
    )
    c = by_name(draft(text))["Glass Orchard"]
    assert [x.id for x in c.languages] == ["he", "en"]
    assert country(c) == "IR" and [x.id for x in c.targets.countries] == ["IL"]


def test_pdf_headings_in_bold_and_short_paragraphs(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    y = 780
    blocks = [
        ("Helvetica-Bold", 14, ["Quarterly note"]),
        ("Helvetica", 10, ["Two cases from the quarter."]),
        ("Helvetica-Bold", 12, ["Copper Finch"]),
        ("Helvetica", 10, ["A network in Iran wrote Farsi posts. Its dropper rewrites its own",
                           "VBScript to stay hidden."]),
        ("Helvetica-Bold", 12, ["Grey Wharf"]),
        ("Helvetica", 10, ["A Russian group wrote German comments."]),
    ]  # fmt: skip
    for font, size, lines in blocks:
        pdf.setFont(font, size)
        for line in lines:
            pdf.drawString(50, y, line)
            y -= size + 4
        y -= 12
    text = saved_pdf_text(pdf, buffer, tmp_path / "note.pdf")
    assert text.startswith("# Quarterly note") and "\n## Copper Finch\n" in text
    ops = by_name(draft(text))
    assert set(ops) == {"Copper Finch", "Grey Wharf"}
    assert country(ops["Copper Finch"]) == "IR" and country(ops["Grey Wharf"]) == "RU"
    assert "T1027" in {t.id for t in ops["Copper Finch"].techniques}


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


def test_restructuredtext_fields_and_directives() -> None:
    f = draft(
        "=============\n Study notes\n=============\n\n:Date: 2025-10-09\n\n"
        ".. contents:: Cases\n   :depth: 1\n\n"
        "Salt Meadow\n-----------\n\n:Attribution: Vietnam\n:Targets: journalists in Laos\n\n"
        ".. note::\n   The accounts wrote in Thai.\n"
    )
    assert f.report.title == "Study notes"
    ops = by_name(f)
    assert set(ops) == {"Salt Meadow"}
    assert country(ops["Salt Meadow"]) == "VN"
    assert [x.id for x in ops["Salt Meadow"].targets.countries] == ["LA"]
    assert [x.id for x in ops["Salt Meadow"].languages] == ["th"]


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


def test_critics_of_a_government_and_researched_technology_are_no_targets() -> None:
    f = draft(
        "Notes\n\n## Red Lattice\n\nRed Lattice, a Chinese network, attacked critics of the "
        "Beijing government and researched US satellite communications.\n"
    )
    op = by_name(f)["Red Lattice"]
    assert [x.id for x in op.targets.sectors] == ["civil-society"]
    assert not op.targets.countries


def test_a_comma_ends_a_demonyms_noun_phrase() -> None:
    f = draft(
        "Notes\n\n## Paper Kite\n\nAttribution: China\n"
        "Targets: American universities, groups critical of the CCP\n"
    )
    assert {x.id for x in by_name(f)["Paper Kite"].targets.sectors} == {
        "education",
        "civil-society",
    }


def test_a_wiki_infobox_is_fields_and_its_chrome_is_dropped() -> None:
    page = (
        "<html><body><div id='content'><h1>Operations</h1><p>What the report found.</p>"
        "<h2><span>Quiet Loom</span><span class='mw-editsection'>[edit]</span></h2>"
        "<table class='infobox'><tr><th colspan='2'>Quiet Loom</th></tr>"
        "<tr><th>Origin</th><td>Vietnam</td></tr><tr><th>Languages</th><td>Thai, Khmer</td></tr>"
        "<tr><th>Audience</th><td>voters in Laos</td></tr></table>"
        "<p>The network wrote comments about elections.</p>"
        "<div class='catlinks'>Categories: Iran | Influence</div></div></body></html>"
    )
    text = html_text(page)
    assert "[edit]" not in text and "Iran" not in text
    op = by_name(draft(text))["Quiet Loom"]
    assert country(op) == "VN"
    assert [x.id for x in op.languages] == ["th", "km"]
    assert [x.id for x in op.targets.countries] == ["LA"]


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


def test_front_matter_a_pandoc_title_block_and_definition_lists() -> None:
    jekyll = markdown_text(
        '---\nlayout: post\ntitle: "Notes on a report"\ndate: 2025-08-29\n'
        "tags: [iran, china]\n---\n\nRead the [report][r].\n\n[r]: https://example.org/\n"
    )
    assert jekyll.startswith("# Notes on a report\n\n2025-08-29") and "iran" not in jekyll
    assert "Read the report." in jekyll and "https" not in jekyll
    glossary = markdown_text(
        "% Glossary of networks\n% Team\n% 3 June 2024\n\nUse it well.\n\n"
        "Silver Pike\n:   A Russian operation that wrote comments in German.\n"
    )
    f = draft(glossary)
    assert f.report.title == "Glossary of networks"
    assert [x.id for x in by_name(f)["Silver Pike"].languages] == ["de"]


def test_a_headings_acronym_names_the_operation() -> None:
    f = draft("Notes\n\n## Free Press Alliance of Asia (FPAA)\n\nAn Iranian operation.\n")
    assert set(by_name(f)) == {"FPAA"}


def test_where_content_appeared_and_what_a_case_is_not() -> None:
    f = draft(
        "Notes\n\n## Dust Lantern\n\nDust Lantern, a Chinese network, wrote articles that ended "
        "up in real newspapers in Chile. It was a fraud operation rather than a political one.\n\n"
        "## Coin Loop\n\nOperator: a call centre in Cambodia; Type: Task scam\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Dust Lantern"].targets.countries] == ["CL"]
    assert not ops["Dust Lantern"].targets.sectors  # neither the media nor politics
    assert [x.id for x in ops["Coin Loop"].targets.sectors] == ["individuals"]
    assert country(ops["Coin Loop"]) == "KH"


def test_the_publishers_models_named_from_outside_and_contact_details() -> None:
    f = draft(
        "Glossary\n\nAll of them used OpenAI's models.\n\n## Cold Harbor\n\n"
        "A Russian network asked for contact details of journalists.\n"
    )
    op = by_name(f)["Cold Harbor"]
    assert [p.name for p in op.platforms] == ["ChatGPT"]
    assert {"T1589", "llm-informed-reconnaissance"} <= {t.id for t in op.techniques}


def test_a_csv_export_pasted_as_text() -> None:
    f = draft(
        "Tracker export\n\noperation,attribution,languages,targets\n"
        'Amber Gate,Russia,"Polish, German",voters in Poland\n'
        'Reed Lamp,Iran (IRGC-affiliated),"Arabic, Hebrew","Israel, Jordan"\n'
    )
    ops = by_name(f)
    assert country(ops["Amber Gate"]) == "RU" and country(ops["Reed Lamp"]) == "IR"
    assert [x.id for x in ops["Amber Gate"].languages] == ["pl", "de"]
    assert [x.id for x in ops["Reed Lamp"].targets.countries] == ["IL", "JO"]


def test_an_email_thread_with_quotes_and_dashed_names(tmp_path: Path) -> None:
    path = tmp_path / "thread.txt"
    path.write_text(
        "Subject: Re: the report\n\nMy notes are below.\n\n"
        "On Mon, 9 Jun 2025 at 11:05, Ana <ana@example.org> wrote:\n"
        "> Copper Vale - likely China. Posts in Urdu.\n>\n"
        ">> Also a Cambodian task scam they call Slow Dial that wrote in Thai.\n\n"
        "Gray Wren: it posed as journalists and asked US policy experts for information.\n"
        "-- \nAna | Lead analyst\n",
        encoding="utf-8",
    )
    text = read_text(path)
    assert ">" not in text and "Lead analyst" not in text and "wrote:" not in text
    ops = by_name(draft(text))
    assert country(ops["Copper Vale"]) == "CN"
    assert [x.id for x in ops["Copper Vale"].languages] == ["ur"]
    assert country(ops["Slow Dial"]) == "KH" and not ops["Slow Dial"].targets.countries
    assert [x.id for x in ops["Gray Wren"].targets.countries] == ["US"]


def test_pdf_slides_with_bullet_glyphs_and_numbered_footers(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    slides = [
        ("Quarterly deck", ["Internal briefing", "Cases from the report"]),
        ("Violet Mast", ["China; overlaps with UNK_VIOLET", "Lures in Korean and Thai"]),
    ]
    for n, (title, bullets) in enumerate(slides, 1):
        pdf.setFont("Helvetica-Bold", 22)
        pdf.drawString(60, 760, title)
        pdf.setFont("Helvetica", 14)
        for i, line in enumerate(bullets):
            pdf.drawString(70, 700 - 30 * i, "\u2022")
            pdf.drawString(90, 700 - 30 * i, line)
        pdf.setFont("Helvetica", 8)
        pdf.drawString(60, 30, f"Team deck {n} / {len(slides)}")
        pdf.showPage()
    text = saved_pdf_text(pdf, buffer, tmp_path / "deck.pdf")
    assert "- Lures in Korean and Thai" in text and "Team deck" not in text
    op = by_name(draft(text))["Violet Mast"]
    assert country(op) == "CN" and not op.targets.countries
    assert [x.id for x in op.languages] == ["ko", "th"]


def test_asciidoc_notes(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "= Case notes\nDesk <desk@example.org>\n\n== Influence\n\n=== Lantern Moth\n\n"
        "[horizontal]\nOrigin:: Vietnam\nLanguages:: Thai, Lao\nTargets:: voters in Cambodia\n\n"
        "The network wrote comments.\n",
        encoding="utf-8",
    )
    f = draft(read_text(path))
    assert f.report.title == "Case notes"
    op = by_name(f)["Lantern Moth"]
    assert country(op) == "VN" and [x.id for x in op.languages] == ["th", "lo"]
    assert [x.id for x in op.targets.countries] == ["KH"]


def test_a_jira_ticket(tmp_path: Path) -> None:
    path = tmp_path / "ticket.txt"
    path.write_text(
        "[CTI-1] Assess the report\n\nh2. Cases\n\nh3. Ivory Gate\n\n||Field||Value||\n"
        "|Attribution|China (also reported as UNK_IVORY and UTA0999)|\n"
        "|Targets|chip makers in Taiwan; American universities; critics of the CCP|\n\n"
        "h2. Actions\n\n# Brief the desk on the Korean-language activity of UNK_IVORY.\n",
        encoding="utf-8",
    )
    (op,) = draft(read_text(path)).campaigns
    assert op.name == "Ivory Gate" and country(op) == "CN"
    assert [(a.name, a.aliases) for a in op.all_actors] == [("UNK_IVORY", ["UTA0999"])]
    assert {x.id for x in op.targets.sectors} == {"semiconductors", "education", "civil-society"}
    assert not op.languages  # the actions are the writer's tasks, not findings


def test_a_social_post_with_keycaps_flags_and_hashtags(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        "New report out today \U0001f9f5\n\n"
        '1\ufe0f\u20e3 "Glass Owl" \U0001f1ee\U0001f1f7\nIt wrote posts in Farsi for voters.\n\n'
        '2\ufe0f\u20e3 "Salt Kite" \U0001f1f7\U0001f1fa\nSpanish-language articles critical '
        "of the US that newspapers in Chile then ran.\n\n#ThreatIntel #China\n",
        encoding="utf-8",
    )
    text = read_text(path)
    assert "#China" not in text
    ops = by_name(draft(text))
    assert country(ops["Glass Owl"]) == "IR" and country(ops["Salt Kite"]) == "RU"
    assert [x.id for x in ops["Salt Kite"].targets.countries] == ["CL"]
    assert not ops["Salt Kite"].targets.sectors  # the newspapers carried it; not the media


def test_a_bare_list_of_languages_survives_a_lost_layout() -> None:
    f = draft(
        'Notes\n\n## Hollow Reed\n\nHollow Reed Russia "Russian, English" Ukraine, Moldova '
        "comments for a bot.\n\n## Ash Weir\n\nRussian, Chinese and Iranian actors wrote "
        "code. It targets English and Welsh councils.\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Hollow Reed"].languages] == ["ru", "en"]
    assert not ops["Ash Weir"].languages  # peoples, and a list that runs on into a noun


def test_a_yaml_worksheet_pasted_as_text(tmp_path: Path) -> None:
    path = tmp_path / "worksheet.txt"
    path.write_text(
        "# team worksheet\nreport:\n  title: Quarterly cases\n  date: 2025-02-21\n"
        "cases:\n  - name: Frost Ledger\n    origin: likely China\n"
        "    languages: [Chinese, Thai]\n    notes: >\n      Wrote posts about voters.\n"
        "  - name: Tin Heron\n    origin: Iran\n    targets: journalists in Iraq\n",
        encoding="utf-8",
    )
    f = draft(read_text(path))
    assert f.report.title == "Quarterly cases"
    ops = by_name(f)
    assert country(ops["Frost Ledger"]) == "CN"
    assert [x.id for x in ops["Frost Ledger"].languages] == ["zh", "th"]
    assert [x.id for x in ops["Tin Heron"].targets.countries] == ["IQ"]


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


def test_github_callouts_keep_notes_and_drop_tips() -> None:
    text = markdown_text(
        "# Digest\n\n## Amber Kite\n\n**Amber Kite** (Iran) wrote lures.\n\n"
        "> [!NOTE]\n> It wrote them in Farsi.\n\n> [!TIP]\n> Search for Spanish lures.\n"
    )
    assert "[!" not in text and "Spanish" not in text
    assert [x.id for x in by_name(draft(text))["Amber Kite"].languages] == ["fa"]


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


def test_a_matrix_of_language_ticks_and_names_said_again() -> None:
    f = draft(
        "# Languages\n\n| Network | Origin | English | Russian | Other |\n|---|---|:-:|:-:|---|\n"
        "| Gale Finch | Russia | \u2713 | \u2713 | |\n"
        "| Reed Otter | Israel (KESTRA) | \u2713 | | Hebrew |\n\n"
        "Notes:\n\n- Gale Finch aimed at Moldova.\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Gale Finch"].languages] == ["en", "ru"]
    assert [x.id for x in ops["Gale Finch"].targets.countries] == ["MD"]
    assert [x.id for x in ops["Reed Otter"].languages] == ["en", "he"]
    assert any(a.name == "KESTRA" for a in ops["Reed Otter"].all_actors)


def test_a_timeline_list_and_a_log_with_named_columns(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h1>Timeline</h1><p>Cases in order.</p><ol>"
        "<li><time>7 Oct 2025</time> <strong>Brass Heron</strong> &ndash; a Chinese network "
        "writing in Thai.</li><li><time>8 Oct 2025</time> <strong>Flint Moth</strong> &ndash; "
        "a Russian network writing in Polish.</li></ol></article></body></html>"
    )
    ops = by_name(draft(html_text(page)))
    assert country(ops["Brass Heron"]) == "CN" and country(ops["Flint Moth"]) == "RU"
    path = tmp_path / "log.txt"
    path.write_text(
        "# fields: timestamp | analyst | case | note\n\n"
        "2025-08-27T14:02Z | jk | GTG-9001 | Extortion of hospitals.\n"
        "2025-08-27T14:31Z | ms | GTG-9002 | UK-based actor selling ransomware.\n",
        encoding="utf-8",
    )
    logged = by_name(draft(read_text(path)))
    assert [x.id for x in logged["GTG-9001"].targets.sectors] == ["healthcare"]
    assert country(logged["GTG-9002"]) == "GB"


def test_restructuredtext_asciidoc_and_csv_files_read_as_plain_text(tmp_path: Path) -> None:
    rst = tmp_path / "notes.rst"
    rst.write_text(
        "Notes\n=====\n\nSalt Crane\n----------\n\n:Attribution: Iran\n:Languages: Farsi, Arabic\n"
    )
    adoc = tmp_path / "notes.adoc"
    adoc.write_text("= Notes\n\n== Pine Wren\n\nOrigin:: Vietnam\nLanguages:: Thai, Lao\n")
    sheet = tmp_path / "export.csv"
    sheet.write_text('operation,origin,languages\nRust Vale,Russia,"Polish, German"\n')
    for path, name, origin in [(rst, "Salt Crane", "IR"), (adoc, "Pine Wren", "VN"),
                               (sheet, "Rust Vale", "RU")]:  # fmt: skip
        op = by_name(draft(read_text(path)))[name]
        assert country(op) == origin and len(op.languages) == 2, path.name


def test_a_category_heading_and_a_person_criticised() -> None:
    f = draft(
        "# Casebook\n\n## Scams\n\n**Dry Creek.** A task scam likely run from Laos. It wrote "
        "messages in Thai.\n\n## Influence\n\n**Ember Jay.** A Chinese network whose comments "
        "criticised a Pakistani activist.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Dry Creek", "Ember Jay"}
    assert country(ops["Dry Creek"]) == "LA" and [x.id for x in ops["Dry Creek"].languages] == [
        "th"
    ]
    assert [x.id for x in ops["Ember Jay"].targets.countries] == ["PK"]


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


def test_an_appositive_origin_and_phishing_for_information() -> None:
    f = draft(
        "## Grey Kite\n\nGrey Kite, again likely Chinese, approached policy experts in Canada "
        "and offered to pay for their views. It also looked up activists in Canada.\n"
    )
    op = by_name(f)["Grey Kite"]
    assert country(op) == "CN" and [x.id for x in op.targets.countries] == ["CA"]
    assert {"T1598", "llm-informed-reconnaissance"} <= {t.id for t in op.techniques}


def test_a_task_scam_run_out_of_a_country_targets_individuals() -> None:
    op = by_name(draft("## Reed Call\n\nReed Call is a task scam run out of Laos.\n"))["Reed Call"]
    assert country(op) == "LA" and [x.id for x in op.targets.sectors] == ["individuals"]


def test_a_compound_split_at_a_pdf_line_end_keeps_its_hyphens() -> None:
    from loaders.pdf import dehyphenated as _dehyphenated

    text = (
        "strip the Mark-\nof-the-Web flag; the gover-\nnment; a remote-\naccess tool, remote access"
    )
    assert _dehyphenated(text) == (
        "strip the Mark-\nof-the-Web flag; the government; a remote-\naccess tool, remote access"
    )


def test_a_pdf_table_of_labels_and_values_gives_fields(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(50, 800, "Threat update")  # the title
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(50, 760, "Jade Lantern")
    y = 730
    rows = [("Threat actor", "Likely based in China"), ("Operator language", "Chinese"),
            ("Status", "Accounts banned")]  # fmt: skip
    for label, value in rows:
        pdf.setFont("Helvetica-Bold", 9.5)
        pdf.drawString(56, y, label)
        pdf.setFont("Helvetica", 9.5)
        pdf.drawString(190, y, value)  # the value's column, well apart from the label's
        y -= 18
    pdf.setFont("Helvetica", 10.5)
    pdf.drawString(50, y - 10, "The network wrote sales pitches for a monitoring tool.")
    text = saved_pdf_text(pdf, buffer, tmp_path / "table.pdf")
    assert "Operator language | Chinese" in text  # not "Operator languageChinese"
    op = by_name(draft(text))["Jade Lantern"]
    assert country(op) == "CN" and [x.id for x in op.languages] == ["zh"]


def test_a_flaw_known_by_a_name_names_no_operation() -> None:
    f = draft(
        "## Frost Heron\n\nFrost Heron is a North Korean actor.\n\n"
        "- Vulnerability research: reading about CVE-2022-30190, known as Follina.\n"
        "- Reconnaissance: finding think tanks and government bodies that write about North "
        "Korea's defence policy.\n"
    )
    assert [c.name for c in f.campaigns] == ["Frost Heron"]
    assert sorted(x.id for x in f.campaigns[0].targets.sectors) == ["government", "think-tanks"]


def test_a_sponsor_a_caption_and_its_own_side_are_no_targets() -> None:
    page = (
        "<html><body><article><h1>Network banned</h1><p>The company banned an Iranian network "
        "known as STORM-9001 that wrote for websites posing as news outlets.</p><figure>"
        "<img src='a.png'><figcaption>Illustration: a feed. (Photo: stock)</figcaption></figure>"
        "<p>Others had already tied STORM-9001 to the Iranian government. It asked how to delete "
        "files after a run, in support of military operations.</p></article></body></html>"
    )
    f = draft(html_text(page))
    assert [c.name for c in f.campaigns] == ["STORM-9001"]
    op = f.campaigns[0]
    assert country(op) == "IR" and not op.targets.sectors
    assert {"T1583", "T1070"} <= {t.id.split(".")[0] for t in op.techniques}


def test_articles_placed_in_foreign_media_and_a_country_disparaged() -> None:
    f = draft(
        "## Dune Echo\n\nDune Echo wrote long articles in Spanish that disparaged the US and "
        "placed them in Latin American media. It also tried to draw feminists to a site.\n"
    )
    op = by_name(f)["Dune Echo"]
    assert not op.targets.countries
    assert [x.id for x in op.targets.sectors] == ["civil-society"]


def test_languages_in_suspended_hyphens_slashes_copy_and_mixes() -> None:
    f = draft(
        "## Iron Gate\n\nIron Gate produced Japanese-, Chinese- and English-language lures. Its "
        "bilingual English/Spanish output went to voters. It had the model write long Spanish "
        "copy. Its comments mixed English with Taglish.\n"
    )
    op = by_name(f)["Iron Gate"]
    assert sorted(x.id for x in op.languages) == ["en", "es", "ja", "tl", "zh"]
    assert not op.targets.countries  # "Japanese-" is a language here, not Japan


def test_a_judged_origin_a_side_taken_and_research_in_a_list() -> None:
    f = draft(
        "## Pale Reed\n\nPale Reed, which the company assessed as probably Chinese, got its "
        "pieces printed by mainstream newspapers in Peru, arguing China's case.\n\n"
        "## Salt Owl\n\nSalt Owl researched US satellite communications and defence companies. "
        "Its malware side-loaded a DLL. It ran sites dressed up as news outlets.\n"
    )
    ops = by_name(f)
    assert country(ops["Pale Reed"]) == "CN"
    assert [x.id for x in ops["Pale Reed"].targets.countries] == ["PE"]
    assert not ops["Pale Reed"].targets.sectors  # the newspapers carried it: no media target
    assert not ops["Salt Owl"].targets.sectors
    assert {"T1574", "T1583"} <= {t.id.split(".")[0] for t in ops["Salt Owl"].techniques}


def test_a_cluster_named_by_the_report_is_no_actor_of_its_own() -> None:
    f = draft(
        "## Rook and Pawn\n\nThe China-based cluster Microsoft named Rook and Pawn (others "
        "track it as UTA0388) wrote lures in Japanese.\n"
    )
    op = by_name(f)["Rook and Pawn"]
    assert {a.name for a in op.all_actors} == {"UTA0388"}  # not "Rook", nor the case's name


def test_a_pdf_table_with_narrow_columns_keeps_its_cells(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(50, 800, "Summary")
    rows = [("Operation", "Origin", "Languages", "Platforms"),
            ("Ash Wren", "Cambodia", "English, Spanish, Swahili", "SMS, WhatsApp"),
            ("Bell Moth", "Russia", "German", "Telegram")]  # fmt: skip
    for n, row in enumerate(rows):
        pdf.setFont("Helvetica", 9.5)
        for x, cell in zip((72, 190, 300, 430), row, strict=True):
            pdf.drawString(x, 760 - 16 * n, cell)
    text = saved_pdf_text(pdf, buffer, tmp_path / "summary.pdf")
    assert "English, Spanish, Swahili | SMS, WhatsApp" in text
    ops = by_name(draft(text))
    assert sorted(x.id for x in ops["Ash Wren"].languages) == ["en", "es", "sw"]
    assert country(ops["Bell Moth"]) == "RU"


def test_task_list_items_with_country_codes_and_an_imperative_opening() -> None:
    f = draft(
        "# Cases to add\n\nTick a box when the file is merged.\n\n"
        "- [x] **Oak Finch / Elm Finch** (CN; APT15 & APT5): FTP brute force; prompts written in "
        "Chinese and English\n- [ ] **Fen Vole** (likely CN): Chinese-language prompts\n"
    )
    actors = {a.name for c in f.campaigns for a in c.all_actors}
    assert "BRONZE BUTLER" not in actors  # "Tick" opens a sentence as a verb
    assert {country(c) for c in f.campaigns} == {"CN"}


def test_a_parliament_stands_for_its_country_and_searching_is_reconnaissance() -> None:
    f = draft(
        "## Lark Pike\n\nLark Pike wrote German-language material before the Bundestag election "
        "and searched for information on activists. Its topics were the conflict in Gaza and "
        "the election.\n"
    )
    op = by_name(f)["Lark Pike"]
    assert [x.id for x in op.targets.countries] == ["DE"]  # and not Gaza, a topic
    assert "llm-informed-reconnaissance" in {t.id for t in op.techniques}


def test_text_pasted_from_a_pdf_with_plain_headings_and_a_running_footer(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text(
        "Threat update\nMay 2025\n\nCase study: Moth Lamp\n\nA set of accounts, very likely "
        "operated from China, wrote to the\nThreat update                              7\n"
        "models in Chinese about a tool that watched pro-\ntests.\n\n"
        "Quill Barge\n\nAnother network, likely Iranian as well, wrote long articles in Spanish "
        "and tried stolen and guessed credentials.\nThreat update                              8\n"
        "\nIts dropper starts again at the next logon.\n",
        encoding="utf-8",
    )
    text = read_text(path)
    assert "Threat update    " not in text and "protests" in text
    ops = by_name(draft(text))
    assert set(ops) == {"Moth Lamp", "Quill Barge"}
    assert country(ops["Moth Lamp"]) == "CN" and [x.id for x in ops["Moth Lamp"].languages] == [
        "zh"
    ]
    assert country(ops["Quill Barge"]) == "IR" and not ops["Quill Barge"].targets.countries
    assert {"T1110", "T1547"} <= {t.id.split(".")[0] for t in ops["Quill Barge"].techniques}


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


def test_a_numbered_heading_over_tab_bullets_ends_the_case_before_it() -> None:
    f = draft(
        "Summary\n\n2.1\tBrook Heron\n\u2022\tA Chinese network; posts in Thai.\n\u2022\tIt asked "
        "for a way to bypass User Account Control.\n\n3.\tRecommendations\n\u2022\tWatch for "
        "Korean-language phishing.\n"
    )
    op = by_name(f)["Brook Heron"]
    assert [x.id for x in op.languages] == ["th"]  # not the recommendation's Korean
    assert "llm-directed-security-feature-bypass" in {t.id for t in op.techniques}


def test_mkdocs_admonitions_are_labelled_fields(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        '# Notes\n\n## Tide Lark\n\n!!! danger "Attribution"\n    Iranian.\n\n'
        '!!! abstract "Languages"\n    Farsi, Arabic\n\nWrote long articles for its own sites.\n',
        encoding="utf-8",
    )
    op = by_name(draft(read_text(path)))["Tide Lark"]
    assert country(op) == "IR" and not op.targets.countries
    assert [x.id for x in op.languages] == ["fa", "ar"]


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


def test_accordion_headings_and_an_origin_the_title_gives() -> None:
    page = (
        "<html><body><main><h1>Joint Advisory: North Korean Cyber Actors Use AI</h1>"
        "<p>Cases below.</p><h3><button aria-expanded='false'>Cold Loom</button></h3>"
        "<div hidden><p>It asked for a tool that brute-forces RDP logins.</p></div>"
        "</main></body></html>"
    )
    f = draft(html_text(page))
    assert [c.name for c in f.campaigns] == ["Cold Loom"]
    assert country(f.campaigns[0]) == "KP"  # the title's actors, where the case says none


def test_both_of_one_origin_a_country_using_ai_and_asking_about_people() -> None:
    f = draft(
        "# Review\n\n- **Reed Kite** and **Sand Kite**, both Chinese, were busy.\n"
        "- **Lake Owl** showed Russia using AI in an election.\n\n"
        "## Lake Owl\n\nPosts in Danish. The operators also asked the model about activists.\n"
    )
    ops = by_name(f)
    assert country(ops["Reed Kite"]) == "CN" and not ops["Reed Kite"].targets.countries
    assert country(ops["Lake Owl"]) == "RU" and not ops["Lake Owl"].targets.countries
    assert "llm-informed-reconnaissance" in {t.id for t in ops["Lake Owl"].techniques}


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


def test_bold_set_by_a_style_sheet_class_and_lures_for_a_countrys_firms() -> None:
    page = (
        "<html><head><style>.c0{font-weight:700}</style></head><body>"
        "<p>Cases.</p><p><span class='c0'>Mist Otter.</span><span> China-based. Lures in "
        "Japanese for Taiwanese semiconductor companies.</span></p></body></html>"
    )
    text = html_text(page)
    assert "**Mist Otter.**" in text
    op = by_name(draft(text))["Mist Otter"]
    assert [x.id for x in op.targets.sectors] == ["semiconductors"]


def test_spreadsheet_rows_split_by_tabs(tmp_path: Path) -> None:
    path = tmp_path / "sheet.txt"
    path.write_text(
        "case\torigin\tlanguages\ttargets\nRoan Finch\tLaos\tThai, English\tscam victims\n"
        "Ochre Finch\tRussia\tPolish\tPoland; Lithuania\n",
        encoding="utf-8",
    )
    ops = by_name(draft(read_text(path)))
    assert country(ops["Roan Finch"]) == "LA"
    assert [x.id for x in ops["Roan Finch"].languages] == ["th", "en"]
    assert [x.id for x in ops["Ochre Finch"].targets.countries] == ["PL", "LT"]


def test_a_feed_of_articles_with_quoted_names_and_embedded_posts() -> None:
    page = (
        "<html><body><div class='items'><article><h2><a href='#'>Company bans Iranian network "
        "'Salt Reed' that courted Danish voters</a></h2><p>Posts were in Danish.</p></article>"
        "<article><h2><a href='#'>Russian 'Ash Cove' operation pushed content ahead of the "
        "Czech vote</a></h2><p>It wrote in Czech.</p></article><article><h2>What researchers "
        "said</h2><blockquote class='twitter-tweet'><p>New: Wind Lark, likely a Chinese "
        "operation, wrote in Thai.</p>&mdash; Dana (@dana_osint) <a href='#'>Feb 21, 2025</a>"
        "</blockquote></article></div></body></html>"
    )
    text = html_text(page)
    assert "@dana_osint" not in text
    ops = by_name(draft(text))
    assert country(ops["Salt Reed"]) == "IR" and [x.id for x in ops["Salt Reed"].languages] == [
        "da"
    ]
    assert country(ops["Ash Cove"]) == "RU"
    assert [x.id for x in ops["Ash Cove"].targets.countries] == ["CZ"]
    assert country(ops["Wind Lark"]) == "CN"


def test_a_hostile_span_cannot_blow_a_table_up() -> None:
    page = (
        "<html><body><table><tr><th>A</th><th>B</th></tr><tr>"
        + "<td colspan='100000'>x</td>" * 10
        + "<td rowspan='9999'>y</td></tr><tr><td>z</td></tr></table></body></html>"
    )
    rows = [line for line in html_text(page).splitlines() if line.startswith("- ")]
    assert rows and all(line.count("x") <= 200 for line in rows)


def test_a_sidebar_beside_the_text_and_numbered_capital_headings(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(50, 800, "Case notes")
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(50, 770, "Lark Vane")
    main = ["A likely Chinese operation wrote sales pitches for a monitoring",
            "tool. Its operators worked in Chinese and in Thai every day."]  # fmt: skip
    side = ["Takeaway: watch for", "protest monitoring."]
    for i, (left, right) in enumerate(zip(main, side, strict=True)):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(50, 750 - 14 * i, left)
        pdf.setFont("Helvetica-Oblique", 9)
        pdf.drawString(405, 750 - 14 * i, right)
    text = saved_pdf_text(pdf, buffer, tmp_path / "sidebar.pdf")
    assert "in Chinese and in Thai every day." in text  # the sidebar is not woven into it
    op = by_name(draft(text))["Lark Vane"]
    assert [x.id for x in op.languages] == ["zh", "th"]
    notes = draft(
        "Issue 9\n\n----------\n2) NINE\u2014EMDASH KITE\n----------\nA Chinese network that "
        "posted in Vietnamese.\n\n- **Reed Lamp** - China-based; lures in Japanese.\n  - Also "
        "tracked as UTA0388.\n"
    )
    ops = by_name(notes)
    assert [x.id for x in ops["Nine\u2014emdash Kite"].languages] == ["vi"]
    assert {a.name for a in ops["Reed Lamp"].all_actors} == {"UTA0388"}


def test_a_pdf_line_drawn_in_two_runs_keeps_the_space_between_words(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))  # an embedded font, widths given
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Vera", 18)
    pdf.drawString(50, 800, "Notes")
    first = "Moth Reed, a Chinese network, wrote posts for a while"
    pdf.setFont("Vera", 10)
    pdf.drawString(50, 760, first)
    pdf.drawString(50 + pdf.stringWidth(first + " ", "Vera", 10), 760, "and then stopped.")
    pdf.drawString(50, 740, "It wrote in Thai.")
    text = saved_pdf_text(pdf, buffer, tmp_path / "runs.pdf")
    assert "for a while and then stopped." in text
