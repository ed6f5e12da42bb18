"""Report text from HTML pages: the main text, headings as Markdown headings.

Scripts, styles, navigation, headers, footers and asides are dropped, and ``<main>`` is
preferred when the page has one (BeautifulSoup does the parsing). Tables
become rows of labelled cells, definition lists labelled fields.

Examples
--------
>>> html = "<html><nav>Home</nav><main><h2>Op</h2><p>Iranian actors.</p></main></html>"
>>> html_text(html)
'## Op\\n\\nIranian actors.'
"""

from __future__ import annotations

import re
from typing import Any

from graphkit.data import load
from graphkit.limits import (
    TABLE_MAX_COLUMNS,
)

__all__ = ["html_text"]


_WORDS: dict[str, tuple[str, ...]] = load("cues/markup.yaml", dict[str, tuple[str, ...]])
_DROP = _WORDS["drop_tags"]
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


_MAILING = re.compile(rf"\b(?:{'|'.join(_WORDS['mailing_lines'])})\b", re.I)


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

_INLINE = frozenset(_WORDS["inline_tags"])
_BOILERPLATE = re.compile(
    rf"(?:^|[-_ ])(?:{'|'.join(_WORDS['boilerplate_marks'])})(?:[-_ ]|$)", re.I
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
    root = soup.find("main") or soup.body or soup
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
