"""A report's layout: sections, paragraphs, list items, table rows and labelled fields.

Sections start at headings (what a heading says: :mod:`~graphkit.extract.headings`). List
items and table rows (:mod:`~graphkit.extract.tables`) stand alone; "Actor: ...", "Targets:
..." fields say what they hold (:mod:`~graphkit.extract.fields`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from graphkit.extract.cues import word_list
from graphkit.extract.fields import (
    FIELD_HEAD,
    FIELD_LINE,
    fact_sheets,
    field_block,
    listed_values,
)
from graphkit.extract.headings import CAPITALS, GENERIC_HEADINGS, HEADING_LEAD, from_capitals
from graphkit.extract.tables import table_rows

__all__ = ["LEAD_BOLD", "WHO", "aside", "inner_bold", "sections", "unmarked"]


WHO: Final = frozenset({"Country", "Demonym", "Sponsor", "Language", "Actor", "Platform"})


LEAD_BOLD: Final = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{2,80})(?:\*\*|__)")


_INNER_BOLD: Final = re.compile(r"(?:\*\*|__)([A-Z][^*_]{1,60}?)(?:\*\*|__)")


def inner_bold(paragraph: str) -> str | None:
    """The one name set in bold inside a paragraph ("The one that stood out is **Sneer
    Review**, which ..."): a run of one to five capitalised words. None when the paragraph
    sets none in bold, or more than one (a list of names is read otherwise)."""
    spans = {" ".join(m.group(1).split()) for m in _INNER_BOLD.finditer(paragraph)}
    names = [s for s in spans if s[-1:].isalnum() and 0 < len(s.split()) <= 5 and _titled(s)]
    return names[0] if len(names) == 1 and not GENERIC_HEADINGS.match(names[0]) else None


_BLANK_LINE: Final = re.compile(r"\n\s*\n")


# Handling marks, which say who may read a text and nothing about its content: a banner line
# ("UNCLASSIFIED // FOR PUBLIC RELEASE", "TLP:CLEAR") and a paragraph's portion mark ("(U) ").
_BANNER: Final = re.compile(
    r"^[ \t]*(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|CUI)(?: ?//? ?[A-Z][A-Z ,/-]*)?"
    r"|TLP ?: ?(?:CLEAR|WHITE|GREEN|AMBER(?: ?\+ ?STRICT)?|RED))[ \t]*$\n?",
    re.M,
)


_PORTION: Final = re.compile(
    r"^([ \t]*(?:[0-9]{1,2}[.)][ \t]+|[a-z][.)][ \t]+)?)\((?:U|C|S|TS|CUI)(?://[A-Z]+)*\)[ \t]+",
    re.M,
)


_PORTION_SEEN: Final = ("(U)", "(U/", "(C)", "(S)", "(TS)", "(CUI)")


# What a line that holds a banner or a portion mark holds somewhere: looked for first, so that
# the patterns above, anchored at a line's start, are tried on those lines only (tried at
# every position of a long text, they took a few percent of its reading); a banner's words by
# str.find, a word at a time (an alternation of them was tried at each of their capitals).
_BANNER_WORDS: Final = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "CUI", "TLP")
_PORTION_MARK: Final = re.compile(r"\((?:U|C|S|TS|CUI)(?://[A-Z]+)*\)[ \t]")


def unmarked(text: str) -> str:
    r"""The text without its handling marks.

    >>> unmarked("TLP:CLEAR\n\n1. (U) SNEER REVIEW. Likely Chinese.\n(U//FOUO) More.")
    '\n1. SNEER REVIEW. Likely Chinese.\nMore.'
    """
    if "CLASSIFIED" in text or "SECRET" in text or "TLP" in text or "CUI" in text:
        text = _line_sub(_BANNER, _found(_BANNER_WORDS, text), "", text)
    if any(mark in text for mark in _PORTION_SEEN):
        text = _line_sub(_PORTION, [m.start() for m in _PORTION_MARK.finditer(text)], "\\1", text)
    return text


def _found(words: tuple[str, ...], text: str) -> list[int]:
    """Where each of ``words`` stands in ``text``, in order."""
    starts = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
    return sorted(starts)


def _line_sub(pattern: re.Pattern[str], inside: list[int], repl: str, text: str) -> str:
    """``pattern.sub(repl, text)`` for a pattern that matches at a line's start within the
    line (and its newline), tried only on the lines of ``inside``, where what it holds stands
    (in order; a line found twice is left if replaced, else tried again to the same end)."""
    out: list[str] = []
    done = 0  # the text before this is copied or replaced
    for found in inside:
        start = text.rfind("\n", 0, found) + 1
        if start < done:
            continue  # a line replaced already: one match a line
        m = pattern.match(text, start)
        if m is not None:
            out += [text[done:start], m.expand(repl)]
            done = m.end()
    return "".join(out) + text[done:] if out else text


_HEADING: Final = re.compile(r"^\s{0,3}(#{2,4})\s+(.+?)\s*#*\s*$")


_TITLE: Final = re.compile(r"^\s{0,3}#\s")


_UNDERLINE: Final = re.compile(r"^\s{0,3}(?:-{3,}|={3,})\s*$")  # under a setext heading


# A list item's marker: a bullet, or a number ("1.", "2)", and "3/" in threads).
_NUMBER: Final = r"[0-9]{1,2}[.)/]"


_MARKER: Final = rf"(?:[-*\u2022\u2013]|{_NUMBER})"


_MARKER_FIRST: Final = frozenset("-*\u2022\u2013")  # a marker's first character, or a digit


_BULLET: Final = re.compile(rf"^\s{{0,6}}{_MARKER}\s+")


# How a line that is more than prose starts: a heading, a bullet or a number, an underline.
_MARKED: Final = re.compile(rf"\s{{0,6}}(?:[#*\u2022\u2013=-]|{_NUMBER}\s)")


# (the item's text up to its last character that is no space or tab, or its one space: what a
# lazy "(.+?)[ \t]*$" gives, without trying the line's end after each character)
_ITEM: Final = re.compile(rf"^([ \t]{{0,6}}){_MARKER}[ \t]+(.*[^ \t\n]|.)[ \t]*$", re.M)


# An item on any line but the first: what _ITEM finds there, looked for from each line break
# (a pattern that starts with "^" is tried at every character of the text).
_ITEM_LINE: Final = re.compile(rf"\n[ \t]{{0,6}}{_MARKER}[ \t]+.")


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
        else:  # a blank line, then a paragraph that is no item (nor a heading); the last of
            # a list stays an item ("- Peru denies the claims" after "- Hackers used ...")
            heads = (
                not (n and _ITEM.match(lines[n - 1]))
                and len(rest) == 2
                and bool(rest[1].strip())
                and not _ITEM.match(rest[1])
                and not rest[1].lstrip().startswith("#")
            )
        if heads:
            lines[n] = "### " + title
    return "\n".join(lines)


# An outline's mark: a roman numeral or a capital letter and a stop, then a capitalised word
_OUTLINE_MARK: Final = re.compile(r"^(?:[IVX]{1,4}|[A-Z])[.)][ \t]+(?=[A-Z])")


_OUTLINE_FIRST: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


# "2.1 Forest Blizzard (Russia)": a numbered section heading over its text
_NUMBERED_HEADING: Final = re.compile(r"^[0-9]{1,2}(?:\.[0-9]{1,2})+\.?\s+([A-Z][^.!?:;]{1,78})$")


# "3. Recommendations" over bullets of another kind: a numbered heading, not an item
_NUMBERED_OVER_BULLETS: Final = re.compile(r"^[0-9]{1,2}\.\s+([A-Z][\w-]*(?: [\w-]+){0,5})$")


# A chat message's time and speaker: "[09:15] dana: ", "09:15 <dana> "
_STAMP: Final = r"^\s*\[?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\]?\s+"  # "[09:15] ", "00:01:25 "

_CHAT_LINE: Final = re.compile(rf"{_STAMP}<?[\w.@-]{{1,32}}>?:?\s+")


# A timed turn of a transcript: the stamp, then a speaker's name and a colon
_SPEAKER_LINE: Final = re.compile(rf"{_STAMP}[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){{0,2}}:\s+")


# A turn that only says what comes next: "Let's talk about North Korea, because ..."
_SPOKEN_HEADING: Final = re.compile(
    r"^(?:(?:OK|Okay|So|Now|Right),? )?[Ll]et(?:'s|\u2019s| us) (?:talk about|turn to|move on to|"
    r"look at|get to|go to) ([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})(?:[,.;:]|$)"
)


_SENTENCE_START: Final = re.compile(r"(^|[.!?] )([a-z])")


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
        and ", " not in first  # "Hanoi, Vietnam, National Assembly building": a photo's caption
        and len(second.strip()) > len(first) + 15
        and not _MARKED.match(first)
        and not FIELD_LINE.match(first)
        and not aside(first)  # "By Dana Reyes and Sam Ortiz": who wrote it, no heading
    )


# reStructuredText: a field list's ":Field: value", a directive's ".. note::" and its options
_RST_MARKUP: Final = re.compile(r"^(?::[A-Za-z][A-Za-z ]{0,24}:(?:\s|$)|\.\. [a-z-]+::)")


_RST_FIELD: Final = re.compile(r"^(\s*):([A-Za-z][A-Za-z ]{0,24}):(?=\s|$)")


def _rst_lines(lines: list[str]) -> list[str]:
    r"""A reStructuredText block as plain lines: fields as "Field: value", a directive's body
    without the directive.

    >>> _rst_lines([":Targets: Uyghurs", ":Date: 2025-10-09"])
    ['Targets: Uyghurs', 'Date: 2025-10-09']
    >>> _rst_lines([".. note::", "   Other vendors saw it."])
    ['Other vendors saw it.']
    """
    if lines[0][:1] == ":":
        return [_RST_FIELD.sub(r"\1\2:", line, count=1) for line in lines]
    return [line.strip() for line in lines[1:] if line.strip()]


def sections(text: str) -> Iterator[tuple[str | None, str, bool]]:
    """(heading or None, paragraph, is a list item) triples; a heading starts a section."""
    for heading, paragraph, item in listed_values(_sections(text)):
        if paragraph[:2] in ("**", "__") and (". **" in paragraph or ". __" in paragraph):
            for part in _BOLD_LEAD_SENTENCE.split(paragraph):  # "**A** did x. **B** did y."
                yield heading, part, item
        else:
            yield heading, paragraph, item


# A sentence that opens with a bold name inside a paragraph that opened with one: a new case
_BOLD_LEAD_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+(?=(?:\*\*|__)[A-Z])")


Triple = tuple[str | None, str, bool]


@dataclass
class _Cursor:
    """Where the reading stands: the last heading, and how far the last list item's marker
    stood from the margin."""

    heading: str | None = None
    indent: int = 0

    def head(self, heading: str) -> Triple:
        self.heading = heading
        return heading, "", False


def _sections(text: str) -> Iterator[Triple]:
    cursor = _Cursor()
    text = text.replace("\r\n", "\n")
    if _ITEM.match(text) or _ITEM_LINE.search(text):  # any list item at all
        text = _titled_items(text)
    blocks = _BLANK_LINE.split(text)
    for n_block, block in enumerate(blocks):
        yield from _block(cursor, block, blocks, n_block)


def _block(cursor: _Cursor, block: str, blocks: list[str], n_block: int) -> Iterator[Triple]:
    """The paragraphs and headings of a block of lines between blank lines."""
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
            yield cursor.head(body)  # "Case study: Peer Review" alone, in text pasted from a PDF
        else:
            yield cursor.heading, body, False
        return
    rows = table_rows(block, lines)
    if rows:  # a table: a row is an item, each cell named by its column
        for row in rows:
            yield cursor.heading, row, True
        return
    if len(lines) == 1 and body[:1] in "[0123456789" and _SPEAKER_LINE.match(body):
        # a transcript's turn, one a paragraph: "[00:01:25] TOMASZ: The first is ..."
        turn = _sentence_case(_SPEAKER_LINE.sub("", body))
        topic = _SPOKEN_HEADING.match(turn) if "et" in turn[:12] else None
        # "Let's talk about North Korea, because ...": a heading, said aloud
        yield cursor.head(topic.group(1)) if topic else (cursor.heading, turn, False)
        return
    if len(lines) > 1 and all(_CHAT_LINE.match(ln) for ln in lines):
        for line in lines:  # a chat export: each message a paragraph, without its stamp
            yield cursor.heading, _sentence_case(_CHAT_LINE.sub("", line)), False
        return
    if lines and lines[0][:1] in ":." and _RST_MARKUP.match(lines[0]):
        lines = _rst_lines(lines)  # reStructuredText: ":Targets: Uyghurs", ".. note::"
    if lines and lines[0][:1] in _OUTLINE_FIRST and _OUTLINE_MARK.match(lines[0]):
        lines[0] = _OUTLINE_MARK.sub("", lines[0], count=1)  # "II. CHINA", "B. Sneer Review."
    heading, lines = _block_head(lines, n_block)
    if heading is not None:
        yield cursor.head(heading)
    if not lines:
        return
    fields = field_block(lines) if len(lines) > 1 and FIELD_HEAD.match(lines[0]) else None
    if fields:  # one field a line, or a label over its indented value
        yield cursor.heading, fields, False
    elif len(lines) == 1 and not _MARKED.match(lines[0]):
        yield cursor.heading, lines[0], False  # one line of prose: most paragraphs
    else:
        yield from fact_sheets(_lines(cursor, lines))  # "- Targets: ...", "- Landing: ..."


def _block_head(lines: list[str], n_block: int) -> tuple[str | None, list[str]]:
    """The heading a block's first line is (None if it is none), and the lines under it."""
    if lines and CAPITALS.match(lines[0]):  # "BAD GRAMMAR -- RUSSIA" over its text
        underlined = len(lines) > 1 and _UNDERLINE.match(lines[1])
        # "=" marks the title, and so does the first block's line in capitals
        titled = not (underlined and lines[1].lstrip()[0] == "=") and (n_block or len(lines) == 1)
        return from_capitals(lines[0]) if titled else None, lines[2:] if underlined else lines[1:]
    if lines and (numbered := _NUMBERED_HEADING.match(lines[0])):  # "2.1 Forest Blizzard"
        return numbered.group(1), lines[1:]
    if len(lines) > 1 and (numbered := _NUMBERED_OVER_BULLETS.match(lines[0])):
        if _BULLET.match(lines[1]) and not _NUMBERED_OVER_BULLETS.match(lines[1]):
            return numbered.group(1), lines[1:]  # "3.\tRecommendations" over "\u2022\tWatch ..."
        return None, lines
    if len(lines) > 1 and _short_head(lines[0], lines[1]):  # a PDF's "Operation X" line
        # the first block's is the title
        return lines[0].strip() if n_block else None, lines[1:]
    return None, lines


def _lines(cursor: _Cursor, lines: list[str]) -> Iterator[Triple]:
    """A block's lines: list items, Markdown and setext headings, and prose between them."""
    rest: list[str] = []
    item = False
    unwrapped = any(len(ln) > _UNWRAPPED and _ends(ln) for ln in lines)
    ruled = [("---" in ln or "===" in ln) and _UNDERLINE.match(ln) is not None for ln in lines]
    links = False  # under "Related stories": other stories' headlines, up to a line of prose
    for n, line in enumerate(lines):
        if unwrapped and (links or _RELATED.match(line)):
            links = not _ends(line)
            if links:
                continue
        if n + 1 < len(lines) and ruled[n + 1] and line.strip():
            # A setext heading ("Case A: ..." over a line of dashes); "=" marks the title
            if rest:
                yield cursor.heading, "\n".join(rest), item
                rest, item = [], False
            if lines[n + 1].lstrip()[0] == "-":
                yield cursor.head(line.strip())
            continue
        if n and ruled[n] and lines[n - 1].strip():
            continue  # the underline of the heading above
        if n + 2 < len(lines) and ruled[n] and ruled[n + 2]:
            continue  # an overline: reStructuredText's title, ruled above and below
        bullet = _BULLET.match(line)
        if bullet:  # a list item is a paragraph of its own
            if rest:
                yield cursor.heading, "\n".join(rest), item
            rest, item = [line[bullet.end() :]], True
            cursor.indent = len(line) - len(line.lstrip())
            continue
        if item and rest and line[:1].strip() and cursor.indent > 0:
            yield cursor.heading, "\n".join(rest), item  # a line back at the margin ends the item
            rest, item = [], False
        if not line.lstrip().startswith("#"):
            if (
                unwrapped
                and not item
                and rest
                and line[:1].strip()
                and not _HEADS_NEXT.search(rest[-1])
            ):
                yield cursor.heading, "\n".join(rest), item  # one paragraph a line
                rest = []
            rest.append(line)
            continue
        if _TITLE.match(line):
            continue  # the title, not a section
        m = _HEADING.match(line)
        if m:
            if rest:
                yield cursor.heading, "\n".join(rest), item
                rest, item = [], False
            yield cursor.head(m.group(2).strip())
        else:
            rest.append(line)
    if rest:
        yield cursor.heading, "\n".join(rest), item


# A block of lines with a sentence's end on a line longer than this was not wrapped to a width
# (72 to 80 characters in mail and plain text, up to about 110 in text copied from a wide PDF
# page): a news page's text, copied or read from the web, comes one paragraph a line with no
# blank line between them, and there each line is a paragraph (a headline, a byline, a
# caption are lines of their own), but for a question or a label over the line it heads.
_UNWRAPPED: Final = 120
_HEADS_NEXT: Final = re.compile(r"[?:]\s*$")
_RELATED: Final = re.compile(rf"^(?:{'|'.join(word_list('related_heads'))})\s*:?\s*$", re.I)

# A line that ends a sentence: a full stop after a word (not a contents page's dots, not a
# question, which heads its answer on the next line), maybe a closing quote or bracket
_SENTENCE_END: Final = re.compile(r"[\w%)\]\"'\u201d\u2019][.!][\"'\u201d\u2019)\]]?\s*$")


def _ends(line: str) -> bool:
    return _SENTENCE_END.search(line) is not None


_ASIDE: Final = re.compile(rf"^(?:{'|'.join(word_list('aside_lines'))})", re.I)


def aside(paragraph: str) -> bool:
    """A news page's aside between its paragraphs ("Read more: ...", "(Photo by ...)",
    "Subscribe to ...", a byline): no text of the story, and not its end either."""
    return _ASIDE.match(paragraph) is not None


def _plain_heading(line: str, blocks: list[str], n: int) -> bool:
    """Whether a line alone between blank lines (80 characters at most: the caller looks),
    with no stop at its end, heads what follows: "Case study: Peer Review", or a short title
    ("Peer Review") over a paragraph of prose."""
    if len(line.split()) > 8 or aside(line):
        return False  # "By Jane Doe": who wrote it, not a heading
    if HEADING_LEAD.match(line):
        return True
    after = blocks[n + 1].strip() if n + 1 < len(blocks) else ""
    return (
        _titled(line)
        and not any(c.isdigit() or c == "," for c in line)
        and len(after.split()) >= 12
        and after[-1:] in ".!?"
        and after[:1].isupper()
    )
