"""A report's layout: sections, paragraphs, list items, table rows and labelled fields.

Sections start at headings. A heading names an operation ("Case 2: Remote worker fraud",
'Influence: "Sneer Review"'), says where its actors are from ("North Korea"), or only says
what the section is about ("Malware that queries a model"), which names nothing. List items
and Markdown table rows stand alone; "Actor: ...", "Targets: ..." fields say what they hold.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from functools import cache

from graphkit.extract.cues import field_roles, word_list, words
from graphkit.extract.reading import Sentence, read_sentence

__all__ = [
    "ARTICLE",
    "BRACKETED_TAIL",
    "DATE_FIRST",
    "FIELD_ROLES",
    "GENERIC_HEADINGS",
    "LEAD_BOLD",
    "STAGE_HEADINGS",
    "TASK_HEADINGS",
    "WHO",
    "field_role",
    "from_capitals",
    "inner_bold",
    "is_topic",
    "labelled_fields",
    "names_a_country",
    "operation_name",
    "sections",
    "unmarked",
    "unnumbered",
]  # fmt: skip

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")  # fmt: skip

# Headings of a writer's own tasks, of no operation, of a stage of an attack, of a kind of
# operation: regular expressions in layout.yaml, matched whole and in any case.
_TASKS = "|".join(word_list("task_headings"))
TASK_HEADINGS = re.compile(rf"^(?:{_TASKS}|to ?do)$", re.I)
_GENERIC = "|".join(word_list("generic_headings"))
GENERIC_HEADINGS = re.compile(
    "^(" + _GENERIC.replace("{tasks}", _TASKS).replace("{month}", _MONTH) + ")$", re.I
)

# A date before a name, as a timeline writes its entries: "March 2025 \u2014 Helgoland Bite",
# "2025-03-04: ScopeCreep", "5 May 2025 - High Five". The name is what follows.
DATE_FIRST = re.compile(
    rf"^(?:(?:[0-9]{{1,2}} )?{_MONTH}(?: [0-9]{{1,2}},?)? [0-9]{{4}}|"
    r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\s*[:\u2013\u2014-]\s+"
)

_STAGE = "|".join(word_list("stage_headings"))
STAGE_HEADINGS = re.compile(rf"^(?:{_STAGE})(?:\s*(?:,|and|&|/)\s*(?:{_STAGE}))*$", re.I)

WHO = frozenset({"Country", "Demonym", "Sponsor", "Language", "Actor", "Platform"})

LEAD_BOLD = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{2,80})(?:\*\*|__)")

_INNER_BOLD = re.compile(r"(?:\*\*|__)([A-Z][^*_]{1,60}?)(?:\*\*|__)")


def inner_bold(paragraph: str) -> str | None:
    """The one name set in bold inside a paragraph ("The one that stood out is **Sneer
    Review**, which ..."): a run of one to five capitalised words. None when the paragraph
    sets none in bold, or more than one (a list of names is read otherwise)."""
    spans = {" ".join(m.group(1).split()) for m in _INNER_BOLD.finditer(paragraph)}
    names = [s for s in spans if s[-1:].isalnum() and 0 < len(s.split()) <= 5 and _titled(s)]
    return names[0] if len(names) == 1 and not GENERIC_HEADINGS.match(names[0]) else None


_BLANK_LINE = re.compile(r"\n\s*\n")

# Handling marks, which say who may read a text and nothing about its content: a banner line
# ("UNCLASSIFIED // FOR PUBLIC RELEASE", "TLP:CLEAR") and a paragraph's portion mark ("(U) ").
_BANNER = re.compile(
    r"^[ \t]*(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|CUI)(?: ?//? ?[A-Z][A-Z ,/-]*)?"
    r"|TLP ?: ?(?:CLEAR|WHITE|GREEN|AMBER(?: ?\+ ?STRICT)?|RED))[ \t]*$\n?",
    re.M,
)
_PORTION = re.compile(
    r"^([ \t]*(?:[0-9]{1,2}[.)][ \t]+|[a-z][.)][ \t]+)?)\((?:U|C|S|TS|CUI)(?://[A-Z]+)*\)[ \t]+",
    re.M,
)
_PORTION_SEEN = ("(U)", "(U/", "(C)", "(S)", "(TS)", "(CUI)")


def unmarked(text: str) -> str:
    r"""The text without its handling marks.

    >>> unmarked("TLP:CLEAR\n\n1. (U) SNEER REVIEW. Likely Chinese.\n(U//FOUO) More.")
    '\n1. SNEER REVIEW. Likely Chinese.\nMore.'
    """
    if "CLASSIFIED" in text or "SECRET" in text or "TLP" in text or "CUI" in text:
        text = _BANNER.sub("", text)
    if any(mark in text for mark in _PORTION_SEEN):
        text = _PORTION.sub(r"\1", text)
    return text


_HEADING = re.compile(r"^\s{0,3}(#{2,4})\s+(.+?)\s*#*\s*$")

_TITLE = re.compile(r"^\s{0,3}#\s")

_UNDERLINE = re.compile(r"^\s{0,3}(?:-{3,}|={3,})\s*$")  # under a setext heading

# A list item's marker: a bullet, or a number ("1.", "2)", and "3/" in threads).
_NUMBER = r"[0-9]{1,2}[.)/]"
_MARKER = rf"(?:[-*\u2022\u2013]|{_NUMBER})"
_MARKER_FIRST = frozenset("-*\u2022\u2013")  # a marker's first character, or a digit

_BULLET = re.compile(rf"^\s{{0,6}}{_MARKER}\s+")


# How a line that is more than prose starts: a heading, a bullet or a number, an underline.
_MARKED = re.compile(rf"\s{{0,6}}(?:[#*\u2022\u2013=-]|{_NUMBER}\s)")

_PIPE_START = re.compile(r"\s*\|")

_TABLE_RULE = re.compile(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?")  # |---|:--:|:-:|


def _named_cells(header: list[str], row: list[str]) -> str:
    """A table row as its cells named by their columns: "Header: cell; Header: cell". Ticks
    under columns named for languages are a "Languages" field, with an "Other" column's.

    >>> _named_cells(["Name", "English", "Russian", "Other"], ["Grey", "\u2713", "", "Polish"])
    'Name: Grey; Languages: English, Polish'
    """
    ticked = [h for h, v in zip(header, row, strict=True) if v.strip() in _TICKS]
    if not ticked or not _all_languages(ticked):
        return "; ".join(f"{h}: {v}" for h, v in zip(header, row, strict=True) if v)
    fields, languages = [], list(ticked)
    for h, v in zip(header, row, strict=True):
        if h.lower() in _OTHER_COLUMNS and v:
            languages.append(v)  # "Other: Italian, Polish" beside the language columns
        elif v and v.strip() not in _TICKS:
            fields.append(f"{h}: {v}")
    return "; ".join([*fields, f"Languages: {', '.join(languages)}"])


_TICKS = words("ticks")
_OTHER_COLUMNS = words("other_columns")


def _all_languages(names: list[str]) -> bool:
    """Whether each of the names is a language's ("English", "Russian")."""
    return all(
        any(m.entry.kind == "Language" for m in read_sentence(name).mentions) for name in names
    )


def _pipe_table(block: str) -> list[str] | None:
    """The rows of a Markdown pipe table as "Header: cell; Header: cell", or None."""
    if not _PIPE_START.match(block):
        return None  # most blocks: no table, and no need to split them into lines
    lines = [ln.strip() for ln in block.strip().splitlines()]
    if len(lines) < 3 or not all(ln.startswith("|") for ln in lines):
        return None
    if not _TABLE_RULE.fullmatch(lines[1]):
        return None
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    header = cells[0]
    if len(header) == 2 and header[0].lower() in _KEY_COLUMNS:  # "| Field | Value |": fields
        fields = _labelled(r for r in cells[2:] if len(r) == 2)
        return [fields] if fields else []
    return [_named_cells(header, row) for row in cells[2:] if len(row) == len(header)]


def _labelled(pairs: Iterable[list[str]]) -> str:
    """Rows of a label and its value as one paragraph of fields: "Origin: China; Language: Thai"
    (a row with no value says nothing)."""
    return "; ".join(f"{key}: {value}" for key, value in pairs if value)


def _records(header: list[str], rows: list[list[str]]) -> list[str] | None:
    """Rows under a header, each cell named by its column; None unless every row has a cell for
    each column."""
    if any(len(row) != len(header) for row in rows):
        return None
    return [_named_cells(header, row) for row in rows]


_KEY_COLUMNS = words("key_columns")


# A CSV file's header: three or more short column names split by commas, no sentence
_CSV_HEADER = re.compile(r"^[A-Za-z][\w ]{0,30}(?:, ?[A-Za-z][\w ]{0,30}){2,}$")


def _csv_rows(block: str) -> list[str] | None:
    r"""The rows of comma-separated values under a header line, each cell named by its column,
    when every row has as many cells as the header ("operation,attribution,languages" over
    'Bad Grammar,Russia,"Russian, English"').

    >>> _csv_rows('operation,origin,languages\nBad Grammar,Russia,"Russian, English"')
    ['operation: Bad Grammar; origin: Russia; languages: Russian, English']
    """
    lines = block.strip().splitlines()
    if len(lines) < 2 or not _CSV_HEADER.match(lines[0].strip()):
        return None
    rows = [[cell.strip() for cell in row] for row in csv.reader(lines) if any(row)]
    return _records(rows[0], rows[1:])


def _tsv_rows(lines: list[str]) -> list[str] | None:
    r"""Rows pasted from a spreadsheet: cells split by tabs, three or more, under a header line
    of short column names; each cell named by its column.

    >>> _tsv_rows(["case\tfrom\tlanguages", "Bad Grammar\tRussia\tRussian, English"])
    ['case: Bad Grammar; from: Russia; languages: Russian, English']
    """
    cells = [[c.strip() for c in line.split("\t")] for line in lines if line.strip()]
    if len(cells) < 2 or len(cells[0]) < 3:
        return None
    header = cells[0]
    if any(not h or len(h.split()) > 4 for h in header):
        return None  # column names are short, and every column has one
    return _records(header, cells[1:])


def _bar_rows(block: str) -> list[str] | None:
    r"""Lines of cells split by bars with no Markdown rule ("Operation | Run from | ..." over
    "Bad Grammar | Russia | ..."): the first line names the columns. Every line must have as
    many cells, three at least; or two, a label and its value, on lines two or more of which
    are labels of fields ("Threat actor | China", as a PDF's small table reads). None when the
    block is anything else.

    >>> _bar_rows("Name | From | Aim\nHigh Five | the Philippines | politics")
    ['Name: High Five; From: the Philippines; Aim: politics']
    >>> _bar_rows("Threat actor | Likely China\nOperator language | Chinese")
    ['Threat actor: Likely China; Operator language: Chinese']
    """
    lines = block.strip().splitlines()
    if len(lines) < 2:
        return None
    cells = [[c.strip() for c in ln.strip().strip("|").split(" | ")] for ln in lines]
    width = len(cells[0])
    if width == 2 and all(len(row) == 2 for row in cells):
        labels = sum(field_role(row[0]) is not None for row in cells)
        if labels >= 2:  # "Threat actor | China" over "Languages | Chinese": labelled values
            return [_labelled(cells)]
        return None
    if width < 3 or any(len(row) != width or not all(row) for row in cells):
        return None
    header = cells[0]
    if any(len(h.split()) > 5 for h in header):
        return None  # column names are short
    return [_named_cells(header, row) for row in cells[1:]]  # every cell holds something


# A plain-text table's rule under its header: runs of dashes, one a column ("-----  ----").
_DASH_RULE = re.compile(r"^ *-{3,}(?: +-{3,})+ *$")

_DASHES = re.compile(r"-{3,}")


def _fixed_table(block: str) -> list[str] | None:
    r"""The rows of a plain-text table, cells under the rule's runs of dashes, as "Header: cell;
    Header: cell"; a line with its first cell empty goes on with the row above. None when the
    block is no such table.

    >>> _fixed_table("Actor  Focus\n-----  ------\nSneer  a game and\n       an activist")
    ['Actor: Sneer; Focus: a game and an activist']
    """
    lines = block.strip("\n").splitlines()
    if len(lines) < 3 or not _DASH_RULE.match(lines[1]):
        return None
    starts = [m.start() for m in _DASHES.finditer(lines[1])]
    ends = [*starts[1:], None]
    header = [lines[0][a:b].strip() for a, b in zip(starts, ends, strict=True)]
    rows: list[list[str]] = []
    for line in lines[2:]:
        cells = [line[a:b].strip() for a, b in zip(starts, ends, strict=True)]
        if rows and not cells[0]:  # a cell wrapped onto the next line
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        elif any(cells):
            rows.append(cells)
    return [_named_cells(header, row) for row in rows]


_ITEM = re.compile(rf"^([ \t]{{0,6}}){_MARKER}[ \t]+(.+?)[ \t]*$", re.M)

# An item on any line but the first: what _ITEM finds there, looked for from each line break
# (a pattern that starts with "^" is tried at every character of the text).
_ITEM_LINE = re.compile(rf"\n[ \t]{{0,6}}{_MARKER}[ \t]+.")


def _titled(line: str) -> bool:
    """A line written as a title: quoted, or most of its words capitalised."""
    words = [w.strip("\"\u201c\u201d'()") for w in line.split()]
    words = [w for w in words if w[:1].isalpha()]
    return bool(words) and (
        line[:1] in '"\u201c' or sum(w[:1].isupper() for w in words) >= 0.75 * len(words)
    )


def _titled_items(text: str) -> str:
    """List items that head what follows become headings: "1. Sneer Review" over an indented
    paragraph, "- **Phish and Scripts**" over its own indented items. An item among items like
    it ("- Taiwan", "- Japan") stays an item."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        first = line.lstrip(" \t")[:1]
        item = _ITEM.match(line) if first in _MARKER_FIRST or first.isdigit() else None
        if not item:
            continue
        title = item.group(2).replace("**", "").replace("__", "").strip().rstrip(":")
        if len(title.split()) > 8 or not title or title[-1] in ".,;!?" or ": " in title:
            continue
        rest = lines[n + 1 : n + 3]
        indent = len(item.group(1))
        if rest and rest[0].strip():  # the next line: an item nested deeper
            nested = _ITEM.match(rest[0])
            heads = bool(nested) and len(nested.group(1)) > indent  # type: ignore[union-attr]
            # or a title line over its text: '1. "Peer Review" (China)' then "Accounts ..."
            heads = heads or (
                not nested
                and rest[0][:1].isupper()
                and len(title) <= 60
                and _titled(title)
                and not (n and _ITEM.match(lines[n - 1]))  # the last of a list stays an item
            )
        else:  # a blank line, then a paragraph that is no item (nor a heading)
            heads = (
                len(rest) == 2
                and bool(rest[1].strip())
                and not _ITEM.match(rest[1])
                and not rest[1].lstrip().startswith("#")
            )
        if heads:
            lines[n] = "### " + title
    return "\n".join(lines)


# A line in capitals that heads what follows: "BAD GRAMMAR -- RUSSIA", "OPERATIONS".
_CAPITALS = re.compile(r"^[A-Z][A-Z0-9&'\u2019 ./_-]{2,80}$")

_SMALL_WORDS = words("small_words")


# An outline's mark: a roman numeral or a capital letter and a stop, then a capitalised word
_OUTLINE_MARK = re.compile(r"^(?:[IVX]{1,4}|[A-Z])[.)][ \t]+(?=[A-Z])")
_OUTLINE_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@cache
def _place(word: str) -> bool:
    """Whether a word in capitals is a country's name ("CHINA", "IRAN")."""
    said = read_sentence(word.capitalize())
    return any(m.entry.kind == "Country" and m.width == 1 for m in said.mentions)


def from_capitals(line: str) -> str:
    """A heading in capitals as a name is written: "ZERO ZENO -- ISRAEL" is "Zero Zeno \u2014
    Israel"; a short name alone ("IUVM") or a word with digits ("STORM-2035") stays as it is."""
    words = line.strip().replace(" -- ", " \u2014 ").split()
    out = []
    for n, w in enumerate(words):
        if n == 0 and len(w) <= 5 and words[1:2] in ([], ["\u2014"]) and not _place(w):
            out.append(w)  # "IUVM", "IUVM -- IRAN": an acronym alone, but "CHINA" is China
            continue
        if any(c.isdigit() for c in w) or not w.isalpha():
            out.append(w if any(c.isdigit() for c in w) else w.capitalize())
        else:
            out.append(w.lower() if n and w.lower() in _SMALL_WORDS else w.capitalize())
    return " ".join(out)


_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")

# "2.1 Forest Blizzard (Russia)": a numbered section heading over its text
_NUMBERED_HEADING = re.compile(r"^[0-9]{1,2}(?:\.[0-9]{1,2})+\.?\s+([A-Z][^.!?:;]{1,78})$")

# "3. Recommendations" over bullets of another kind: a numbered heading, not an item
_NUMBERED_OVER_BULLETS = re.compile(r"^[0-9]{1,2}\.\s+([A-Z][\w-]*(?: [\w-]+){0,5})$")

# "**Actor:** GTG-5004" (bold already gone or not): a line that is one labelled field
_FIELD_LINE = re.compile(r"^\s*(?:\*\*|__)?[A-Z][A-Za-z ]{1,24}:(?:\*\*|__)?\s+\S")


# A labelled field's first line: "Actor: GTG-5004", or "Summary:" over an indented value.
_FIELD_HEAD = re.compile(r"^(?:\*\*|__)?[A-Z][A-Za-z ]{1,24}:(?:\*\*|__)?(?:\s+\S.*)?$")


def _field_block(lines: list[str]) -> str | None:
    """A block of labelled fields as one "Label: value; Label: value" paragraph: a field a
    line ("Actor: GTG-5004"), or a label over its value's indented lines ("Summary:" then
    "    A single operator ..."). None when the block is anything else.

    >>> _field_block(["Incident: GTG-2002", "Summary:", "    A lone operator", "    ran it."])
    'Incident: GTG-2002; Summary: A lone operator ran it.'
    """
    if all(_FIELD_LINE.match(ln) for ln in lines):
        return "; ".join(ln.strip() for ln in lines)
    fields: list[str] = []
    for line in lines:
        if line[:1].isspace() and line.strip() and fields:
            fields[-1] = f"{fields[-1]} {line.strip()}"
        elif _FIELD_HEAD.match(line):
            fields.append(line.strip())
        else:
            return None
    if len(fields) < 2 or any(f.endswith(":") for f in fields):
        return None  # a label with no value: not fields
    return "; ".join(fields)


# A chat message's time and speaker: "[09:15] dana: ", "09:15 <dana> "
_STAMP = r"^\s*\[?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\]?\s+"  # "[09:15] ", "00:01:25 "
_CHAT_LINE = re.compile(rf"{_STAMP}<?[\w.@-]{{1,32}}>?:?\s+")

# A timed turn of a transcript: the stamp, then a speaker's name and a colon
_SPEAKER_LINE = re.compile(rf"{_STAMP}[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){{0,2}}:\s+")
# A turn that only says what comes next: "Let's talk about North Korea, because ..."
_SPOKEN_HEADING = re.compile(
    r"^(?:(?:OK|Okay|So|Now|Right),? )?[Ll]et(?:'s|\u2019s| us) (?:talk about|turn to|move on to|"
    r"look at|get to|go to) ([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})(?:[,.;:]|$)"
)
_SENTENCE_START = re.compile(r"(^|[.!?] )([a-z])")


def _sentence_case(message: str) -> str:
    """A chat message written in lower case, with capitals where its sentences begin (the
    sentences are cut where a capital follows a full stop).

    >>> _sentence_case("first, Uncle Spam. accounts from China posted")
    'First, Uncle Spam. Accounts from China posted'
    """
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), message)


def _short_head(first: str, second: str) -> bool:
    """A short title line over longer prose in one block, as PDFs give headings: "Operation
    Sneer Review" over its paragraph (a wrapped line is as long as the lines after it)."""
    first = first.strip()
    words = first.split()
    titled = sum(w[:1].isupper() or not w[:1].isalpha() for w in words) >= 0.6 * len(words)
    return (
        4 <= len(first) <= 60
        and len(words) <= 8
        and titled
        and first[0].isupper()
        and first[-1] not in ".,;:!?"
        and len(second.strip()) > len(first) + 15
        and not _MARKED.match(first)
        and not _FIELD_LINE.match(first)
    )


# reStructuredText: a field list's ":Field: value", a directive's ".. note::" and its options
_RST_MARKUP = re.compile(r"^(?::[A-Za-z][A-Za-z ]{0,24}:(?:\s|$)|\.\. [a-z-]+::)")
_RST_FIELD = re.compile(r"^(\s*):([A-Za-z][A-Za-z ]{0,24}):(?=\s|$)")
_RST_OPTION = re.compile(r"^\s+:[a-z-]+:")


def _rst_lines(lines: list[str]) -> list[str]:
    r"""A reStructuredText block as plain lines: fields as "Field: value", a directive's body
    without the directive and its options.

    >>> _rst_lines([":Targets: Uyghurs", ":Date: 2025-10-09"])
    ['Targets: Uyghurs', 'Date: 2025-10-09']
    >>> _rst_lines([".. note::", "   Other vendors saw it.", "   :class: aside"])
    ['Other vendors saw it.']
    """
    if lines[0][:1] == ":":
        return [_RST_FIELD.sub(r"\1\2:", line, count=1) for line in lines]
    return [line.strip() for line in lines[1:] if line.strip() and not _RST_OPTION.match(line)]


def sections(text: str) -> Iterator[tuple[str | None, str, bool]]:
    """(heading or None, paragraph, is a list item) triples; a heading starts a section."""
    for heading, paragraph, item in _listed_values(_sections(text)):
        if paragraph[:2] in ("**", "__") and (". **" in paragraph or ". __" in paragraph):
            for part in _BOLD_LEAD_SENTENCE.split(paragraph):  # "**A** did x. **B** did y."
                yield heading, part, item
        else:
            yield heading, paragraph, item


# A sentence that opens with a bold name inside a paragraph that opened with one: a new case
_BOLD_LEAD_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=(?:\*\*|__)[A-Z])")


# A paragraph that is a label alone, its values in the list below: "Languages used:"
_LABEL_ONLY = re.compile(r"^([A-Z][A-Za-z ]{1,30}):$")

_LISTED_ROLES = ("language", "target", "who")  # what a list under a label may give


def _listed_values(
    triples: Iterator[tuple[str | None, str, bool]],
) -> Iterator[tuple[str | None, str, bool]]:
    """A label alone ("Languages used:") over list items ("- Chinese", "- English") becomes one
    field, "Languages used: Chinese, English", when the label says what the items are."""
    pending: tuple[str | None, str, list[str]] | None = None

    def field(heading: str | None, label: str, values: list[str]) -> tuple[str | None, str, bool]:
        return heading, f"{label} {', '.join(values)}" if values else label, False

    for heading, paragraph, item in triples:
        if pending is not None:
            if item and heading == pending[0] and paragraph.strip():
                pending[2].append(paragraph.strip())
                continue
            yield field(*pending)
            pending = None
        label = _LABEL_ONLY.match(paragraph.strip()) if paragraph and not item else None
        if label and field_role(label.group(1)) in _LISTED_ROLES:
            pending = (heading, paragraph.strip(), [])
            continue
        yield heading, paragraph, item
    if pending is not None:
        yield field(*pending)


def _sections(text: str) -> Iterator[tuple[str | None, str, bool]]:
    heading: str | None = None
    indent = 0  # how far the last list item's marker stood from the margin
    text = text.replace("\r\n", "\n")
    if _ITEM.match(text) or _ITEM_LINE.search(text):  # any list item at all
        text = _titled_items(text)
    blocks = _BLANK_LINE.split(text)
    for n_block, block in enumerate(blocks):
        rest: list[str] = []
        item = False
        body = block.strip()
        lines = body.splitlines()
        if body[:1].isalpha() and body[1:2].islower() and len(lines) == 1:
            # One line of prose ("The actor ..."): no table, rule, capitals, number or marker
            # can start it, so none of their patterns is tried. Most paragraphs are this.
            if (
                n_block
                and len(body) <= 80
                and body[-1:].isalnum()
                and _plain_heading(body, blocks, n_block)
            ):
                heading = body  # "Case study: Peer Review" alone, in text pasted from a PDF
                yield heading, "", False
                continue
            yield heading, body, False
            continue
        rows = (
            _pipe_table(block)
            or (_fixed_table(block) if "---" in block else None)
            or (_bar_rows(block) if " | " in block else None)
            or (_csv_rows(block) if lines and "," in lines[0] and ". " not in lines[0] else None)
            or (_tsv_rows(lines) if "\t" in block else None)
        )
        if rows:  # a table: a row is an item, each cell named by its column
            for row in rows:
                yield heading, row, True
            continue
        if len(lines) == 1 and body[:1] in "[0123456789" and _SPEAKER_LINE.match(body):
            # a transcript's turn, one a paragraph: "[00:01:25] TOMASZ: The first is ..."
            turn = _sentence_case(_SPEAKER_LINE.sub("", body))
            topic = _SPOKEN_HEADING.match(turn) if "et" in turn[:12] else None
            if topic:  # "Let's talk about North Korea, because ...": a heading, said aloud
                heading = topic.group(1)
                yield heading, "", False
            else:
                yield heading, turn, False
            continue
        if len(lines) > 1 and all(_CHAT_LINE.match(ln) for ln in lines):
            for line in lines:  # a chat export: each message a paragraph, without its stamp
                yield heading, _sentence_case(_CHAT_LINE.sub("", line)), False
            continue
        if lines and _RULE.match(lines[0]) and len(lines) == 1:
            continue  # a horizontal rule between cards
        if lines and lines[0][:1] in ":." and _RST_MARKUP.match(lines[0]):
            lines = _rst_lines(lines)  # reStructuredText: ":Targets: Uyghurs", ".. note::"
        if lines and lines[0][:1] in _OUTLINE_FIRST and _OUTLINE_MARK.match(lines[0]):
            lines[0] = _OUTLINE_MARK.sub("", lines[0], count=1)  # "II. CHINA", "B. Sneer Review."
        if lines and _CAPITALS.match(lines[0]):  # "BAD GRAMMAR -- RUSSIA" over its text
            underlined = len(lines) > 1 and _UNDERLINE.match(lines[1])
            # "=" marks the title, and so does the first block's line in capitals
            if not (underlined and lines[1].lstrip()[0] == "=") and (n_block or len(lines) == 1):
                heading = from_capitals(lines[0])
                yield heading, "", False
            lines = lines[2:] if underlined else lines[1:]
        elif lines and (numbered := _NUMBERED_HEADING.match(lines[0])):  # "2.1 Forest Blizzard"
            heading = numbered.group(1)
            yield heading, "", False
            lines = lines[1:]
        elif len(lines) > 1 and (numbered := _NUMBERED_OVER_BULLETS.match(lines[0])):
            if _BULLET.match(lines[1]) and not _NUMBERED_OVER_BULLETS.match(lines[1]):
                heading = numbered.group(1)  # "3.\tRecommendations" over "\u2022\tWatch ..."
                yield heading, "", False
                lines = lines[1:]
        elif len(lines) > 1 and _short_head(lines[0], lines[1]):  # a PDF's "Operation X" line
            if n_block:  # the first block's is the title
                heading = lines[0].strip()
                yield heading, "", False
            lines = lines[1:]
        if not lines:
            continue
        fields = _field_block(lines) if len(lines) > 1 and _FIELD_HEAD.match(lines[0]) else None
        if fields:  # one field a line, or a label over its indented value
            yield heading, fields, False
            continue
        if len(lines) == 1 and not _MARKED.match(lines[0]):
            yield heading, lines[0], False  # one line of prose: most paragraphs
            continue
        for n, line in enumerate(lines):
            if n + 1 < len(lines) and _UNDERLINE.match(lines[n + 1]) and line.strip():
                # A setext heading ("Case A: ..." over a line of dashes); "=" marks the title
                if rest:
                    yield heading, "\n".join(rest), item
                    rest, item = [], False
                if lines[n + 1].lstrip()[0] == "-":
                    heading = line.strip()
                    yield heading, "", False
                continue
            if n and _UNDERLINE.match(line) and lines[n - 1].strip():
                continue  # the underline of the heading above
            if n + 2 < len(lines) and _UNDERLINE.match(line) and _UNDERLINE.match(lines[n + 2]):
                continue  # an overline: reStructuredText's title, ruled above and below
            bullet = _BULLET.match(line)
            if bullet:  # a list item is a paragraph of its own
                if rest:
                    yield heading, "\n".join(rest), item
                rest, item = [line[bullet.end() :]], True
                indent = len(line) - len(line.lstrip())
                continue
            if item and rest and line[:1].strip() and indent > 0:
                yield heading, "\n".join(rest), item  # a line back at the margin ends the item
                rest, item = [], False
            if not line.lstrip().startswith("#"):
                rest.append(line)
                continue
            if _TITLE.match(line):
                continue  # the title, not a section
            m = _HEADING.match(line)
            if m:
                if rest:
                    yield heading, "\n".join(rest), item
                    rest, item = [], False
                heading = m.group(2).strip()
                yield heading, "", False
            else:
                rest.append(line)
        if rest:
            yield heading, "\n".join(rest), item


_HEADING_LEAD = re.compile(
    r"^(case study|case|operation|network|campaign)\s*\d*\s*[:.\u2013\u2014-]\s*", re.I
)


def _plain_heading(line: str, blocks: list[str], n: int) -> bool:
    """Whether a line alone between blank lines (80 characters at most: the caller looks),
    with no stop at its end, heads what follows: "Case study: Peer Review", or a short title
    ("Peer Review") over a paragraph of prose."""
    if len(line.split()) > 8:
        return False
    if _HEADING_LEAD.match(line):
        return True
    after = blocks[n + 1].strip() if n + 1 < len(blocks) else ""
    return (
        _titled(line)
        and not any(c.isdigit() or c == "," for c in line)
        and len(after.split()) >= 12
        and after[-1:] in ".!?"
        and after[:1].isupper()
    )


_SECTION_NUMBER = re.compile(r"^[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]?\s+(?=[A-Z])")  # "2)" too

_LEAD_FIRST = frozenset("cCoOnN")  # the letters _HEADING_LEAD starts with, in either case

_HEADING_TAIL = re.compile(r"[:.\u2013\u2014-]\s.*$")

_OPERATION_WORD = re.compile(r"^Operation\s+(?=[A-Z])")  # "Operation Sneer Review": Sneer Review

BRACKETED_TAIL = re.compile(r"\s+\([^()]{1,40}\)$")

_POSSESSOR = re.compile(r"^[A-Z][a-z]+(?:'s|\u2019s)\s+(?=[A-Z])")

_QUOTED = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d]{2,60})[\"\u201d]"
    r"|(?:^|(?<=\s))['\u2018]([A-Z][^'\u2018\u2019]{1,58})['\u2019](?=[\s,.;:]|$)"  # 'Sneer Review'
)

_KIND_WORDS = re.compile("^(" + "|".join(word_list("kind_headings")) + ")$", re.I)

_COUNTRY_HEADING_WORDS = words("country_heading_words")


def names_a_country(heading: Sentence) -> bool:
    """A heading that only names a country ("North Korea", "Iranian APT actors"): the section is
    about that country's actors."""
    countries = [m for m in heading.mentions if m.entry.kind in ("Country", "Demonym", "Sponsor")]
    covered = {i for m in countries for i in range(m.index, m.index + m.width)}
    rest = [w for i, w in enumerate(heading.words) if i not in covered]
    return bool(countries) and all(w in _COUNTRY_HEADING_WORDS for w in rest)


def unnumbered(heading: str) -> str:
    """A heading without its section number: "2 Sneer Review", "3.1 Uncle Spam"."""
    return _SECTION_NUMBER.sub("", heading) if heading[:1].isdigit() else heading


def operation_name(heading: str | None) -> str | None:
    if not heading:
        return None
    # Each pattern is tried only where it can match: most headings are a name and no more.
    heading = unnumbered(heading)  # "2 Sneer Review", "3.1 Uncle Spam"
    quoted = (
        _QUOTED.search(heading)
        if '"' in heading or "\u201c" in heading or "'" in heading or "\u2018" in heading
        else None
    )
    name = DATE_FIRST.sub("", heading)  # "March 2025 \u2014 Helgoland Bite"
    name = _OPERATION_WORD.sub("", name) if name.startswith("Operation") else name
    if name[:1] in _LEAD_FIRST:  # "Case 4: ...", "Operation: ...", "Network - ..."
        name = _HEADING_LEAD.sub("", name)
    titled = name != heading  # "Case 4: Operations against Vietnam" is a case's title
    kind, colon, rest = name.partition(":")
    if quoted:
        name = quoted.group(1) or quoted.group(2)
    elif colon and len(kind.split()) <= 2 and _KIND_WORDS.match(kind.strip()):
        name = rest  # "Cyber: North Korean actors"
    name = _HEADING_TAIL.sub("", name).strip(" \"\u201c\u201d'")
    if "'s" in name or "\u2019s" in name:
        name = _POSSESSOR.sub("", name)  # "China's Spamouflage" is Spamouflage
    if ")" in name[-2:]:
        tail = BRACKETED_TAIL.search(name)
        short = tail.group(0).strip(" ()") if tail else ""
        before = name[: tail.start()] if tail else ""
        initials = "".join(w[0] for w in before.split() if w[:1].isupper())
        if len(short) > 1 and short.isupper() and short == initials:
            return short  # "International Union of Virtual Media (IUVM)": the short name
        name = BRACKETED_TAIL.sub("", name)  # "Forest Blizzard (Russia)": who, in the heading
    if not name or GENERIC_HEADINGS.match(name) or len(name) > 80:
        return None
    if " " in name and name.isupper():  # not one word: "GLASSHOOK" is a codename as written
        name = from_capitals(name)  # "2) NINE\u2014EMDASH LINE" between two rules of dashes
    if not titled and is_topic(name):
        return None
    return name


_TOPIC_WORDS = words("topic_words")

_ABOUT_A_REPORT = words("about_a_report")


def is_topic(heading: str) -> bool:
    """A heading that says what a section is about ("Malware that queries a model") names no
    operation; "Phish and Scripts" or "Deceptive employment schemes" may."""
    words = heading.split()
    # "OpenAI's February report" is about a report (but "Tort Report" is an operation's name);
    # "A novice actor builds malware" is a case's title, and it names the case.
    return not (
        _TOPIC_WORDS.isdisjoint(w.lower() for w in words) and _ABOUT_A_REPORT.isdisjoint(words)
    )


ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)

# Labelled fields of list items and table rows: label → what it says (layout.yaml).
FIELD_ROLES = {label: role for role, labels in field_roles().items() for label in labels}

_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,24}?)\s?:\s*")

# A label not in FIELD_ROLES, by the word it ends with or holds: "Country of origin",
# "Audience or target", "Languages observed", "Operation name"
_ROLE_WORDS = (
    (re.compile(r"\b(?:origin|attribution|nexus|sponsor)\b"), "who"),
    (re.compile(r"\blanguages?\b"), "language"),
    (re.compile(r"\b(?:targets?|audiences?|victims?|targeting)\b"), "target"),
    (re.compile(r"^(?:operation|campaign|network)(?: name)?$"), "name"),
)


def field_role(label: str) -> str | None:
    """What a field's label says it holds ("who", "language", "target", "name", "text", ...),
    or None for a label that is no field's.

    >>> field_role("Country of origin"), field_role("Audience or target"), field_role("Note")
    ('who', 'target', 'text')
    """
    key = label.strip().lower()
    role = FIELD_ROLES.get(key)
    if role is not None or len(key.split()) > 4:
        return role
    if FIELD_ROLES.get(key.split(" ", 1)[0]) == "text":
        return "text"  # "Notes on targets": notes, whatever they are on
    return next((r for pattern, r in _ROLE_WORDS if pattern.search(key)), None)


def labelled_fields(paragraph: str) -> list[tuple[str, str]] | None:
    """(role, value) pairs of a paragraph that is labelled fields ("Actor: GTG-2002"), else None."""
    if ":" not in paragraph.lstrip()[:30]:
        return None  # the label and its colon come first: most paragraphs have none there
    first = _FIELD.match(paragraph)
    if not first or field_role(first.group(1)) is None:
        return None
    out: list[tuple[str, str]] = []
    for part in paragraph.split("; ") if "; " in paragraph else [paragraph]:
        m = _FIELD.match(part)
        role = field_role(m.group(1)) if m else None
        if m and role:
            out.append((role, part[m.end() :].strip()))
        elif m:  # a label not known ("How Claude was used: ...") is text to read, label and all
            out.append(("text", part.strip()))
        elif out:  # a value that holds "; " itself
            out[-1] = (out[-1][0], f"{out[-1][1]}; {part}")
    return out
