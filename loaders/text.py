"""Report text from .txt, .md, .html and .pdf files (and .rst, .adoc, .csv as plain text), for
the extractor.

HTML gives its main text: scripts, styles, navigation, headers, footers and asides are
dropped, and ``<main>`` or ``<article>`` is preferred when the page has one. PDF gives its
text layer (pypdf); a PDF without one is an error, not an empty result. Headings become
Markdown headings (``## ...``) so the extractor can see sections in every format.

Examples
--------
>>> html = "<html><nav>Home</nav><main><h2>Op</h2><p>Iranian actors.</p></main></html>"
>>> html_text(html)
'## Op\\n\\nIranian actors.'
"""

from __future__ import annotations

import io
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

from graphkit.errors import InputError
from graphkit.limits import (
    PDF_MAX_BYTES,
    PDF_MAX_CONTENT_BYTES,
    PDF_MAX_PAGES,
    PDF_MAX_TEXT_CHARS,
    REPORT_TEXT_MAX_BYTES,
    TABLE_MAX_COLUMNS,
    MiB,
)
from loaders.findings import read_bounded

__all__ = ["TEXT_SUFFIXES", "html_text", "markdown_text", "pdf_text", "read_text", "text_of"]

# Plain text includes the markups analysts write in (reStructuredText, AsciiDoc) and a
# spreadsheet's comma-separated export: the extractor reads their layouts (loaders.text).
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".rst", ".adoc",
                 ".asciidoc", ".csv")  # fmt: skip
# What is not the text: scripts, the site's chrome, and captions under images and charts
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg",
         "button", "iframe", "template", "figcaption")  # fmt: skip
_BLOCKS = ("p", "li", "blockquote", "pre", "td", "th", "dd", "dt")


_DATE_HINT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?!\d)|\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b[^.]{0,12}\b\d{4}\b"
)


def _dateline(soup: Any) -> str | None:
    """When the page was published: its metadata, a <time>, or a dated byline in its header."""
    meta = soup.find("meta", attrs={"property": "article:published_time"}) or soup.find(
        "meta", attrs={"name": re.compile(r"^(date|pubdate|publish[-_]date|dc\.date)$", re.I)}
    )
    if meta and _DATE_HINT.search(str(meta.get("content", ""))):
        return str(meta["content"])[:10]
    for tag in soup.find_all(["time", "header"]):
        text = (tag.get("datetime") if tag.name == "time" else None) or tag.get_text(
            " ", strip=True
        )
        if text and len(text) <= 300 and _DATE_HINT.search(text):
            return str(text)[:300]
    return None


_OWNER = r"([A-Z][\w&-]*(?: (?!All\b)[A-Z][\w&-]*){0,3})"
_COPYRIGHT = re.compile(  # "(c) 2025 Owner" or "Owner (c) 2015-2025"
    rf"(?:\u00a9|\(c\)|copyright)\s*(?:[\d\u2013-]{{4,9}}\s*)?{_OWNER}|{_OWNER}\s*(?:\u00a9|\(c\))",
    re.I,
)


def _marks(tag: Any) -> str:
    """A tag's id and classes, one string: what the page calls the block."""
    return " ".join([tag.get("id") or "", *(tag.get("class") or [])])


def _marked_footer(tag: Any) -> bool:
    return "footer" in _marks(tag).lower()


def _marked_boilerplate(tag: Any) -> bool:
    """A block whose id or class names it a menu, a sidebar, a footer or the like."""
    if tag.name in ("html", "body", "main", "article"):
        return False
    marks = _marks(tag)
    return bool(marks.strip()) and bool(_BOILERPLATE.search(marks))


def _site(soup: Any) -> str | None:
    """Who published the page: its site name, or the owner its footer's copyright names."""
    meta = soup.find("meta", attrs={"property": "og:site_name"}) or soup.find(
        "meta", attrs={"name": "application-name"}
    )
    if meta and str(meta.get("content", "")).strip():
        return str(meta["content"]).strip()[:100]
    for footer in soup.find_all(lambda t: t.name == "footer" or _marked_footer(t)):
        m = _COPYRIGHT.search(footer.get_text(" ", strip=True))
        if m:
            return m.group(1) or m.group(2)
    return None


def _infobox(rows: list[Any]) -> str | None:
    """A table of labelled values, a <th> and a <td> a row (a wiki's infobox), as one list item
    of fields: "- Origin: China; Languages: English, Urdu". Its caption row, one cell across,
    repeats the name the heading gives."""
    pairs = [row.find_all(["th", "td"]) for row in rows]
    if pairs and len(pairs[0]) == 1 and pairs[0][0].name == "th":
        pairs = pairs[1:]  # the box's title
    if len(pairs) < 2 or any(len(p) != 2 or p[0].name != "th" or p[1].name != "td" for p in pairs):
        return None
    fields = [f"{_clean(th.get_text(' ', strip=True))}: {_clean(td.get_text(' ', strip=True))}"
              for th, td in pairs if td.get_text(strip=True)]  # fmt: skip
    return "- " + "; ".join(fields) if fields else ""


# A mailing's own lines: how to leave it, why you got it, where to read it online
_MAILING = re.compile(
    r"\b(?:unsubscribe|view (?:it |this )?in (?:your )?browser|you are receiving this|"
    r"manage (?:your )?(?:preferences|subscription)|sponsored by)\b",
    re.I,
)


def _layout_table(table: Any) -> bool:
    """A table used for layout, not data: marked so (role="presentation"), or with headings,
    paragraphs or tables inside its cells."""
    if str(table.get("role", "")).lower() in ("presentation", "none"):
        return True
    return table.find(["h1", "h2", "h3", "h4", "p", "table"]) is not None


def _grid(rows: list[Any]) -> list[list[str]]:
    """A table's cell texts row by row, a cell that spans rows or columns repeated in each
    ("<td rowspan=2>Russia</td>" gives Russia on both rows)."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows it still covers)
    for row in rows:
        out: list[str] = []
        cells = iter(row.find_all(["th", "td"]))
        while True:
            if len(out) in pending:  # a cell spanning down from a row above
                out.append(_carried(pending, len(out)))
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text = cell.get_text(" ", strip=True)
            down = _span(cell.get("rowspan"))
            for _ in range(min(_span(cell.get("colspan")), TABLE_MAX_COLUMNS - len(out))):
                if down > 1:
                    pending[len(out)] = (text, down - 1)
                out.append(text)
        while len(out) in pending:  # spans that reach past the row's own cells
            out.append(_carried(pending, len(out)))
        grid.append(out)
    return grid


def _carried(pending: dict[int, tuple[str, int]], col: int) -> str:
    """The text a cell above spans down into this column, one row fewer left to cover."""
    text, left = pending.pop(col)
    if left > 1:
        pending[col] = (text, left - 1)
    return text


def _span(value: Any) -> int:
    """A rowspan or colspan as a count from 1 to 50 (anything else is 1)."""
    try:
        return min(max(int(str(value)), 1), 50)
    except ValueError:
        return 1


def _table_rows(table: Any) -> list[str]:
    """A table's rows as list items, each cell named by its column: "- Operation: X; Origin: Y"."""
    rows = table.find_all("tr")
    box = _infobox(rows)
    if box is not None:
        return [box] if box else []
    cells = _grid(rows)
    header = cells[0] if rows and rows[0].find("th") and not rows[0].find("td") else None
    if header and not header[0]:
        header[0] = "Name"  # an empty corner over row headers: the rows are named things
    out = []
    for row in cells[1:] if header else cells:
        if not any(row):
            continue
        if header and len(header) == len(row):
            out.append("- " + "; ".join(f"{h}: {v}" for h, v in zip(header, row, strict=True) if v))
        else:
            out.append("- " + "; ".join(v for v in row if v))
    return out


# get_text(" ") puts a space after an inline tag: "<b>APT42</b>," reads "APT42 ,".
_SPACED_STOP = re.compile(r"\s+([,.;:!?)]|['\u2019]s\b)")


def _clean(text: str) -> str:
    """Whitespace collapsed, and no space left before a stop an inline tag split off."""
    return _SPACED_STOP.sub(r"\1", re.sub(r"\s+", " ", text)).strip()


def _definition_list(dl: Any) -> str:
    """A definition list as one list item of labelled fields: "- Attribution: X; Target: Y"."""
    fields, term = [], None
    for el in dl.find_all(["dt", "dd"]):
        text = _clean(el.get_text(" ", strip=True))
        if el.name == "dt":
            term = text
        elif text:
            fields.append(f"{term}: {text}" if term else text)
    return "- " + "; ".join(fields) if fields else ""


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# What a layout table's cell may hold that makes it a container, not one block of text
_CELL_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "table", "div", "ul", "ol"]

# Inline elements: their text runs on with the text around them.
_INLINE = frozenset({"a", "abbr", "b", "bdi", "cite", "code", "data", "em", "font", "i", "kbd",
                     "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                     "u", "var", "wbr", "img"})  # fmt: skip

# Boilerplate a page marks by id or class rather than by tag: menus, sidebars, share buttons.
_BOILERPLATE = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|navigation|menu|sidebar|footer|breadcrumbs?|cookies?|share|"
    r"sharing|social|related|comments?|advert|ads|banner|subscribe|newsletter|skip|"
    r"editsection|catlinks|toc|printfooter)(?:[-_ ]|$)",
    re.I,
)

# A container whose class says it is a title or heading ("post-title", "subhead").
_TITLE_CLASS = re.compile(r"(?:^|[-_ ])(?:title|heading|headline|subhead|subheading)(?:[-_ ]|$)")


def _drop_leading_stamp(el: Any) -> None:
    """Remove the <time> a block opens with (and the dash after it), so that a bold name
    after it leads the block."""
    from bs4 import NavigableString

    for child in list(el.children):
        if isinstance(child, NavigableString):
            if str(child).strip():
                return
            continue
        if child.name != "time":
            return
        after = child.next_sibling
        child.decompose()
        if isinstance(after, NavigableString) and not str(after).strip(" \t\n-\u2013\u2014:"):
            after.replace_with("")
        return


_BOLD_CLASS = re.compile(r"\.([\w-]+)\s*\{[^}]*font-weight:\s*(?:bold|[6-9]00)")

# An embedded post's byline after its text: a dash, the author, the handle, the date
_POST_SIGNATURE = re.compile(r"\s+[\u2014\u2013-]+\s*[^()\n]{1,60}\(@\w{1,30}\)[^\n]{0,40}$")

_NOTE_MARK = re.compile(r"\[?\d{1,3}\]?|[*\u2020\u2021]")


def _bold_sentence_leads(el: Any, text: str) -> str:
    """The text with each further bold name that opens a sentence marked as the first is:
    "**IUVM** wrote articles. **STORM-2035** ran sites." (a paragraph of two cases)."""
    for b in el.find_all(["b", "strong"])[1:]:
        name = _clean(b.get_text(" ", strip=True))
        if name and len(name.split()) <= 6 and f". {name} " in text:
            text = text.replace(f". {name} ", f". **{name}** ", 1)
    return text


def _leading_bold(el: Any) -> str | None:
    """The text of a bold element a block opens with, if it opens with one."""
    from bs4 import NavigableString

    for child in el.children:
        if isinstance(child, NavigableString):
            if str(child).strip():
                return None
            continue
        if child.name in ("b", "strong"):
            return _clean(child.get_text(" ", strip=True)) or None
        return None
    return None


def _walk(el: Any, parts: list[str]) -> None:
    """The text under ``el`` in document order: headings, blocks, tables, lists of terms, and
    loose text (in <div>s, split at blank <br> lines) as paragraphs of their own."""
    from bs4 import NavigableString, Tag

    run: list[str] = []  # loose text and inline elements, "\n" for each <br>
    bold: list[str] = []  # the run's bold pieces: a run that is one bold piece is a heading

    def flush() -> None:
        titled = bool(_TITLE_CLASS.search(" ".join(el.get("class") or [])))
        for piece in re.split(r"\n\s*\n", "".join(run)):
            text = _clean(piece)
            if not text:
                continue
            short = len(text) <= 80 and not text.endswith((".", ",", ";"))
            if short and (titled or [_clean(b) for b in bold] == [text]):
                parts.append("### " + text)  # a bold line, or a "subhead" div, heads a section
            else:
                parts.append(text)
        run.clear()
        bold.clear()

    for child in el.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, doctype or CDATA
                run.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            run.append("\n")
        elif name in _INLINE:
            text = child.get_text(" ")
            run.append(text)
            if name in ("b", "strong") and text.strip():
                bold.append(text)
        elif name in _HEADINGS or name == "summary":  # a <details> entry's summary heads it
            flush()
            text = _clean(child.get_text(" ", strip=True))
            if text:
                level = 3 if name == "summary" else min(int(name[1]), 4)
                parts.append("#" * level + " " + text)
        elif name == "table" and _layout_table(child):
            flush()  # a page laid out in a table (an email newsletter): its cells are the page
            _walk(child, parts)
        elif name == "table":
            flush()
            parts.extend(_table_rows(child))
        elif name == "dl":
            flush()
            item = _definition_list(child)  # one item: the terms name its fields
            if item:
                parts.append(item)
        elif name in _BLOCKS and not (name in ("td", "th") and child.find(_CELL_BLOCKS)):
            flush()
            _drop_leading_stamp(child)  # a timeline's "<time>7 Oct</time> <b>Name</b> - ..."
            text = _clean(child.get_text(" ", strip=True))
            if len(text) < 400 and _MAILING.search(text):
                continue  # "Unsubscribe", "You are receiving this because ...": the mailing's
            if name == "blockquote" and "(@" in text:
                text = _POST_SIGNATURE.sub("", text)  # "... \u2014 Dana (@dana_osint) May 31, 2024"
            lead = _leading_bold(child)
            if lead and text.startswith(lead):  # "<li><strong>Sneer Review</strong> — ...": a name
                text = f"**{lead}**{text[len(lead) :]}"
                text = _bold_sentence_leads(child, text)  # "... sites. <b>STORM-2035</b> ran"
            if text:
                parts.append("- " + text if name == "li" else text)  # a list item stays one
        else:  # a container (div, section, ul, ...): its own text, in order
            flush()
            _walk(child, parts)
    flush()


def _articles(soup: Any) -> Any:
    """The page's <article>, or, where it has several (a feed, an index of posts), the
    smallest element that holds them all; None without one."""
    articles = soup.find_all("article")
    if len(articles) < 2:
        return articles[0] if articles else None
    root = articles[0].parent
    while root is not None and len(root.find_all("article")) < len(articles):
        root = root.parent
    return root


def html_text(html: str) -> str:
    """The main text of an HTML page, paragraphs separated by blank lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    dateline = " \u00b7 ".join(x for x in (_site(soup), _dateline(soup)) if x)
    bold = {  # classes a style sheet sets in bold (Google Docs marks bold no other way)
        name for style in soup.find_all("style") for name in _BOLD_CLASS.findall(style.get_text())
    }
    for tag in soup.find_all("span", class_=lambda c: bool(c) and c in bold) if bold else []:
        tag.name = "b"
    for tag in soup.select("h1 button, h2 button, h3 button, h4 button, h5 button, h6 button"):
        tag.unwrap()  # an accordion's toggle: the heading's own text ("SweetSpecter")
    for tag in soup(list(_DROP)):
        tag.decompose()
    for tag in soup.find_all("sup"):  # a footnote's mark ("1", "[2]", "*"): no text of its own
        if _NOTE_MARK.fullmatch(tag.get_text(strip=True)):
            tag.decompose()
    for tag in soup.find_all(_marked_boilerplate):
        if not tag.decomposed:
            tag.decompose()
    root = soup.find("main") or _articles(soup) or soup.body or soup
    parts: list[str] = []
    title = soup.find("title")
    if title and title.get_text(strip=True) and not root.find("h1"):
        parts.append("# " + title.get_text(" ", strip=True))
    try:
        _walk(root, parts)
    except RecursionError:  # elements nested thousands deep: their text, one paragraph a line
        parts = parts[:1] + [_clean(t) for t in root.get_text("\n").split("\n") if t.strip()]
    if parts and parts[0].startswith("# "):  # the title again, in a "post-title" block
        page_title = parts[0][2:]
        parts[1:] = [p for p in parts[1:] if not (p[:4] == "### " and page_title.startswith(p[4:]))]
    if dateline and dateline not in root.get_text(" ", strip=True):
        # The byline a page header carried (the report's date), under the title.
        parts.insert(1 if parts and parts[0].startswith("# ") else 0, dateline)
    return "\n\n".join(parts)


def _page_text(page: Any) -> str:
    """A PDF page's text, with a blank line where the gap to the next line is a paragraph's,
    and its headings marked as Markdown headings.

    Text layers seldom keep blank lines; the vertical positions of the lines show them: a gap
    well over the page's usual line spacing (or a jump up, to a new column) ends a paragraph.
    A short line set wholly in bold, or larger than the body text, is a heading ("## ...").
    """
    # [y, text, smallest size, all bold, where it ends, whether that was measured, the length
    # of its last piece, that piece's width]
    lines: list[list[Any]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        bold = "bold" in name.lower() or "black" in name.lower()
        height = float(size or 0) * max(abs(float(tm[3])), 1e-9) if tm else float(size or 0)
        for i, piece in enumerate(text.split("\n")):
            if not piece.strip():
                continue
            measured = _measured_width(piece, font)
            estimate = 0.6 * len(piece) if "courier" in name.lower() else _width(piece)
            if measured is not None and not 0.6 * estimate <= measured <= 1.6 * estimate:
                measured = None  # a subset font's codes are not the characters: widths misread
            width = (measured if measured is not None else estimate) * height
            if i == 0 and lines and abs(lines[-1][0] - y) < 1.0:
                last = lines[-1]  # the same line, continued
                gap = x - last[4]
                # a gap of more than a letter after where the last piece ends is a table's
                # cell boundary ("Threat actor | Likely China"); where the font gives no widths,
                # only a gap wider than the estimate of the last piece's end can be out
                cell = (
                    gap > height
                    and (last[5] or last[6] <= 40 or gap > 0.15 * last[7])
                    and piece[:1] != " "
                    and last[1][-1:] != " "
                    and last[1].strip() not in _PDF_BULLETS  # "\u2022" then its item's text
                )
                # a wide gap after a long piece of prose is a column's: a sidebar beside the text
                column = cell and gap > 3 * height and last[6] > 40
                # a word's gap between two runs ("... for a while" + "and continues"): a space
                space = gap > 0.2 * height and piece[:1] != " " and last[1][-1:] != " "
                last[1] += ("\x00" if column else " | " if cell else " " if space else "") + piece
                last[2] = min(last[2], height)
                last[3] = last[3] and bold
                last[4] = max(last[4], x + width)
                last[5], last[6], last[7] = measured is not None, len(piece), width
            else:
                lines.append(
                    [y, piece, height, bold, x + width, measured is not None, len(piece), width]
                )

    plain = page.extract_text(visitor_text=visit) or ""
    gaps = [a[0] - b[0] for a, b in pairwise(lines) if a[0] - b[0] > 1.0]
    if len(gaps) < 2:
        return plain.strip()
    # the line spacing: the most common gap (a median would be a paragraph's gap on a page of
    # short paragraphs); the body's size: the most common size, counted in characters
    usual = Counter(round(g) for g in gaps).most_common(1)[0][0]
    sizes: Counter[float] = Counter()
    for _, text, size, *_ in lines:
        sizes[round(size, 1)] += len(text)
    body = sizes.most_common(1)[0][0]

    def shown(text: str, size: float, bold: bool) -> str:
        if text[:1] in _PDF_BULLETS:  # a bullet glyph, in whatever font: a list item
            return "- " + text[1:].strip()
        heading = (bold or size > body + 0.5) and size >= body - 0.5
        title = heading and len(text) <= 90 and not text.rstrip().endswith((".", ",", ";"))
        return "## " + text.strip() if title and any(c.isalpha() for c in text) else text

    out = [shown(*lines[0][1:4])]
    for (y0, *_), (y1, text, size, bold, *_) in pairwise(lines):
        gap = y0 - y1
        out.append(("\n\n" if gap > 1.35 * usual or gap < -1.0 else "\n") + shown(text, size, bold))
    return _columns_apart("".join(out).strip())


def _columns_apart(text: str) -> str:
    r"""A page's paragraphs with a column set beside them (a sidebar, drawn line by line with the
    text, each line's two parts split by "\x00") as two paragraphs: the text, then the column.

    >>> _columns_apart("Main one\x00Side one\nmain two\x00side two\nmain three")
    'Main one\nmain two\nmain three\n\nSide one\nside two'
    """
    if "\x00" not in text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if "\x00" in paragraph:
            lines = paragraph.split("\n")
            main = "\n".join(line.split("\x00", 1)[0] for line in lines)
            side = "\n".join(line.split("\x00", 1)[1] for line in lines if "\x00" in line)
            paragraph = f"{main}\n\n{side}"
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _width(text: str) -> float:
    """The width of a text in ems as Helvetica sets it, near enough (capitals 0.67, other
    letters and digits 0.52, spaces and punctuation 0.28): where a piece ends, when the font
    gives no widths (the standard fonts need not)."""
    wide = sum(c.isupper() for c in text)
    narrow = sum(not c.isalnum() for c in text)
    return 0.67 * wide + 0.28 * narrow + 0.52 * (len(text) - wide - narrow)


def _measured_width(text: str, font: Any) -> float | None:
    """The width of a text in ems from a simple font's /Widths table (most embedded fonts have
    one); None when the font has none."""
    if not isinstance(font, dict):
        return None
    try:
        widths = font.get("/Widths")
        first = int(font.get("/FirstChar", 0))
        if widths is None:
            return None
        table = [float(w) for w in widths]
    except (TypeError, ValueError, AttributeError):
        return None
    if not table:
        return None
    usual = sorted(table)[len(table) // 2] or 500.0
    total = 0.0
    for c in text:
        i = ord(c) - first
        total += table[i] if 0 <= i < len(table) and table[i] else usual
    return total / 1000


# Bullet glyphs as text layers give them: "•", Word's Symbol-font "\uf0b7", "\x7f" of the
# standard fonts' encoding, squares and circles
_PDF_BULLETS = frozenset(
    "\u2022\uf0b7\uf0a7\uf076\uf0d8\x7f\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219"
)

# A word split at a line's end ("gover-\nnment"), the second half in lower case. A line that
# goes on with a hyphenated word ("Mark-\nof-the-Web", "command-\nand-control") is none.
_HYPHENATED = re.compile(r"\b([A-Za-z]*[a-z])-\n([a-z]+)(?![\w-])")

_WORD = re.compile(r"[A-Za-z]+")


def _dehyphenated(text: str) -> str:
    r"""The text with words split at line ends joined again ("gover-\nnment"), except a
    compound of two words the text also uses elsewhere ("remote-\naccess" beside "remote
    access trojans"): typesetting splits words anywhere, a word processor only at a hyphen.

    >>> _dehyphenated("a remote-\naccess tool and remote access; the gover-\nnment")
    'a remote-\naccess tool and remote access; the government'
    """
    if "-\n" not in text:
        return text
    counts = Counter(w.lower() for w in _WORD.findall(text))

    def join(m: re.Match[str]) -> str:
        first, second = m.group(1).lower(), m.group(2)
        if counts[first] > 1 and counts[second] > 1 and not counts[first + second]:
            return m.group(0)
        return m.group(1) + second

    return _HYPHENATED.sub(join, text)


_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?$", re.I)


def _numberless(line: str) -> str:
    """A line with its numbers as "#": the running line of every page, its page number aside."""
    return re.sub(r"[0-9]+", "#", line.strip())


def _without_running_lines(pages: list[str]) -> list[str]:
    """The pages without page numbers and without the running header or footer: a line among
    the first or last three of a page that recurs on another page, its numbers aside."""
    lines = [[ln for ln in page.split("\n") if ln.strip()] for page in pages]
    edges: dict[str, int] = {}
    for page_lines in lines:
        for ln in {_numberless(ln) for ln in (*page_lines[:3], *page_lines[-3:])}:
            edges[ln] = edges.get(ln, 0) + 1
    running = {ln for ln, n in edges.items() if n > 1 and len(ln) < 200}
    out = []
    for text, page_lines in zip(pages, lines, strict=True):
        edge = {*page_lines[:3], *page_lines[-3:]}  # a header split in two, then its number
        drop = {
            ln for ln in edge if _numberless(ln) in running or _PAGE_NUMBER.match(ln.strip())
        }  # "Deck 3 / 6" on page 3 is "Deck 4 / 6" on page 4
        if drop:
            kept = [ln for ln in text.split("\n") if ln not in drop]
            text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
        if text:
            out.append(text)
    return out


def _pdf_pages(data: bytes, path: str) -> list[str]:
    """Each page's text, within the bounds on pages, decompressed content and text."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if len(reader.pages) > PDF_MAX_PAGES:
        raise InputError(f"{len(reader.pages):,} pages, more than {PDF_MAX_PAGES:,}", path=path)
    pages, content, chars = [], 0, 0
    for page in reader.pages:  # pypdf stops any one stream at 75 MB decompressed
        stream = page.get_contents()
        content += len(stream.get_data()) if stream is not None else 0
        if content > PDF_MAX_CONTENT_BYTES:
            raise InputError(
                f"the pages decompress to more than {PDF_MAX_CONTENT_BYTES // MiB} MiB", path=path
            )
        pages.append(_page_text(page))
        chars += len(pages[-1])
        if chars > PDF_MAX_TEXT_CHARS:
            raise InputError(f"more than {PDF_MAX_TEXT_CHARS // MiB} Mi characters of text",
                             path=path)  # fmt: skip
    return pages


def pdf_text(data: bytes, path: str = "<pdf>") -> str:
    """The text layer of a PDF, page by page, paragraphs apart."""
    from pypdf.errors import LimitReachedError

    try:
        pages = _pdf_pages(data, path)
    except InputError:
        raise
    except LimitReachedError:
        raise InputError(
            "a stream decompresses past pypdf's limit (75 MB): refused as a compression bomb",
            path=path,
        ) from None
    except Exception as exc:  # pypdf raises many kinds on a malformed file; all mean the same
        message = f"unreadable PDF: {exc}".splitlines()[0]
        raise InputError(message if len(message) < 200 else "unreadable PDF", path=path) from None
    text = _dehyphenated("\n\n".join(_without_running_lines(pages)))
    head = text.split("\n", 5)
    for i, line in enumerate(head[:5]):
        if line.startswith("## "):  # the first heading near the top is the title
            head[i] = line[1:]
            text = "\n".join(head)
            break
    if len(text.strip()) < 20:
        raise InputError("the PDF has no text layer (scanned?): nothing to extract", path=path)
    return text


_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\s]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*\)")  # a URL may hold (...)
_MD_FOOTNOTE_LINE = re.compile(r"(?m)^\[\^[^\]\s]+\]:.*(?:\n[ \t]+.*)*\n?")
_MD_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\](?!:)")


_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")  # "[the report][1]": its words
_MD_REF_LINE = re.compile(r"(?m)^ {0,3}\[[^\]^\n]+\]:\s+\S+.*\n?")  # "[1]: https://..."

# A page's metadata above its text: Jekyll's YAML front matter, Pandoc's "% Title" block
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
_FRONT_FIELD = re.compile(r"(?m)^(title|date):[ \t]*[\"']?(.+?)[\"']?[ \t]*$")
_PANDOC_TITLE = re.compile(r"\A% (.+)\n(?:% (.*)\n)?(?:% (.*)\n)?")
_DEFINITION = re.compile(r"(?m)^:[ \t]{1,4}(?=\S)")  # Pandoc's ":   definition" under a term


def _front_matter(text: str) -> str:
    r"""The title and date a Markdown page's metadata block gives, as a heading and a line.

    >>> _front_matter('---\ntitle: "Notes"\ndate: 2025-08-29\ntags: [china]\n---\nBody')
    '# Notes\n\n2025-08-29\n\nBody'
    >>> _front_matter("% Glossary\n% Team\n% 3 June 2024\n\nBody")
    '# Glossary\n\n3 June 2024\n\nBody'
    """
    front = _FRONT_MATTER.match(text)
    if front:
        fields = dict(_FRONT_FIELD.findall(front.group(1)))
        lines = [f"# {fields['title']}"] if "title" in fields else []
        lines += [fields["date"]] if "date" in fields else []
        return "\n\n".join([*lines, text[front.end() :]])
    pandoc = _PANDOC_TITLE.match(text)
    if pandoc:
        lines = [f"# {pandoc.group(1)}", *([pandoc.group(3)] if pandoc.group(3) else [])]
        return "\n\n".join([*lines, text[pandoc.end() :].lstrip("\n")])
    return text


_MD_BREAK = re.compile(r"\s*<br\s*/?>\s*(?:[\u2022\u00b7*-]\s+)?", re.I)  # "<br>• item" in a cell
_MD_INLINE_TAG = re.compile(r"</?(?:b|i|em|strong|span|sup|sub|u|code|mark|small|a)\b[^>]*>", re.I)


_MD_TIP = re.compile(r"(?m)^[ \t]{0,3}>[ \t]*\[!TIP\][^\n]*\n(?:[ \t]{0,3}>[^\n]*(?:\n|$))*")
_MD_CALLOUT = re.compile(r"(?m)^([ \t]{0,3}>[ \t]*)\[!(?:NOTE|IMPORTANT|WARNING|CAUTION)\][ \t]*$")
_MD_QUOTE = re.compile(r"(?m)^[ \t]{0,3}>[ \t]?")  # a blockquote's marker


# An admonition of MkDocs and Python-Markdown: a marker, a kind, a title, an indented body
_ADMONITION = re.compile(
    r'(?m)^(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"([^"\n]*)")?[ \t]*\n'
    r"((?:(?:[ ]{4}|\t)[^\n]*\n?|[ \t]*\n(?=(?:[ ]{4}|\t)))*)"
)


def _admonition(m: re.Match[str]) -> str:
    r"""An admonition as its title and body: '!!! danger "Attribution"' over "    Iranian." is
    "Attribution: Iranian." (a labelled field, as the title says); with no title, the body.

    >>> _ADMONITION.sub(_admonition, '!!! danger "Attribution"\n    Iranian.\n\nText.')
    'Attribution: Iranian.\n\nText.'
    """
    body = "\n".join(line[4:] if line[:1] == " " else line[1:] for line in m.group(3).splitlines())
    title = (m.group(2) or "").strip()
    if not title:
        return body.strip() + "\n"
    if "\n- " in "\n" + body or "\n* " in "\n" + body:
        return f"{title}:\n\n{body.strip()}\n"  # a list under its label
    return f"{title}: {' '.join(body.split())}\n"


def markdown_text(text: str) -> str:
    r"""Markdown with links as their words, images, footnote marks, blockquote markers and
    inline HTML tags dropped, and line breaks inside table cells (``<br>``) as "; ".

    >>> markdown_text("![chart](a.png) Run by [STOIC](https://x.org/a_(b)).[^1]")
    ' Run by STOIC.'
    >>> markdown_text("| <b>X</b> | runs commands<br>\u2022 steals files |")
    '| X | runs commands; steals files |'
    >>> markdown_text("> A group from Iran\n> wrote scripts.")
    'A group from Iran\nwrote scripts.'
    """
    if text[:2] in ("--", "% "):
        text = _front_matter(text)
    if "\n:" in text:
        text = _DEFINITION.sub("", text)  # a definition is the paragraph under its term
    if "[!" in text:  # GitHub's callouts: a tip is the writer's advice, the others are text
        text = _MD_CALLOUT.sub("", _MD_TIP.sub("", text))
    if "!!!" in text or "???" in text:
        text = _ADMONITION.sub(_admonition, text)  # MkDocs: '!!! danger "Attribution"' ...
    if ">" in text:
        text = _MD_QUOTE.sub("", text)  # a quoted passage is text like any other
    if "<" in text:
        text = _MD_INLINE_TAG.sub("", _MD_BREAK.sub("; ", text))
    if "[" not in text:
        return text
    text = _MD_FOOTNOTE_LINE.sub("", text)  # "[^2]: Also tracked as ...": a note, not the text
    text = _MD_REF_LINE.sub("", _MD_IMAGE.sub("", text))  # "[report]: https://...": a link's
    text = _MD_REF_LINK.sub(r"\1", _MD_LINK.sub(r"\1", text))
    return _MD_FOOTNOTE.sub("", text)


# A plain-text email's quoting: "> " markers, "On Mon, ... wrote:" lines, the "-- " signature
_EMAIL_QUOTE = re.compile(r"(?m)^[ \t]*>(?:[ \t]?>)*[ \t]?")
_WROTE = re.compile(r"(?m)^On [^\n]{5,160} wrote:[ \t]*$")
_SIGNATURE = re.compile(r"(?m)^-- ?$")


# Wiki and document markups seen in analysts' plain text: AsciiDoc ("== Section",
# "Origin:: China", "[horizontal]") and Jira's ("h2. Cases", "||Field||Value||", "# step")
_ASCIIDOC_HEADING = re.compile(r"(?m)^(={1,5}) (?=\S)")
_ASCIIDOC_LABEL = re.compile(r"(?m)^([A-Za-z][^:\n]{0,40})::[ \t]+(?=\S)")
_ASCIIDOC_BLOCK = re.compile(r"(?m)^\[[a-z][\w ,=\"'-]*\][ \t]*\n")
_JIRA_HEADING = re.compile(r"(?m)^h([1-6])\.[ \t]+(?=\S)")
_JIRA_HEADER_ROW = re.compile(r"(?m)^\|\|(.+)\|\|[ \t]*$")
_JIRA_STEP = re.compile(r"(?m)^#[ \t]+(?=\S)")

# A social post's signs: keycap numbers ("1\ufe0f\u20e3"), flags, lines of hashtags
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")
_FLAG = re.compile("([\U0001f1e6-\U0001f1ff]{2})")
_HASHTAG_LINE = re.compile(r"(?m)^[ \t]*#\w+(?:[ \t]+#\w+)*[ \t]*$")


def _markup(text: str) -> str:
    r"""AsciiDoc and Jira markup as the Markdown the extractor reads.

    >>> _markup("= Notes\n\n=== Sneer Review\n[horizontal]\nOrigin:: China")
    '# Notes\n\n### Sneer Review\nOrigin: China'
    >>> _markup("h3. Phish\n\n||Field||Value||\n|Origin|China|\n\n# Brief the desk")
    '### Phish\n\n| Field | Value |\n|---|---|\n|Origin|China|\n\n1. Brief the desk'
    """
    if "\n=" in text or text.startswith("="):
        text = _ASCIIDOC_HEADING.sub(lambda m: "#" * len(m.group(1)) + " ", text)
    if "::" in text:
        text = _ASCIIDOC_LABEL.sub(r"\1: ", _ASCIIDOC_BLOCK.sub("", text))
    if "h2." in text or "h3." in text or "h1." in text:
        text = _JIRA_STEP.sub("1. ", text)  # before the headings become "#"
        text = _JIRA_HEADING.sub(lambda m: "#" * min(int(m.group(1)), 4) + " ", text)
    if "||" in text:
        text = _JIRA_HEADER_ROW.sub(
            lambda m: (
                "| "
                + " | ".join(c.strip() for c in m.group(1).split("||"))
                + " |\n"
                + "|---" * len(m.group(1).split("||"))
                + "|"
            ),
            text,
        )
    return text


def _social(text: str) -> str:
    r"""A social post: keycap numbers as list numbers, a flag as its country in brackets, and
    lines of hashtags (tags, not facts) dropped.

    >>> _social("1\ufe0f\u20e3 Peer Review \U0001f1e8\U0001f1f3\nText.\n\n#AI #China")
    '1. Peer Review (China)\nText.\n\n'
    """
    import pycountry

    def country(m: re.Match[str]) -> str:
        code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.group(1))
        found = pycountry.countries.get(alpha_2=code)
        return f"({getattr(found, 'common_name', None) or found.name})" if found else ""

    text = _KEYCAP.sub(r"\1.", text)
    text = _FLAG.sub(country, text)
    return _HASHTAG_LINE.sub("", text)


# A YAML mapping's first line: a key, plain or quoted, then a colon (or a flow mapping)
_YAML_KEY = re.compile(r"^(?:\{|[\"']?[^\s\"'#][^:\n]*[\"']?:(?:\s|$))")

_NAME_KEYS = ("name", "operation", "campaign", "case", "actor", "title")
_PROSE_KEYS = ("notes", "note", "summary", "description", "details", "comment", "comments")


def _yaml_like(text: str) -> str | None:
    r"""A worksheet written as YAML ("cases:" then "- name: Peer Review" and its fields) as
    the Markdown the extractor reads: an entry a section, its fields one a line, its notes a
    paragraph. None when the text is no such thing (prose, or a YAML scalar).

    >>> print(_yaml_like("cases:\n  - name: Peer Review\n    origin: China\n"))
    ## Peer Review
    <BLANKLINE>
    Origin: China
    <BLANKLINE>
    """
    import yaml

    first = next((ln.strip() for ln in text.splitlines() if ln.strip()[:1] not in ("", "#")
                  and ln.strip() not in ("---", "...")), "")  # fmt: skip
    if not _YAML_KEY.match(first):
        return None  # no mapping can start here: prose is not parsed as YAML at all
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict) or not any(
        isinstance(v, list) and v and all(isinstance(x, dict) for x in v) for v in data.values()
    ):
        return None

    def value(v: Any) -> str:
        return ", ".join(map(str, v)) if isinstance(v, list) else " ".join(str(v).split())

    blocks: list[str] = []
    for key, v in data.items():
        if isinstance(v, dict):  # "report: {title: ..., date: ...}": the title heads the text
            if "title" in v:
                blocks.insert(0, f"# {value(v['title'])}")
            blocks.append("\n".join(f"{str(k).capitalize()}: {value(x)}" for k, x in v.items()
                                    if k != "title"))  # fmt: skip
        elif isinstance(v, list):
            for entry in v:
                if not isinstance(entry, dict):
                    blocks.append(f"- {value(entry)}")
                    continue
                name = next((entry[k] for k in _NAME_KEYS if entry.get(k)), None)
                if name:
                    blocks.append(f"## {value(name)}")
                fields = [f"{str(k).capitalize()}: {value(x)}" for k, x in entry.items()
                          if k not in _NAME_KEYS and k not in _PROSE_KEYS and x]  # fmt: skip
                if fields:
                    blocks.append("\n".join(fields))
                blocks += [value(entry[k]) for k in _PROSE_KEYS if entry.get(k)]
        elif v is not None:
            blocks.append(f"{str(key).capitalize()}: {value(v)}")
    return "\n\n".join(b for b in blocks if b) + "\n"


# A log's column names in a comment above its rows: "# fields: timestamp | analyst | case"
_LOG_FIELDS = re.compile(r"(?im)^[#/;\s]*(?:fields|columns)\s*:\s*(\S[^|\n]*(?:\|[^|\n]+)+)$")


_LOG_BOOKKEEPING = frozenset({"time", "timestamp", "date", "when", "analyst", "author", "user",
                              "by", "logged by", "id"})  # fmt: skip


def _log_rows(text: str) -> str:
    r"""Rows of a log split by bars under a comment that names its columns, as list items of
    named cells: "- Case: GTG-2002; Note: Report out.".

    >>> _log_rows("# fields: time | case | note\n\n10:02 | GTG-2002 | Report out.\n")
    '# fields: time | case | note\n\n- Case: GTG-2002; Note: Report out.\n'
    """
    fields = _LOG_FIELDS.search(text)
    if fields is None:
        return text
    names = [n.strip().capitalize() for n in fields.group(1).split("|")]
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split(" | ")]
        if line.strip() == fields.group(0).strip():
            pass  # the comment that names the columns
        elif len(cells) == len(names) and line.count("|") == len(names) - 1:
            line = "- " + "; ".join(  # who logged it, and when, say nothing of the case
                f"{n}: {c}"
                for n, c in zip(names, cells, strict=True)
                if c and n.lower() not in _LOG_BOOKKEEPING
            )
        out.append(line)
    return "\n".join(out)


# A page's running line in text pasted from a PDF: words, a wide gap, the page number
_RUNNING_LINE = re.compile(r"(?m)^([^\n]{3,100}?)[ \t]{4,}\d{1,4}[ \t]*(?:\n|$)")


def _unpaged(text: str) -> str:
    r"""Text pasted from a PDF without the running line that recurs with each page number (in
    the middle of paragraphs, where the page broke), and with words split at line ends joined.

    >>> _unpaged("It reported pro-\ntests\nThe Report     7\nto the state.\nThe Report     8\n")
    'It reported protests\nto the state.\n'
    """
    found = Counter(
        line.strip() for line in (_RUNNING_LINE.findall(text) if "    " in text else [])
    )
    running = {line for line, n in found.items() if n > 1}
    if running:
        text = _RUNNING_LINE.sub(
            lambda m: "" if m.group(1).strip() in running else m.group(0), text
        )
    return _dehyphenated(text)


def plain_text(text: str) -> str:
    r"""Plain text with an email's quote markers, its "... wrote:" lines and its signature
    dropped: quoted messages are text like any other.

    >>> plain_text("Agreed.\n\nOn Mon, 9 Jun, Ana wrote:\n> From Iran\n>> it wrote.\n-- \nAna")
    'Agreed.\n\n\nFrom Iran\nit wrote.\n'
    """
    if ":\n" in text and "- " in text:  # maybe a YAML worksheet: "cases:" over "- name: ..."
        text = _yaml_like(text) or text
    if "\n>" in text or text.startswith(">"):
        text = _WROTE.sub("", _EMAIL_QUOTE.sub("", text))
    text = _markup(text)
    if "|" in text and ("ields" in text or "olumns" in text):
        text = _log_rows(text)
    if "\u20e3" in text or "#" in text or _FLAG.search(text):
        text = _social(text)
    text = _unpaged(text)
    signature = list(_SIGNATURE.finditer(text))
    tail = text[signature[-1].end() :].strip().splitlines() if signature else []
    if signature and len(tail) <= 6 and all(len(line) <= 100 for line in tail):
        text = text[: signature[-1].start()]  # a few short lines after "-- ": the signature
    return text


def read_text(path: str | Path) -> str:
    """Plain text (with Markdown headings) from a report file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(
            f"not a report text: expected one of {', '.join(TEXT_SUFFIXES)}", path=str(p)
        )
    data = read_bounded(p, PDF_MAX_BYTES if suffix == ".pdf" else REPORT_TEXT_MAX_BYTES)
    return text_of(data, suffix, str(p))


def text_of(data: bytes, suffix: str, path: str) -> str:
    """Plain text (with Markdown headings) from a report's bytes, read as its ``suffix`` says
    (``.pdf``, ``.html``, ``.md``; any other is plain text); ``path`` names it in errors.

    >>> text_of(b"<p>Iranian actors.</p>", ".html", "-")
    'Iranian actors.'
    """
    if not data.strip():
        raise InputError("file is empty", path=path)
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise InputError("not a PDF file", path=path)
        return _visible(pdf_text(data, path))
    if b"\x00" in data[:65536]:
        raise InputError("file is binary, not text", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"file is not UTF-8 text (byte {exc.start})", path=path) from None
    if suffix in (".html", ".htm"):
        text = html_text(text)
    elif suffix in (".md", ".markdown"):
        text = markdown_text(text)
    else:
        text = plain_text(text)
    if not text.strip():
        raise InputError("the file holds no text", path=path)
    return _visible(text)


# A form feed or vertical tab breaks a line (pdftotext puts a form feed between pages); any
# other control character is not text: it reads as U+FFFD, which the draft shows.
_CONTROLS = {
    **dict.fromkeys(range(0x20), "\ufffd"),
    **{ord(c): c for c in "\t\n\r"},
    0x0B: "\n",
    0x0C: "\n",
}


def _visible(text: str) -> str:
    r"""Report text with control characters made line breaks or U+FFFD (see ``_CONTROLS``).

    >>> _visible("Page one\fPage two\x1b[31m")
    'Page one\nPage two\ufffd[31m'
    """
    return text.translate(_CONTROLS)
