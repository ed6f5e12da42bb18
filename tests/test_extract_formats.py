"""The extractor on each format's layout: HTML, PDF, Markdown and the markups of plain text
(reStructuredText, AsciiDoc, Jira, email, chat, social posts) give sections and paragraphs."""

from __future__ import annotations

import io
from pathlib import Path

from loaders.text import html_text, markdown_text, read_text
from tests.extract_helpers import by_name, country, draft, saved_pdf_text


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


def test_html_nested_thousands_deep_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 3000 + "APT28 targeted Ukraine." + "</div>" * 3000)
    text = read_text(path)
    assert "APT28 targeted Ukraine." in text
    assert [x.id for x in draft(text).campaigns[0].targets.countries] == ["UA"]


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


def test_github_callouts_keep_notes_and_drop_tips() -> None:
    text = markdown_text(
        "# Digest\n\n## Amber Kite\n\n**Amber Kite** (Iran) wrote lures.\n\n"
        "> [!NOTE]\n> It wrote them in Farsi.\n\n> [!TIP]\n> Search for Spanish lures.\n"
    )
    assert "[!" not in text and "Spanish" not in text
    assert [x.id for x in by_name(draft(text))["Amber Kite"].languages] == ["fa"]


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


def test_typeset_hyphens_and_spaces_read_as_plain_ones() -> None:
    plain = "Notes\n\nA group of Laotian state-affiliated hackers used Claude Code against banks.\n"
    typeset = plain.replace("-", "\u2011").replace("Claude Code", "Claude\u00a0Code")
    names = [[a.name for c in draft(t).campaigns for a in c.all_actors] for t in (plain, typeset)]
    assert names[0] == names[1] == ["Group of Laotian state-affiliated hackers"]
